import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IURAN_PATH, iuranSchema, loadIuran } from '../../src/lib/bpu-data.ts';
import { potonganPada } from '../../src/lib/bpu.ts';
import { DataFileError, parseYamlWithSchema } from '../../src/lib/yaml-data.ts';

describe('data/bpu/iuran.yaml', () => {
  const data = loadIuran();

  it('is valid and holds the sourced rates and minimum basis', () => {
    expect(data.sumber.length).toBeGreaterThan(0);
    expect(data.tarif).toEqual({ jkk_persen: '1', jkm_rupiah: '6800', jht_persen: '2' });
    expect(data.penghasilan_minimum).toBe('1000000');
  });

  it('holds the PP 50/2025 discount with its months and groups (research/temuan-data-klaim.md §6)', () => {
    const pp50 = data.potongan.find((p) => p.dasar_hukum.includes('Nomor 50 Tahun 2025'));
    expect(pp50).toBeDefined();
    expect(pp50?.persen_dibayar).toBe('50');
    expect(pp50?.program).toEqual(['JKK', 'JKM']);
    expect(pp50?.diundangkan).toBe('2025-12-22');
    expect(pp50?.tidak_berlaku_untuk).toMatch(/APBN.*APBD/);
    expect(pp50?.berlaku).toEqual([
      { kelompok: 'transportasi', mulai: '2026-01', sampai: '2027-03' },
      { kelompok: 'lainnya', mulai: '2026-04', sampai: '2026-12' },
    ]);
    expect(potonganPada(data.potongan, 'lainnya', '2026-03')).toBeNull();
    expect(potonganPada(data.potongan, 'transportasi', '2026-03')).toBe(pp50);
  });

  it('gives every discount source a URL, publisher, date and confidence', () => {
    for (const p of data.potongan) {
      for (const s of p.sumber) {
        expect(s.url, s.judul).toMatch(/^https:\/\//);
        expect(s.penerbit, s.judul).toBeTruthy();
        expect(s.tanggal, s.judul).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(['V', 'M', 'U']).toContain(s.keyakinan);
      }
    }
  });

  it('says what is still unverified', () => {
    expect(data.belum_diperiksa.join(' ')).toMatch(/Lampiran II PP 44\/2015/);
  });
});

describe('parseYamlWithSchema', () => {
  const valid = loadIuran();
  const realText = readFileSync(IURAN_PATH, 'utf8');
  const write = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'iuran-'));
    const path = join(dir, 'iuran.yaml');
    writeFileSync(path, text);
    return path;
  };
  /** The error lines of a YAML text, with the temp path shortened. */
  const errorsOf = (text: string): string[] => {
    try {
      loadIuran(write(text));
    } catch (e) {
      expect(e).toBeInstanceOf(DataFileError);
      return (e as DataFileError).message.split('\n').map((l) => l.replace(/^.*iuran\.yaml/, 'iuran.yaml'));
    }
    throw new Error('expected the file to be rejected');
  };

  /** A small valid file; `potongan` and `kelompok` replace the tail. */
  const file = (potongan: string, kelompok = '  - id: transportasi\n    nama: Transportasi\n  - id: lainnya\n    nama: Lainnya\n') => [
    'sumber:',
    '  - judul: Contoh',
    'berlaku_sejak: null',
    'keterangan_berlaku: tidak diketahui',
    'terakhir_ditinjau: 2026-11-29',
    'tarif: {jkk_persen: "1", jkm_rupiah: "6800", jht_persen: "2"}',
    'contoh_penghasilan: ["1000000"]',
    'penghasilan_minimum: "1000000"',
    'catatan: perkiraan',
    'belum_diperiksa: []',
    `url_resmi: ${valid.url_resmi}`,
    'kelompok_peserta:',
    kelompok.trimEnd(),
    'potongan:',
    potongan.trimEnd(),
    '',
  ].join('\n');

  const potonganBaik = [
    '  - nama: Potongan',
    '    dasar_hukum: PP 50/2025',
    '    diundangkan: 2025-12-22',
    '    persen_dibayar: "50"',
    '    program: [JKK, JKM]',
    '    berlaku:',
    '      - {kelompok: transportasi, mulai: "2026-01", sampai: "2027-03"}',
    '    tidak_berlaku_untuk: APBN/APBD',
    '    sumber:',
    '      - {judul: A, penerbit: B, url: "https://example.org/a", tanggal: 2026-02-04, keyakinan: V}',
  ].join('\n');

  it('accepts the real file and a small valid one', () => {
    expect(() => parseYamlWithSchema(realText, IURAN_PATH, iuranSchema)).not.toThrow();
    expect(() => loadIuran(write(file(potonganBaik)))).not.toThrow();
  });

  it('points at the line and column of a wrong field', () => {
    const text = file(potonganBaik)
      .replace('terakhir_ditinjau: 2026-11-29', 'terakhir_ditinjau: 2026-02-30')
      .replace('jkm_rupiah: "6800"', 'jkm_rupiah: 6.800');
    expect(errorsOf(text)).toMatchInlineSnapshot(`
      [
        "iuran.yaml:5:20: error: "terakhir_ditinjau": must be a real date written YYYY-MM-DD",
        "iuran.yaml:6:38: error: "tarif.jkm_rupiah": "jkm_rupiah" must be a quoted decimal such as "1" or "6800"",
      ]
    `);
  });

  it('reports wrong discount months, shares and programmes in Indonesian at their position', () => {
    const text = file(
      potonganBaik
        .replace('persen_dibayar: "50"', 'persen_dibayar: "150"')
        .replace('program: [JKK, JKM]', 'program: [JKK, JP]')
        .replace('mulai: "2026-01", sampai: "2027-03"', 'mulai: "2026-13", sampai: "2025-03"'),
    );
    expect(errorsOf(text)).toMatchInlineSnapshot(`
      [
        "iuran.yaml:21:21: error: "potongan.0.persen_dibayar": "persen_dibayar" harus kurang dari 100: ini persen yang tetap dibayar, bukan besar potongannya",
        "iuran.yaml:22:20: error: "potongan.0.program.1": program yang dipotong harus salah satu dari: JKK, JKM, JHT",
        "iuran.yaml:24:41: error: "potongan.0.berlaku.0.mulai": "mulai" harus bulan yang ditulis TTTT-BB, misalnya "2026-01" (bulan 01 sampai 12)",
        "iuran.yaml:24:60: error: "potongan.0.berlaku.0.sampai": "sampai" tidak boleh lebih awal dari "mulai"",
      ]
    `);
  });

  it('refuses an end month before the start month', () => {
    const text = file(potonganBaik.replace('sampai: "2027-03"', 'sampai: "2025-12"'));
    expect(errorsOf(text)).toMatchInlineSnapshot(`
      [
        "iuran.yaml:24:60: error: "potongan.0.berlaku.0.sampai": "sampai" tidak boleh lebih awal dari "mulai"",
      ]
    `);
  });

  it('refuses an unknown group and overlapping discounts for one group', () => {
    const kedua = potonganBaik.replace('- nama: Potongan', '- nama: Potongan lain').replace('mulai: "2026-01", sampai: "2027-03"', 'mulai: "2027-03", sampai: "2027-06"');
    const text = file(`${potonganBaik.replace('kelompok: transportasi', 'kelompok: ojol')}\n${potonganBaik}\n${kedua}`);
    expect(errorsOf(text)).toMatchInlineSnapshot(`
      [
        "iuran.yaml:24:20: error: "potongan.0.berlaku.0.kelompok": kelompok "ojol" tidak ada di "kelompok_peserta"; pakai salah satu: transportasi, lainnya",
        "iuran.yaml:44:41: error: "potongan.2.berlaku.0.mulai": bulan 2027-03 sampai 2027-06 untuk kelompok "transportasi" bertumpuk dengan potongan ke-2 (2026-01 sampai 2027-03); dalam satu bulan hanya boleh ada satu potongan",
      ]
    `);
  });

  it('asks for every field of a discount source', () => {
    const text = file(potonganBaik.replace('{judul: A, penerbit: B, url: "https://example.org/a", tanggal: 2026-02-04, keyakinan: V}', '{judul: A, url: "example.org"}'));
    expect(errorsOf(text)).toMatchInlineSnapshot(`
      [
        "iuran.yaml:27:9: error: "potongan.0.sumber.0.penerbit": setiap sumber wajib punya "penerbit" (media atau lembaga yang menerbitkan)",
        "iuran.yaml:27:25: error: "potongan.0.sumber.0.url": setiap sumber wajib punya "url": alamat web lengkap yang diawali https://",
        "iuran.yaml:27:9: error: "potongan.0.sumber.0.tanggal": "tanggal" wajib diisi: tanggal yang ditulis TTTT-BB-HH, misalnya 2026-02-04",
        "iuran.yaml:27:9: error: "potongan.0.sumber.0.keyakinan": "keyakinan" wajib diisi: V, M, atau U (lihat PANDUAN-EDITOR.md)",
      ]
    `);
  });

  it('refuses a duplicate group id', () => {
    const text = file(potonganBaik, '  - id: transportasi\n    nama: A\n  - id: transportasi\n    nama: B\n');
    expect(errorsOf(text)).toMatchInlineSnapshot(`
      [
        "iuran.yaml:15:9: error: "kelompok_peserta.1.id": id "transportasi" sudah dipakai kelompok lain; setiap kelompok perlu id sendiri",
      ]
    `);
  });

  it('reports broken YAML with its position', () => {
    expect(() => parseYamlWithSchema('a: [1, 2\nb: 3\n', 'x.yaml', iuranSchema)).toThrow(/^x\.yaml:\d+:\d+: error: invalid YAML/);
  });

  it('asks for a note when the effective date is unknown', () => {
    const text = file(potonganBaik).replace('keterangan_berlaku: tidak diketahui\n', '');
    expect(() => parseYamlWithSchema(text, 'x.yaml', iuranSchema)).toThrow(/"keterangan_berlaku": when "berlaku_sejak" is unknown/);
  });
});
