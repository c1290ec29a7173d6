/**
 * Breaking a content entry must stop `npm run content:check` and `npm run build` with
 * `PATH:LINE:COLUMN: error: MESSAGE` in Indonesian, naming the field, and no stack trace.
 * Runs the real commands on a temporary copy of the project.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childEnv, copyProject, runNode } from '../helpers/project.ts';

const copies: string[] = [];

/** A copy of the project's sources (node_modules linked) with one file's text changed. */
function brokenCopy(file: string, change: (text: string) => string): string {
  const dir = copyProject('rtw-content-');
  copies.push(dir);
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
  return dir;
}

const run = (dir: string, args: string[], env: Record<string, string> = {}) => runNode(args, { cwd: dir, env: { RTW_LANG: '', ...env } });

function npmRun(dir: string, script: string): { status: number | null; output: string } {
  const r = spawnSync('npm', ['run', '--silent', script], { cwd: dir, encoding: 'utf8', env: childEnv({ RTW_LANG: '' }) });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`.replace(/\u001b\[[0-9;]*m/g, '') };
}

const NO_STACK = /^\s+at |Error:|\[InvalidContentEntryDataError\]/m;

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe('a misspelt field name (judul → judull)', () => {
  const dir = brokenCopy('content/pelatihan/elektro.mdx', (t) => t.replace(/^judul:/m, 'judull:'));
  const expected = 'content/pelatihan/elektro.mdx:2:1: error: kolom "judull" tidak dikenal; maksud Anda "judul"?';

  it('npm run content:check: line 2, column 1, Indonesian, the suggestion', () => {
    const r = npmRun(dir, 'content:check');
    expect(r.status).toBe(1);
    expect(r.output.split('\n')).toContain(expected);
    expect(r.output).not.toMatch(NO_STACK);
  });

  it('npm run build stops with the same line before Astro runs', () => {
    const r = npmRun(dir, 'build');
    expect(r.status).not.toBe(0);
    expect(r.output.split('\n')).toContain(expected);
    expect(r.output).not.toMatch(NO_STACK);
    expect(r.output).not.toContain('astro');
  }, 120_000);

  it('in English with --lang en and RTW_LANG=en, as a GitHub annotation with --format github', () => {
    const en = 'content/pelatihan/elektro.mdx:2:1: error: unknown field "judull"; did you mean "judul"?';
    expect(run(dir, ['scripts/check-content.ts', '--lang', 'en']).output.split('\n')).toContain(en);
    expect(run(dir, ['scripts/check-content.ts'], { RTW_LANG: 'en' }).output.split('\n')).toContain(en);
    expect(run(dir, ['scripts/check-content.ts', '--format', 'github']).output.split('\n')).toContain(
      '::error file=content/pelatihan/elektro.mdx,line=2,col=1,title=frontmatter-kolom::kolom "judull" tidak dikenal; maksud Anda "judul"?',
    );
    const bad = run(dir, ['scripts/check-content.ts', '--bahasa', 'en']);
    expect(bad.status).toBe(2);
    expect(bad.output).toContain('opsi "--bahasa" tidak dikenal');
    expect(bad.output).not.toMatch(/^\s+at /m);
  });
});

describe('other content mistakes', () => {
  it('a date that does not exist: file:line:column and the field', () => {
    const dir = brokenCopy('content/pelatihan/elektro.mdx', (t) => t.replace(/^terakhir_ditinjau: .*$/m, 'terakhir_ditinjau: 2026-02-30'));
    const r = run(dir, ['scripts/check-content.ts']);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/^content\/pelatihan\/elektro\.mdx:\d+:20: error: "terakhir_ditinjau" bukan tanggal yang ada di kalender: "2026-02-30"/m);
  });

  it('an unclosed tag at the end of a file is reported at its line', () => {
    const dir = brokenCopy('content/halaman/tentang.mdx', (t) => `${t.trimEnd()}\n\n<details>\n\nIsi.\n`);
    const lineNo = readFileSync(join(dir, 'content/halaman/tentang.mdx'), 'utf8').split('\n').indexOf('<details>') + 1;
    const r = run(dir, ['scripts/check-content.ts', 'content/halaman/tentang.mdx']);
    expect(r.status).toBe(1);
    expect(r.output).toContain(`content/halaman/tentang.mdx:${lineNo}:1: error: tag <details> tidak ditutup`);
  });

  it('if Astro is run directly, its message carries the same Indonesian schema messages', () => {
    const dir = brokenCopy('content/pelatihan/elektro.mdx', (t) => t.replace(/^status: .*$/m, 'status: buka').replace(/^judul: .*$/m, ''));
    const r = run(dir, ['node_modules/astro/bin/astro.mjs', 'build']);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('pelatihan → elektro data does not match collection schema');
    expect(r.output).toMatch(/status: "status" harus salah satu dari: dibuka, ditutup, belum-diketahui/);
    expect(r.output).toMatch(/judul: kolom "judul" wajib diisi/);
  }, 120_000);
});
