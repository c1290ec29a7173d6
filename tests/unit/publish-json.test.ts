import { describe, expect, it } from 'vitest';
import { loadClaims } from '../../src/lib/claims/load.ts';
import { toDatasetJson, toJson } from '../../src/lib/claims/publish.ts';

describe('published JSON', () => {
  it('round-trips every row through row_columns, one row per line', async () => {
    const data = await loadClaims('data');
    const text = toJson(data);
    const doc = JSON.parse(text) as { datasets: { id: string; row_columns: string[]; rows: (string | null)[][] }[] };
    for (const [i, d] of data.datasets.entries()) {
      const out = doc.datasets[i]!;
      expect(out.id).toBe(d.id);
      expect(out.row_columns).toEqual(['kantor', 'periode_awal', 'periode_akhir', 'program', 'jumlah_kasus', 'nominal_rp', 'kasus_tertulis', 'nominal_tertulis']);
      expect(out.rows).toEqual(d.rows.map((r) => [r.kantor, r.periodeAwal, r.periodeAkhir, r.program, r.jumlahKasus, r.nominalRp, r.kasusTertulis, r.nominalTertulis]));
    }
    const rowLines = text.split('\n').filter((l) => /^\s+\["/.test(l));
    expect(rowLines.length).toBe(data.datasets.reduce((n, d) => n + d.rows.length, 0));
    const one = JSON.parse(toDatasetJson(data.datasets[0]!)) as { rows: unknown[] };
    expect(one.rows.length).toBe(data.datasets[0]!.rows.length);
    expect(text.endsWith('}\n')).toBe(true);
    // Unknown is null, never 0; no total across datasets.
    expect(data.datasets.some((d) => d.rows.some((r) => r.nominalRp === null))).toBe(true);
    expect(text).not.toMatch(/"(overall|totals)"/);
    const json = JSON.parse(text) as { offices: { id: string }[] };
    expect(json.offices.map((o) => o.id)).toEqual(data.registry.offices.map((o) => o.id));
  });
});
