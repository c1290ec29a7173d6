/**
 * Checking one claims CSV file, as map and reduce: the per-chunk checker (chunk-check.ts) reads
 * the records, then the merge step adds what only the whole file shows — duplicate rows and
 * overlapping periods (locate.ts finds their lines), the file's totals, the columns of problems
 * and the limit on listed problems. A large file is split at record boundaries into chunks
 * checked in worker threads (csv-parallel.ts); a small one, or one with any problem, is checked
 * on this thread, so every message and line number is the same either way.
 */
import type { Diagnostic } from './diagnostics.ts';
import { t } from './diagnostics.ts';
import { MAX_DIAGNOSTICS_PER_FILE, type Row, type RowExpectations } from './csv-format.ts';
import type { CsvSource } from './source.ts';
import { checkChunk, createCheckContext, type CheckContext, type ChunkResult } from './chunk-check.ts';
import { reportConflicts, resolvePending } from './locate.ts';
import { checkInParallel, type ParallelOptions } from './csv-parallel.ts';

export { COLUMNS, HEADER, LIMITS, MAX_DIAGNOSTICS_PER_FILE, PROGRAMS, PROGRAM_NAMES, safeMessage } from './csv-format.ts';
export type { Program, Row, RowExpectations } from './csv-format.ts';
export { createCheckContext } from './chunk-check.ts';
export type { CheckContext, ComboAggregate } from './chunk-check.ts';
export { distinctSorted, findConflicts, keyEnd, keyStart, packPeriod, sortedKeys } from './period-keys.ts';
export type { KeyList } from './period-keys.ts';
export { fieldColumn, readLines } from './locate.ts';

/** Options for {@link checkCsv}. */
export interface CheckCsvOptions {
  context?: CheckContext;
  /** Keep every valid row (for the site); the bench and data:check do not. */
  keepRows?: boolean;
  expect?: RowExpectations;
  /** Called about every 64k rows with rows read and bytes read. */
  onProgress?: (rows: number, bytes: number) => void;
  /** When and how to use worker threads (default: files of 16 MB or more, one worker per core). */
  parallel?: ParallelOptions;
  /** The file already checked (in a worker, taken into `context`): only the merge step is left. */
  checked?: ChunkResult;
}

/** Everything learnt from one CSV file: the merged chunk result (see ChunkResult), with diagnostics. */
export interface CsvCheckResult extends Pick<ChunkResult, 'rowCount' | 'errorCount' | 'warningCount' | 'combos' | 'periods' | 'minStart' | 'maxEnd'> {
  path: string;
  /** At most MAX_DIAGNOSTICS_PER_FILE diagnostics plus one "not shown" notice, sorted. */
  diagnostics: Diagnostic[];
  totalSen: bigint;
  /** Rows, in file order, when `keepRows` was set (only if the file had no errors). */
  rows: Row[];
}

/** The "N more problems not shown" notice, when some were only counted. */
function limitNotice(path: string, r: ChunkResult, diagnostics: Diagnostic[]): Diagnostic | null {
  const hidden = r.errorCount + r.warningCount - diagnostics.length;
  if (hidden <= 0) return null;
  return { path, line: diagnostics[diagnostics.length - 1]?.line ?? 1, column: 1, severity: r.errorCount > 0 ? 'error' : 'warning', rule: 'limit',
    message: t(`${hidden} masalah lain di berkas ini tidak ditampilkan (hanya ${MAX_DIAGNOSTICS_PER_FILE} yang pertama); perbaiki yang ini lalu jalankan pemeriksaan lagi`,
      `${hidden} more problem${hidden === 1 ? '' : 's'} in this file not shown (only the first ${MAX_DIAGNOSTICS_PER_FILE} are listed); fix these and run the check again`) };
}

/**
 * Validates one claims CSV and aggregates it. Never throws for bad data (every problem
 * becomes a diagnostic); throws only for internal failures, wrapped with `{ cause }`.
 */
export async function checkCsv(source: CsvSource, options: CheckCsvOptions = {}): Promise<CsvCheckResult> {
  const ctx = options.context ?? createCheckContext();
  const chunkOptions = {
    context: ctx,
    ...(options.keepRows === true ? { keepRows: true } : {}),
    ...(options.expect !== undefined ? { expect: options.expect } : {}),
    ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
  };
  const r = options.checked
    ?? (options.keepRows === true ? null : await checkInParallel(source, chunkOptions, options.parallel))
    ?? await checkChunk(source.open(), source.path, chunkOptions);
  await reportConflicts(source, ctx, r);
  let totalSen = 0n;
  for (const c of r.combos.values()) totalSen += c.sen;
  const diagnostics = await resolvePending(source, r.pending);
  const notice = limitNotice(source.path, r, diagnostics);
  if (notice !== null) diagnostics.push(notice);
  return {
    path: source.path,
    rowCount: r.rowCount,
    diagnostics,
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    combos: r.combos,
    periods: r.periods,
    totalSen,
    minStart: r.minStart,
    maxEnd: r.maxEnd,
    rows: r.errorCount === 0 ? r.rows : [],
  };
}
