import { describe, expect, it } from 'vitest';
import { loadClaims } from '../src/lib/claims/load.ts';
import { toDatasetJson, toJson } from '../src/lib/claims/publish.ts';

describe('published JSON', () => {
  it('round-trips every row through row_columns, one row per line', async () => {
    const data = await loadClaims('data');
    const text = toJson(data);
    const doc = JSON.parse(text) as { datasets: { id: string; row_columns: string[]; rows: (string | null)[][] }[] };
    for (const [i, d] of data.datasets.entries()) {
      const out = doc.datasets[i]!;
      expect(out.id).toBe(d.id);
      expect(out.row_columns).toEqual(['kantor_cabang', 'periode_awal', 'periode_akhir', 'program', 'jumlah_kasus', 'nominal_rp']);
      expect(out.rows).toEqual(d.rows.map((r) => [r.kantorCabang, r.periodeAwal, r.periodeAkhir, r.program, r.jumlahKasus, r.nominalRp]));
    }
    const rowLines = text.split('\n').filter((l) => /^\s+\["/.test(l));
    expect(rowLines.length).toBe(data.datasets.reduce((n, d) => n + d.rows.length, 0));
    const one = JSON.parse(toDatasetJson(data.datasets[0]!)) as { rows: unknown[] };
    expect(one.rows.length).toBe(data.datasets[0]!.rows.length);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
