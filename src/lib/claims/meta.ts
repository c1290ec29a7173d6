/**
 * Dataset metadata (contract v2): `<name>.meta.yaml` beside `<name>.csv`.
 *
 * The YAML is parsed with the `yaml` package (positions kept, integers as BigInt so no digit of
 * a total is lost) and validated with a zod schema. Each problem becomes a diagnostic that names
 * the file, the field and the field's line and column. The field reference for editors is
 * `data/klaim/README.md`.
 *
 * Fields (snake_case in YAML):
 * - `id` (required): equals the file name without `.meta.yaml`; lower case, digits, dashes; not reserved.
 * - `title` (required, ≤ 200 characters), `description` (optional, ≤ 2000).
 * - `level` (required): `kantor_cabang`, `kantor_wilayah` or `nasional`: the level of every office used.
 * - `offices` (required, ≥ 1): office names from `data/kantor.yaml`; every `kantor` in the CSV.
 * - `period.start`, `period.end` (YYYY-MM-DD, required); `period.start_stated` (boolean, required:
 *   false when the source gave no start and `start` is an assumption); `period.printed` (required:
 *   the period as the source worded it).
 * - `confidence` (required): V, M or U (see DOMAIN.md).
 * - `source.publisher`, `source.headline` (required); `source.url` (http(s) URL or null);
 *   `source.published` (YYYY-MM-DD or null when unknown); `source.note` (optional).
 * - `reported` (null, or the totals the source stated): `nominal` / `kasus` (quoted plain figures
 *   or null), `nominal_printed` / `kasus_printed` (the text as printed when rounded, else null),
 *   `includes` (optional list of parts of the stated total that are not programme rows, each with
 *   `name` and the same four figure fields).
 * - `licence.id` (`CC-BY-4.0`), `licence.note` (required).
 * - `notes` (optional, ≤ 4000), `last_reviewed` (YYYY-MM-DD, required).
 */
import { z } from 'zod';
import type { Diagnostic, Text } from './diagnostics.ts';
import { bi, t } from './diagnostics.ts';
import { hasInvisibleInText } from '../diagnostics.ts';
import { parseNominalSen, explainNominal, senToDecimal } from './money.ts';
import { parseIsoDay, explainDate } from './dates.ts';
import type { Qualifier } from './printed.ts';
import { isPrintedError, readPrinted } from './printed.ts';
import type { Position } from './yaml-doc.ts';
import { validateYaml } from './yaml-doc.ts';

/** Licences the compiled data may be published under, with their Indonesian names and URLs. */
export const LICENCES = {
  'CC-BY-4.0': { title: 'Creative Commons Atribusi 4.0 Internasional (CC BY 4.0)', url: 'https://creativecommons.org/licenses/by/4.0/deed.id' },
} as const;

/** Levels of the unit a dataset reports on, from branch to country. */
export const LEVELS = ['kantor_cabang', 'kantor_wilayah', 'nasional'] as const;
/** One of {@link LEVELS}. */
export type Level = (typeof LEVELS)[number];

/** Confidence marks (DOMAIN.md): V verified, M several sources agree, U single or weak source. */
export const CONFIDENCES = ['V', 'M', 'U'] as const;
/** One of {@link CONFIDENCES}. */
export type Confidence = (typeof CONFIDENCES)[number];

/**
 * Dataset ids that would collide with the combined downloads under /data/ or with the
 * pages under /transparansi/ (methodology, office, history and region pages).
 */
export const RESERVED_IDS: readonly string[] = ['klaim', 'datapackage', 'metodologi', 'cabang', 'kantor', 'tahun', 'wilayah', 'nasional', 'riwayat', 'v'];

/** A dataset id: lower-case letters, digits and single dashes (also the file name). */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A bilingual message as one string for zod (see bi()). */
function both(m: Text): string {
  return bi(m.id, m.en);
}

/** Longest texts accepted in metadata (characters). */
export const TEXT_LIMITS = { short: 200, description: 2000, notes: 4000 } as const;

const isoDate = (field: string) =>
  z.string({ error: bi(`"${field}" harus berupa tanggal yang ditulis TTTT-BB-HH`, `"${field}" must be a date written as YYYY-MM-DD`) }).refine((s) => parseIsoDay(s) >= 0, {
    error: (iss) => both(explainDate(String(iss.input).slice(0, 40), `"${field}"`, parseIsoDay(String(iss.input)))),
  });

const text = (field: string, max: number = TEXT_LIMITS.short) =>
  z
    .string({ error: bi(`"${field}" harus berupa teks`, `"${field}" must be text`) })
    .trim()
    .min(1, { error: bi(`"${field}" kosong; isi, atau hapus isian itu bila tidak wajib`, `"${field}" is empty; fill it in or remove the field if it is optional`) })
    .max(max, { error: bi(`"${field}" lebih dari ${max} karakter; persingkat`, `"${field}" is longer than ${max} characters; shorten it`) })
    .refine((s) => !hasInvisibleInText(s), {
      error: bi(`"${field}" memuat karakter kendali atau karakter arah teks; ketik ulang teksnya`, `"${field}" contains control or text-direction characters; retype the text`),
    });

/** A quoted plain amount ("12878543829", "5000.50") → exact decimal string, or null. */
const amount = (field: string) =>
  z
    .union([z.string(), z.bigint(), z.number(), z.null()], { error: bi(`"${field}" harus berupa nominal dalam tanda kutip seperti "12878543829", atau null`, `"${field}" must be a quoted amount like "12878543829", or null`) })
    .transform((v, ctx) => {
      if (v === null) return null;
      if (typeof v === 'number') {
        ctx.addIssue({ code: 'custom', message: bi(`"${field}" ${v} bukan rupiah utuh menurut cara YAML membacanya; tulis dalam tanda kutip sebagai nominal polos, misalnya "12878543829" atau "5000.50"`,
          `"${field}" ${v} is not a whole number of rupiah as YAML reads it; write it in quotes as a plain amount, e.g. "12878543829" or "5000.50"`) });
        return z.NEVER;
      }
      const s = typeof v === 'bigint' ? v.toString() : v;
      if (s.length > 23) {
        ctx.addIssue({ code: 'custom', message: bi(`"${field}" lebih dari 20 angka; tidak ada total klaim sebesar itu: periksa angkanya`, `"${field}" has more than 20 digits; no claim total is that large: check the figure`) });
        return z.NEVER;
      }
      const sen = parseNominalSen(s);
      if (sen === null) {
        ctx.addIssue({ code: 'custom', message: both(explainNominal(s, `"${field}"`)) });
        return z.NEVER;
      }
      return senToDecimal(sen);
    });

/** A quoted whole number of cases → digits, or null. */
const count = (field: string) =>
  z
    .union([z.string(), z.bigint(), z.null()], { error: bi(`"${field}" harus berupa bilangan bulat dalam tanda kutip seperti "50119", atau null`, `"${field}" must be a quoted whole number like "50119", or null`) })
    .transform((v, ctx) => {
      if (v === null) return null;
      const s = typeof v === 'bigint' ? v.toString() : v;
      if (!/^\d{1,20}$/.test(s)) {
        ctx.addIssue({ code: 'custom', message: bi(`"${field}" "${s.slice(0, 40)}" bukan jumlah kasus yang bulat; tulis angka saja, misalnya "50119", atau null`,
          `"${field}" "${s.slice(0, 40)}" is not a whole number of cases; write digits only, e.g. "50119", or null`) });
        return z.NEVER;
      }
      return s.replace(/^0+(?=\d)/, '');
    });

const printedText = (field: string) => text(field).nullable().default(null);

const figureFields = (prefix: string) => ({
  nominal: amount(`${prefix}nominal`).default(null),
  nominal_printed: printedText(`${prefix}nominal_printed`),
  kasus: count(`${prefix}kasus`).default(null),
  kasus_printed: printedText(`${prefix}kasus_printed`),
});

/** The metadata schema (YAML field names). */
export const metaSchema = z
  .object({
    id: z
      .string({ error: bi('"id" harus berupa teks', '"id" must be text') })
      .max(80, { error: bi('"id" lebih dari 80 karakter; persingkat', '"id" is longer than 80 characters; shorten it') })
      .regex(ID_PATTERN, { error: bi('"id" hanya boleh berisi huruf kecil, angka, dan tanda hubung tunggal, misalnya pasuruan-2018', '"id" may contain only lower-case letters, digits and single dashes, e.g. pasuruan-2018') })
      .refine((id) => !RESERVED_IDS.includes(id), {
        error: bi(`"id" tidak boleh ${RESERVED_IDS.join(', ')}: nama-nama itu sudah dipakai unduhan gabungan atau halaman di bawah /transparansi/; ganti nama berkas datasetnya`,
          `"id" must not be ${RESERVED_IDS.join(', ')}: those names are taken by the combined downloads or by pages under /transparansi/; rename the dataset files`),
      }),
    title: text('title'),
    description: text('description', TEXT_LIMITS.description).nullable().default(null),
    level: z.enum(LEVELS, { error: bi(`"level" harus salah satu dari: ${LEVELS.join(', ')}`, `"level" must be one of: ${LEVELS.join(', ')}`) }),
    offices: z
      .array(text('offices[]', 100), { error: bi('"offices" harus berupa daftar nama kantor dari data/kantor.yaml, misalnya [Pasuruan]', '"offices" must be a list of office names from data/kantor.yaml, e.g. [Pasuruan]') })
      .min(1, { error: bi('"offices" kosong; sebutkan nilai kolom kantor yang dipakai di CSV', '"offices" is empty; list the kantor values used in the CSV') }),
    period: z
      .object({
        start: isoDate('period.start'),
        end: isoDate('period.end'),
        start_stated: z.boolean({ error: bi('"period.start_stated" harus true (sumber menyebut awal periode) atau false (awal periode hanya perkiraan)', '"period.start_stated" must be true (the source states the start) or false (the start is assumed)') }),
        printed: text('period.printed'),
      }, { error: bi('"period" harus memuat "start", "end", "start_stated", dan "printed"', '"period" must have "start", "end", "start_stated" and "printed"') })
      .strict()
      .refine((p) => parseIsoDay(p.end) >= parseIsoDay(p.start), { error: bi('"period.end" tidak boleh lebih awal daripada "period.start"', '"period.end" must not be before "period.start"'), path: ['end'] }),
    confidence: z.enum(CONFIDENCES, {
      error: bi('"confidence" harus V (terverifikasi), M (beberapa sumber sepakat), atau U (satu sumber atau sumber lemah); untuk "V/M" pilih yang lebih rendah dan jelaskan di notes',
        '"confidence" must be V (verified), M (several sources agree) or U (single or weak source)'),
    }),
    source: z
      .object({
        publisher: text('source.publisher'),
        headline: text('source.headline', 300),
        url: z.url({ protocol: /^https?$/, error: bi('"source.url" harus berupa alamat http(s) lengkap, atau null bila tidak ada', '"source.url" must be a full http(s) address, or null when there is none') })
          .max(500, { error: bi('"source.url" lebih dari 500 karakter', '"source.url" is longer than 500 characters') }).nullable(),
        published: isoDate('source.published').nullable(),
        note: text('source.note', TEXT_LIMITS.description).nullable().default(null),
      }, { error: bi('"source" harus memuat penerbit (publisher), judul (headline), url, dan tanggal terbit (published)', '"source" must describe the publisher, headline, url and publication date') })
      .strict(),
    reported: z
      .object({
        ...figureFields('reported.'),
        includes: z
          .array(
            z.object({ name: text('reported.includes[].name'), ...figureFields('reported.includes[].') }, { error: bi('setiap butir "reported.includes" perlu "name" dan angka-angkanya', 'each item of "reported.includes" needs a "name" and its figures') }).strict(),
            { error: bi('"reported.includes" harus berupa daftar', '"reported.includes" must be a list') },
          )
          .default([]),
      }, { error: bi('"reported" harus memuat total yang disebut sumber (nominal, kasus), atau null', '"reported" must hold the totals the source stated (nominal, kasus), or be null') })
      .strict()
      .nullable(),
    licence: z
      .object({
        id: z.enum(Object.keys(LICENCES) as [keyof typeof LICENCES], { error: bi(`"licence.id" harus salah satu dari: ${Object.keys(LICENCES).join(', ')}`, `"licence.id" must be one of: ${Object.keys(LICENCES).join(', ')}`) }),
        note: text('licence.note', TEXT_LIMITS.description),
      }, { error: bi('"licence" harus memuat "id" dan "note"', '"licence" must have "id" and "note"') })
      .strict(),
    notes: text('notes', TEXT_LIMITS.notes).nullable().default(null),
    last_reviewed: isoDate('last_reviewed'),
  }, { error: bi('metadata harus berupa pemetaan YAML berisi isian (id, title, level, offices, period, confidence, source, reported, licence, last_reviewed)', 'the metadata must be a YAML mapping of fields (id, title, level, offices, period, confidence, source, reported, licence, last_reviewed)') })
  .strict();

/** Metadata as written in YAML (input of the schema). */
export type MetaInput = z.input<typeof metaSchema>;

/** A figure the source stated: exact value, and how it was printed. */
export interface StatedFigure {
  /** Exact decimal string (rupiah for amounts, whole cases for counts). */
  value: string;
  /** The text as printed when the source rounded or worded it; null when printed exactly. */
  printed: string | null;
  /** Rounding unit as a decimal string ("100000000"); "0" when exact. */
  unit: string;
  qualifier: Qualifier | null;
}

/** A part of a stated total that is not a programme (e.g. scholarships). */
export interface StatedPart {
  name: string;
  nominal: StatedFigure | null;
  kasus: StatedFigure | null;
}

/** Totals the source stated. */
export interface Reported {
  nominal: StatedFigure | null;
  kasus: StatedFigure | null;
  includes: StatedPart[];
}

/** Parsed, validated metadata of one dataset (camelCase, as pages use it). */
export interface DatasetMeta {
  id: string;
  title: string;
  description: string | null;
  level: Level;
  offices: string[];
  period: { start: string; end: string; startStated: boolean; printed: string };
  confidence: Confidence;
  source: { publisher: string; headline: string; url: string | null; published: string | null; note: string | null };
  /** What the source stated as totals; null when it stated none. */
  reported: Reported | null;
  licence: { id: keyof typeof LICENCES; title: string; url: string; note: string };
  notes: string | null;
  lastReviewed: string;
}

/** Result of {@link parseMeta}: `meta` is null when there is any error. */
export interface MetaResult {
  meta: DatasetMeta | null;
  diagnostics: Diagnostic[];
  /** Line/column of `reported` (for the reconciliation warning); 1:1 when absent. */
  reportedAt: Position;
  /** Line/column of `offices` and `level` (for registry errors). */
  officesAt: Position;
  levelAt: Position;
}

const FIGURE_FIELDS = ['nominal', 'nominal_printed', 'kasus', 'kasus_printed'] as const;
const FIELDS: Record<string, readonly string[]> = {
  '': ['id', 'title', 'description', 'level', 'offices', 'period', 'confidence', 'source', 'reported', 'licence', 'notes', 'last_reviewed'],
  period: ['start', 'end', 'start_stated', 'printed'],
  source: ['publisher', 'headline', 'url', 'published', 'note'],
  reported: [...FIGURE_FIELDS, 'includes'],
  'reported.includes.*': ['name', ...FIGURE_FIELDS],
  licence: ['id', 'note'],
};

type FigureInput = { nominal: string | null; nominal_printed: string | null; kasus: string | null; kasus_printed: string | null };

/**
 * Parses and validates metadata text.
 * @param path printed in diagnostics
 * @param expectedId the file name without `.meta.yaml`; `id` must equal it
 */
export function parseMeta(path: string, source: string, expectedId?: string): MetaResult {
  const r = validateYaml(path, source, metaSchema, 'meta.schema', FIELDS);
  const none = { line: 1, column: 1 };
  if (r.yaml === null) return { meta: null, diagnostics: r.diagnostics, reportedAt: none, officesAt: none, levelAt: none };
  const y = r.yaml;
  const diagnostics = r.diagnostics;
  const reportedAt = y.at(['reported']);
  const officesAt = y.at(['offices']);
  const levelAt = y.at(['level']);
  const v = r.data;
  if (v === null) return { meta: null, diagnostics, reportedAt, officesAt, levelAt };
  if (expectedId !== undefined && v.id !== expectedId) {
    diagnostics.push({ path, ...y.at(['id']), severity: 'error', rule: 'meta.schema',
      message: t(`"id" berisi "${v.id}", padahal nama berkasnya ${expectedId}; samakan "id" dengan nama berkas (${expectedId})`, `"id" is "${v.id}" but the file is named ${expectedId}; make "id" equal the file name (${expectedId})`) });
  }
  const figure = (base: PropertyKey[], f: FigureInput, which: 'nominal' | 'kasus'): StatedFigure | null => {
    const value = f[which];
    const printed = f[`${which}_printed`];
    const field = `${base.map(String).join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]')}.${which}`;
    if (value === null) {
      if (printed !== null) {
        diagnostics.push({ path, ...y.at([...base, which]), severity: 'error', rule: 'printed.mismatch',
          message: t(`"${field}" null, padahal "${field}_printed" berisi "${printed.slice(0, 80)}"; tulis angka itu sebagai ${which === 'nominal' ? 'nominal' : 'angka'} polos di "${field}"`,
            `"${field}" is null but "${field}_printed" says "${printed.slice(0, 80)}"; write the printed figure as a plain ${which === 'nominal' ? 'amount' : 'number'} in "${field}"`) });
      }
      return null;
    }
    if (printed === null) return { value, printed: null, unit: '0', qualifier: null };
    const read = readPrinted(printed, which === 'nominal');
    if (isPrintedError(read)) {
      diagnostics.push({ path, ...y.at([...base, `${which}_printed`]), severity: 'error', rule: 'printed.format',
        message: t(`"${field}_printed" "${printed.slice(0, 80)}" ${read.errorId}; salin angkanya persis seperti tertulis di sumber, misalnya ${which === 'nominal' ? '"Rp 122 miliar"' : '"4 juta"'}`,
          `"${field}_printed" "${printed.slice(0, 80)}" ${read.error}; copy the figure exactly as the source printed it, e.g. ${which === 'nominal' ? '"Rp 122 miliar"' : '"4 juta"'}`) });
      return null;
    }
    const asValue = (b: bigint): string => (which === 'nominal' ? senToDecimal(b) : b.toString());
    if (asValue(read.value) !== value) {
      diagnostics.push({ path, ...y.at([...base, which]), severity: 'error', rule: 'printed.mismatch',
        message: t(`"${field}" ${value} tidak sama dengan "${field}_printed" "${printed.slice(0, 80)}", yang bernilai ${asValue(read.value)}; perbaiki salah ketik di salah satunya`,
          `"${field}" ${value} does not match "${field}_printed" "${printed.slice(0, 80)}", which is ${asValue(read.value)}; correct the typing mistake in one of them`) });
      return null;
    }
    return { value, printed, unit: asValue(read.unit), qualifier: read.qualifier };
  };
  let reported: Reported | null = null;
  if (v.reported !== null) {
    reported = {
      nominal: figure(['reported'], v.reported, 'nominal'),
      kasus: figure(['reported'], v.reported, 'kasus'),
      includes: v.reported.includes.map((part, i) => ({
        name: part.name,
        nominal: figure(['reported', 'includes', i], part, 'nominal'),
        kasus: figure(['reported', 'includes', i], part, 'kasus'),
      })),
    };
    if (v.reported.nominal === null && v.reported.kasus === null && v.reported.includes.length === 0) {
      diagnostics.push({ path, ...reportedAt, severity: 'error', rule: 'meta.schema',
        message: t('"reported" tidak berisi angka; tulis "nominal" dan/atau "kasus" yang disebut sumber, atau tulis reported: null bila sumber tidak menyebut total',
          '"reported" has no figure; write the stated "nominal" and/or "kasus", or write reported: null when the source stated no total') });
    }
  }
  const seen = new Set<string>();
  v.offices.forEach((o, i) => {
    if (seen.has(o)) diagnostics.push({ path, ...y.at(['offices', i]), severity: 'error', rule: 'meta.schema', message: t(`"offices" menyebut "${o}" dua kali; hapus salah satunya`, `"offices" lists "${o}" twice; remove one`) });
    seen.add(o);
  });
  const lic = LICENCES[v.licence.id];
  const meta: DatasetMeta = {
    id: v.id,
    title: v.title,
    description: v.description,
    level: v.level,
    offices: v.offices,
    period: { start: v.period.start, end: v.period.end, startStated: v.period.start_stated, printed: v.period.printed },
    confidence: v.confidence,
    source: { publisher: v.source.publisher, headline: v.source.headline, url: v.source.url, published: v.source.published, note: v.source.note },
    reported,
    licence: { id: v.licence.id, title: lic.title, url: lic.url, note: v.licence.note },
    notes: v.notes,
    lastReviewed: v.last_reviewed,
  };
  return { meta: diagnostics.length === 0 ? meta : null, diagnostics, reportedAt, officesAt, levelAt };
}
