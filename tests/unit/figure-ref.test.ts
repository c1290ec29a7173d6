import { describe, expect, it } from 'vitest';
import { figureAnchor, figureLine, figureRef, figureText, figureUrl } from '../../src/lib/figure-ref.ts';
import { slugify } from '../../src/lib/slug.ts';

const SHA = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

describe('figureAnchor', () => {
  it('pins the scheme <dataset>-<subject>-<measure>', () => {
    expect(figureAnchor('pasuruan-2017-01-02', 'JKK', 'nominal')).toBe('pasuruan-2017-01-02-jkk-nominal');
    expect(figureAnchor('pasuruan-2017-01-02', 'JHT', 'kasus')).toBe('pasuruan-2017-01-02-jht-kasus');
    expect(figureAnchor('pasuruan-2017-01-02', 'total', 'nominal')).toBe('pasuruan-2017-01-02-total-nominal');
    expect(figureAnchor('pasuruan-2017-01-02', 'total', 'selisih-nominal')).toBe('pasuruan-2017-01-02-total-selisih-nominal');
    expect(figureAnchor('nasional-2022', 'total-sumber', 'kasus')).toBe('nasional-2022-total-sumber-kasus');
    expect(figureAnchor('nasional-2022', 'Manfaat Beasiswa', 'nominal')).toBe('nasional-2022-manfaat-beasiswa-nominal');
  });
  it('does not depend on anything but its inputs (same anchor every call)', () => {
    const a = ['JKK', 'JKM', 'JHT', 'JP', 'JKP'].map((p) => figureAnchor('x-1', p, 'nominal'));
    expect(a).toEqual(['x-1-jkk-nominal', 'x-1-jkm-nominal', 'x-1-jht-nominal', 'x-1-jp-nominal', 'x-1-jkp-nominal']);
    expect(new Set(a).size).toBe(5);
  });
  it('rejects ids that would not make a clean fragment', () => {
    expect(() => figureAnchor('Pasuruan 2017', 'JKK', 'nominal')).toThrow(/dataset id/);
    expect(() => figureAnchor('p', '—', 'nominal')).toThrow(/subject/);
    expect(() => figureAnchor('p', 'JKK', 'rupiah' as never)).toThrow(/measure/);
  });
  it('slugifies accents and punctuation', () => {
    expect(slugify('  Beasiswa (anak) – Pekerja  ')).toBe('beasiswa-anak-pekerja');
    expect(slugify('Café')).toBe('cafe');
  });
});

describe('figureLine', () => {
  const base = {
    measure: 'nominal' as const,
    what: 'nominal klaim JKK (Jaminan Kecelakaan Kerja), Kantor Cabang Pasuruan',
    period: '1 Januari – 28 Februari 2017',
    source: 'Antara Jatim (LKBN ANTARA)',
    pageUrl: 'https://contoh.id/transparansi/pasuruan-2017-01-02/',
    anchor: 'pasuruan-2017-01-02-jkk-nominal',
    version: SHA,
  };
  it('Pasuruan Jan–Feb 2017 JKK: exact amount, programme, period, source, URL#anchor, version', () => {
    expect(figureLine({ ...base, value: '1864980719', printed: null })).toBe(
      'Rp1.864.980.719: nominal klaim JKK (Jaminan Kecelakaan Kerja), Kantor Cabang Pasuruan, 1 Januari – 28 Februari 2017 (satuan: rupiah). ' +
        'Sumber: Antara Jatim (LKBN ANTARA). https://contoh.id/transparansi/pasuruan-2017-01-02/#pasuruan-2017-01-02-jkk-nominal (versi data sha256:0123456789ab)',
    );
  });
  it('a rounded figure is quoted as printed and marked, never as a false exact number', () => {
    const line = figureLine({ ...base, value: '11900000000', printed: 'Rp 11,9 miliar' });
    expect(line.startsWith('Rp 11,9 miliar (dibulatkan oleh sumber): ')).toBe(true);
    expect(line).not.toContain('11.900.000.000');
  });
  it('counts and differences', () => {
    expect(figureText('3390000', '3,39 juta', 'kasus')).toBe('3,39 juta kasus (dibulatkan oleh sumber)');
    expect(figureText('12041', null, 'kasus')).toBe('12.041 kasus');
    expect(figureText('-110400000', null, 'selisih-nominal')).toBe('-Rp110.400.000');
    expect(figureText('5000.5', null, 'nominal')).toBe('Rp5.000,50');
  });
  it('replaces an existing fragment and checks the version', () => {
    expect(figureUrl('https://a/b/#x', 'y')).toBe('https://a/b/#y');
    expect(() => figureLine({ ...base, value: '1', printed: null, version: 'abc' })).toThrow(/version/);
  });
});

describe('figureRef', () => {
  const kutip = {
    datasetId: 'pasuruan-2018',
    subjek: 'Kantor Cabang Pasuruan',
    periode: 'sepanjang 2018',
    sumber: 'Radar Bromo (Jawa Pos)',
    pageUrl: 'https://contoh.id/transparansi/kantor/pasuruan/',
    version: SHA,
    tertulis: { JKK: { nominal: 'Rp 11,9 miliar', kasus: null } },
  };
  it('takes the printed form from the table input, per programme and measure', () => {
    const n = figureRef(kutip, 'JKK', 'nominal', '11900000000', 'JKK (Jaminan Kecelakaan Kerja)');
    expect(n.anchor).toBe('pasuruan-2018-jkk-nominal');
    expect(n.teks).toBe(
      'Rp 11,9 miliar (dibulatkan oleh sumber): nominal klaim JKK (Jaminan Kecelakaan Kerja), Kantor Cabang Pasuruan, sepanjang 2018 (satuan: rupiah). ' +
        'Sumber: Radar Bromo (Jawa Pos). https://contoh.id/transparansi/kantor/pasuruan/#pasuruan-2018-jkk-nominal (versi data sha256:0123456789ab)',
    );
    expect(figureRef(kutip, 'JKK', 'kasus', '1800', 'JKK').teks.startsWith('1.800 kasus: jumlah kasus JKK, ')).toBe(true);
  });
  it('differences: anchor on the total, signed exact amount', () => {
    const s = figureRef(kutip, 'total', 'selisih-nominal', '110400000', 'total', null);
    expect(s.anchor).toBe('pasuruan-2018-total-selisih-nominal');
    expect(s.teks.startsWith('Rp110.400.000: selisih nominal total, ')).toBe(true);
  });
});
