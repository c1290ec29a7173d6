/**
 * Checks a set of claims datasets: each CSV streamed through {@link checkCsv},
 * its metadata validated, periods compared across datasets, and reported
 * totals reconciled with the computed sums.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import type { Diagnostic } from './diagnostics.ts';
import { countSeverities, formatDiagnostic, sortDiagnostics } from './diagnostics.ts';
import type { CheckContext, ComboAggregate, CsvCheckResult } from './csv-check.ts';
import { PROGRAMS, checkCsv, createCheckContext, distinctSorted, keyEnd, keyStart } from './csv-check.ts';
import type { DatasetMeta } from './meta.ts';
import { parseMeta } from './meta.ts';
import { parseIsoDay, dayToIso } from './dates.ts';
import { decimalToSen, formatRupiah, senToDecimal } from './money.ts';
import { fileSource } from './source.ts';

/** The metadata file name for a CSV file name. */
export function metaPathFor(csvPath: string): string {
  return csvPath.replace(/\.csv$/i, '') + '.meta.yaml';
}

/** Reported total compared with the sum of the rows; `difference` = reported − computed. */
export interface Reconciliation {
  reported: string | null;
  computed: string;
  difference: string | null;
}

/** Everything known about one checked dataset. */
export interface DatasetCheck {
  id: string;
  /** CSV path as printed (and as given to the checker). */
  csvPath: string;
  csvFsPath: string;
  metaPath: string | null;
  meta: DatasetMeta | null;
  csv: CsvCheckResult;
  reconciliation: Reconciliation;
  /** Diagnostics of this dataset (CSV, metadata, overlaps with other datasets, reconciliation), sorted. */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
}

/** Result of {@link checkDatasets}. */
export interface CheckRun {
  datasets: DatasetCheck[];
  /** Every diagnostic, sorted by path, line and column (capped per file, see MAX_DIAGNOSTICS_PER_FILE). */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  rowCount: number;
  context: CheckContext;
}

/** A file to check: where it is, and how to print its path. */
export interface FileRef {
  fsPath: string;
  displayPath: string;
}

/** Options for {@link checkDatasets}. */
export interface CheckDatasetsOptions {
  /** Every CSV must have its metadata file (true when checking all of data/). */
  requireMeta: boolean;
  /** Metadata files to validate that have no CSV beside them (reported as errors). */
  orphanMetas?: FileRef[];
  keepRows?: boolean;
  /** Progress over all files: rows read so far and bytes of the current file. */
  onProgress?: (rows: number, bytes: number) => void;
}

/**
 * Lists the datasets under `dataDir` (`klaim/*.csv`) and the metadata files
 * that have no CSV, both sorted by name.
 */
export async function findDatasets(dataDir: string): Promise<{ csvs: string[]; orphanMetas: string[] }> {
  const dir = join(dataDir, 'klaim');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    throw new Error(`cannot list ${dir}: claims data must live in data/klaim/`, { cause: e });
  }
  names.sort();
  const csvs = names.filter((n) => n.endsWith('.csv')).map((n) => join(dir, n));
  const orphanMetas = names
    .filter((n) => n.endsWith('.meta.yaml') && !names.includes(n.slice(0, -'.meta.yaml'.length) + '.csv'))
    .map((n) => join(dir, n));
  return { csvs, orphanMetas };
}

interface Located { file: number; combo: ComboAggregate }


/** For sorted distinct keys: running maximum of the period end, and the index of the key that reaches it. */
function prefixReach(keys: Uint32Array): { maxEnd: Int32Array; arg: Int32Array } {
  const n = keys.length;
  const maxEnd = new Int32Array(n);
  const arg = new Int32Array(n);
  let best = -1;
  let bestIdx = -1;
  for (let i = 0; i < n; i++) {
    const end = keyEnd(keys[i]!);
    if (end > best) {
      best = end;
      bestIdx = i;
    }
    maxEnd[i] = best;
    arg[i] = bestIdx;
  }
  return { maxEnd, arg };
}

/** Checks the given CSV files (and their metadata) together. */
export async function checkDatasets(files: FileRef[], options: CheckDatasetsOptions): Promise<CheckRun> {
  const context = createCheckContext();
  const datasets: DatasetCheck[] = [];
  let rowsBefore = 0;
  const sorted = files.slice().sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));
  for (const f of sorted) {
    const id = basename(f.fsPath).replace(/\.csv$/i, '');
    const metaFs = metaPathFor(f.fsPath);
    const metaDisplay = metaPathFor(f.displayPath);
    const extra: Diagnostic[] = [];
    let meta: DatasetMeta | null = null;
    let reportedAt = { line: 1, column: 1 };
    let hasMeta = false;
    if (existsSync(metaFs)) {
      hasMeta = true;
      const parsed = parseMeta(metaDisplay, await readFile(metaFs, 'utf8'), id);
      meta = parsed.meta;
      reportedAt = parsed.reportedTotalAt;
      extra.push(...parsed.diagnostics);
    } else if (options.requireMeta) {
      extra.push({ path: f.displayPath, line: 1, column: 1, severity: 'error', rule: 'meta.missing',
        message: `no metadata file for this dataset; create ${basename(metaDisplay)} beside it with its source, period, branches and licence (see data/klaim/README.md)` });
    }
    const progress = options.onProgress;
    const csv = await checkCsv(fileSource(f.fsPath, f.displayPath), {
      context,
      keepRows: options.keepRows === true,
      ...(meta !== null
        ? { expect: { branches: new Set(meta.branches), start: parseIsoDay(meta.period.start), end: parseIsoDay(meta.period.end), metaPath: metaDisplay } }
        : {}),
      ...(progress !== undefined ? { onProgress: (rows: number, bytes: number) => progress(rowsBefore + rows, bytes) } : {}),
    });
    rowsBefore += csv.rowCount;
    const computed = senToDecimal(csv.totalSen);
    const reported = meta?.reportedTotal ?? null;
    let difference: string | null = null;
    if (reported !== null) {
      const diffSen = decimalToSen(reported) - csv.totalSen;
      difference = senToDecimal(diffSen);
      if (diffSen !== 0n && csv.errorCount === 0) {
        extra.push({ path: metaDisplay, ...reportedAt, severity: 'warning', rule: 'reconciliation.total',
          message: `the reported total differs from the sum of the rows: computed ${formatRupiah(computed)}, reported ${formatRupiah(reported)}, difference ${formatRupiah(difference)} (reported minus computed); both figures are published with the difference. If a row has a typing mistake, correct it; otherwise keep the source's figure and explain in "notes"` });
      }
    }
    datasets.push({
      id,
      csvPath: f.displayPath,
      csvFsPath: f.fsPath,
      metaPath: hasMeta ? metaDisplay : null,
      meta,
      csv,
      reconciliation: { reported, computed, difference },
      diagnostics: [...csv.diagnostics, ...extra],
      errorCount: 0,
      warningCount: 0,
    });
  }

  // Overlapping periods across datasets, for the same branch and programme.
  // Keys carry no line numbers: collect the conflicts, then find their lines
  // with a second pass over just the files concerned.
  interface Cross { fileA: number; fileB: number; comboKey: number; a: number; b: number }
  const byCombo = new Map<number, Located[]>();
  datasets.forEach((d, file) => {
    for (const [key, combo] of d.csv.combos) {
      const list = byCombo.get(key);
      if (list === undefined) byCombo.set(key, [{ file, combo }]);
      else list.push({ file, combo });
    }
  });
  const crosses: Cross[] = [];
  const crossCounts = new Map<number, number>();
  for (const [comboKey, located] of byCombo) {
    if (located.length < 2) continue;
    const distinct = located.map((l) => distinctSorted(l.combo.keys));
    for (let a = 0; a < located.length; a++) {
      const keys = distinct[a]!;
      const reach = prefixReach(keys);
      for (let b = a + 1; b < located.length; b++) {
        for (const key of distinct[b]!) {
          // Last period of dataset `a` starting on or before this one's end.
          const end = keyEnd(key);
          let lo = 0;
          let hi = keys.length - 1;
          let idx = -1;
          while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            if (keyStart(keys[mid]!) <= end) {
              idx = mid;
              lo = mid + 1;
            } else hi = mid - 1;
          }
          if (idx < 0 || reach.maxEnd[idx]! < keyStart(key)) continue;
          const fileB = located[b]!.file;
          const count = (crossCounts.get(fileB) ?? 0) + 1;
          crossCounts.set(fileB, count);
          if (count <= 200) crosses.push({ fileA: located[a]!.file, fileB, comboKey, a: keys[reach.arg[idx]!]!, b: key });
        }
      }
    }
  }
  if (crosses.length > 0) {
    const wanted = new Map<number, Map<number, Set<number>>>();
    const want = (file: number, comboKey: number, key: number): void => {
      let byCombo2 = wanted.get(file);
      if (byCombo2 === undefined) wanted.set(file, (byCombo2 = new Map()));
      let set = byCombo2.get(comboKey);
      if (set === undefined) byCombo2.set(comboKey, (set = new Set()));
      set.add(key);
    };
    for (const c of crosses) {
      want(c.fileA, c.comboKey, c.a);
      want(c.fileB, c.comboKey, c.b);
    }
    const lines = new Map<number, Map<number, Map<number, number[]>>>();
    for (const [file, w] of wanted) {
      const d = datasets[file]!;
      const again = await checkCsv(fileSource(d.csvFsPath, d.csvPath), { context, locate: w });
      lines.set(file, again.located);
    }
    const firstLine = (file: number, comboKey: number, key: number): number => lines.get(file)?.get(comboKey)?.get(key)?.[0] ?? 0;
    const period = (key: number): string => `${dayToIso(keyStart(key))}..${dayToIso(keyEnd(key))}`;
    for (const c of crosses) {
      const target = datasets[c.fileB]!;
      target.diagnostics.push({ path: target.csvPath, line: firstLine(c.fileB, c.comboKey, c.b), column: 1, severity: 'error', rule: 'period.overlap',
        message: `period ${period(c.b)} for ${context.branchNames[Math.floor(c.comboKey / 8)]} ${PROGRAMS[c.comboKey % 8]} overlaps ${period(c.a)} in ${datasets[c.fileA]!.csvPath} line ${firstLine(c.fileA, c.comboKey, c.a)}; totals would count the same claims twice: remove the rows from one of the datasets or make the periods not overlap` });
    }
  }

  let rowCount = 0;
  const all: Diagnostic[] = [];
  for (const [i, d] of datasets.entries()) {
    d.diagnostics = sortDiagnostics(d.diagnostics);
    const shown = countSeverities(d.diagnostics.filter((x) => x.rule !== 'limit' && !d.csv.diagnostics.includes(x)));
    const hiddenCross = Math.max(0, (crossCounts.get(i) ?? 0) - 200);
    d.errorCount = d.csv.errorCount + shown.errors + hiddenCross;
    d.warningCount = d.csv.warningCount + shown.warnings;
    rowCount += d.csv.rowCount;
    all.push(...d.diagnostics);
  }
  let errorCount = datasets.reduce((s, d) => s + d.errorCount, 0);
  const warningCount = datasets.reduce((s, d) => s + d.warningCount, 0);
  for (const m of options.orphanMetas ?? []) {
    const id = basename(m.fsPath).slice(0, -'.meta.yaml'.length);
    const parsed = parseMeta(m.displayPath, await readFile(m.fsPath, 'utf8'), id);
    all.push(...parsed.diagnostics);
    all.push({ path: m.displayPath, line: 1, column: 1, severity: 'error', rule: 'meta.missing',
      message: `metadata without data: ${id}.csv does not exist in ${dirname(m.displayPath)}; add the CSV or delete this file` });
    errorCount += parsed.diagnostics.length + 1;
  }
  return { datasets, diagnostics: sortDiagnostics(all), errorCount, warningCount, rowCount, context };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The summary line: `1 dataset, 4 rows: 0 errors, 1 warning`. */
export function summaryLine(run: Pick<CheckRun, 'datasets' | 'rowCount' | 'errorCount' | 'warningCount'>): string {
  return `${plural(run.datasets.length, 'dataset')}, ${plural(run.rowCount, 'row')}: ${plural(run.errorCount, 'error')}, ${plural(run.warningCount, 'warning')}`;
}

/** What `data:check` prints: one line per diagnostic, then the summary line (LF-terminated). */
export function formatReport(run: CheckRun): string {
  return [...run.diagnostics.map(formatDiagnostic), summaryLine(run)].join('\n') + '\n';
}
