/**
 * Build-time chart images: chart.js on @napi-rs/canvas with the bundled font. The PNG is
 * decoded (fast-png) to prove the provenance is drawn: the source-line band has ink, and
 * changing only the source line changes pixels in that band and nowhere above it.
 */
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { renderChartPng, specFromChartData, toLatin1, wrap, type ChartImageSpec } from '../../src/lib/chart-image.ts';
import { programChart, programRows, trendChart } from '../../src/lib/transparency.ts';

const SHA = '0123456789abcdef'.repeat(4);
const fig = (value: string | null) => ({ value, printed: null, units: '0', missing: value === null ? 1 : 0, atLeast: 0, parts: 1 });
const rows = programRows([
  { program: 'JKK', nominal: fig('1864980719'), kasus: fig(null), share: null },
  { program: 'JKM', nominal: fig('326400000'), kasus: fig(null), share: null },
  { program: 'JHT', nominal: fig('10555055690'), kasus: fig(null), share: null },
  { program: 'JP', nominal: fig('21707420'), kasus: fig(null), share: null },
]);
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

/** Rows y0..y1 of a decoded image as RGB bytes (an indexed image is expanded through its palette). */
function band(img: ReturnType<typeof decode>, y0: number, y1: number): Uint8Array {
  if (img.palette) {
    const idx = (img.data as Uint8Array).slice(y0 * img.width, y1 * img.width);
    const out = new Uint8Array(idx.length * 3);
    idx.forEach((k, i) => out.set(img.palette![k]!.slice(0, 3), i * 3));
    return out;
  }
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
    // Indexed colour (or RGB): opaque either way, no alpha channel.
    expect(img.channels === 3 || (img.channels === 1 && img.palette !== undefined)).toBe(true);
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
    // Above the footer nothing changes but, at most, the palette shade of a few anti-aliased
    // pixels (the PNG is indexed: its palette is the image's 256 most frequent colours).
    const before = band(img, 0, s0 - 30);
    const after = band(other, 0, s0 - 30);
    let changed = 0;
    let worst = 0;
    for (let i = 0; i < before.length; i++) {
      const d = Math.abs(before[i]! - after[i]!);
      if (d > 0) changed++;
      worst = Math.max(worst, d);
    }
    expect(changed / before.length).toBeLessThan(0.01);
    expect(worst).toBeLessThan(64);
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
        { label: 'Jan 2017', program: 'JKK', nominal: '100', teks: 'Rp100' },
        { label: 'Jan 2017', program: 'JHT', nominal: '300', teks: 'Rp300' },
        { label: 'Feb 2017', program: 'JKK', nominal: '200', teks: 'Rp200' },
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
