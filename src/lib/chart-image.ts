/**
 * Chart images made at build time: chart.js itself draws on a server-side canvas
 * (@napi-rs/canvas, Skia; a prebuilt binary inside its npm package), with the same
 * configuration as the interactive chart (chart-config.ts), and the provenance is drawn into
 * the image: title, the figures as printed, unit, period, source line, page URL and data
 * version. A reposted image therefore still says where it comes from and can be checked.
 *
 * Deterministic: fixed size, devicePixelRatio 1, no animation, no responsiveness, and a font
 * bundled in an npm package (DejaVu Sans, free licence: Bitstream Vera + public domain)
 * registered under its own family name, so no system font is ever used and two builds give
 * the same bytes on any machine with the same package versions.
 */
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { encode } from 'fast-png';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, type Plugin } from 'chart.js';
import { chartConfig } from './chart-config.ts';
import type { ChartData } from './transparency.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend);

/** The family name the bundled font is registered under (never a system font name). */
export const FONT_FAMILY = 'RTW DejaVu Sans';

let fontsReady = false;
/** Register the bundled fonts once; throws when the font package is missing. */
export function registerFonts(): void {
  if (fontsReady) return;
  const require = createRequire(import.meta.url);
  for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    const path = require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
    if (!GlobalFonts.registerFromPath(path, FONT_FAMILY)) throw new Error(`chart-image: could not register font ${path}`);
  }
  fontsReady = true;
}

export interface ChartImageSeries {
  label: string;
  color: string;
  /** Exact decimal strings (numbers only for drawing); null where there is no figure. */
  values: (string | null)[];
  /** The figures as they are to be read (`Rp1.864.980.719`, `Rp 11,9 miliar (dibulatkan)`), one per label. */
  printed: (string | null)[];
}

/** A generic chart to draw, with its provenance. */
export interface ChartImageSpec {
  /** File name stem: `pasuruan-2017-01-02-program`. */
  id: string;
  title: string;
  /** `bar`: one horizontal bar per label; `stacked`: vertical stacked bars, one colour per series. */
  kind: 'bar' | 'stacked';
  labels: string[];
  series: ChartImageSeries[];
  /** `rupiah`. */
  unit: string;
  /** `1 Januari – 28 Februari 2017`. */
  period: string;
  /** `Sumber: Antara Jatim (LKBN ANTARA), "…"`. */
  sourceLine: string;
  /** Absolute URL of the page the chart belongs to. */
  pageUrl: string;
  /** SHA-256 (hex) of the data. */
  version: string;
  siteName: string;
}

/** The provenance fields of a spec, for `specFromChartData`. */
export type ChartProvenance = Omit<ChartImageSpec, 'kind' | 'labels' | 'series'>;

/** A spec from the page's chart data (same figures as the interactive chart; printed = the exact forms). */
export function specFromChartData(data: ChartData, p: ChartProvenance): ChartImageSpec {
  return {
    ...p,
    kind: data.kind,
    labels: data.labels,
    series: data.series.map((s) => ({ label: s.label, color: s.warna, values: s.values, printed: s.formatted })),
  };
}

export const WIDTH = 1200;
const PAD = 40;
const TITLE = { size: 30, line: 38 };
const SUB = { size: 20, line: 28 };
const FOOT = { size: 17, line: 25 };
const LABEL = 18;

/** Greedy word wrap by measured width. */
export function wrap(ctx: Pick<SKRSContext2D, 'measureText'>, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Where each part is drawn (for tests and the social image). */
export interface ChartImageLayout {
  width: number;
  height: number;
  /** The band (y from, y to) of the source line. */
  sourceBand: [number, number];
  /** The band of the URL and version lines. */
  urlBand: [number, number];
}

export interface ChartImage {
  png: Buffer;
  layout: ChartImageLayout;
}

function check(spec: ChartImageSpec): void {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(spec.id)) throw new RangeError(`chart image id "${spec.id}" must be lower case letters, digits and dashes`);
  if (!/^[0-9a-f]{64}$/.test(spec.version)) throw new RangeError(`chart image "${spec.id}": version must be a SHA-256 in hex`);
  if (spec.labels.length === 0) throw new RangeError(`chart image "${spec.id}": no labels`);
  for (const s of spec.series) {
    if (s.values.length !== spec.labels.length || s.printed.length !== spec.labels.length) {
      throw new RangeError(`chart image "${spec.id}": series "${s.label}" has ${s.values.length} values and ${s.printed.length} printed labels for ${spec.labels.length} labels`);
    }
    for (const v of s.values) if (v !== null && !/^-?\d+(\.\d+)?$/.test(v)) throw new RangeError(`chart image "${spec.id}": "${v}" is not a decimal string`);
  }
}

/**
 * Encode an opaque canvas as an RGB PNG (no alpha channel: the image is painted white first)
 * at zlib level 9, with tEXt chunks. A third smaller than Skia's default RGBA encoding, so
 * chart images stay under 60 KB; pako's deflate is deterministic.
 */
export function encodeOpaquePng(ctx: SKRSContext2D, width: number, height: number, text: Record<string, string>): Buffer {
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const latin1 = Object.fromEntries(Object.entries(text).map(([k, v]) => [k, toLatin1(v)]));
  // Indexed colour (one byte a pixel) when the image has few colours, as charts do: the 256 most
  // frequent colours form the palette (ties by colour value, so the result is deterministic),
  // and any rarer anti-aliasing shade takes the nearest palette colour.
  const counts = new Map<number, number>();
  for (let i = 0; i < rgba.length; i += 4) {
    const c = (rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const palette = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 256).map(([c]) => c);
  const index = new Map<number, number>(palette.map((c, i) => [c, i]));
  const nearest = (c: number): number => {
    let best = 0;
    let bestD = Infinity;
    for (let i = 0; i < palette.length; i++) {
      const p = palette[i]!;
      const dr = ((p >> 16) & 255) - ((c >> 16) & 255);
      const dg = ((p >> 8) & 255) - ((c >> 8) & 255);
      const db = (p & 255) - (c & 255);
      const d = dr * dr + dg * dg + db * db;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    index.set(c, best);
    return best;
  };
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j++) {
    const c = (rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!;
    data[j] = index.get(c) ?? nearest(c);
  }
  const colors = palette.map((c) => [(c >> 16) & 255, (c >> 8) & 255, c & 255] as [number, number, number]);
  return Buffer.from(encode({ width, height, data, channels: 1, depth: 8, palette: colors, text: latin1 }, { zlib: { level: 9 } }));
}

/** PNG tEXt chunks are Latin-1: dashes and quotes become ASCII, anything else outside Latin-1 `?`. */
export function toLatin1(text: string): string {
  return text
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

/** Render a chart spec to PNG bytes (deterministic). */
export function renderChartPng(spec: ChartImageSpec): ChartImage {
  check(spec);
  registerFonts();
  const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px "${FONT_FAMILY}"`;
  const inner = WIDTH - 2 * PAD;

  // Measure text with a scratch context to lay out the header and footer.
  const scratch = createCanvas(10, 10).getContext('2d');
  scratch.font = font(TITLE.size, true);
  const titleLines = wrap(scratch, spec.title, inner);
  scratch.font = font(SUB.size);
  const subLines = wrap(scratch, `${spec.period} · satuan: ${spec.unit}`, inner);
  scratch.font = font(FOOT.size);
  const sourceLines = wrap(scratch, spec.sourceLine, inner);
  const urlLines = [spec.pageUrl, `Versi data sha256:${spec.version.slice(0, 12)} · ${spec.siteName}`].flatMap((t) => wrap(scratch, t, inner));
  scratch.font = font(LABEL, true);
  const labelWidth = Math.max(0, ...spec.series.flatMap((s) => s.printed.map((p) => (p ? scratch.measureText(p).width : 0))));

  const header = PAD + titleLines.length * TITLE.line + subLines.length * SUB.line + 16;
  const footer = 20 + (sourceLines.length + urlLines.length) * FOOT.line + PAD;
  const plot = spec.kind === 'bar' ? Math.max(200, spec.labels.length * 64 + 50) : 440;
  const height = Math.round(header + plot + footer);

  const canvas = createCanvas(WIDTH, height);
  const ctx = canvas.getContext('2d');
  const data: ChartData = {
    kind: spec.kind,
    labels: spec.labels,
    series: spec.series.map((s) => ({ label: s.label, warna: s.color, values: s.values, formatted: s.printed })),
    ariaLabel: spec.title,
  };
  const config = chartConfig(data, { responsive: false, fontFamily: FONT_FAMILY, fontSize: 16 });
  const footerTop = header + plot;
  const sourceBand: [number, number] = [footerTop + 20, footerTop + 20 + sourceLines.length * FOOT.line];
  const urlBand: [number, number] = [sourceBand[1], sourceBand[1] + urlLines.length * FOOT.line];

  const frame: Plugin<'bar'> = {
    id: 'rtwBingkai',
    beforeDraw(chart) {
      const c = chart.ctx;
      c.save();
      c.fillStyle = '#ffffff';
      c.fillRect(0, 0, chart.width, chart.height);
      c.restore();
    },
    afterDraw(chart) {
      const c = chart.ctx;
      c.save();
      c.textBaseline = 'alphabetic';
      c.textAlign = 'left';
      let y = PAD;
      c.fillStyle = '#1a1a1a';
      c.font = font(TITLE.size, true);
      for (const line of titleLines) c.fillText(line, PAD, (y += TITLE.line) - 10);
      c.fillStyle = '#404040';
      c.font = font(SUB.size);
      for (const line of subLines) c.fillText(line, PAD, (y += SUB.line) - 7);
      // The figures, as printed, on the bars.
      c.font = font(LABEL, true);
      chart.data.datasets.forEach((_, i) => {
        const meta = chart.getDatasetMeta(i);
        meta.data.forEach((el, j) => {
          const text = spec.series[i]?.printed[j];
          if (!text) return;
          const bar = el as unknown as { x: number; y: number; base: number; width: number; height: number };
          if (spec.kind === 'bar') {
            c.fillStyle = '#1a1a1a';
            c.textAlign = 'left';
            c.textBaseline = 'middle';
            c.fillText(text, bar.x + 8, bar.y);
          } else {
            const h = Math.abs(bar.base - bar.y);
            if (h < LABEL + 6 || c.measureText(text).width > bar.width - 6) return;
            c.fillStyle = '#ffffff';
            c.textAlign = 'center';
            c.textBaseline = 'middle';
            c.fillText(text, bar.x, (bar.y + bar.base) / 2);
          }
        });
      });
      // Footer: source, URL, version, site.
      c.textAlign = 'left';
      c.textBaseline = 'alphabetic';
      c.strokeStyle = '#c8c8c8';
      c.lineWidth = 1;
      c.beginPath();
      c.moveTo(PAD, footerTop + 8.5);
      c.lineTo(WIDTH - PAD, footerTop + 8.5);
      c.stroke();
      c.font = font(FOOT.size);
      c.fillStyle = '#1a1a1a';
      sourceLines.forEach((line, k) => c.fillText(line, PAD, sourceBand[0] + (k + 1) * FOOT.line - 7));
      c.fillStyle = '#0b4f6c';
      urlLines.forEach((line, k) => c.fillText(line, PAD, urlBand[0] + (k + 1) * FOOT.line - 7));
      c.restore();
    },
  };
  config.plugins = [frame];
  config.options = {
    ...config.options,
    devicePixelRatio: 1,
    layout: { padding: { top: header, bottom: footer, left: PAD, right: PAD + (spec.kind === 'bar' ? labelWidth + 16 : 0) } },
  };
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, config);
  chart.draw();
  const png = encodeOpaquePng(ctx, WIDTH, height, {
    Title: spec.title,
    Description: `${spec.sourceLine} ${spec.pageUrl} (versi data sha256:${spec.version.slice(0, 12)})`,
  });
  chart.destroy();
  return { png, layout: { width: WIDTH, height, sourceBand, urlBand } };
}
