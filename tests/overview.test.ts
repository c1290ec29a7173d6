import { describe, expect, it } from 'vitest';
import type { ClaimsData, Dataset, Row } from '../src/lib/claims/load.ts';
import { branchSlug, overview } from '../src/lib/overview.ts';

const row = (kantorCabang: string, periodeAwal: string, program: Row['program'], nominalRp: string): Row => ({
  line: 2, kantorCabang, periodeAwal, periodeAkhir: periodeAwal.replace(/-01$/, '-28'), program, jumlahKasus: null, nominalRp,
});

function claims(datasets: { id: string; rows: Row[] }[]): ClaimsData {
  return {
    datasets: datasets.map((d) => ({ id: d.id, rows: d.rows }) as unknown as Dataset),
    totals: { overall: '0', byProgram: {}, byBranch: [], byPeriod: [] },
    warnings: [],
  };
}

describe('overview', () => {
  const data = claims([
    { id: 'b', rows: [row('Malang', '2023-01-01', 'JHT', '9007199254740993'), row('Pasuruan', '2023-02-01', 'JKK', '0.5')] },
    { id: 'a', rows: [row('Pasuruan', '2022-12-01', 'JHT', '100'), row('Pasuruan', '2022-12-01', 'JKP', '1'), row('Malang', '2022-12-01', 'JHT', '7')] },
  ]);
  const ov = overview(data);

  it('sums per year and programme exactly', () => {
    expect(ov.years.map(({ tahun, total, byProgram, datasetIds }) => ({ tahun, total, byProgram, datasetIds }))).toEqual([
      { tahun: 2022, total: '108', byProgram: [{ program: 'JHT', nominal: '107' }, { program: 'JKP', nominal: '1' }], datasetIds: ['a'] },
      { tahun: 2023, total: '9007199254740993.5', byProgram: [{ program: 'JKK', nominal: '0.5' }, { program: 'JHT', nominal: '9007199254740993' }], datasetIds: ['b'] },
    ]);
  });

  it('splits a year into its periods and ranks its branches', () => {
    const y2023 = ov.years[1]!;
    expect(y2023.periods.map((p) => [p.periodeAwal, p.periodeAkhir, p.total])).toEqual([
      ['2023-01-01', '2023-01-28', '9007199254740993'],
      ['2023-02-01', '2023-02-28', '0.5'],
    ]);
    expect(y2023.branches).toEqual([{ branch: 'Malang', total: '9007199254740993' }, { branch: 'Pasuruan', total: '0.5' }]);
  });

  it('gives each dataset its branches and periods', () => {
    expect(ov.datasets.get('a')).toEqual({
      branches: [{ branch: 'Pasuruan', total: '101' }, { branch: 'Malang', total: '7' }],
      periods: [{ periodeAwal: '2022-12-01', periodeAkhir: '2022-12-28', total: '108', byProgram: [{ program: 'JHT', nominal: '107' }, { program: 'JKP', nominal: '1' }] }],
    });
  });

  it('refuses two branch names with the same page address', () => {
    expect(() => overview(claims([{ id: 'x', rows: [row('Kota Batu', '2023-01-01', 'JHT', '1'), row('Kota-Batu', '2023-01-01', 'JHT', '1')] }]))).toThrow(
      /branches "Kota Batu" and "Kota-Batu" give the same page address \/transparansi\/cabang\/kota-batu\//,
    );
  });

  it('ranks branches by total and records their datasets and periods', () => {
    expect(ov.branches.map((b) => [b.branch, b.slug, b.total, b.datasetIds, b.periodeAwal, b.periodeAkhir])).toEqual([
      ['Malang', 'malang', '9007199254741000', ['b', 'a'], '2022-12-01', '2023-01-28'],
      ['Pasuruan', 'pasuruan', '101.5', ['b', 'a'], '2022-12-01', '2023-02-28'],
    ]);
    expect(ov.branches[1]?.years.map((y) => [y.tahun, y.total])).toEqual([[2022, '101'], [2023, '0.5']]);
  });

  it('is computed once per ClaimsData', () => {
    expect(overview(data)).toBe(ov);
  });
});

describe('branchSlug', () => {
  it('makes URL-safe slugs', () => {
    expect(branchSlug('Pasuruan')).toBe('pasuruan');
    expect(branchSlug('Jakarta Gatot Subroto')).toBe('jakarta-gatot-subroto');
    expect(branchSlug('Bekasi Cikarang (Perintis)')).toBe('bekasi-cikarang-perintis');
    expect(branchSlug('<img src=x onerror=alert(1)>')).toBe('img-src-x-onerror-alert-1');
    expect(branchSlug('Ñgawi ')).toBe('ngawi');
    expect(branchSlug('???')).toBe('cabang');
  });
});
