import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadClaims, type ClaimsData, type Dataset, type Figure } from '../../src/lib/claims/load.ts';
import {
  compareDecimal,
  dataVersion,
  datasetJsonLd,
  jsonForScript,
  kutipan,
  pernyataanKasus,
  pernyataanTotal,
  programChart,
  programRows,
  STATUS_TEKS,
  sumberData,
  teksAngka,
  teksDisebut,
  teksPeriode,
  trendChart,
} from '../../src/lib/transparency.ts';
import { writeDataDir } from '../helpers/claims-data.ts';

const fig = (o: Partial<Figure>): Figure => ({ value: null, printed: null, units: '0', missing: 0, atLeast: 0, parts: 1, ...o });

describe('teksAngka', () => {
  it('writes an exact amount to the rupiah, with its short form', () => {
    expect(teksAngka(fig({ value: '1864980719' }), true)).toEqual({
      teks: 'Rp1.864.980.719', nilai: '1864980719', dibulatkan: false, keterangan: null, rentang: null, singkat: 'Rp1,86 miliar',
    });
  });
  it('writes a figure the source rounded as printed, never as a false exact number', () => {
    expect(teksAngka(fig({ value: '11900000000', printed: 'Rp 11,9 miliar', units: '100000000' }), true)).toEqual({
      teks: 'Rp11,9 miliar', nilai: '11900000000', dibulatkan: true, keterangan: 'dibulatkan oleh sumber', rentang: null, singkat: null,
    });
    expect(teksAngka(fig({ value: '3390000', printed: '3,39 juta', units: '10000' }), false).teks).toBe('3,39 juta');
    expect(teksAngka(fig({ value: '212000000000', printed: 'Rp212 miliar lebih', units: '1000000000', atLeast: 1 }), true).teks).toBe('lebih dari Rp212 miliar');
  });
  it('writes a sum of rounded figures as "sekitar" with the range it lies in', () => {
    expect(teksAngka(fig({ value: '121900000000', units: '1100000000', parts: 2 }), true)).toEqual({
      teks: 'sekitar Rp121,90 miliar', nilai: '121900000000', dibulatkan: true, keterangan: 'jumlah angka yang dibulatkan sumber',
      rentang: 'antara Rp121.350.000.000 dan Rp122.450.000.000', singkat: null,
    });
  });
  it('writes unknown as "tidak dilaporkan" and a sum with unknown parts as a lower bound, never 0', () => {
    expect(teksAngka(fig({ missing: 1 }), true)).toMatchObject({ teks: 'tidak dilaporkan', nilai: null });
    expect(teksAngka(fig({ value: '1864980719', missing: 1, parts: 2 }), true)).toMatchObject({ teks: 'sedikitnya Rp1.864.980.719', keterangan: '1 angka tidak dilaporkan' });
    expect(teksAngka(fig({ value: '1000', units: '200', missing: 1, parts: 3 }), true)).toMatchObject({ teks: 'sedikitnya Rp1.000', rentang: null });
  });
  it('writes a stated figure from the metadata the same way', () => {
    expect(teksDisebut({ value: '122000000000', printed: 'Rp 122 miliar', unit: '1000000000' }, true).teks).toBe('Rp122 miliar');
    expect(teksDisebut({ value: '12878543829', printed: null, unit: '0' }, true).teks).toBe('Rp12.878.543.829');
  });
});

describe('statements of a dataset total', () => {
  let dir: string;
  let data: ClaimsData;
  const get = (id: string): Dataset => data.datasets.find((d) => d.id === id)!;
  const rows = (y: number, ...r: string[]) => r.map((x) => `Pasuruan,${y}-01-01,${y}-12-31,${x}`);
  beforeAll(async () => {
    dir = writeDataDir([
      { id: 'sama-2015', offices: ['Pasuruan'], start: '2015-01-01', end: '2015-12-31', rows: rows(2015, 'JKK,10,100,,', 'JHT,5,200,,'),
        reported: '{nominal: "300", kasus: "15"}' },
      { id: 'beda-2016', offices: ['Pasuruan'], start: '2016-01-01', end: '2016-12-31', rows: rows(2016, 'JKK,10,12768143829,,'),
        reported: '{nominal: "12878543829", kasus: "9"}' },
      { id: 'bulat-2018', offices: ['Pasuruan'], start: '2018-01-01', end: '2018-12-31', printed: 'sepanjang 2018',
        rows: rows(2018, 'JKK,,11900000000,,"Rp 11,9 miliar"', 'JHT,,110000000000,,Rp 110 miliar'),
        reported: '{nominal: "122000000000", nominal_printed: Rp 122 miliar}' },
      { id: 'kurang-2023', offices: ['Pasuruan'], start: '2023-01-01', end: '2023-07-31', startStated: false, printed: 'sampai Juli 2023',
        rows: ['Pasuruan,2023-01-01,2023-07-31,JKK,4,1000,,', 'Pasuruan,2023-01-01,2023-07-31,JKP,,,,'],
        reported: '{nominal: "5000", kasus: "10"}' },
      { id: 'tanpa-2019', offices: ['Pasuruan'], start: '2019-01-01', end: '2019-12-31', rows: rows(2019, 'JKK,,100,,') },
    ]);
    data = await loadClaims(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says when the stated total equals the sum', () => {
    const s = pernyataanTotal(get('sama-2015'));
    expect(s.status).toBe('sama');
    expect(s.kalimat).toBe('Total menurut sumber: Rp300, sama persis dengan jumlah 2 angka program.');
    expect(pernyataanKasus(get('sama-2015'))).toEqual({ kalimat: 'Jumlah kasus menurut sumber: 15 kasus, sama persis dengan jumlah per program.', status: 'sama', selisih: null });
  });

  it('names a real difference and its size, without correcting either figure', () => {
    const s = pernyataanTotal(get('beda-2016'));
    expect([s.status, s.selisih]).toEqual(['berbeda', '110400000']);
    expect(s.kalimat).toBe(
      'Sumber menyebut total Rp12.878.543.829, tetapi jumlah angka program yang juga disebut sumber adalah Rp12.768.143.829: berbeda Rp110.400.000 (total sumber lebih besar). Kami tidak mengoreksi angka mana pun.',
    );
    expect(s.singkat).toBe('Total menurut sumber Rp12.878.543.829, jumlah per program Rp12.768.143.829: berbeda Rp110.400.000');
    const k = pernyataanKasus(get('beda-2016'))!;
    expect([k.status, k.selisih]).toEqual(['berbeda', '-1']);
    expect(k.kalimat).toContain('berbeda 1 kasus');
  });

  it('says a difference within rounding is "sesuai dalam batas pembulatan" and shows rounded figures as rounded', () => {
    const s = pernyataanTotal(get('bulat-2018'));
    expect(s.status).toBe('dalam-pembulatan');
    expect(s.kalimat).toBe('Total menurut sumber: Rp122 miliar (dibulatkan oleh sumber). Jumlah 2 angka program sekitar Rp121,90 miliar: sesuai dalam batas pembulatan.');
    expect(s.disebut?.dibulatkan).toBe(true);
    expect(s.dihitung.rentang).toBe('antara Rp121.350.000.000 dan Rp122.450.000.000');
    expect(STATUS_TEKS[s.status as 'dalam-pembulatan']).toBe('sesuai dalam batas pembulatan');
    expect(pernyataanKasus(get('bulat-2018'))).toBeNull();
  });

  it('says when parts are not reported, so the gap may be those parts', () => {
    const s = pernyataanTotal(get('kurang-2023'));
    expect([s.status, s.selisih, s.dihitung.teks]).toEqual(['tidak-lengkap', '4000', 'sedikitnya Rp1.000']);
    expect(s.kalimat).toContain('sebagian angka tidak dilaporkan sumber');
    expect(pernyataanKasus(get('kurang-2023'))!.status).toBe('tidak-lengkap');
  });

  it('says when the source stated no total', () => {
    const s = pernyataanTotal(get('tanpa-2019'));
    expect(s.status).toBe('tanpa-total');
    expect(s.kalimat).toBe('Sumber tidak menyebut total. Jumlah angka program yang disebut sumber: Rp100.');
    expect(s.disebut).toBeNull();
  });

  it('writes the period, saying when its start is an assumption', () => {
    expect(teksPeriode(get('bulat-2018'))).toBe('1 Januari – 31 Desember 2018');
    expect(teksPeriode(get('kurang-2023'))).toBe('1 Januari – 31 Juli 2023 (awal periode tidak disebut sumber; sumber menulis "sampai Juli 2023")');
  });

  it('programme rows: fixed order, printed text for rounded figures, no share when an amount is unknown', () => {
    expect(programRows(get('bulat-2018').byProgram).map((r) => [r.program, r.anchor, r.nominal.teks, r.nominal.keterangan, r.bagian])).toEqual([
      ['JKK', 'jkk', 'Rp11,9 miliar', 'dibulatkan oleh sumber', '9,76%'],
      ['JHT', 'jht', 'Rp110 miliar', 'dibulatkan oleh sumber', '90,24%'],
    ]);
    expect(programRows(get('kurang-2023').byProgram).map((r) => [r.program, r.nominal.teks, r.kasus.teks, r.bagian])).toEqual([
      ['JKK', 'Rp1.000', '4', null],
      ['JKP', 'tidak dilaporkan', 'tidak dilaporkan', null],
    ]);
  });

  it('charts pass exact figures, leave unknown amounts out and say which are rounded', () => {
    const chart = programChart(programRows(get('bulat-2018').byProgram), 'Klaim per program');
    expect(chart.labels).toEqual(['JKK', 'JHT']);
    expect(chart.series[0]?.values).toEqual(['11900000000', '110000000000']);
    expect(chart.series[0]?.formatted).toEqual(['Rp11,9 miliar (dibulatkan oleh sumber)', 'Rp110 miliar (dibulatkan oleh sumber)']);
    expect(chart.ariaLabel).toBe('Klaim per program: JKK Rp11,9 miliar (dibulatkan), JHT Rp110 miliar (dibulatkan).');
    expect(programChart(programRows(get('kurang-2023').byProgram), 'K').labels).toEqual(['JKK']);
  });
});

describe('compareDecimal', () => {
  it('compares exactly beyond 2^53', () => {
    expect(compareDecimal('9007199254740993', '9007199254740992')).toBe(1);
    expect(compareDecimal('5.5', '5.50')).toBe(0);
    expect(compareDecimal('0.01', '1')).toBe(-1);
  });
});

describe('trendChart', () => {
  it('stacks programmes per period, leaving gaps as null', () => {
    const chart = trendChart(
      [
        { label: '2022', program: 'JHT', nominal: '5', teks: 'Rp5' },
        { label: '2022', program: 'JKP', nominal: '1', teks: 'Rp1' },
        { label: '2023', program: 'JHT', nominal: '7', teks: 'Rp7' },
      ],
      'Tren',
    );
    expect(chart.labels).toEqual(['2022', '2023']);
    expect(chart.series.map((s) => [s.label, s.values, s.formatted])).toEqual([['JHT', ['5', '7'], ['Rp5', 'Rp7']], ['JKP', ['1', null], ['Rp1', null]]]);
    expect(chart.ariaLabel).toBe('Tren. 2022: JHT Rp5, JKP Rp1; 2023: JHT Rp7.');
  });
});

describe('citation', () => {
  const base = { penerbit: 'RTW Pasuruan', judul: 'Klaim X', url: 'https://e.org/transparansi/x/', sha256: 'abcdef0123456789abcdef', tanggalVersi: '2026-11-28', urlVersi: 'https://e.org/data/v/abcdef012345/x.csv' };
  it('is one line with this site, the original source, the data version and the URL', () => {
    const text = kutipan({ ...base, sumber: { publisher: 'Antara', headline: 'H', url: 'https://a.test/x', published: '2017-03-02' } });
    expect(text).toBe('RTW Pasuruan. (2026). Klaim X [data]. Dihimpun dari Antara, "H" (2 Maret 2017), https://a.test/x. Versi data sha256:abcdef012345, 28 November 2026 (https://e.org/data/v/abcdef012345/x.csv). https://e.org/transparansi/x/');
    expect(text).not.toContain('\n');
    expect(dataVersion('abcdef0123456789')).toBe('abcdef012345');
  });
  it('says when the publication date is unknown and leaves out a missing URL', () => {
    expect(kutipan({ ...base, sumber: { publisher: 'P', headline: 'G', url: null, published: null } })).toContain('Dihimpun dari P, "G" (tanggal terbit tidak diketahui). Versi');
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

describe('sumberData', () => {
  it('lists each source once with the latest review date and its confidence', () => {
    const src = { publisher: 'Antara Jatim', headline: 'H', url: 'https://x.test/a', published: null };
    const r = sumberData([
      { meta: { source: src, lastReviewed: '2026-01-01', confidence: 'V' } },
      { meta: { source: { ...src }, lastReviewed: '2026-11-28', confidence: 'V' } },
      { meta: { source: { publisher: 'P', headline: 'G', url: null, published: '2017-03-02' }, lastReviewed: '2025-01-01' } },
    ]);
    expect(r.sumber).toEqual([
      { judul: 'H', penerbit: 'Antara Jatim', url: 'https://x.test/a', keyakinan: 'V' },
      { judul: 'G', penerbit: 'P', tanggal: new Date('2017-03-02T00:00:00Z') },
    ]);
    expect(r.terakhirDitinjau.toISOString().slice(0, 10)).toBe('2026-11-28');
  });
});
