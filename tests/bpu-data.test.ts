import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iuranSchema, loadIuran } from '../src/lib/bpu-data.ts';
import { DataFileError, parseYamlWithSchema } from '../src/lib/yaml-data.ts';

describe('data/bpu/iuran.yaml', () => {
  it('is valid and holds the sourced rates', () => {
    const data = loadIuran();
    expect(data.sumber.length).toBeGreaterThan(0);
    expect(data.tarif).toEqual({ jkk_persen: '1', jkm_rupiah: '6800', jht_persen: '2' });
  });
});

describe('parseYamlWithSchema', () => {
  const valid = loadIuran();
  const write = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'iuran-'));
    const path = join(dir, 'iuran.yaml');
    writeFileSync(path, text);
    return path;
  };

  it('points at the line and column of a wrong field', () => {
    const text = [
      'sumber:',
      '  - judul: Contoh',
      'berlaku_sejak: null',
      'keterangan_berlaku: tidak diketahui',
      'terakhir_ditinjau: 2026-02-30',
      'tarif:',
      '  jkk_persen: "1.000"',
      '  jkm_rupiah: 6.800',
      '  jht_persen: "2"',
      'contoh_penghasilan: ["1000000"]',
      'penghasilan_minimum: "1000000"',
      'catatan: perkiraan',
      `url_resmi: ${valid.url_resmi}`,
      '',
    ].join('\n');
    let error: unknown;
    try {
      loadIuran(write(text));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataFileError);
    const lines = (error as DataFileError).message.split('\n').map((l) => l.replace(/^.*iuran\.yaml/, 'iuran.yaml'));
    expect(lines).toMatchInlineSnapshot(`
      [
        "iuran.yaml:5:20: error: "terakhir_ditinjau": must be a real date written YYYY-MM-DD",
        "iuran.yaml:8:15: error: "tarif.jkm_rupiah": "jkm_rupiah" must be a quoted decimal such as "1" or "6800"",
      ]
    `);
  });

  it('reports broken YAML with its position', () => {
    expect(() => parseYamlWithSchema('a: [1, 2\nb: 3\n', 'x.yaml', iuranSchema)).toThrow(/^x\.yaml:\d+:\d+: error: invalid YAML/);
  });

  it('asks for a note when the effective date is unknown', () => {
    const text = `sumber:\n  - judul: A\nberlaku_sejak: null\nterakhir_ditinjau: 2026-11-28\ntarif: {jkk_persen: "1", jkm_rupiah: "6800", jht_persen: "2"}\ncontoh_penghasilan: ["1000000"]\npenghasilan_minimum: "1000000"\ncatatan: c\nurl_resmi: ${valid.url_resmi}\n`;
    expect(() => parseYamlWithSchema(text, 'x.yaml', iuranSchema)).toThrow(/"keterangan_berlaku": when "berlaku_sejak" is unknown/);
  });
});
