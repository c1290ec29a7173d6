/**
 * The published data files, as pure functions of {@link ClaimsData}: the same
 * input always gives byte-identical output (no timestamps, fixed ordering,
 * LF line endings, UTF-8 without BOM).
 *
 * CSV output follows RFC 4180 (a field is quoted when it holds a comma, a
 * double quote, CR or LF; quotes are doubled) and is safe to open in a
 * spreadsheet (OWASP CSV injection): a cell that would begin with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading apostrophe (`'`).
 * Validated amounts and dates never begin with these, so in practice only a
 * free-text value such as a branch name could be affected.
 *
 * Amounts in JSON are strings holding exact decimals ("1864980719", "5000.5").
 */
import { createHash } from 'node:crypto';
import type { ClaimsData, Comparison, Dataset, Figure } from './load.ts';
import { COLUMNS, PROGRAMS, PROGRAM_NAMES } from './csv-check.ts';
import { LICENCES } from './meta.ts';
import { versionUrl } from '../history/url.ts';

/** Name of the combined CSV, JSON and data package under `/data/`. */
export const COMBINED_CSV = 'klaim.csv';
export const COMBINED_JSON = 'klaim.json';
export const DATA_PACKAGE = 'datapackage.json';

/** Neutralises spreadsheet formulas: prefixes `'` to a cell starting with = + - @ TAB or CR. */
export function safeCell(value: string): string {
  const c = value.charCodeAt(0);
  // = + - @ \t \r
  if (c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13) return `'${value}`;
  return value;
}

/** One CSV field per RFC 4180, after {@link safeCell}. */
export function csvField(value: string): string {
  const v = safeCell(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + '\n';
}

/** A row's values in COLUMNS order; null (not reported) for absent figures and printed texts. */
function rowValues(r: Dataset['rows'][number]): (string | null)[] {
  return [r.kantor, r.periodeAwal, r.periodeAkhir, r.program, r.jumlahKasus, r.nominalRp, r.kasusTertulis, r.nominalTertulis];
}

function rowFields(r: Dataset['rows'][number]): string[] {
  return rowValues(r).map((v) => v ?? '');
}

/** A figure in JSON: exact value (null = not reported) and how the source printed it. */
function figureObject(f: Figure): Record<string, unknown> {
  return { value: f.value, printed: f.printed, rounding_units: f.units, parts_not_reported: f.missing, parts_lower_bound: f.atLeast };
}

function comparisonObject(c: Comparison | null): Record<string, unknown> | null {
  if (c === null) return null;
  return {
    stated: c.stated.value,
    stated_printed: c.stated.printed,
    stated_rounding_unit: c.stated.unit,
    computed: c.computed.value,
    computed_rounding_units: c.computed.units,
    computed_parts_not_reported: c.computed.missing,
    difference: c.difference,
    difference_means: 'stated minus computed',
    rounding_tolerance: c.tolerance,
    status: c.status,
  };
}

/** The rows of one dataset in the contract's format (same columns, normalised values). */
export function toDatasetCsv(dataset: Dataset): string {
  let out = csvLine(COLUMNS);
  for (const r of dataset.rows) out += csvLine(rowFields(r));
  return out;
}

/** All datasets in one CSV, with `dataset_id` as first column, datasets in `data.datasets` order. */
export function toCombinedCsv(data: ClaimsData): string {
  let out = csvLine(['dataset_id', ...COLUMNS]);
  for (const d of data.datasets) for (const r of d.rows) out += csvLine([d.id, ...rowFields(r)]);
  return out;
}

function datasetObject(d: Dataset): Record<string, unknown> {
  return {
    id: d.id,
    title: d.meta.title,
    description: d.meta.description,
    source_csv: d.csvPath,
    source_csv_sha256: d.sha256,
    level: d.meta.level,
    offices: d.offices.map((o) => ({ id: o.id, name: o.name, level: o.level, coverage: o.coverage })),
    confidence: d.meta.confidence,
    periode_awal: d.periodeAwal,
    periode_akhir: d.periodeAkhir,
    period: { start: d.meta.period.start, end: d.meta.period.end, start_stated: d.meta.period.startStated, printed: d.meta.period.printed },
    source: {
      publisher: d.meta.source.publisher,
      headline: d.meta.source.headline,
      url: d.meta.source.url,
      published: d.meta.source.published,
      note: d.meta.source.note,
    },
    licence: { id: d.meta.licence.id, title: d.meta.licence.title, url: d.meta.licence.url, note: d.meta.licence.note },
    notes: d.meta.notes,
    last_reviewed: d.meta.lastReviewed,
    total: { nominal_rp: figureObject(d.total.nominal), jumlah_kasus: figureObject(d.total.kasus) },
    by_program: d.byProgram.map((p) => ({ program: p.program, nama: PROGRAM_NAMES[p.program], nominal_rp: figureObject(p.nominal), jumlah_kasus: figureObject(p.kasus), share_percent: p.share })),
    reported: d.meta.reported === null ? null : {
      nominal: d.meta.reported.nominal,
      kasus: d.meta.reported.kasus,
      includes: d.meta.reported.includes.map((i) => ({ name: i.name, nominal: i.nominal, kasus: i.kasus })),
    },
    reconciliation: { nominal: comparisonObject(d.reconciliation.nominal), kasus: comparisonObject(d.reconciliation.kasus) },
    overlaps_with: d.overlaps.map((o) => ({ dataset: o.dataset, kantor: o.office, program: o.program, period: o.period, other_period: o.otherPeriod })),
    conflicts: d.conflicts.map((c) => ({ dataset: c.dataset, kantor: c.office, program: c.program, periode_awal: c.periodeAwal, periode_akhir: c.periodeAkhir, measure: c.measure, this_value: c.mine.value, other_value: c.theirs.value })),
    row_columns: COLUMNS,
    rows: ROWS_MARK + d.id,
  };
}

/** Placeholder for a dataset's rows while the rest of the document is pretty-printed. */
const ROWS_MARK = '\u0000rows:';

/**
 * Pretty-print a document whose datasets carry a rows placeholder, then write each row as a
 * compact array on its own line, in `row_columns` order. Rows as arrays keep a national file
 * (hundreds of thousands of rows) well under static hosts' per-file limits (25 MiB on
 * Cloudflare Pages) while staying readable and diffable line by line.
 */
function withRows(doc: unknown, datasets: readonly Dataset[]): string {
  const byId = new Map(datasets.map((d) => [d.id, d]));
  return (
    JSON.stringify(doc, null, 2).replace(/^( *)"rows": "\\u0000rows:([^"]*)"/gm, (_m, indent: string, id: string) => {
      const d = byId.get(id);
      if (!d) throw new Error(`internal error: no dataset ${id} for its rows`);
      const lines = d.rows.map(
        (r) => `${indent}  ${JSON.stringify(rowValues(r))}`,
      );
      return `${indent}"rows": [\n${lines.join(',\n')}\n${indent}]`;
    }) + '\n'
  );
}

const JSON_NOTE =
  'Each row is an array in row_columns order. Amounts are exact decimal strings in rupiah. null means not reported (tidak dilaporkan), never zero. ' +
  'kasus_tertulis and nominal_tertulis hold the text the source printed when it rounded a figure; such a figure is rounded, not exact. ' +
  'difference = stated - computed; the figures are published as the source gave them, not corrected. ' +
  'Datasets come from different sources and may overlap (overlaps_with); they are never added together.';

/** One dataset as JSON (pretty-printed, LF, trailing newline). */
export function toDatasetJson(dataset: Dataset): string {
  return withRows({ note: JSON_NOTE, ...datasetObject(dataset) }, [dataset]);
}

/**
 * Everything as JSON: the office registry, then each dataset with source, licence,
 * reconciliation, sha256 and rows. No figure is added across datasets.
 */
export function toJson(data: ClaimsData): string {
  return withRows(
    {
      note: JSON_NOTE,
      offices: data.registry.offices.map((o) => ({ id: o.id, name: o.name, full_name: o.fullName, level: o.level, parent: o.parent, coverage: o.coverage })),
      datasets: data.datasets.map(datasetObject),
    },
    data.datasets,
  );
}

/** The published files a data package describes: the combined CSV and one CSV per dataset. */
export function publishedCsvFiles(data: ClaimsData): { path: string; content: string }[] {
  return [
    { path: COMBINED_CSV, content: toCombinedCsv(data) },
    ...data.datasets.map((d) => ({ path: `${d.id}.csv`, content: toDatasetCsv(d) })),
  ];
}

function tableSchema(withDatasetId: boolean): Record<string, unknown> {
  const fields: Record<string, unknown>[] = [];
  if (withDatasetId) {
    fields.push({ name: 'dataset_id', type: 'string', description: 'Dataset identifier (file name of its source CSV).', constraints: { required: true } });
  }
  fields.push(
    { name: 'kantor', type: 'string', title: 'Kantor', description: 'BPJS Ketenagakerjaan office (branch, regional office, or Nasional), as in the registry.', constraints: { required: true } },
    { name: 'periode_awal', type: 'date', format: 'default', title: 'Periode awal', description: 'First day of the period (inclusive).', constraints: { required: true } },
    { name: 'periode_akhir', type: 'date', format: 'default', title: 'Periode akhir', description: 'Last day of the period (inclusive).', constraints: { required: true } },
    { name: 'program', type: 'string', title: 'Program', description: 'JKK, JKM, JHT, JP or JKP.', constraints: { required: true, enum: [...PROGRAMS] } },
    { name: 'jumlah_kasus', type: 'integer', title: 'Jumlah kasus', description: 'Number of claims; empty = not reported (tidak dilaporkan), not zero.', constraints: { minimum: 0 } },
    { name: 'nominal_rp', type: 'number', bareNumber: true, decimalChar: '.', title: 'Nominal (Rp)', description: 'Amount paid in rupiah, at most 2 decimals; empty = not reported. Rounded by the source when nominal_tertulis is given.', constraints: { minimum: 0 } },
    { name: 'kasus_tertulis', type: 'string', title: 'Kasus tertulis', description: 'The case count as the source printed it when rounded or worded; empty when printed exactly.' },
    { name: 'nominal_tertulis', type: 'string', title: 'Nominal tertulis', description: 'The amount as the source printed it when rounded or worded (e.g. "Rp 11,9 miliar"); empty when printed exactly.' },
  );
  return {
    fields,
    missingValues: [''],
    primaryKey: withDatasetId ? ['dataset_id', 'kantor', 'periode_awal', 'periode_akhir', 'program'] : ['kantor', 'periode_awal', 'periode_akhir', 'program'],
  };
}

function sha256(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

function licences(ids: Iterable<keyof typeof LICENCES>): { name: string; title: string; path: string }[] {
  return [...new Set(ids)].sort().map((id) => ({ name: id, title: LICENCES[id].title, path: LICENCES[id].url }));
}

function sourceOf(d: Dataset): { title: string; path?: string; publisher: string } {
  return {
    title: `${d.meta.source.publisher}: ${d.meta.source.headline}`,
    ...(d.meta.source.url !== null ? { path: d.meta.source.url } : {}),
    publisher: d.meta.source.publisher,
  };
}

/**
 * A Frictionless Tabular Data Package describing `files` (as produced by
 * {@link publishedCsvFiles}; each `path` is relative to `/data/`). `bytes`
 * and `hash` are computed from the given contents, so they match the
 * published files exactly.
 */
export function toDataPackage(data: ClaimsData, files: { path: string; content: string }[]): string {
  const byId = new Map(data.datasets.map((d) => [d.id, d]));
  const dialect = { delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true, header: true };
  const resources = files.map((f) => {
    const base = {
      name: f.path.replace(/\.csv$/, '').toLowerCase().replace(/[^a-z0-9._-]/g, '-'),
      path: f.path,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: Buffer.byteLength(f.content, 'utf8'),
      hash: `sha256:${sha256(f.content)}`,
      dialect,
    };
    if (f.path === COMBINED_CSV) {
      return {
        ...base,
        title: 'Klaim BPJS Ketenagakerjaan, semua dataset',
        description: 'All datasets in one table; dataset_id names the dataset each row comes from.',
        schema: tableSchema(true),
        sources: data.datasets.map(sourceOf),
        licenses: licences(data.datasets.map((d) => d.meta.licence.id)),
      };
    }
    const d = byId.get(f.path.replace(/\.csv$/, ''));
    if (d === undefined) throw new Error(`toDataPackage: ${f.path} is neither ${COMBINED_CSV} nor a dataset CSV`);
    return {
      ...base,
      title: d.meta.title,
      ...(d.meta.description !== null ? { description: d.meta.description } : {}),
      schema: tableSchema(false),
      sources: [sourceOf(d)],
      licenses: licences([d.meta.licence.id]),
      dataset: {
        id: d.id,
        level: d.meta.level,
        offices: d.offices.map((o) => o.name),
        confidence: d.meta.confidence,
        periode_awal: d.periodeAwal,
        periode_akhir: d.periodeAkhir,
        source_published: d.meta.source.published,
        source_note: d.meta.source.note,
        licence_note: d.meta.licence.note,
        notes: d.meta.notes,
        last_reviewed: d.meta.lastReviewed,
        source_csv_sha256: d.sha256,
        total: { nominal_rp: figureObject(d.total.nominal), jumlah_kasus: figureObject(d.total.kasus) },
        reconciliation: { nominal: comparisonObject(d.reconciliation.nominal), kasus: comparisonObject(d.reconciliation.kasus) },
        // The current version's immutable downloads, relative to /data/ (data history, src/lib/history/url.ts).
        version: { sha256: d.sha256, csv: versionUrl(d.id, d.sha256).slice('/data/'.length), json: versionUrl(d.id, d.sha256, 'json').slice('/data/'.length) },
      },
    };
  });
  const pkg = {
    profile: 'tabular-data-package',
    name: 'rtw-pasuruan-klaim',
    title: 'Klaim BPJS Ketenagakerjaan yang dihimpun situs Return To Work Pasuruan',
    description:
      'Claim amounts paid by BPJS Ketenagakerjaan offices (branches, the East Java regional office, nationally), compiled from the sources named per resource. ' +
      'Figures are published as precise as the sources printed them (rounded figures keep their printed text); where a source stated a total, the computed sum and the difference are given. ' +
      'Datasets from different sources may overlap and are never added together. ' +
      "CSV cells that would start with =, +, -, @, tab or CR are prefixed with an apostrophe (') against spreadsheet formula injection.",
    keywords: ['BPJS Ketenagakerjaan', 'klaim', 'Pasuruan', 'JKK', 'JKM', 'JHT', 'JP', 'JKP'],
    licenses: licences(data.datasets.map((d) => d.meta.licence.id)),
    sources: data.datasets.map(sourceOf),
    resources,
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}
