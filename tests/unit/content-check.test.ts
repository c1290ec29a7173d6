import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkContent,
  collectionOf,
  imageProblem,
  linkProblem,
  MAX_FILE_BYTES,
  splitFrontmatter,
  urlScheme,
} from '../../src/lib/content-check.ts';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';

const FM = ['---', 'judul: Halaman uji', 'ringkasan: Halaman uji untuk pemeriksaan konten, bukan halaman yang diterbitkan.', 'sumber:', '  - judul: Sumber uji', 'terakhir_ditinjau: 2026-11-28', '---', ''].join('\n');
const lines = (body: string, file = 'content/halaman/uji.mdx', lang: 'id' | 'en' = 'id') =>
  checkContent(file, FM + body).map((d) => formatDiagnostic(d, { lang }));

describe('checkContent: what is allowed', () => {
  it('accepts Markdown, tables, allowed elements and the site components where the template passes them', () => {
    const body = [
      '## Judul bagian',
      '',
      'Teks **tebal**, *miring*, [BPU](/bpu/), [situs](https://example.org/), [surel](mailto:a@example.org), [telepon](tel:+62343).',
      '',
      '| a | b |',
      '| - | - |',
      '| 1 | 2 |',
      '',
      '<abbr title="Bukan Penerima Upah">BPU</abbr> <time datetime="2026-11-28">28 November</time> ![ikon](/favicon.svg)',
      '',
      '<TarifIuran />',
      '',
      '<TabelIuran />',
      '',
      '<KalkulatorIuran />',
      '',
    ].join('\n');
    expect(lines(body)).toEqual([]);
  });

  it('accepts an import of an allowed site component (it is provided anyway)', () => {
    expect(lines('import TabelIuran from "../../src/components/TabelIuran.astro";\n\n<TabelIuran />\n')).toEqual([]);
  });

  it('passes every real content file', () => {
    const r = spawnSync(process.execPath, ['scripts/check-content.ts'], { encoding: 'utf8', env: { ...process.env, RTW_LANG: '' } });
    expect(r.stdout).toMatch(/^\d+ file konten diperiksa: 0 error, 0 warning$/m);
    expect(r.status).toBe(0);
  });
});

describe('checkContent: what is refused, at its position', () => {
  it('pins each rule in Indonesian and English', () => {
    const body = ['import x from "../../src/lib/claims/load.ts";', '', 'Halo {1+1}', '<img src="/a.png" onError="alert(1)" alt="" />', '[klik](javascript:alert(1))', ''].join('\n');
    expect(lines(body)).toMatchInlineSnapshot(`
      [
        "content/halaman/uji.mdx:8:1: error: import dari "../../src/lib/claims/load.ts" tidak diizinkan; konten hanya boleh memakai komponen situs (TarifIuran, TabelIuran, KalkulatorIuran), yang sudah disediakan tanpa import: hapus baris ini",
        "content/halaman/uji.mdx:10:6: error: "{1+1}": kurung kurawal { } dibaca sebagai kode, dan konten tidak boleh memuat kode; hapus, atau tulis dengan kata-kata",
        "content/halaman/uji.mdx:11:19: error: atribut kejadian "onError" di <img> tidak diizinkan: konten tidak boleh menjalankan skrip; hapus atribut itu",
        "content/halaman/uji.mdx:12:1: error: tautan "javascript:alert(1)" memakai skema "javascript:", yang tidak diizinkan; tautan hanya boleh ke halaman situs ini (misalnya /bpu/) atau ke alamat https://, http://, mailto: atau tel:",
      ]
    `);
    expect(lines(body, undefined, 'en')).toMatchInlineSnapshot(`
      [
        "content/halaman/uji.mdx:8:1: error: import from "../../src/lib/claims/load.ts" is not allowed; content may only use the site's components (TarifIuran, TabelIuran, KalkulatorIuran), which are provided without an import: remove this line",
        "content/halaman/uji.mdx:10:6: error: "{1+1}": braces { } are read as code, and content may not contain code; remove them or write it in words",
        "content/halaman/uji.mdx:11:19: error: event handler "onError" on <img> is not allowed: content may not run scripts; remove it",
        "content/halaman/uji.mdx:12:1: error: link "javascript:alert(1)" uses the scheme "javascript:", which is not allowed; link to a page of this site (e.g. /bpu/) or to an https://, http://, mailto: or tel: address",
      ]
    `);
  });

  it('catches spellings that slipped past patterns: no space after import, two imports on a line, entity-encoded schemes', () => {
    expect(lines('import{a}from"b"; import c from "d"\n')).toHaveLength(2);
    expect(lines('<a href="&#x6A;avascript&#58;x">a</a>\n')).toHaveLength(1);
    expect(lines('[a](java&#x0A;script:x)\n')).toHaveLength(1);
  });

  it('counts columns in characters, after wide characters', () => {
    expect(lines('😀é {x}\n')[0]).toMatch(/^content\/halaman\/uji\.mdx:8:4: /);
  });

  it('suggests the component the writer meant, where it is available', () => {
    expect(lines('<Tabelluran />\n')[0]).toContain('maksud Anda "<TabelIuran>"?');
    expect(lines('<TabelIuran />\n', 'content/halaman/beranda.mdx')[0]).toContain('hanya bisa dipakai di halaman di content/halaman/ (kecuali beranda.mdx)');
  });

  it('reports an MDX syntax error at its line without running the rules on a broken tree', () => {
    expect(lines('Teks.\n\n<b>tidak ditutup\n')).toEqual([
      'content/halaman/uji.mdx:10:1: error: tag <b> tidak ditutup; tambahkan </b> di tempat yang benar, atau tulis <b /> jika tag itu tidak berisi apa-apa (pesan MDX: Expected a closing tag for `<b>` (10:1) before the end of `paragraph`)',
    ]);
    expect(lines('a <3 b\n')[0]).toMatch(/:8:3: error: tanda "<" dibaca sebagai awal tag/);
  });

  it('refuses a file outside the collections', () => {
    expect(collectionOf('content/pelatihan/elektro.mdx')).toBe('pelatihan');
    expect(collectionOf('content/lain/x.mdx')).toBeUndefined();
    expect(lines('Teks.\n', 'content/lain/x.mdx')[0]).toMatch(/^content\/lain\/x\.mdx:1:1: error: file konten harus berada di/);
  });

  it('caps the number of problems listed per file', () => {
    const out = lines('{a}\n\n'.repeat(80));
    expect(out).toHaveLength(51);
    expect(out.at(-1)).toContain('30 masalah lain di file ini tidak ditampilkan');
  });
});

describe('frontmatter', () => {
  // A copy of content/pelatihan/elektro.mdx's frontmatter, fixed here so edits to the real page don't move the lines.
  const elektro = readFileSync('tests/fixtures/content/pelatihan-valid.mdx', 'utf8');
  const check = (text: string, lang: 'id' | 'en' = 'id') => checkContent('content/pelatihan/elektro.mdx', text).map((d) => formatDiagnostic(d, { lang }));

  it('a misspelt field name: its line and column, a suggestion, and no second "required" error', () => {
    expect(check(elektro.replace(/^judul:/m, 'judull:'))).toEqual(['content/pelatihan/elektro.mdx:2:1: error: kolom "judull" tidak dikenal; maksud Anda "judul"?']);
    expect(check(elektro.replace(/^judul:/m, 'judull:'), 'en')).toEqual(['content/pelatihan/elektro.mdx:2:1: error: unknown field "judull"; did you mean "judul"?']);
  });

  it('a misspelt value, a missing field, a date that does not exist', () => {
    const text = elektro.replace(/^status: .*$/m, 'status: Dibukaa').replace(/^tempat: .*\n/m, '').replace(/^terakhir_ditinjau: .*$/m, 'terakhir_ditinjau: 2026-02-30');
    expect(check(text)).toEqual([
      'content/pelatihan/elektro.mdx:1:1: error: kolom "tempat" wajib diisi',
      'content/pelatihan/elektro.mdx:14:9: error: "status" berisi "Dibukaa", yang tidak dikenal; pilih salah satu: dibuka, ditutup, belum-diketahui. Maksud Anda "dibuka"?',
      'content/pelatihan/elektro.mdx:15:20: error: "terakhir_ditinjau" bukan tanggal yang ada di kalender: "2026-02-30"; tulis YYYY-MM-DD, misalnya 2026-11-28',
    ]);
  });

  it('no coercion: numbers, null and datetimes are not dates', () => {
    for (const v of ['0', 'null', '20261128', '2026-11-28T10:00:00Z', '28-11-2026', '2026-1-5']) {
      const out = check(elektro.replace(/^terakhir_ditinjau: .*$/m, `terakhir_ditinjau: ${v}`));
      expect(out, v).toHaveLength(1);
      expect(out[0]).toMatch(/^content\/pelatihan\/elektro\.mdx:16:20: error: "terakhir_ditinjau" /);
    }
    expect(check(elektro.replace(/^terakhir_ditinjau: .*$/m, 'terakhir_ditinjau: "2026-11-28"'))).toEqual([]);
  });

  it('unknown keys in nested objects are errors; source URLs must be http(s)', () => {
    const text = elektro.replace('    keyakinan: V\n  - judul: Berita', '    keyakinan: V\n    tanggall: 2017-03-01\n  - judul: Berita').replace('    url: https://jatim', '    url: javascript://jatim');
    expect(check(text)).toEqual([
      'content/pelatihan/elektro.mdx:7:10: error: "url" harus alamat web lengkap yang diawali https://',
      'content/pelatihan/elektro.mdx:9:5: error: kolom "tanggall" tidak dikenal; maksud Anda "tanggal"?',
    ]);
  });

  it('limits: text length, YAML merge keys, frontmatter size', () => {
    expect(check(elektro.replace(/^judul: .*$/m, `judul: ${'a'.repeat(151)}`))).toEqual(['content/pelatihan/elektro.mdx:2:8: error: "judul" terlalu panjang: paling banyak 150 karakter']);
    expect(check(elektro.replace(/^judul: .*$/m, 'x: &x { judul: A }\n<<: *x'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/:2:1: error: kolom "x" tidak dikenal/), expect.stringMatching(/:3:1: error: kolom "<<" tidak dikenal/)]),
    );
    const big = elektro.replace(/^bidang: .*$/m, `bidang: ${'a '.repeat(9000)}`);
    expect(check(big)).toEqual([expect.stringMatching(/^content\/pelatihan\/elektro\.mdx:1:1: error: frontmatter terlalu panjang \(\d+ karakter; paling banyak 16384\); pindahkan teks panjang ke isi halaman$/)]);
  });

  it('finds the frontmatter the way Astro does and keeps body offsets', () => {
    const fm = splitFrontmatter('---\na: 1\n---\nteks');
    expect(fm.raw).toBe('\na: 1\n');
    expect(fm.body).toBe(`${' '.repeat(3)}\n${' '.repeat(4)}\n${' '.repeat(3)}\nteks`);
    expect(check('+++\njudul = "a"\n+++\n')[0]).toMatch(/:1:1: error: frontmatter harus ditulis dalam YAML di antara dua baris "---", bukan "\+\+\+"/);
    expect(check('---\njudul: a\n')[0]).toMatch(/:1:1: error: frontmatter tidak ditutup/);
    expect(check(elektro.replace(/\n---\n/, '\n--- x\n'))[0]).toMatch(/baris pembuka dan penutup frontmatter harus berisi "---" saja/);
  });
});

describe('links', () => {
  it('reads schemes as a browser would', () => {
    expect(urlScheme('/bpu/')).toBeUndefined();
    expect(urlScheme('&#106;ava&Tab;script&colon;x')).toBe('javascript');
    expect(urlScheme(' \u0001java\nscript:x')).toBe('javascript');
    expect(urlScheme('&amp;#106;avascript:x')).toBe('javascript');
    expect(urlScheme('HTTPS://example.org')).toBe('https');
    expect(linkProblem('https://example.org/')).toBeNull();
    expect(linkProblem('#bagian')).toBeNull();
    expect(linkProblem('data:text/html,x')?.en).toContain('"data:"');
    expect(imageProblem('/gambar/a.png')).toBeNull();
    expect(imageProblem('//evil.example/a.png')).not.toBeNull();
    expect(imageProblem('https://example.org/a.png')).not.toBeNull();
  });
  it('has a size limit for files', () => expect(MAX_FILE_BYTES).toBe(262_144));
});
