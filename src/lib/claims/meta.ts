/**
 * Dataset metadata: `<name>.meta.yaml` beside `<name>.csv`.
 *
 * The YAML is parsed with the `yaml` package (keeping positions, integers as
 * BigInt so no digit of a total is lost) and validated with a zod schema.
 * Each problem becomes a diagnostic that names the file, the field and the
 * field's line and column.
 *
 * Fields (snake_case in YAML; see `data/klaim/README.md`):
 * - `id` (string, required): equals the file name without `.meta.yaml`; lower case, digits, dashes.
 * - `title` (string, required): Indonesian title of the dataset.
 * - `description` (string, optional, default null).
 * - `branches` (list of strings, required, at least one): the `kantor_cabang` values the CSV may use.
 * - `period.start`, `period.end` (YYYY-MM-DD, required): every row's period lies within them.
 * - `source.publisher`, `source.headline` (strings, required); `source.url` (https URL or null);
 *   `source.published` (YYYY-MM-DD or null when unknown); `source.note` (string or null).
 * - `reported_total` (quoted plain amount like "12878543829", or null when the source gave none).
 * - `licence.id` (`CC-BY-4.0`, required), `licence.note` (string, required): terms of the compiled data.
 * - `notes` (string, optional, default null).
 * - `last_reviewed` (YYYY-MM-DD, required): when a person last checked the figures against the source.
 */
import { LineCounter, parseDocument, isMap, isScalar, isNode } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { z } from 'zod';
import type { Diagnostic } from './diagnostics.ts';
import { nearestName } from './diagnostics.ts';
import { parseNominalSen, explainNominal, senToDecimal } from './money.ts';
import { parseIsoDay, explainDate } from './dates.ts';

/** Licences the compiled data may be published under, with their names and URLs. */
export const LICENCES = {
  'CC-BY-4.0': { title: 'Creative Commons Attribution 4.0 International', path: 'https://creativecommons.org/licenses/by/4.0/' },
} as const;

/**
 * Dataset ids that would collide with the combined downloads under /data/ or with the
 * pages under /transparansi/ (methodology, branch, year and region pages).
 */
export const RESERVED_IDS: readonly string[] = ['klaim', 'datapackage', 'metodologi', 'cabang', 'tahun', 'wilayah'];

const isoDate = (field: string) =>
  z.string({ error: `"${field}" must be a date written as YYYY-MM-DD` }).refine((s) => parseIsoDay(s) >= 0, {
    error: (iss) => explainDate(String(iss.input), `"${field}"`, parseIsoDay(String(iss.input))),
  });

const text = (field: string) =>
  z.string({ error: `"${field}" must be text` }).trim().min(1, { error: `"${field}" is empty; fill it in or remove the field if it is optional` });

const amount = z
  .union([z.string(), z.bigint(), z.number(), z.null()], { error: '"reported_total" must be a quoted amount like "12878543829", or null' })
  .transform((v, ctx) => {
    if (v === null) return null;
    if (typeof v === 'number') {
      ctx.addIssue({ code: 'custom', message: `"reported_total" ${v} is not a whole number of rupiah as YAML reads it; write it in quotes as a plain amount, e.g. "12878543829" or "5000.50"` });
      return z.NEVER;
    }
    const s = typeof v === 'bigint' ? v.toString() : v;
    const sen = parseNominalSen(s);
    if (sen === null) {
      ctx.addIssue({ code: 'custom', message: explainNominal(s, '"reported_total"') });
      return z.NEVER;
    }
    return senToDecimal(sen);
  });

/** The metadata schema (YAML field names). */
export const metaSchema = z
  .object({
    id: z
      .string({ error: '"id" must be text' })
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: '"id" may contain only lower-case letters, digits and single dashes, e.g. pasuruan-2017-01-02' })
      .refine((id) => !RESERVED_IDS.includes(id), { error: `"id" must not be ${RESERVED_IDS.join(' or ')}: those names are taken by the combined downloads (/data/klaim.csv, /data/datapackage.json) or by pages under /transparansi/; rename the dataset files` }),
    title: text('title'),
    description: text('description').nullable().default(null),
    branches: z.array(text('branches[]'), { error: '"branches" must be a list of branch names, e.g. [Pasuruan]' }).min(1, { error: '"branches" is empty; list the kantor_cabang values used in the CSV' }),
    period: z
      .object({ start: isoDate('period.start'), end: isoDate('period.end') }, { error: '"period" must have "start" and "end" dates' })
      .strict()
      .refine((p) => parseIsoDay(p.end) >= parseIsoDay(p.start), { error: '"period.end" must not be before "period.start"', path: ['end'] }),
    source: z
      .object({
        publisher: text('source.publisher'),
        headline: text('source.headline'),
        url: z.url({ protocol: /^https?$/, error: '"source.url" must be a full http(s) address, or null when there is none' }).nullable(),
        published: isoDate('source.published').nullable(),
        note: text('source.note').nullable().default(null),
      }, { error: '"source" must describe the publisher, headline, url and publication date' })
      .strict(),
    reported_total: amount,
    licence: z
      .object({
        id: z.enum(Object.keys(LICENCES) as [keyof typeof LICENCES], { error: `"licence.id" must be one of: ${Object.keys(LICENCES).join(', ')}` }),
        note: text('licence.note'),
      }, { error: '"licence" must have "id" and "note"' })
      .strict(),
    notes: text('notes').nullable().default(null),
    last_reviewed: isoDate('last_reviewed'),
  }, { error: 'the metadata must be a YAML mapping of fields (id, title, branches, period, source, reported_total, licence, last_reviewed)' })
  .strict();

/** Metadata as written in YAML (input of the schema). */
export type MetaInput = z.input<typeof metaSchema>;

/** Parsed, validated metadata of one dataset (camelCase, as pages use it). */
export interface DatasetMeta {
  id: string;
  title: string;
  description: string | null;
  branches: string[];
  period: { start: string; end: string };
  source: { publisher: string; headline: string; url: string | null; published: string | null; note: string | null };
  /** Total the source itself reported, exact decimal string; null if it gave none. */
  reportedTotal: string | null;
  licence: { id: keyof typeof LICENCES; title: string; path: string; note: string };
  notes: string | null;
  lastReviewed: string;
}

/** Result of {@link parseMeta}: `meta` is null when there is any error. */
export interface MetaResult {
  meta: DatasetMeta | null;
  diagnostics: Diagnostic[];
  /** Line/column of `reported_total` (for the reconciliation warning); 1:1 when absent. */
  reportedTotalAt: { line: number; column: number };
}

const FIELDS: Record<string, readonly string[]> = {
  '': ['id', 'title', 'description', 'branches', 'period', 'source', 'reported_total', 'licence', 'notes', 'last_reviewed'],
  period: ['start', 'end'],
  source: ['publisher', 'headline', 'url', 'published', 'note'],
  licence: ['id', 'note'],
};

/**
 * Parses and validates metadata text.
 * @param path printed in diagnostics
 * @param expectedId the file name without `.meta.yaml`; `id` must equal it
 */
export function parseMeta(path: string, source: string, expectedId?: string): MetaResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, intAsBigInt: true, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number | undefined): { line: number; column: number } => {
    if (offset === undefined) return { line: 1, column: 1 };
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const add = (pos: { line: number; column: number }, rule: 'meta.syntax' | 'meta.schema', message: string): void => {
    diagnostics.push({ path, ...pos, severity: 'error', rule, message });
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const first = e.message.split('\n')[0] ?? e.message;
      add(at(e.pos[0]), 'meta.syntax', `invalid YAML: ${first}; fix the syntax (check indentation and quotes)`);
    }
    return { meta: null, diagnostics, reportedTotalAt: { line: 1, column: 1 } };
  }
  const nodeAt = (p: readonly PropertyKey[]): YamlNode | undefined => {
    const n = p.length === 0 ? doc.contents : doc.getIn(p as unknown[], true);
    return isNode(n) ? n : undefined;
  };
  const keyAt = (p: readonly PropertyKey[], key: string): YamlNode | undefined => {
    const parent = nodeAt(p);
    if (!isMap(parent)) return undefined;
    for (const item of parent.items) if (isScalar(item.key) && item.key.value === key) return item.key;
    return undefined;
  };
  const totalNode = nodeAt(['reported_total']);
  const reportedTotalAt = at(totalNode?.range?.[0]);

  const data: unknown = doc.toJS();
  const result = metaSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const p = issue.path;
      const dotted = p.map(String).join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const near = nearestName(key, FIELDS[p.map(String).join('.')] ?? []);
          const full = [...p.map(String), key].join('.');
          add(at(keyAt(p, key)?.range?.[0]), 'meta.schema',
            `unknown field "${full}"${near !== undefined ? `; did you mean "${[...p.map(String), near].join('.')}"? Rename it` : '; remove it'}`);
        }
        continue;
      }
      const node = nodeAt(p);
      if (node === undefined && issue.code === 'invalid_type' && p.length > 0) {
        const parent = nodeAt(p.slice(0, -1));
        add(at(parent?.range?.[0]), 'meta.schema', `missing field "${dotted}"; add it (use null where the fact is unknown and the field allows it)`);
        continue;
      }
      const msg = issue.message.startsWith('"') || issue.message.includes(' "') ? issue.message : `"${dotted}": ${issue.message}`;
      add(at(node?.range?.[0]), 'meta.schema', msg);
    }
    return { meta: null, diagnostics, reportedTotalAt };
  }
  const v = result.data;
  if (expectedId !== undefined && v.id !== expectedId) {
    add(at(nodeAt(['id'])?.range?.[0]), 'meta.schema', `"id" is "${v.id}" but the file is named ${expectedId}; make "id" equal the file name (${expectedId})`);
  }
  const lic = LICENCES[v.licence.id];
  const meta: DatasetMeta = {
    id: v.id,
    title: v.title,
    description: v.description,
    branches: v.branches,
    period: v.period,
    source: { publisher: v.source.publisher, headline: v.source.headline, url: v.source.url, published: v.source.published, note: v.source.note },
    reportedTotal: v.reported_total,
    licence: { id: v.licence.id, title: lic.title, path: lic.path, note: v.licence.note },
    notes: v.notes,
    lastReviewed: v.last_reviewed,
  };
  return { meta: diagnostics.length === 0 ? meta : null, diagnostics, reportedTotalAt };
}
