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
import type { ClaimsData, Dataset } from './load.ts';
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

function rowFields(r: Dataset['rows'][number]): string[] {
  return [r.kantorCabang, r.periodeAwal, r.periodeAkhir, r.program, r.jumlahKasus ?? '', r.nominalRp];
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
    branches: d.branches,
    periode_awal: d.periodeAwal,
    periode_akhir: d.periodeAkhir,
    source: {
      publisher: d.meta.source.publisher,
      headline: d.meta.source.headline,
      url: d.meta.source.url,
      published: d.meta.source.published,
      note: d.meta.source.note,
    },
    licence: { id: d.meta.licence.id, title: d.meta.licence.title, url: d.meta.licence.path, note: d.meta.licence.note },
    notes: d.meta.notes,
    last_reviewed: d.meta.lastReviewed,
    total: d.total,
    by_program: d.byProgram.map((p) => ({ program: p.program, nama: PROGRAM_NAMES[p.program], nominal_rp: p.nominal, jumlah_kasus: p.kasus, share_percent: p.share })),
    reconciliation: {
      reported_total: d.reconciliation.reported,
      computed_total: d.reconciliation.computed,
      difference: d.reconciliation.difference,
      difference_means: 'reported_total minus computed_total',
    },
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
        (r) => `${indent}  ${JSON.stringify([r.kantorCabang, r.periodeAwal, r.periodeAkhir, r.program, r.jumlahKasus, r.nominalRp])}`,
      );
      return `${indent}"rows": [\n${lines.join(',\n')}\n${indent}]`;
    }) + '\n'
  );
}

const JSON_NOTE =
  'Each row is an array in row_columns order. Amounts are exact decimal strings in rupiah. jumlah_kasus null means not reported (tidak dilaporkan), not zero. ' +
  'difference = reported_total - computed_total; the figures are published as the source gave them, not corrected.';

/** One dataset as JSON (pretty-printed, LF, trailing newline). */
export function toDatasetJson(dataset: Dataset): string {
  return withRows({ note: JSON_NOTE, ...datasetObject(dataset) }, [dataset]);
}

/** Everything as JSON: totals, then each dataset with source, licence, reconciliation, sha256 and rows. */
export function toJson(data: ClaimsData): string {
  const byProgram: Record<string, string> = {};
  for (const p of PROGRAMS) {
    const v = data.totals.byProgram[p];
    if (v !== undefined) byProgram[p] = v;
  }
  return withRows(
      {
        note: JSON_NOTE,
        totals: {
          overall: data.totals.overall,
          by_program: byProgram,
          by_branch: data.totals.byBranch.map((b) => ({ kantor_cabang: b.branch, total: b.total })),
          by_period: data.totals.byPeriod.map((p) => ({ periode_awal: p.periodeAwal, periode_akhir: p.periodeAkhir, total: p.total })),
        },
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
    { name: 'kantor_cabang', type: 'string', title: 'Kantor cabang', description: 'BPJS Ketenagakerjaan branch office.', constraints: { required: true } },
    { name: 'periode_awal', type: 'date', format: 'default', title: 'Periode awal', description: 'First day of the period (inclusive).', constraints: { required: true } },
    { name: 'periode_akhir', type: 'date', format: 'default', title: 'Periode akhir', description: 'Last day of the period (inclusive).', constraints: { required: true } },
    { name: 'program', type: 'string', title: 'Program', description: 'JKK, JKM, JHT, JP or JKP.', constraints: { required: true, enum: [...PROGRAMS] } },
    { name: 'jumlah_kasus', type: 'integer', title: 'Jumlah kasus', description: 'Number of claims; empty = not reported (tidak dilaporkan), not zero.', constraints: { minimum: 0 } },
    { name: 'nominal_rp', type: 'number', bareNumber: true, decimalChar: '.', title: 'Nominal (Rp)', description: 'Amount paid in rupiah, exact, at most 2 decimals.', constraints: { required: true, minimum: 0 } },
  );
  return {
    fields,
    missingValues: [''],
    primaryKey: ['kantor_cabang', 'periode_awal', 'periode_akhir', 'program'],
  };
}

function sha256(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

function licences(ids: Iterable<keyof typeof LICENCES>): { name: string; title: string; path: string }[] {
  return [...new Set(ids)].sort().map((id) => ({ name: id, title: LICENCES[id].title, path: LICENCES[id].path }));
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
        branches: d.branches,
        periode_awal: d.periodeAwal,
        periode_akhir: d.periodeAkhir,
        source_published: d.meta.source.published,
        source_note: d.meta.source.note,
        licence_note: d.meta.licence.note,
        notes: d.meta.notes,
        last_reviewed: d.meta.lastReviewed,
        source_csv_sha256: d.sha256,
        // The current version's immutable downloads, relative to /data/ (data history, src/lib/history/url.ts).
        version: { sha256: d.sha256, csv: versionUrl(d.id, d.sha256).slice('/data/'.length), json: versionUrl(d.id, d.sha256, 'json').slice('/data/'.length) },
        total: d.total,
        reconciliation: {
          reported_total: d.reconciliation.reported,
          computed_total: d.reconciliation.computed,
          difference: d.reconciliation.difference,
        },
      },
    };
  });
  const pkg = {
    profile: 'tabular-data-package',
    name: 'rtw-pasuruan-klaim',
    title: 'Klaim BPJS Ketenagakerjaan yang dihimpun situs Return To Work Pasuruan',
    description:
      'Claim amounts paid by BPJS Ketenagakerjaan branch offices, compiled from the sources named per resource. ' +
      'Figures are published as the sources reported them; where a source stated a total, the computed sum and the difference are given. ' +
      "CSV cells that would start with =, +, -, @, tab or CR are prefixed with an apostrophe (') against spreadsheet formula injection.",
    keywords: ['BPJS Ketenagakerjaan', 'klaim', 'Pasuruan', 'JKK', 'JKM', 'JHT', 'JP', 'JKP'],
    licenses: licences(data.datasets.map((d) => d.meta.licence.id)),
    sources: data.datasets.map(sourceOf),
    resources,
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}
