/**
 * The map step on several cores: a large CSV file is split at record boundaries
 * (csv-split.ts), each chunk is checked by the per-chunk checker in a worker thread (this
 * thread takes the first chunk), and the chunks' results are merged in file order, so office
 * ids, periods and "first printed figure" come out as a single pass would give them. Only a
 * file that gives no problem at all is accepted this way: when any chunk reports a problem
 * (or the file's header is not the standard one), the caller checks the file on one thread,
 * so messages, line numbers and exit codes never depend on the split.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { HEADER } from './csv-format.ts';
import type { CsvSource } from './source.ts';
import { STANDARD_COLUMNS, type HeaderCheck } from './csv-header.ts';
import { checkChunk, createCheckContext, type CheckContext, type ChunkOptions, type ChunkResult, type ComboAggregate } from './chunk-check.ts';
import { keyListOf, type KeyList } from './period-keys.ts';
import { firstLine, recordBoundaries } from './csv-split.ts';

export interface ParallelOptions {
  /** Smallest file (bytes) split into chunks; default 16 MiB. */
  minBytes?: number;
  /** Smallest file (bytes) checked whole in a worker when several files are checked; default 1 MiB. */
  fileMinBytes?: number;
  /** Chunks checked at once (this thread and workers); default the number of cores, at most 8. Below 2: never split. */
  threads?: number;
}

/** What a worker is given (structured-cloneable). */
export interface ChunkTask {
  fsPath: string;
  path: string;
  start: number;
  end: number;
  /** The file's header for a chunk after it; null for a whole file. */
  header: HeaderCheck | null;
  recordDelimiter: string;
  expect: { offices: string[]; start: number; end: number; metaPath: string } | null;
}

/** A chunk's result with the office names its ids stand for. */
export interface ChunkReply { result: ChunkResult; branchNames: string[] }

// Not a literal in `new URL(...)`, so bundlers leave it alone; a bundled copy has no worker file and stays on one thread.
const WORKER_FILE = 'chunk-worker.ts';
const workerPath = (): string => fileURLToPath(new URL(WORKER_FILE, import.meta.url));

/** True when worker threads can be used (the worker's file is beside this module, i.e. not bundled). */
export function parallelAvailable(): boolean {
  return existsSync(workerPath());
}

function runWorker(task: ChunkTask): Promise<ChunkReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath(), { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
    worker.once('message', (m: ChunkReply) => resolve(m));
    worker.once('error', (e) => reject(new Error(`checking ${task.path} bytes ${task.start}-${task.end} in a worker failed`, { cause: e })));
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the worker checking ${task.path} exited with ${code}`));
    });
  });
}

/** Adds a chunk's combo under its global combo key to the merged map; its period keys are gathered in `keys`. */
function mergeCombo(into: Map<number, ComboAggregate>, keys: Map<number, Uint32Array[]>, key: number, branchId: number, c: ComboAggregate): void {
  const m = into.get(key);
  // The chunk's blocks are kept as they are (no copy).
  const parts = [...c.keys.blocks, c.keys.words.subarray(0, c.keys.fill)];
  if (m === undefined) {
    into.set(key, { ...c, branchId });
    keys.set(key, parts);
    return;
  }
  keys.get(key)!.push(...parts);
  m.rows += c.rows;
  m.sen += c.sen;
  m.kasus += c.kasus;
  m.kasusMissing += c.kasusMissing;
  m.nominalMissing += c.nominalMissing;
  m.nominalUnits += c.nominalUnits;
  m.kasusUnits += c.kasusUnits;
  m.nominalAtLeast += c.nominalAtLeast;
  m.kasusAtLeast += c.kasusAtLeast;
  m.nominalPrinted ??= c.nominalPrinted;
  m.kasusPrinted ??= c.kasusPrinted;
}

/** The period keys of all chunks as one list, in file order: the chunks' blocks become its blocks (no copy). */
function joinKeys(parts: Uint32Array[]): KeyList {
  const last = parts[parts.length - 1]!;
  if (last.length === 0) return keyListOf(last);
  return { words: last, fill: last.length, blocks: parts.slice(0, -1).filter((p) => p.length > 0), count: parts.reduce((n, p) => n + p.length, 0) };
}

/** Registers office names in `ctx` in order; returns their ids there. */
function registerNames(ctx: CheckContext, names: readonly string[]): number[] {
  return names.map((name) => {
    let id = ctx.branchIds.get(name);
    if (id === undefined) {
      id = ctx.branchNames.length;
      ctx.branchIds.set(name, id);
      ctx.branchNames.push(name);
    }
    return id;
  });
}

/**
 * A whole file checked in a worker, taken into `ctx`: office ids renumbered as a pass on this
 * thread would have given them (problems, rows and sums kept as they are).
 */
export function adoptFile(ctx: CheckContext, reply: ChunkReply): ChunkResult {
  const globalId = registerNames(ctx, reply.branchNames);
  const combos = [...reply.result.combos.values()].map((c): [number, ComboAggregate] => {
    const id = globalId[c.branchId]!;
    return [id * 8 + c.program, { ...c, branchId: id }];
  });
  return { ...reply.result, combos: new Map(combos.sort((a, b) => a[0] - b[0])) };
}

/**
 * Starts checking whole files in worker threads, at most `threads` at a time: several files
 * are checked at once. Each promise gives the file's result with its own office ids
 * ({@link adoptFile} takes it into the run's context, in file order).
 */
export function checkFilesInWorkers(files: readonly { fsPath: string; path: string; expect: ChunkTask['expect'] }[], threads: number): Promise<ChunkReply>[] {
  let running = 0;
  const queue: (() => void)[] = [];
  const slot = (): Promise<void> => (running < threads ? (running++, Promise.resolve()) : new Promise<void>((go) => queue.push(() => (running++, go()))));
  const release = (): void => {
    running--;
    queue.shift()?.();
  };
  return files.map(async (f) => {
    await slot();
    try {
      return await runWorker({ fsPath: f.fsPath, path: f.path, start: 0, end: statSync(f.fsPath).size, header: null, recordDelimiter: '', expect: f.expect });
    } finally {
      release();
    }
  });
}

/**
 * The reduce step: chunk results in file order → one result, with office ids registered in
 * `ctx` in order of first appearance (as one pass over the file registers them).
 */
export function mergeChunks(ctx: CheckContext, replies: readonly ChunkReply[]): ChunkResult {
  const combos = new Map<number, ComboAggregate>();
  const keys = new Map<number, Uint32Array[]>();
  const periods = new Map<number, bigint>();
  let rowCount = 0;
  let minStart = -1;
  let maxEnd = -1;
  for (const { result, branchNames } of replies) {
    const globalId = registerNames(ctx, branchNames);
    for (const c of result.combos.values()) {
      const id = globalId[c.branchId]!;
      mergeCombo(combos, keys, id * 8 + c.program, id, c);
    }
    for (const [key, sen] of result.periods) periods.set(key, (periods.get(key) ?? 0n) + sen);
    rowCount += result.rowCount;
    if (result.minStart >= 0 && (minStart < 0 || result.minStart < minStart)) minStart = result.minStart;
    if (result.maxEnd > maxEnd) maxEnd = result.maxEnd;
  }
  for (const [key, combo] of combos) combo.keys = joinKeys(keys.get(key)!);
  const sorted = new Map([...combos].sort((a, b) => a[0] - b[0]));
  return { rowCount, pending: [], errorCount: 0, warningCount: 0, combos: sorted, periods, minStart, maxEnd, rows: [], located: new Map() };
}

/**
 * Checks a large file in chunks on several threads. Returns null when the file is small, not
 * on disk, has a non-standard header, or any chunk found a problem: the caller then checks it
 * on one thread (which words and places every problem).
 */
export async function checkInParallel(source: CsvSource, options: ChunkOptions, parallel: ParallelOptions = {}): Promise<ChunkResult | null> {
  const threads = Math.min(parallel.threads ?? availableParallelism(), 8);
  const fsPath = source.fsPath;
  if (threads < 2 || fsPath === undefined || !existsSync(workerPath())) return null;
  let size: number;
  try {
    size = statSync(fsPath).size;
  } catch {
    return null;
  }
  if (size < (parallel.minBytes ?? 16 * 1024 * 1024)) return null;
  const head = firstLine(fsPath);
  if (head === null || head.text !== HEADER) return null;
  const crlf = head.crlf;
  // This thread starts on its chunk while the workers load (about 0.2 s): give it ~4 MB more.
  const cuts = recordBoundaries(fsPath, head.end, size, threads, crlf, 4 * 1024 * 1024);
  if (cuts.length < 3) return null;
  const header: HeaderCheck = { width: HEADER.split(',').length, columns: STANDARD_COLUMNS, fatal: false };
  const recordDelimiter = crlf ? '\r\n' : '\n';
  const expect = options.expect === undefined ? null : { ...options.expect, offices: [...options.expect.offices] };
  const tasks: ChunkTask[] = cuts.slice(0, -1).map((start, i) => ({ fsPath, path: source.path, start, end: cuts[i + 1]!, header, recordDelimiter, expect }));
  const mine = async (task: ChunkTask): Promise<ChunkReply> => {
    const context = createCheckContext();
    const result = await checkChunk(createReadStream(fsPath, { start: task.start, end: task.end - 1, highWaterMark: 256 * 1024 }), source.path,
      { context, header, recordDelimiter, ...(options.expect !== undefined ? { expect: options.expect } : {}) });
    return { result, branchNames: context.branchNames };
  };
  const replies = await Promise.all(tasks.map((task, i) => (i === 0 ? mine(task) : runWorker(task))));
  if (replies.some((r) => r.result.errorCount + r.result.warningCount > 0)) return null;
  const merged = mergeChunks(options.context ?? createCheckContext(), replies);
  if (merged.rowCount === 0) return null;
  options.onProgress?.(merged.rowCount, size);
  return merged;
}
