/**
 * Social preview images (Open Graph / Twitter cards), 1200×630, made at build time on the
 * same server-side canvas and bundled font as the chart images (chart-image.ts), so they are
 * deterministic. A dataset card shows the key figures (the total as the source stated it and
 * as computed, both when they differ), the source and the site name; the site card (for
 * pages without their own) shows the site name and a line about it.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { encodeOpaquePng, FONT_FAMILY, registerFonts } from './chart-image.ts';

export const SOCIAL_WIDTH = 1200;
export const SOCIAL_HEIGHT = 630;

export interface KeyFigure {
  /** `Total menurut sumber`, `JHT`. */
  label: string;
  /** Already written out: `Rp12.878.543.829`, `Rp 11,9 miliar (dibulatkan oleh sumber)`. */
  value: string;
}

export interface SocialImageSpec {
  /** File name stem. */
  id: string;
  siteName: string;
  title: string;
  /** Second line under the title (office and period). */
  subtitle: string;
  /** One or two headline figures (stated and computed when they differ). */
  headline: KeyFigure[];
  /** Smaller figures (per programme), at most four are drawn. */
  figures: KeyFigure[];
  /** `Sumber: …`; empty for the site card. */
  sourceLine: string;
}

export interface TotalFigures {
  /** The total the source stated, written out; null when it stated none. */
  stated: string | null;
  /** The computed total, written out. */
  computed: string;
  /** True when the two differ (beyond rounding). */
  differ: boolean;
}

/** The headline figures: one total when they agree (or none was stated), both when they differ. */
export function headlineFigures(t: TotalFigures): KeyFigure[] {
  if (t.stated === null) return [{ label: 'Jumlah angka per program', value: t.computed }];
  // The total as the source stated it (which may include parts that are not programmes).
  if (!t.differ) return [{ label: 'Total menurut sumber', value: t.stated }];
  return [
    { label: 'Total menurut sumber', value: t.stated },
    { label: 'Jumlah angka per program (dihitung)', value: t.computed },
  ];
}

/** Lines of `text` that fit `maxWidth`, at most `maxLines`, the last one shortened with `…` if needed. */
export function fitLines(ctx: Pick<SKRSContext2D, 'measureText'>, text: string, maxWidth: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i]!;
    if (line && ctx.measureText(next).width > maxWidth) {
      lines.push(line);
      line = words[i]!;
      if (lines.length === maxLines) break;
    } else {
      line = next;
    }
  }
  if (lines.length < maxLines) {
    if (line) lines.push(line);
    return lines;
  }
  // Out of room: shorten the last line until it fits with an ellipsis.
  let last = lines[maxLines - 1]!;
  while (last.length > 1 && ctx.measureText(`${last}…`).width > maxWidth) last = last.slice(0, -1).trimEnd();
  lines[maxLines - 1] = `${last}…`;
  return lines;
}

/** Render a social card to PNG bytes (1200×630, deterministic). */
export function renderSocialPng(spec: SocialImageSpec): Buffer {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(spec.id)) throw new RangeError(`social image id "${spec.id}" must be lower case letters, digits and dashes`);
  registerFonts();
  const W = SOCIAL_WIDTH;
  const H = SOCIAL_HEIGHT;
  const P = 60;
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px "${FONT_FAMILY}"`;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  // Site band.
  ctx.fillStyle = '#0b4f6c';
  ctx.fillRect(0, 0, W, 72);
  ctx.fillStyle = '#ffffff';
  ctx.font = font(28, true);
  ctx.textBaseline = 'middle';
  ctx.fillText(spec.siteName, P, 37);
  ctx.textBaseline = 'alphabetic';

  let y = 72 + 30;
  ctx.fillStyle = '#1a1a1a';
  ctx.font = font(40, true);
  for (const line of fitLines(ctx, spec.title, W - 2 * P, spec.headline.length > 0 ? 2 : 4)) ctx.fillText(line, P, (y += 50) - 8);
  ctx.fillStyle = '#404040';
  ctx.font = font(26);
  for (const line of fitLines(ctx, spec.subtitle, W - 2 * P, spec.headline.length > 0 ? 1 : 4)) ctx.fillText(line, P, (y += 38) - 6);
  y += 16;

  /** A figure's label (one line, fitted) above its value, in the given sizes and colour. */
  const labelAndValue = (f: KeyFigure, x: number, width: number, label: { y: number; size: number }, value: { y: number; size: number; color: string }): void => {
    ctx.fillStyle = '#404040';
    ctx.font = font(label.size);
    ctx.fillText(fitLines(ctx, f.label, width, 1)[0] ?? '', x, label.y);
    ctx.fillStyle = value.color;
    ctx.font = font(value.size, true);
    ctx.fillText(f.value, x, value.y);
  };

  // Headline figures side by side.
  const hs = spec.headline.slice(0, 2);
  const colW = (W - 2 * P) / Math.max(1, hs.length);
  hs.forEach((f, i) => {
    let size = 48;
    ctx.font = font(size, true);
    while (size > 24 && ctx.measureText(f.value).width > colW - 20) ctx.font = font((size -= 2), true);
    labelAndValue(f, P + i * colW, colW - 20, { y: y + 26, size: 22 }, { y: y + 26 + size + 8, size, color: '#0b4f6c' });
  });
  if (hs.length > 0) y += 26 + 48 + 8 + 24;

  // Programme figures in a row (all five programmes fit; none is left out).
  const fs = spec.figures.slice(0, 5);
  if (fs.length > 0) {
    const w = (W - 2 * P) / fs.length;
    // One size for all of them (the largest at which every value fits its column).
    let size = 26;
    ctx.font = font(size, true);
    while (size > 14 && fs.some((f) => ctx.measureText(f.value).width > w - 16)) ctx.font = font((size -= 1), true);
    fs.forEach((f, i) => labelAndValue(f, P + i * w, w - 16, { y: y + 24, size: 20 }, { y: y + 24 + size + 6, size, color: '#1a1a1a' }));
  }

  // Source at the bottom.
  if (spec.sourceLine) {
    ctx.strokeStyle = '#c8c8c8';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(P, H - 96.5);
    ctx.lineTo(W - P, H - 96.5);
    ctx.stroke();
    ctx.fillStyle = '#1a1a1a';
    ctx.font = font(20);
    fitLines(ctx, spec.sourceLine, W - 2 * P, 2).forEach((line, k) => ctx.fillText(line, P, H - 62 + k * 28));
  }
  return encodeOpaquePng(ctx, W, H, { Title: spec.title, Description: spec.sourceLine || spec.subtitle });
}
