/**
 * Per-figure permalinks and the one line a reader copies to cite a single figure.
 *
 * Anchor scheme (stable across rebuilds, never derived from a position on the page):
 *
 *     <dataset id>-<subject>-<measure>
 *
 * - dataset id: the dataset's id as it is (`pasuruan-2017-01-02`);
 * - subject: a programme code in lower case (`jkk`, `jkm`, `jht`, `jp`, `jkp`), `total` (the
 *   computed sum of the dataset's rows), `total-sumber` (the total as the source stated it),
 *   or the slug of a stated component that is not a programme row (`manfaat beasiswa` →
 *   `manfaat-beasiswa`);
 * - measure: `nominal` (rupiah), `kasus` (case count), `selisih-nominal` or `selisih-kasus`
 *   (a reconciliation difference: source minus computed).
 *
 * Example: Pasuruan, January–February 2017, JKK amount → `pasuruan-2017-01-02-jkk-nominal`.
 * The dataset id is part of the anchor so one page (an office or national page) can carry
 * figures of several datasets without clashes. tests/unit/figure-ref.test.ts pins the scheme.
 */
import { formatCount, formatRupiah } from './rupiah.ts';
import { slugify } from './slug.ts';

export const MEASURES = ['nominal', 'kasus', 'selisih-nominal', 'selisih-kasus'] as const;
export type Measure = (typeof MEASURES)[number];

/**
 * The stable anchor (HTML id, URL fragment) of one figure.
 * @param datasetId the dataset id (lower case, digits and dashes)
 * @param subject a programme code (`JKK`), `total`, `total-sumber`, or a component name
 * @param measure what the figure measures
 * @throws RangeError when the dataset id or subject gives no usable slug
 */
export function figureAnchor(datasetId: string, subject: string, measure: Measure): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(datasetId)) {
    throw new RangeError(`figureAnchor: dataset id "${datasetId}" must be lower case letters, digits and single dashes`);
  }
  if (!MEASURES.includes(measure)) throw new RangeError(`figureAnchor: unknown measure "${measure}" (one of ${MEASURES.join(', ')})`);
  const s = slugify(subject);
  if (s === '') throw new RangeError(`figureAnchor: subject "${subject}" has no letters or digits`);
  return `${datasetId}-${s}-${measure}`;
}

export interface FigureLineInput {
  /** The exact value: a decimal string of rupiah (`"1864980719"`) or a count (`"1800"`). */
  value: string;
  /** The figure exactly as the source printed it when it rounded or worded it (`Rp 11,9 miliar`); null when printed exactly. */
  printed: string | null;
  /**
   * The figure as the page writes it when it is neither exact nor one printed figure (a sum of
   * rounded figures: `sekitar Rp122,03 miliar (jumlah angka yang dibulatkan sumber)`); used as is.
   */
  shown?: string | null;
  measure: Measure;
  /** What the figure is, in plain Indonesian: `nominal klaim JKK (Jaminan Kecelakaan Kerja), Kantor Cabang Pasuruan`. */
  what: string;
  /** The period as words: `1 Januari – 28 Februari 2017`. */
  period: string;
  /** Who published the figure originally: `Antara Jatim (LKBN ANTARA)`. */
  source: string;
  /** Absolute URL of the page without fragment. */
  pageUrl: string;
  /** The anchor from `figureAnchor`. */
  anchor: string;
  /** SHA-256 (hex) of the data file: the data version; the first 12 digits are shown. */
  version: string;
}

/** Unit words for each measure. */
export function unitOf(measure: Measure): 'rupiah' | 'kasus' {
  return measure === 'nominal' || measure === 'selisih-nominal' ? 'rupiah' : 'kasus';
}

/** The figure as text: exact (`Rp1.864.980.719`, `1.800 kasus`) or as printed, marked as rounded by the source. */
export function figureText(value: string, printed: string | null, measure: Measure): string {
  if (printed !== null && printed.trim() !== '') {
    const p = printed.trim();
    return `${unitOf(measure) === 'kasus' && !/kasus/i.test(p) ? `${p} kasus` : p} (dibulatkan oleh sumber)`;
  }
  return unitOf(measure) === 'rupiah' ? formatRupiah(value) : `${formatCount(value)} kasus`;
}

/** Page URL with the figure's fragment (any fragment already on the URL is replaced). */
export function figureUrl(pageUrl: string, anchor: string): string {
  return `${pageUrl.replace(/#.*$/, '')}#${anchor}`;
}

/**
 * The one line to copy: figure as the source stated it, what it is, unit, period, source,
 * URL with the anchor, data version. Example:
 * `Rp1.864.980.719: nominal klaim JKK (Jaminan Kecelakaan Kerja), Kantor Cabang Pasuruan, 1 Januari – 28 Februari 2017 (satuan: rupiah). Sumber: Antara Jatim (LKBN ANTARA). https://…/#pasuruan-2017-01-02-jkk-nominal (versi data sha256:0123456789ab)`
 */
export function figureLine(input: FigureLineInput): string {
  if (!/^[0-9a-f]{12,64}$/.test(input.version)) throw new RangeError(`figureLine: version must be a hex SHA-256, got "${input.version}"`);
  const figure = input.shown ?? figureText(input.value, input.printed, input.measure);
  return (
    `${figure}: ${input.what}, ${input.period} (satuan: ${unitOf(input.measure)}). ` +
    `Sumber: ${input.source}. ${figureUrl(input.pageUrl, input.anchor)} (versi data sha256:${input.version.slice(0, 12)})`
  );
}

/** What a table needs to give each of its figures an anchor and a citation line (TabelProgram `kutip`). */
export interface KutipAngka {
  datasetId: string;
  /** Whose figures: `Kantor Cabang Pasuruan`. */
  subjek: string;
  /** The period in words. */
  periode: string;
  /** The original publisher. */
  sumber: string;
  /** Absolute URL of this page. */
  pageUrl: string;
  /** SHA-256 of the data file. */
  version: string;
  /** Figures as the source printed them when rounded, per programme code (contract v2 `*_tertulis`). */
  tertulis?: Partial<Record<string, { nominal?: string | null; kasus?: string | null }>>;
}

/** What a page needs to render one figure's anchor and "Kutip" control. */
export interface FigureRef {
  anchor: string;
  teks: string;
  /** Short name of the figure for screen readers: `nominal JKK`. */
  label: string;
}

const MEASURE_WORDS: Record<Measure, string> = {
  nominal: 'nominal klaim',
  kasus: 'jumlah kasus',
  'selisih-nominal': 'selisih nominal',
  'selisih-kasus': 'selisih jumlah kasus',
};

/**
 * Anchor and citation line of one figure of a table (`kutip` from the table's props).
 * @param subject programme code, `total`, `total-sumber` or a component name
 * @param nama what the subject is in words: `JKK (Jaminan Kecelakaan Kerja)`, `total menurut sumber`
 * @param printed the figure as printed when the source rounded it; else taken from `kutip.tertulis`
 */
export function figureRef(kutip: KutipAngka, subject: string, measure: Measure, value: string, nama: string, printed?: string | null, shown?: string | null): FigureRef {
  const anchor = figureAnchor(kutip.datasetId, subject, measure);
  const tertulis = printed !== undefined ? printed : (kutip.tertulis?.[subject]?.[measure === 'kasus' || measure === 'selisih-kasus' ? 'kasus' : 'nominal'] ?? null);
  const teks = figureLine({
    value,
    printed: tertulis,
    shown: shown ?? null,
    measure,
    what: `${MEASURE_WORDS[measure]} ${nama}, ${kutip.subjek}`,
    period: kutip.periode,
    source: kutip.sumber,
    pageUrl: kutip.pageUrl,
    anchor,
    version: kutip.version,
  });
  return { anchor, teks, label: `${MEASURE_WORDS[measure]} ${nama}` };
}
