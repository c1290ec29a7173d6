/**
 * Rejected inputs are rejected fast and in little memory: each case is checked by
 * checkContentTree in a fresh Node process over a temporary tree, which reports its wall time
 * and peak RSS. Targets (issue 9): under 10 s and under 250 MB for every rejected input.
 * The figures are printed, so a run doubles as the benchmark.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childEnv, ROOT } from '../helpers/project.ts';

const FM = '---\njudul: Uji\nringkasan: Halaman uji untuk batas sumber daya pemeriksaan konten.\nsumber:\n  - judul: Uji\nterakhir_ditinjau: 2026-11-28\n---\n\n';
const bomb = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghijklmnop'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghijklmnop'[i]}`).join(',')}]`), 'judul: *p', '---', '', 'Teks.', ''].join('\n');

const CASES: { name: string; write: (file: string) => void; expect: RegExp }[] = [
  { name: 'alias bomb (16 levels of 9 aliases)', write: (f) => writeFileSync(f, bomb), expect: /alias YAML/ },
  { name: 'huge frontmatter (250 KB)', write: (f) => writeFileSync(f, `---\njudul: ${'a'.repeat(250_000)}\n---\n`), expect: /frontmatter terlalu panjang/ },
  { name: 'frontmatter with 1 500 unknown keys', write: (f) => writeFileSync(f, `---\n${Array.from({ length: 1500 }, (_, i) => `k${i}: v`).join('\n')}\n---\n`), expect: /tidak dikenal/ },
  { name: 'oversized file (50 MB)', write: (f) => writeFileSync(f, Buffer.alloc(50 * 1024 * 1024, 0x61)), expect: /file terlalu besar/ },
  { name: 'sparse 2 GB file', write: (f) => (writeFileSync(f, ''), truncateSync(f, 2 * 1024 ** 3)), expect: /file terlalu besar/ },
  { name: 'one 250 KB line of expressions', write: (f) => writeFileSync(f, FM + '{a} '.repeat(60_000)), expect: /terlalu banyak tanda "\{"/ },
  { name: '999 expressions on one line (under the token limit)', write: (f) => writeFileSync(f, FM + '{a} '.repeat(999)), expect: /kurung kurawal/ },
  { name: '35 000 character references on one line', write: (f) => writeFileSync(f, FM + 'a &lt; '.repeat(35_000)), expect: /terlalu banyak tanda "&"/ },
  { name: '499 character references and 499 tags on one line (accepted)', write: (f) => writeFileSync(f, FM + 'a &lt; <b>x</b> '.repeat(499)), expect: /^$/ },
  { name: 'parentheses nested 200 000 deep', write: (f) => writeFileSync(f, FM + `{${'('.repeat(120_000)}`), expect: /bersarang/ },
  { name: 'quotes nested 200 000 deep', write: (f) => writeFileSync(f, FM + '>'.repeat(200_000)), expect: /kutipan/ },
  { name: 'tags nested 40 000 deep', write: (f) => writeFileSync(f, FM + '<b>'.repeat(40_000)), expect: /bersarang/ },
  { name: 'long binary expression (crashes the compiler if it ever reached it)', write: (f) => writeFileSync(f, `${FM}{${'a+'.repeat(60_000)}a}`), expect: /kurung kurawal/ },
  { name: '20 000 links on one line (accepted, timed for comparison)', write: (f) => writeFileSync(f, FM + '[a](/b) '.repeat(20_000)), expect: /^$/ },
];

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

const MEASURE = `
const { checkContentTree } = await import(${JSON.stringify(path.join(ROOT, 'src/lib/content-check.ts'))});
const t0 = performance.now();
const r = checkContentTree(process.cwd());
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, messages: r.diagnostics.map((d) => d.message.id) }));
`;

describe('limits on rejected content', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'rtw-limit-'));
      temps.push(dir);
      mkdirSync(path.join(dir, 'content/halaman'), { recursive: true });
      c.write(path.join(dir, 'content/halaman/uji.mdx'));
      const started = performance.now();
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', MEASURE], { cwd: dir, encoding: 'utf8', env: childEnv(), timeout: 60_000 });
      const wall = performance.now() - started;
      expect(r.status, r.stderr).toBe(0);
      const m = JSON.parse(r.stdout) as { ms: number; maxRssMb: number; messages: string[] };
      console.log(`${c.name}: check ${m.ms.toFixed(0)} ms, process ${wall.toFixed(0)} ms, peak RSS ${m.maxRssMb.toFixed(0)} MB`);
      expect(m.messages.join('\n')).toMatch(c.expect);
      expect(wall).toBeLessThan(10_000);
      expect(m.maxRssMb).toBeLessThan(250);
    }, 60_000);
  }
});
