import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkContent, formatContentProblem } from '../src/lib/content-check.ts';

const lines = (text: string) => checkContent('content/x.mdx', text).map(formatContentProblem);

describe('checkContent', () => {
  it('accepts plain MDX with components from src/components/', () => {
    expect(lines('---\njudul: A\n---\n\nimport Kotak from "../../src/components/Kotak.astro";\n\nTeks [BPU](/bpu/).\n\n<TabelIuran />\n')).toEqual([]);
  });
  it('pins each rule with its position', () => {
    const text = [
      '---', 'judul: A', '---', '',
      'import x from "../../src/lib/claims/load.ts";',
      '',
      'Halo <script>alert(1)</script>',
      '<img src="a.png" onerror="alert(1)" />',
      '[klik](javascript:alert(1))',
      'export const a = 1;',
    ].join('\n');
    expect(lines(text)).toMatchInlineSnapshot(`
      [
        "content/x.mdx:5:1: error: import from "../../src/lib/claims/load.ts" is not allowed; content may only import components from src/components/",
        "content/x.mdx:7:6: error: <script> is not allowed in content; pages get their behaviour from components in src/components/",
        "content/x.mdx:8:18: error: inline event handler "onerror" is not allowed in content; remove it",
        "content/x.mdx:9:8: error: "javascript:" links are not allowed; link to a page (/bpu/) or a full https:// address",
        "content/x.mdx:10:1: error: export statements are not allowed in content; put data in the frontmatter",
      ]
    `);
  });
  it('catches mixed case and spacing', () => {
    expect(lines('< SCRIPT src="x.js">')).toHaveLength(1);
    expect(lines('[a](JavaScript :void(0))')).toHaveLength(1);
  });
});

describe('npm run content:check on the real content', () => {
  it('passes', () => {
    const r = spawnSync(process.execPath, ['scripts/check-content.ts'], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/content files? checked: 0 errors/);
    expect(r.status).toBe(0);
  });
});

describe('frontmatter dates', () => {
  it('rejects dates that do not exist, naming file, line and field', () => {
    const text = ['---', 'judul: Pelatihan', 'sumber:', '  - judul: A', '    tanggal: 2017-02-30', 'terakhir_ditinjau: 2026-13-45', '---', '', 'Teks.'].join('\n');
    expect(lines(text)).toMatchInlineSnapshot(`
      [
        "content/x.mdx:5:14: error: "sumber[0].tanggal" is not a real date: "2017-02-30"; write it as YYYY-MM-DD, for example 2026-11-28",
        "content/x.mdx:6:20: error: "terakhir_ditinjau" is not a real date: "2026-13-45"; write it as YYYY-MM-DD, for example 2026-11-28",
      ]
    `);
  });
  it('accepts real dates, quoted or not', () => {
    expect(lines('---\ntanggal_urut: "2017-03-01"\nterakhir_ditinjau: 2026-11-28\n---\n')).toEqual([]);
  });
});
