import { describe, expect, it } from 'vitest';
import {
  adaSelisih,
  compareDecimal,
  dataVersion,
  datasetJsonLd,
  jsonForScript,
  kutipan,
  penjelasanRekonsiliasi,
  programChart,
  programRows,
  ringkasanGrafik,
  sumberData,
  trendChart,
} from '../src/lib/transparency.ts';

const figures = [
  { program: 'JHT', nominal: '10555055690', kasus: null },
  { program: 'JKK', nominal: '1864980719', kasus: null },
  { program: 'JP', nominal: '21707420', kasus: '3' },
  { program: 'JKM', nominal: '326400000', kasus: null },
];
const total = '12768143829';

describe('programRows', () => {
  it('orders programmes, formats exact and short figures and shares', () => {
    const rows = programRows(figures, total);
    expect(rows.map((r) => [r.program, r.anchor, r.exact, r.short, r.share, r.kasus])).toEqual([
      ['JKK', 'jkk', 'Rp1.864.980.719', 'Rp1,86 miliar', '14,61%', null],
      ['JKM', 'jkm', 'Rp326.400.000', 'Rp326,40 juta', '2,56%', null],
      ['JHT', 'jht', 'Rp10.555.055.690', 'Rp10,56 miliar', '82,67%', null],
      ['JP', 'jp', 'Rp21.707.420', 'Rp21,71 juta', '0,17%', '3'],
    ]);
  });
  it('summarises the chart in one sentence', () => {
    expect(ringkasanGrafik(programRows(figures, total), total)).toBe(
      'Total klaim Rp12,77 miliar. Terbesar JHT (Jaminan Hari Tua): Rp10,56 miliar, 82,67% dari total; terkecil JP: Rp21,71 juta.',
    );
    expect(ringkasanGrafik([], '0')).toBe('Belum ada data klaim.');
  });
});

describe('compareDecimal', () => {
  it('compares exactly beyond 2^53', () => {
    expect(compareDecimal('9007199254740993', '9007199254740992')).toBe(1);
    expect(compareDecimal('5.5', '5.50')).toBe(0);
    expect(compareDecimal('0.01', '1')).toBe(-1);
  });
});

describe('charts', () => {
  it('passes exact figures and states them in the aria-label', () => {
    const chart = programChart(programRows(figures, total), 'Klaim per program');
    expect(chart.labels).toEqual(['JKK', 'JKM', 'JHT', 'JP']);
    expect(chart.series[0]?.values).toEqual(['1864980719', '326400000', '10555055690', '21707420']);
    expect(chart.series[0]?.formatted).toEqual(['Rp1.864.980.719', 'Rp326.400.000', 'Rp10.555.055.690', 'Rp21.707.420']);
    expect(chart.ariaLabel).toBe('Klaim per program: JKK Rp1.864.980.719, JKM Rp326.400.000, JHT Rp10.555.055.690, JP Rp21.707.420.');
  });
  it('stacks programmes per period, leaving gaps as null', () => {
    const chart = trendChart(
      [
        { label: '2022', program: 'JHT', nominal: '5' },
        { label: '2022', program: 'JKP', nominal: '1' },
        { label: '2023', program: 'JHT', nominal: '7' },
      ],
      'Tren',
    );
    expect(chart.labels).toEqual(['2022', '2023']);
    expect(chart.series.map((s) => [s.label, s.values])).toEqual([['JHT', ['5', '7']], ['JKP', ['1', null]]]);
    expect(chart.ariaLabel).toBe('Tren. 2022: JHT Rp5, JKP Rp1; 2023: JHT Rp7.');
  });
});

describe('citation', () => {
  it('is one line with publisher, title, branch, period, URL, data version and access date', () => {
    const text = kutipan({
      publisher: 'RTW Pasuruan',
      judul: 'Klaim BPJS Ketenagakerjaan',
      cabang: ['Pasuruan'],
      periodeAwal: '2017-01-01',
      periodeAkhir: '2017-02-28',
      url: 'https://example.org/transparansi/x/',
      sha256: 'abcdef0123456789abcdef',
      diakses: '2026-11-28',
    });
    expect(text).toBe(
      'RTW Pasuruan. (2026). Klaim BPJS Ketenagakerjaan: Kantor Cabang Pasuruan, 1 Januari – 28 Februari 2017 [data]. https://example.org/transparansi/x/ (versi data sha256:abcdef012345, diakses 28 November 2026).',
    );
    expect(text).not.toContain('\n');
    expect(dataVersion('abcdef0123456789')).toBe('abcdef012345');
  });
  it('names up to three branches and counts more', () => {
    const base = { publisher: 'P', judul: 'J', periodeAwal: '2023-01-01', periodeAkhir: '2023-12-31', url: 'u', sha256: 'ab', diakses: '2026-11-28' };
    expect(kutipan({ ...base, cabang: ['A', 'B'] })).toContain('J: Kantor Cabang A dan B, 1 Januari – 31 Desember 2023');
    expect(kutipan({ ...base, cabang: ['A', 'B', 'C', 'D'] })).toContain('J: 4 kantor cabang, ');
  });
});

describe('JSON-LD', () => {
  it('cannot close its script element, whatever the data', () => {
    const json = jsonForScript({ name: '</script><img src=x onerror=alert(1)>&\u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ name: '</script><img src=x onerror=alert(1)>&\u2028' });
  });
  it('describes a Dataset with the schema.org fields journalists and search engines use', () => {
    const ld = datasetJsonLd({
      name: 'N', description: 'D', url: 'https://e.org/d/', creator: { name: 'C', url: 'https://e.org/' },
      sourceName: 'Antara Jatim', sourceUrl: 'https://jatim.antaranews.com/x', periodeAwal: '2017-01-01', periodeAkhir: '2017-02-28',
      spatial: ['Pasuruan'], license: 'https://creativecommons.org/licenses/by/4.0/', version: 'abc',
      distribution: [{ contentUrl: 'https://e.org/data/x.csv', encodingFormat: 'text/csv' }],
    });
    expect(ld).toMatchObject({
      '@type': 'Dataset',
      temporalCoverage: '2017-01-01/2017-02-28',
      spatialCoverage: [{ '@type': 'Place', name: 'Pasuruan' }],
      distribution: [{ '@type': 'DataDownload', contentUrl: 'https://e.org/data/x.csv', encodingFormat: 'text/csv' }],
    });
  });
});

describe('penjelasanRekonsiliasi', () => {
  it('explains the 2017 difference in plain words', () => {
    expect(penjelasanRekonsiliasi({ reported: '12878543829', computed: '12768143829', difference: '110400000' }, 4)).toBe(
      'Total yang disebut sumber (Rp12.878.543.829) Rp110.400.000 lebih besar daripada jumlah empat angka per program yang juga disebut sumber (Rp12.768.143.829). Angka mana yang salah tidak diketahui: bisa total yang salah tulis, bisa juga ada angka program yang keliru atau tidak disebut. Kami menampilkan semua angka apa adanya dan tidak mengoreksinya.',
    );
  });
  it('says when the source total is smaller, or matches, or is absent', () => {
    expect(penjelasanRekonsiliasi({ reported: '90', computed: '100', difference: '-10' }, 2)).toMatch(/^Total yang disebut sumber \(Rp90\) Rp10 lebih kecil daripada jumlah dua angka/);
    expect(penjelasanRekonsiliasi({ reported: '100', computed: '100', difference: '0' }, 1)).toBe('Total yang disebut sumber (Rp100) sama persis dengan jumlah angka per program (Rp100).');
    expect(penjelasanRekonsiliasi({ reported: null, computed: '100', difference: null }, 1)).toBeNull();
  });
});

describe('adaSelisih', () => {
  it('is true only for a reported total that differs', () => {
    expect(adaSelisih({ reported: '2', computed: '1', difference: '1' })).toBe(true);
    expect(adaSelisih({ reported: '1', computed: '1', difference: '0.00' })).toBe(false);
    expect(adaSelisih({ reported: null, computed: '1', difference: null })).toBe(false);
  });
});

describe('sumberData', () => {
  it('lists each source once with the latest review date', () => {
    const src = { publisher: 'Antara Jatim', headline: 'H', url: 'https://x.test/a', published: null };
    const r = sumberData([
      { meta: { source: src, lastReviewed: '2026-01-01' } },
      { meta: { source: { ...src }, lastReviewed: '2026-11-28' } },
      { meta: { source: { publisher: 'P', headline: 'G', url: null, published: '2017-03-02' }, lastReviewed: '2025-01-01' } },
    ]);
    expect(r.sumber).toEqual([
      { judul: 'H', penerbit: 'Antara Jatim', url: 'https://x.test/a' },
      { judul: 'G', penerbit: 'P', tanggal: new Date('2017-03-02T00:00:00Z') },
    ]);
    expect(r.terakhirDitinjau.toISOString().slice(0, 10)).toBe('2026-11-28');
  });
});
