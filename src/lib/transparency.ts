/**
 * View models for the transparency pages: how each figure is written (exact, rounded by the
 * source, a sum with its rounding range, or not reported), the one sentence that states a
 * dataset's total beside what its source stated, table rows, chart data, citations and
 * schema.org JSON-LD. Pure functions over the pipeline's exact results (decimal strings);
 * pages only render what these return, so no page can word a total differently.
 */
import { formatPeriode, formatTanggal, isoDate } from './dates.ts';
import { PROGRAMS, PROGRAM_NAMES, type Program } from './claims/csv-check.ts';
import { Dec, decimalToSen, formatCount, formatRupiah, formatRupiahShort, formatPercent } from './claims/money.ts';
import { formatPrinted } from './claims/printed.ts';
import type { ComparisonStatus, Dataset, Figure, ProgramTotal } from './claims/load.ts';
import type { Level } from './claims/meta.ts';
import { figureRef, type FigureRef, type KutipAngka, type Measure } from './figure-ref.ts';

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

/** Indonesian names of the levels of offices. */
export const LEVEL_NAMES: Record<Level, { satu: string; banyak: string }> = {
  nasional: { satu: 'Nasional', banyak: 'Nasional' },
  kantor_wilayah: { satu: 'Kantor wilayah', banyak: 'Kantor wilayah' },
  kantor_cabang: { satu: 'Kantor cabang', banyak: 'Kantor cabang' },
};

/** What the confidence marks mean, for visitors. */
export const CONFIDENCE_NAMES: Record<'V' | 'M' | 'U', string> = {
  V: 'V — terverifikasi pada sumber utama atau kantor berita',
  M: 'M — sumber sekunder yang konsisten',
  U: 'U — satu sumber lemah atau ada masalah di dalamnya',
};

/** How one figure is written. */
export interface FigureText {
  /** The figure as shown: `Rp1.864.980.719`, `Rp11,9 miliar`, `sekitar Rp122,03 miliar`, `tidak dilaporkan`. */
  teks: string;
  /** Exact machine value for `<data value>`; null when not reported. */
  nilai: string | null;
  /** True when the source printed it rounded (or it sums rounded figures). */
  dibulatkan: boolean;
  /** A short remark in brackets: `dibulatkan oleh sumber`, `jumlah angka yang dibulatkan sumber`…; null when exact. */
  keterangan: string | null;
  /** For sums of rounded figures: the range the true value lies in. */
  rentang: string | null;
  /** `Rp1,86 miliar` for exact amounts (never for rounded ones: their printed form is shorter). */
  singkat: string | null;
}

function money(value: string, isMoney: boolean): string {
  return isMoney ? formatRupiah(value) : formatCount(value);
}

/** Writes a figure (amount or case count) as precisely as its source printed it. */
export function teksAngka(f: Figure, isMoney: boolean): FigureText {
  if (f.value === null) {
    return { teks: 'tidak dilaporkan', nilai: null, dibulatkan: false, keterangan: null, rentang: null, singkat: null };
  }
  const units = isMoney ? decimalToSen(f.units) : BigInt(f.units);
  if (f.printed !== null) {
    const printed = formatPrinted(f.printed, isMoney) ?? f.printed;
    const rounded = units > 0n;
    return {
      teks: printed,
      nilai: f.value,
      dibulatkan: rounded,
      keterangan: rounded ? 'dibulatkan oleh sumber' : null,
      rentang: null,
      singkat: null,
    };
  }
  const lowerBound = f.missing > 0 || f.atLeast > 0;
  if (units === 0n) {
    const exact = money(f.value, isMoney);
    return {
      teks: lowerBound ? `sedikitnya ${exact}` : exact,
      nilai: f.value,
      dibulatkan: false,
      keterangan: f.missing > 0 ? `${f.missing} angka tidak dilaporkan` : null,
      rentang: null,
      singkat: isMoney ? formatRupiahShort(f.value) : null,
    };
  }
  const half = new Dec(f.units).div(2);
  const lo = new Dec(f.value).minus(half);
  const hi = new Dec(f.value).plus(half);
  const fmt = (d: InstanceType<typeof Dec>): string => (isMoney ? formatRupiah(d.toFixed(2).replace(/\.?0+$/, '')) : formatCount(d.toFixed(0)));
  const short = isMoney ? formatRupiahShort(f.value) : formatCount(f.value);
  return {
    teks: `${lowerBound ? 'sedikitnya' : 'sekitar'} ${short}`,
    nilai: f.value,
    dibulatkan: true,
    keterangan: `jumlah angka yang dibulatkan sumber${f.missing > 0 ? `; ${f.missing} angka tidak dilaporkan` : ''}`,
    rentang: lowerBound ? null : `antara ${fmt(lo)} dan ${fmt(hi)}`,
    singkat: null,
  };
}

/** A stated figure (from the metadata) as a FigureText. */
export function teksDisebut(f: { value: string; printed: string | null; unit: string }, isMoney: boolean): FigureText {
  return teksAngka({ value: f.value, printed: f.printed ?? (f.unit === '0' ? null : f.value), units: f.unit, missing: 0, atLeast: 0, parts: 1 }, isMoney);
}

/** One line of the programme table. */
export interface ProgramRow {
  program: Program;
  nama: string;
  anchor: string;
  nominal: FigureText;
  kasus: FigureText;
  /** `14,61%`, or null when not computable (an unknown amount). */
  bagian: string | null;
}

/** Table rows in the fixed programme order. */
export function programRows(byProgram: readonly ProgramTotal[]): ProgramRow[] {
  return PROGRAMS.flatMap((code) => {
    const p = byProgram.find((x) => x.program === code);
    if (!p) return [];
    return [{
      program: code,
      nama: PROGRAM_NAMES[code],
      anchor: PROGRAM_STYLE[code].anchor,
      nominal: teksAngka(p.nominal, true),
      kasus: teksAngka(p.kasus, false),
      bagian: p.share === null ? null : formatPercent(p.share),
    }];
  });
}

/** Plain words for the outcome of a comparison. */
export const STATUS_TEKS: Record<ComparisonStatus, string> = {
  sama: 'sama persis',
  'dalam-pembulatan': 'sesuai dalam batas pembulatan',
  'tidak-lengkap': 'tidak dapat dicocokkan penuh karena ada angka yang tidak dilaporkan',
  berbeda: 'berbeda',
};

/**
 * The statement of a dataset's total: what the source stated and what its parts add up to,
 * always together. Every page, meta description, social text and chart title that mentions a
 * dataset's total uses this.
 */
export interface TotalStatement {
  /** One or two sentences in plain Indonesian. */
  kalimat: string;
  /** Short form for titles and meta descriptions (≤ ~160 characters). */
  singkat: string;
  status: ComparisonStatus | 'tanpa-total';
  /** The stated total as written, or null when the source stated none. */
  disebut: FigureText | null;
  /** The sum of the programme figures. */
  dihitung: FigureText;
  /** Stated minus computed, when the two really differ (status berbeda or tidak-lengkap). */
  selisih: string | null;
  /** The outcome in a few words, beside the stated total in tables ("sesuai dalam batas pembulatan"). */
  pendek: string;
}

/** The outcome of a dataset's reconciliation in a few words, naming parts of the total that are not programmes. */
function statusPendek(status: ComparisonStatus | 'tanpa-total', d: Dataset): string {
  const parts = d.meta.reported?.includes ?? [];
  const plus = parts.length === 0 ? '' : ` (jumlah per program ditambah ${parts.map((p) => p.name).join(', ')})`;
  switch (status) {
    case 'sama': return `sama persis${plus}`;
    case 'dalam-pembulatan': return `sesuai dalam batas pembulatan${plus}`;
    case 'tidak-lengkap': return 'ada angka yang tidak dilaporkan';
    case 'berbeda': return 'berbeda: lihat pencocokan';
    case 'tanpa-total': return 'tidak disebut sumber';
  }
}

function withIncludes(d: Dataset): string {
  const parts = d.meta.reported?.includes ?? [];
  return parts.length === 0 ? '' : ` ditambah ${parts.map((p) => p.name).join(', ')} (bukan program)`;
}

/** The statement of a dataset's total amount (see {@link TotalStatement}). */
export function pernyataanTotal(d: Dataset): TotalStatement {
  const dihitung = teksAngka(d.total.nominal, true);
  const n = d.byProgram.length;
  const bagian = n === 1 ? 'angka program' : `${n} angka program`;
  const c = d.reconciliation.nominal;
  if (c === null) {
    const kalimat = `Sumber tidak menyebut total. Jumlah ${bagian} yang disebut sumber: ${dihitung.teks}${dihitung.keterangan ? ` (${dihitung.keterangan})` : ''}.`;
    return { kalimat, singkat: `Jumlah ${bagian}: ${dihitung.teks} (sumber tidak menyebut total)`, status: 'tanpa-total', disebut: null, dihitung, selisih: null, pendek: statusPendek('tanpa-total', d) };
  }
  const disebut = teksDisebut(c.stated, true);
  const disebutTeks = `${disebut.teks}${disebut.dibulatkan ? ' (dibulatkan oleh sumber)' : ''}`;
  const inc = withIncludes(d);
  const computedAll = teksAngka({ value: c.computed.value, printed: null, units: c.computed.units, missing: c.computed.missing, atLeast: c.computed.atLeast, parts: n }, true);
  switch (c.status) {
    case 'sama':
      return {
        kalimat: `Total menurut sumber: ${disebutTeks}, sama persis dengan jumlah ${bagian}${inc}.`,
        singkat: `Total menurut sumber ${disebut.teks}, sama dengan jumlah per program`,
        status: c.status, disebut, dihitung, selisih: null, pendek: statusPendek(c.status, d),
      };
    case 'dalam-pembulatan':
      return {
        kalimat: `Total menurut sumber: ${disebutTeks}. Jumlah ${bagian}${inc} ${computedAll.teks}: sesuai dalam batas pembulatan.`,
        singkat: `Total menurut sumber ${disebut.teks}; jumlah per program ${computedAll.teks}, sesuai dalam batas pembulatan`,
        status: c.status, disebut, dihitung, selisih: null, pendek: statusPendek(c.status, d),
      };
    case 'tidak-lengkap': {
      const selisih = formatRupiah(c.difference);
      return {
        kalimat: `Total menurut sumber: ${disebutTeks}. Jumlah ${bagian} yang dilaporkan${inc} ${computedAll.teks}, ${selisih} lebih kecil; sebagian angka tidak dilaporkan sumber, jadi selisih itu bisa berasal dari angka tersebut.`,
        singkat: `Total menurut sumber ${disebut.teks}; angka per program yang dilaporkan ${computedAll.teks} (tidak lengkap)`,
        status: c.status, disebut, dihitung, selisih: c.difference, pendek: statusPendek(c.status, d),
      };
    }
    case 'berbeda': {
      const sign = decimalToSen(c.difference) > 0n;
      const selisih = formatRupiah(c.difference.replace(/^-/, ''));
      return {
        kalimat: `Sumber menyebut total ${disebutTeks}, tetapi jumlah ${bagian} yang juga disebut sumber${inc} adalah ${computedAll.teks}: berbeda ${selisih} (total sumber ${sign ? 'lebih besar' : 'lebih kecil'}). Kami tidak mengoreksi angka mana pun.`,
        singkat: `Total menurut sumber ${disebut.teks}, jumlah per program ${computedAll.teks}: berbeda ${selisih}`,
        status: c.status, disebut, dihitung, selisih: c.difference, pendek: statusPendek(c.status, d),
      };
    }
  }
}

/** The same comparison for case counts, in one sentence, or null when the source stated no count. */
export function pernyataanKasus(d: Dataset): { kalimat: string; status: ComparisonStatus; selisih: string | null } | null {
  const c = d.reconciliation.kasus;
  if (c === null) return null;
  const disebut = teksDisebut(c.stated, false);
  const dihitung = teksAngka({ value: c.computed.value, printed: null, units: c.computed.units, missing: c.computed.missing, atLeast: c.computed.atLeast, parts: 1 }, false);
  const disebutTeks = `${disebut.teks} kasus${disebut.dibulatkan ? ' (dibulatkan oleh sumber)' : ''}`;
  const inc = withIncludes(d);
  switch (c.status) {
    case 'sama':
      return { kalimat: `Jumlah kasus menurut sumber: ${disebutTeks}, sama persis dengan jumlah per program${inc}.`, status: c.status, selisih: null };
    case 'dalam-pembulatan':
      return { kalimat: `Jumlah kasus menurut sumber: ${disebutTeks}; jumlah per program${inc} ${dihitung.teks}: sesuai dalam batas pembulatan.`, status: c.status, selisih: null };
    case 'tidak-lengkap':
      return { kalimat: `Jumlah kasus menurut sumber: ${disebutTeks}; jumlah kasus per program yang dilaporkan${inc} ${dihitung.teks}. Sebagian jumlah kasus tidak dilaporkan sumber, jadi selisih ${formatCount(c.difference)} kasus bisa berasal dari sana.`, status: c.status, selisih: c.difference };
    case 'berbeda': {
      const beda = formatCount(c.difference.replace(/^-/, ''));
      return { kalimat: `Sumber menyebut ${disebutTeks}, tetapi jumlah kasus per program yang juga disebut sumber${inc} adalah ${dihitung.teks}: berbeda ${beda} kasus. Kami tidak mengoreksi angka mana pun.`, status: c.status, selisih: c.difference };
    }
  }
}

/** The period as pages write it, saying when its start is an assumption. */
export function teksPeriode(d: Dataset): string {
  const p = formatPeriode(d.meta.period.start, d.meta.period.end);
  return d.meta.period.startStated ? p : `${p} (awal periode tidak disebut sumber; sumber menulis "${d.meta.period.printed}")`;
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
  /** The same figures as pages write them (`Rp1.864.980.719`, `Rp11,9 miliar`), for tooltips. */
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

/** A horizontal bar per programme (programmes with an unknown amount are left out and said so). */
export function programChart(rows: readonly ProgramRow[], judul: string): ChartData {
  const known = rows.filter((r) => r.nominal.nilai !== null);
  return {
    kind: 'bar',
    labels: known.map((r) => r.program),
    series: [{ label: 'Nominal klaim (Rp)', warna: '#0072B2', values: known.map((r) => r.nominal.nilai), formatted: known.map((r) => `${r.nominal.teks}${r.nominal.dibulatkan ? ' (dibulatkan oleh sumber)' : ''}`) }],
    ariaLabel: `${judul}: ${known.map((r) => `${r.program} ${r.nominal.teks}${r.nominal.dibulatkan ? ' (dibulatkan)' : ''}`).join(', ')}.`,
  };
}

export interface PeriodProgramFigure {
  label: string;
  program: Program;
  nominal: string;
  teks: string;
}

/** Stacked bars: one bar per period (in the order given), one colour per programme. */
export function trendChart(figures: readonly PeriodProgramFigure[], judul: string): ChartData {
  const labels = [...new Set(figures.map((f) => f.label))];
  const programs = PROGRAMS.filter((p) => figures.some((f) => f.program === p));
  const series = programs.map((p) => {
    const found = labels.map((l) => figures.find((f) => f.label === l && f.program === p) ?? null);
    return { label: p, warna: PROGRAM_STYLE[p].warna, values: found.map((f) => f?.nominal ?? null), formatted: found.map((f) => f?.teks ?? null) };
  });
  const perPeriod = labels.map((l) => {
    const parts = figures.filter((f) => f.label === l);
    return `${l}: ${parts.map((f) => `${f.program} ${f.teks}`).join(', ')}`;
  });
  return { kind: 'stacked', labels, series, ariaLabel: `${judul}. ${perPeriod.join('; ')}.` };
}

/** The short data version: the first 12 hex digits of the source CSV's SHA-256. */
export function dataVersion(sha256: string): string {
  return sha256.slice(0, 12);
}

export interface CitationInput {
  /** This site. */
  penerbit: string;
  judul: string;
  /** The original source. */
  sumber: { publisher: string; headline: string; url: string | null; published: string | null };
  url: string;
  sha256: string;
  /** Date of the data version (YYYY-MM-DD): when this version of the data was committed. */
  tanggalVersi: string;
  /** Absolute URL of this version's immutable CSV (`/data/v/<hash>/<id>.csv`). */
  urlVersi: string;
}

/**
 * A ready one-line citation in Indonesian: this site's compilation, the original source it
 * comes from, the page's stable URL and the data version with its date. The reader adds the
 * date they accessed it.
 */
export function kutipan(c: CitationInput): string {
  const terbit = c.sumber.published ? formatTanggal(c.sumber.published) : 'tanggal terbit tidak diketahui';
  return `${c.penerbit}. (${c.tanggalVersi.slice(0, 4)}). ${c.judul} [data]. Dihimpun dari ${c.sumber.publisher}, "${c.sumber.headline}" (${terbit})${c.sumber.url ? `, ${c.sumber.url}` : ''}. Versi data sha256:${dataVersion(c.sha256)}, ${formatTanggal(c.tanggalVersi)} (${c.urlVersi}). ${c.url}`;
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

export interface DataSource {
  publisher: string;
  headline: string;
  url: string | null;
  published: string | null;
}

/** The distinct sources of some datasets, as the Sumber component lists them. */
export function sumberData(
  datasets: readonly { meta: { source: DataSource; lastReviewed: string; confidence?: 'V' | 'M' | 'U' } }[],
): { sumber: { judul: string; penerbit: string; url?: string; tanggal?: Date; keyakinan?: 'V' | 'M' | 'U' }[]; terakhirDitinjau: Date } {
  const seen = new Map<string, { s: DataSource; c?: 'V' | 'M' | 'U' }>();
  for (const d of datasets) seen.set(`${d.meta.source.url ?? ''}|${d.meta.source.headline}|${d.meta.source.publisher}`, { s: d.meta.source, ...(d.meta.confidence ? { c: d.meta.confidence } : {}) });
  const latest = datasets.reduce((m, d) => (d.meta.lastReviewed > m ? d.meta.lastReviewed : m), '0000-00-00');
  return {
    sumber: [...seen.values()].map(({ s, c }) => ({
      judul: s.headline,
      penerbit: s.publisher,
      ...(s.url ? { url: s.url } : {}),
      ...(s.published ? { tanggal: new Date(`${s.published}T00:00:00Z`) } : {}),
      ...(c ? { keyakinan: c } : {}),
    })),
    terakhirDitinjau: new Date(`${latest}T00:00:00Z`),
  };
}

/**
 * The anchor and copy line of one figure as a page writes it (see figure-ref.ts): exact figures
 * are written by figure-ref itself; rounded ones and sums of rounded ones keep this page's wording
 * ("Rp11,9 miliar (dibulatkan oleh sumber)", "sekitar Rp122,03 miliar (…)"). Null when no citation
 * is wanted or the figure is not reported.
 */
export function kutipAngka(kutip: KutipAngka | undefined, subject: string, measure: Measure, f: FigureText, nama: string): FigureRef | null {
  if (kutip === undefined || f.nilai === null) return null;
  const shown = f.dibulatkan || f.keterangan !== null ? `${f.teks}${f.keterangan ? ` (${f.keterangan})` : ''}` : null;
  return figureRef(kutip, subject, measure, f.nilai, nama, null, shown);
}
