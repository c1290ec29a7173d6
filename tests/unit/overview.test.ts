import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadClaims, type ClaimsData } from '../../src/lib/claims/load.ts';
import { overview } from '../../src/lib/overview.ts';
import { writeDataDir } from '../helpers/claims-data.ts';

let dir: string;
let data: ClaimsData;

beforeAll(async () => {
  dir = writeDataDir([
    // A whole calendar year with a stated start: comparable across years.
    { id: 'pasuruan-2018', offices: ['Pasuruan'], start: '2018-01-01', end: '2018-12-31', rows: ['Pasuruan,2018-01-01,2018-12-31,JKK,10,1000,,', 'Pasuruan,2018-01-01,2018-12-31,JHT,,2000,,'] },
    // Same year but the source did not state the start: not a full year.
    { id: 'pasuruan-2019', offices: ['Pasuruan'], start: '2019-01-01', end: '2019-12-31', startStated: false, printed: 'sampai Desember 2019', rows: ['Pasuruan,2019-01-01,2019-12-31,JKK,,500,,'] },
    // Two branches in one dataset (overlaps the Pasuruan 2018 dataset: recorded, not added).
    { id: 'jatim-cabang-2018', offices: ['Pasuruan', 'Sidoarjo'], start: '2018-01-01', end: '2018-06-30', rows: ['Sidoarjo,2018-01-01,2018-06-30,JKK,,7,,', 'Pasuruan,2018-01-01,2018-06-30,JKK,,3,,'] },
    { id: 'kanwil-2018', level: 'kantor_wilayah', offices: ['Kanwil Jawa Timur'], start: '2018-01-01', end: '2018-12-31', rows: ['Kanwil Jawa Timur,2018-01-01,2018-12-31,JKM,,99,,'] },
    { id: 'nasional-2022', level: 'nasional', offices: ['Nasional'], start: '2022-01-01', end: '2022-12-31', rows: ['Nasional,2022-01-01,2022-12-31,JKP,,,,'] },
  ]);
  data = await loadClaims(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('overview', () => {
  it('groups datasets by level, national first, newest period first', () => {
    const ov = overview(data);
    expect(ov.byLevel.map((l) => [l.level, l.datasets.map((d) => d.id)])).toEqual([
      ['nasional', ['nasional-2022']],
      ['kantor_wilayah', ['kanwil-2018']],
      ['kantor_cabang', ['pasuruan-2019', 'pasuruan-2018', 'jatim-cabang-2018']],
    ]);
  });

  it('lists every registry office with its parent, children and timeline, without adding datasets together', () => {
    const ov = overview(data);
    expect(ov.offices.map((o) => o.office.id)).toEqual(['nasional', 'kanwil-jawa-timur', 'pasuruan', 'sidoarjo']);
    const kanwil = ov.byOfficeId.get('kanwil-jawa-timur')!;
    expect(kanwil.parent?.id).toBe('nasional');
    expect(kanwil.children.map((o) => o.id)).toEqual(['pasuruan', 'sidoarjo']);
    expect(ov.byOfficeId.get('nasional')!.parent).toBeNull();

    const pasuruan = ov.byOfficeId.get('pasuruan')!;
    expect(pasuruan.timeline.map((t) => [t.dataset.id, t.figures.total.nominal.value, t.alone, t.fullYear, t.tahun])).toEqual([
      ['pasuruan-2019', '500', true, false, null],
      ['pasuruan-2018', '3000', true, true, 2018],
      ['jatim-cabang-2018', '3', false, false, null],
    ]);
    // Only this office's figures from the multi-office dataset.
    expect(ov.byOfficeId.get('sidoarjo')!.timeline.map((t) => [t.dataset.id, t.figures.total.nominal.value])).toEqual([['jatim-cabang-2018', '7']]);
  });

  it('keeps an unknown amount unknown (null), never 0', () => {
    const nasional = overview(data).byOfficeId.get('nasional')!;
    expect(nasional.timeline[0]!.figures.total.nominal).toMatchObject({ value: null, missing: 1 });
  });

  it('is computed once per ClaimsData', () => {
    expect(overview(data)).toBe(overview(data));
  });
});
