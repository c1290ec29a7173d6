/**
 * Build-time chart images: chart.js on @napi-rs/canvas with the bundled font. The PNG is
 * decoded (fast-png) to prove the provenance is drawn: the source-line band has ink, and
 * changing only the source line changes pixels in that band and nowhere above it.
 */
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { renderChartPng, specFromChartData, toLatin1, wrap, type ChartImageSpec } from '../src/lib/chart-image.ts';
import { programChart, programRows, trendChart } from '../src/lib/transparency.ts';

const SHA = '0123456789abcdef'.repeat(4);
const rows = programRows(
  [
    { program: 'JKK', nominal: '1864980719', kasus: null },
    { program: 'JKM', nominal: '326400000', kasus: null },
    { program: 'JHT', nominal: '10555055690', kasus: null },
    { program: 'JP', nominal: '21707420', kasus: null },
  ],
  '12768143829',
);
const spec: ChartImageSpec = specFromChartData(programChart(rows, 'Nominal klaim per program'), {
  id: 'uji-program',
  title: 'Nominal klaim per program, Pasuruan, 1 Januari – 28 Februari 2017',
  unit: 'rupiah',
  period: '1 Januari – 28 Februari 2017',
  sourceLine: 'Sumber: Antara Jatim (LKBN ANTARA), "BPJS Ketenagakerjaan Pasuruan gandeng BLK optimalisasi RTW".',
  pageUrl: 'https://contoh.id/transparansi/uji/',
  version: SHA,
  siteName: 'RTW Pasuruan',
});

/** Rows y0..y1 of a decoded RGB image as a byte array per row band. */
function band(img: ReturnType<typeof decode>, y0: number, y1: number): Uint8Array {
  const stride = img.width * img.channels;
  return (img.data as Uint8Array).slice(y0 * stride, y1 * stride);
}
const inked = (bytes: Uint8Array) => bytes.filter((b) => b < 128).length;

describe('renderChartPng', () => {
  const a = renderChartPng(spec);
  const img = decode(a.png);

  it('is an opaque RGB PNG of the laid-out size, under 60 KB, with provenance in its text chunks', () => {
    expect(img.width).toBe(1200);
    expect(img.height).toBe(a.layout.height);
    expect(img.channels).toBe(3);
    expect(a.png.length).toBeLessThan(60 * 1024);
    expect(img.text['Description']).toContain('https://contoh.id/transparansi/uji/');
    expect(img.text['Description']).toContain('sha256:0123456789ab');
    expect(img.text['Title']).toBe('Nominal klaim per program, Pasuruan, 1 Januari - 28 Februari 2017');
  });

  it('draws the source line: ink in its band, and only the footer changes when only the source changes', () => {
    const [s0, s1] = a.layout.sourceBand;
    expect(inked(band(img, s0, s1))).toBeGreaterThan(500);
    const other = decode(renderChartPng({ ...spec, sourceLine: 'Sumber: sumber lain sama sekali, dengan kata-kata berbeda.' }).png);
    expect(other.height).toBe(img.height);
    expect(Buffer.from(band(other, s0, s1)).equals(Buffer.from(band(img, s0, s1)))).toBe(false);
    expect(Buffer.from(band(other, 0, s0 - 30)).equals(Buffer.from(band(img, 0, s0 - 30)))).toBe(true);
  });

  it('draws the URL and version, and the figures (changing a printed figure changes the plot)', () => {
    const [u0, u1] = a.layout.urlBand;
    expect(inked(band(img, u0, u1))).toBeGreaterThan(300);
    const v = renderChartPng({ ...spec, version: 'f'.repeat(64) });
    expect(Buffer.from(band(decode(v.png), u0, u1)).equals(Buffer.from(band(img, u0, u1)))).toBe(false);
    const printed = [...spec.series[0]!.printed];
    printed[0] = 'Rp 1,9 miliar (dibulatkan)';
    const p = decode(renderChartPng({ ...spec, series: [{ ...spec.series[0]!, printed }] }).png);
    expect(Buffer.from(band(p, 150, a.layout.sourceBand[0] - 40)).equals(Buffer.from(band(img, 150, a.layout.sourceBand[0] - 40)))).toBe(false);
  });

  it('is byte-identical across renders', () => {
    expect(renderChartPng(spec).png.equals(a.png)).toBe(true);
  });

  it('renders stacked charts too', () => {
    const t = trendChart(
      [
        { label: 'Jan 2017', program: 'JKK', nominal: '100' },
        { label: 'Jan 2017', program: 'JHT', nominal: '300' },
        { label: 'Feb 2017', program: 'JKK', nominal: '200' },
      ],
      'x',
    );
    const r = renderChartPng(specFromChartData(t, { ...spec, id: 'uji-periode' }));
    expect(decode(r.png).width).toBe(1200);
    expect(r.png.length).toBeLessThan(60 * 1024);
  });

  it('rejects specs that do not fit together', () => {
    expect(() => renderChartPng({ ...spec, id: 'Bad id' })).toThrow(/id/);
    expect(() => renderChartPng({ ...spec, version: 'x' })).toThrow(/SHA-256/);
    expect(() => renderChartPng({ ...spec, labels: ['JKK'] })).toThrow(/labels/);
    expect(() => renderChartPng({ ...spec, series: [{ ...spec.series[0]!, values: ['1e9', '1', '1', '1'] }] })).toThrow(/decimal/);
  });
});

describe('helpers', () => {
  it('wraps by measured width', () => {
    const ctx = { measureText: (t: string) => ({ width: t.length * 10 }) } as never;
    expect(wrap(ctx, 'satu dua tiga empat', 90)).toEqual(['satu dua', 'tiga', 'empat']);
  });
  it('PNG text is Latin-1', () => {
    expect(toLatin1('1 Januari – 28 Februari “x” 中')).toBe('1 Januari - 28 Februari "x" ?');
  });
});
