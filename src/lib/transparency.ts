/**
 * View models for the transparency pages: programme labels and anchors, table rows,
 * chart data, the one-line summary, citations and schema.org JSON-LD. Pure functions over
 * the pipeline's exact results (decimal strings); pages only render what these return.
 */
import { formatPeriode, formatTanggal, isoDate } from './dates.ts';
import { PROGRAMS, PROGRAM_NAMES, type Program } from './claims/csv-check.ts';
import { decimalToSen, formatRupiah, formatRupiahShort, formatShare } from './claims/money.ts';

export type ProgramCode = Program;

/**
 * The anchor each programme's figure gets (`#jht`) and its chart colour. The colours come
 * from the Okabe–Ito / Tol palettes (distinguishable with the common colour-vision
 * deficiencies), darkened where needed for at least 3:1 contrast against white.
 */
export const PROGRAM_STYLE: Record<Program, { anchor: string; warna: string }> = {
  JKK: { anchor: 'jkk', warna: '#0072B2' },
  JKM: { anchor: 'jkm', warna: '#007A5E' },
  JHT: { anchor: 'jht', warna: '#C04F00' },
  JP: { anchor: 'jp', warna: '#AA3377' },
  JKP: { anchor: 'jkp', warna: '#5F5A00' },
};

export interface ProgramFigure {
  program: string;
  nominal: string;
  kasus: string | null;
}

export interface ProgramRow {
  program: ProgramCode;
  nama: string;
  anchor: string;
  nominal: string;
  /** `Rp1.864.980.719` */
  exact: string;
  /** `Rp1,86 miliar` */
  short: string;
  /** `14,61%` */
  share: string;
  /** `null` when not reported. */
  kasus: string | null;
}

/** Table rows in the fixed programme order, with exact and short forms and shares of `total`. */
export function programRows(figures: readonly ProgramFigure[], total: string): ProgramRow[] {
  return PROGRAMS.flatMap((code) => {
    const f = figures.find((x) => x.program === code);
    if (!f) return [];
    return [{
      program: code,
      nama: PROGRAM_NAMES[code],
      anchor: PROGRAM_STYLE[code].anchor,
      nominal: f.nominal,
      exact: formatRupiah(f.nominal),
      short: formatRupiahShort(f.nominal),
      share: formatShare(f.nominal, total),
      kasus: f.kasus,
    }];
  });
}

/** One plain sentence saying what the programme chart shows. */
export function ringkasanGrafik(rows: readonly ProgramRow[], total: string): string {
  if (rows.length === 0) return 'Belum ada data klaim.';
  const largest = rows.reduce((a, b) => (compareDecimal(b.nominal, a.nominal) > 0 ? b : a));
  const smallest = rows.reduce((a, b) => (compareDecimal(b.nominal, a.nominal) < 0 ? b : a));
  const base = `Total klaim ${formatRupiahShort(total)}. Terbesar ${largest.program} (${largest.nama}): ${largest.short}, ${largest.share} dari total`;
  return rows.length > 1 ? `${base}; terkecil ${smallest.program}: ${smallest.short}.` : `${base}.`;
}

/** Compare two decimal strings (at most 2 decimals) exactly. */
export function compareDecimal(a: string, b: string): number {
  const x = decimalToSen(a);
  const y = decimalToSen(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export interface ChartSeries {
  label: string;
  warna: string;
  /** Exact decimal strings, one per label. `null` where there is no figure. */
  values: (string | null)[];
  /** The same figures written out exactly (`Rp1.864.980.719`), for tooltips. */
  formatted: (string | null)[];
}

/** Data for a chart: passed to the browser as JSON in a data attribute, never retyped. */
export interface ChartData {
  kind: 'bar' | 'stacked';
  labels: string[];
  series: ChartSeries[];
  /** States the figures, for `aria-label` on the canvas. */
  ariaLabel: string;
}

/** A horizontal bar per programme. */
export function programChart(rows: readonly ProgramRow[], judul: string): ChartData {
  return {
    kind: 'bar',
    labels: rows.map((r) => r.program),
    series: [{ label: 'Nominal klaim (Rp)', warna: '#0072B2', values: rows.map((r) => r.nominal), formatted: rows.map((r) => r.exact) }],
    ariaLabel: `${judul}: ${rows.map((r) => `${r.program} ${r.exact}`).join(', ')}.`,
  };
}

export interface PeriodProgramFigure {
  label: string;
  program: string;
  nominal: string;
}

/** Stacked bars: one bar per period (in the order given), one colour per programme. */
export function trendChart(figures: readonly PeriodProgramFigure[], judul: string): ChartData {
  const labels = [...new Set(figures.map((f) => f.label))];
  const programs = PROGRAMS.filter((p) => figures.some((f) => f.program === p));
  const series = programs.map((p) => {
    const values = labels.map((l) => figures.find((f) => f.label === l && f.program === p)?.nominal ?? null);
    return { label: p, warna: PROGRAM_STYLE[p].warna, values, formatted: values.map((v) => (v === null ? null : formatRupiah(v))) };
  });
  const perPeriod = labels.map((l) => {
    const parts = figures.filter((f) => f.label === l);
    return `${l}: ${parts.map((f) => `${f.program} ${formatRupiah(f.nominal)}`).join(', ')}`;
  });
  return { kind: 'stacked', labels, series, ariaLabel: `${judul}. ${perPeriod.join('; ')}.` };
}

export interface CitationInput {
  publisher: string;
  judul: string;
  /** Branch names; more than three are counted rather than listed. */
  cabang: readonly string[];
  periodeAwal: string;
  periodeAkhir: string;
  url: string;
  sha256: string;
  diakses: string;
}

/** The short data version: the first 12 hex digits of the source CSV's SHA-256. */
export function dataVersion(sha256: string): string {
  return sha256.slice(0, 12);
}

/** A ready one-line citation in Indonesian. */
export function kutipan(c: CitationInput): string {
  const cabang =
    c.cabang.length > 3
      ? `${c.cabang.length} kantor cabang`
      : `Kantor Cabang ${c.cabang.length > 1 ? `${c.cabang.slice(0, -1).join(', ')} dan ${c.cabang[c.cabang.length - 1]}` : (c.cabang[0] ?? '')}`;
  return `${c.publisher}. (${c.diakses.slice(0, 4)}). ${c.judul}: ${cabang}, ${formatPeriode(c.periodeAwal, c.periodeAkhir)} [data]. ${c.url} (versi data sha256:${dataVersion(c.sha256)}, diakses ${formatTanggal(c.diakses)}).`;
}

/**
 * Serialise JSON for a `<script type="application/ld+json">` block: `<`, `>`, `&` and the
 * JavaScript line separators are escaped so no data can close the script element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface DatasetLdInput {
  name: string;
  description: string;
  url: string;
  creator: { name: string; url: string };
  sourceName: string;
  sourceUrl: string | null;
  periodeAwal: string;
  periodeAkhir: string;
  spatial: string[];
  license: string;
  version: string;
  dateModified?: string;
  distribution: { contentUrl: string; encodingFormat: string }[];
}

/** schema.org `Dataset` for JSON-LD. */
export function datasetJsonLd(d: DatasetLdInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: d.name,
    description: d.description,
    url: d.url,
    inLanguage: 'id',
    creator: { '@type': 'Organization', name: d.creator.name, url: d.creator.url },
    isBasedOn: d.sourceUrl ? { '@type': 'NewsArticle', name: d.sourceName, url: d.sourceUrl } : d.sourceName,
    temporalCoverage: `${isoDate(d.periodeAwal)}/${isoDate(d.periodeAkhir)}`,
    spatialCoverage: d.spatial.map((name) => ({ '@type': 'Place', name })),
    license: d.license,
    version: d.version,
    ...(d.dateModified ? { dateModified: d.dateModified } : {}),
    distribution: d.distribution.map((x) => ({ '@type': 'DataDownload', contentUrl: x.contentUrl, encodingFormat: x.encodingFormat })),
  };
}

export interface Reconciliation {
  reported: string | null;
  computed: string;
  /** reported − computed; null when nothing was reported. */
  difference: string | null;
}

const ANGKA_KATA = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima'];

/** The reconciliation in plain words, or null when the source reported no total. */
export function penjelasanRekonsiliasi(rec: Reconciliation, jumlahProgram: number): string | null {
  if (rec.reported === null || rec.difference === null) return null;
  const bagian = jumlahProgram === 1 ? 'angka per program' : `${ANGKA_KATA[jumlahProgram] ?? jumlahProgram} angka per program`;
  const sign = compareDecimal(rec.difference, '0');
  if (sign === 0) {
    return `Total yang disebut sumber (${formatRupiah(rec.reported)}) sama persis dengan jumlah ${bagian} (${formatRupiah(rec.computed)}).`;
  }
  const selisih = formatRupiah(rec.difference.replace(/^-/, ''));
  const arah = sign > 0 ? 'lebih besar' : 'lebih kecil';
  return (
    `Total yang disebut sumber (${formatRupiah(rec.reported)}) ${selisih} ${arah} daripada jumlah ${bagian} yang juga disebut sumber (${formatRupiah(rec.computed)}). ` +
    'Angka mana yang salah tidak diketahui: bisa total yang salah tulis, bisa juga ada angka program yang keliru atau tidak disebut. ' +
    'Kami menampilkan semua angka apa adanya dan tidak mengoreksinya.'
  );
}

/** True when the source reported a total and it differs from the computed one. */
export function adaSelisih(rec: Reconciliation): boolean {
  return rec.difference !== null && decimalToSen(rec.difference) !== 0n;
}

export interface DataSource {
  publisher: string;
  headline: string;
  url: string | null;
  published: string | null;
}

/** The distinct sources of some datasets, as the Sumber component lists them. */
export function sumberData(
  datasets: readonly { meta: { source: DataSource; lastReviewed: string } }[],
): { sumber: { judul: string; penerbit: string; url?: string; tanggal?: Date }[]; terakhirDitinjau: Date } {
  const seen = new Map<string, DataSource>();
  for (const d of datasets) seen.set(`${d.meta.source.url ?? ''}|${d.meta.source.headline}|${d.meta.source.publisher}`, d.meta.source);
  const latest = datasets.reduce((m, d) => (d.meta.lastReviewed > m ? d.meta.lastReviewed : m), '0000-00-00');
  return {
    sumber: [...seen.values()].map((s) => ({
      judul: s.headline,
      penerbit: s.publisher,
      ...(s.url ? { url: s.url } : {}),
      ...(s.published ? { tanggal: new Date(`${s.published}T00:00:00Z`) } : {}),
    })),
    terakhirDitinjau: new Date(`${latest}T00:00:00Z`),
  };
}
