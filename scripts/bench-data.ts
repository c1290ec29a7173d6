/**
 * npm run bench:data [-- ROWS...] [--rounds 3] [--threads N]
 *
 * How fast and lean the claims check is, beside DuckDB doing the same work on the same file in
 * the same run. For each size (default 1,000,000 and 5,000,000 rows) one valid synthetic
 * dataset (scripts/generate-national.ts generateDaily: 300 branches × 4 programmes × daily
 * periods, contract v2, with its metadata and registry) is written to a temporary data folder
 * (never data/), then three passes run, each in its own child process, alternating, ROUNDS times:
 *   - bare: csv-parse over the file, records counted, nothing else (the floor for any
 *     checker built on csv-parse);
 *   - check: `checkDatasets` as `npm run data:check` runs it (every rule, exact sums by office ×
 *     programme and by period, duplicate and overlap detection, reconciliation), using worker
 *     threads for large files;
 *   - duckdb: DuckDB (@duckdb/node-api) reading the CSV with typed columns (DATE, exact
 *     DECIMAL(18,2), BIGINT), counting duplicate keys (office, programme, period) and summing
 *     amounts exactly (into DECIMAL(38,2)) by office × programme and by period. DECIMAL(18,2)
 *     holds amounts below 10^16 rupiah (our check accepts 20 digits); DuckDB 1.5's CSV reader
 *     takes ~20 s per million rows for DECIMAL(38,2), so that type would flatter our ratio.
 * The fastest run of each counts (noise from other load on a shared machine only adds time).
 * Printed: wall time, rows/s, CPU time, peak RSS of each child (getrusage maxRSS: the whole
 * process, worker threads included), the ratios check/duckdb and check/bare on wall time, and
 * the targets: ratio to DuckDB at most 3, peak RSS of the check under 200 MB.
 *
 * Exit codes (scripts/lib/cli.ts): 0 when every pass ran (targets printed as PASS/FAIL),
 * 1 when a pass failed or the check found an error in valid data, 2 on a usage error.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { checkDatasets } from '../src/lib/claims/check.ts';
import { fileSource } from '../src/lib/claims/source.ts';
import { senToDecimal } from '../src/lib/rupiah.ts';
import { generateDaily } from './generate-national.ts';
import { EXIT, logger, parseArgs, runMain, UsageError } from './lib/cli.ts';

const USAGE = 'npm run bench:data [-- ROWS...] [--rounds 3] [--threads N]';
const RSS_LIMIT_MB = 200;
const DUCKDB_RATIO_LIMIT = 3;
const log = logger('bench:data');

type Pass = 'bare' | 'check' | 'duckdb';
const PASSES: readonly Pass[] = ['bare', 'check', 'duckdb'];

interface ChildResult {
  /** Wall-clock time of the pass (after the child started). */
  ms: number;
  /** CPU time (user + system, all threads) of the pass. */
  cpuMs: number;
  rows: number;
  maxRssMb: number;
  errors?: number;
  /** The exact total of nominal_rp (check and duckdb must agree). */
  total?: string;
  duplicates?: number;
}

function measure(t0: number, c0: NodeJS.CpuUsage, extra: Omit<ChildResult, 'ms' | 'cpuMs' | 'maxRssMb'>): ChildResult {
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, maxRssMb: Math.round(process.resourceUsage().maxRSS / 102.4) / 10, ...extra };
}

async function childBare(file: string): Promise<ChildResult> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let records = 0;
  await pipeline(fileSource(file).open(), parse(), new Writable({ objectMode: true, write: (_r, _e, cb) => { records++; cb(); } }));
  return measure(t0, c0, { rows: records - 1 });
}

async function childCheck(file: string, threads: number): Promise<ChildResult> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const run = await checkDatasets([{ fsPath: file, displayPath: file }], { requireMeta: true, parallel: { threads } });
  let total = 0n;
  for (const d of run.datasets) total += d.csv.totalSen;
  if (run.errorCount > 0) process.stderr.write(run.diagnostics.slice(0, 5).map((d) => `${d.path}:${d.line}:${d.column}: ${d.message.en}`).join('\n') + '\n');
  return measure(t0, c0, { rows: run.rowCount, errors: run.errorCount, total: senToDecimal(total) });
}

async function childDuckdb(file: string, threads: number): Promise<ChildResult> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const conn = await db.connect();
  const path = file.replace(/'/g, "''");
  await conn.run(`CREATE TEMP TABLE klaim AS SELECT * FROM read_csv('${path}', header = true, auto_detect = false, columns = {
    'kantor': 'VARCHAR', 'periode_awal': 'DATE', 'periode_akhir': 'DATE', 'program': 'VARCHAR', 'jumlah_kasus': 'BIGINT',
    'nominal_rp': 'DECIMAL(18,2)', 'kasus_tertulis': 'VARCHAR', 'nominal_tertulis': 'VARCHAR'})`);
  const dup = await conn.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM (SELECT kantor, program, periode_awal, periode_akhir FROM klaim GROUP BY ALL HAVING count(*) > 1)`);
  await conn.runAndReadAll('SELECT kantor, program, sum(nominal_rp), sum(jumlah_kasus), count(*) FROM klaim GROUP BY ALL');
  await conn.runAndReadAll('SELECT periode_awal, periode_akhir, sum(nominal_rp) FROM klaim GROUP BY ALL');
  const totals = await conn.runAndReadAll('SELECT count(*)::BIGINT AS n, sum(nominal_rp)::VARCHAR AS total FROM klaim');
  const [row] = totals.getRowObjectsJson() as { n: string; total: string }[];
  const [d] = dup.getRowObjectsJson() as { n: string }[];
  return measure(t0, c0, { rows: Number(row!.n), total: row!.total.replace(/\.?0+$/, '').replace(/^$/, '0'), duplicates: Number(d!.n) });
}

/** Node flags of the check as `npm run data:check` runs it (package.json): a small young generation keeps peak RSS down. */
const CHECK_FLAGS = ['--max-semi-space-size=4'];

function runChild(pass: Pass, file: string, threads: number): ChildResult {
  const self = fileURLToPath(import.meta.url);
  const flags = pass === 'check' ? CHECK_FLAGS : [];
  const r = spawnSync(process.execPath, [...flags, self, `--child=${pass}`, file, String(threads)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`bench child (${pass}) failed with status ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as ChildResult;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en');
const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function benchSize(dir: string, size: number, rounds: number, threads: number): Promise<boolean> {
  return (async () => {
    log(`generating ${fmt(size)} rows...`);
    const { csvPath } = await generateDaily({ out: dir, id: `sintetis-${size}`, rows: size });
    const mb = statSync(csvPath).size / 1e6;
    const runs: Record<Pass, ChildResult[]> = { bare: [], check: [], duckdb: [] };
    for (let round = 1; round <= rounds; round++) {
      for (const pass of PASSES) {
        log(`round ${round}/${rounds}: ${pass}...`);
        runs[pass].push(runChild(pass, csvPath, threads));
      }
    }
    for (const pass of PASSES) for (const x of runs[pass]) if (x.rows !== size) throw new Error(`row count mismatch: generated ${size}, ${pass} read ${x.rows}`);
    const best = (pass: Pass) => Math.min(...runs[pass].map((x) => x.ms));
    const cpu = (pass: Pass) => Math.min(...runs[pass].map((x) => x.cpuMs));
    const peak = (pass: Pass) => Math.max(...runs[pass].map((x) => x.maxRssMb));
    const errors = Math.max(...runs.check.map((x) => x.errors ?? 0));
    const agree = runs.check[0]!.total === runs.duckdb[0]!.total && (runs.duckdb[0]!.duplicates ?? 0) === 0;
    const toDuck = best('check') / best('duckdb');
    const toBare = best('check') / best('bare');
    const line = (name: string, pass: Pass) =>
      `  ${name.padEnd(16)} wall ${secs(best(pass))} (${fmt(size / (best(pass) / 1000))} rows/s)  cpu ${secs(cpu(pass))}  peak RSS ${peak(pass)} MB  [runs: ${runs[pass].map((x) => (x.ms / 1000).toFixed(2)).join(', ')} s]`;
    const ratioOk = toDuck <= DUCKDB_RATIO_LIMIT;
    const rssOk = peak('check') < RSS_LIMIT_MB;
    process.stdout.write([
      `${fmt(size)} rows (${mb.toFixed(1)} MB), ${threads} thread(s):`,
      line('bare csv-parse', 'bare'),
      line('check (ours)', 'check') + `  errors ${errors}`,
      line('duckdb', 'duckdb') + `  duplicate keys ${runs.duckdb[0]!.duplicates}`,
      `  total: ours Rp${runs.check[0]!.total}, duckdb Rp${runs.duckdb[0]!.total} (${agree ? 'equal' : 'DIFFERENT'})`,
      `  ratio check/duckdb ${toDuck.toFixed(2)} (target <= ${DUCKDB_RATIO_LIMIT}: ${ratioOk ? 'PASS' : 'FAIL'}); ratio check/bare csv-parse ${toBare.toFixed(2)}`,
      `  peak RSS of the check ${peak('check')} MB (target < ${RSS_LIMIT_MB} MB: ${rssOk ? 'PASS' : 'FAIL'})`,
      '',
    ].join('\n'));
    rmSync(csvPath, { force: true });
    if (errors > 0 || !agree) throw new Error(`the check ${errors > 0 ? `found ${errors} error(s) in valid data` : 'and DuckDB disagree on the total'}`);
    return ratioOk && rssOk;
  })();
}

async function main(argv: string[]): Promise<number> {
  const child = argv.find((a) => a.startsWith('--child='));
  if (child !== undefined) {
    const i = argv.indexOf(child);
    const [file, threads] = [argv[i + 1]!, Number(argv[i + 2])];
    const pass = child.slice('--child='.length) as Pass;
    const r = pass === 'bare' ? await childBare(file) : pass === 'check' ? await childCheck(file, threads) : await childDuckdb(file, threads);
    process.stdout.write(JSON.stringify(r) + '\n');
    return EXIT.ok;
  }
  const { options, positional } = parseArgs(argv, { rounds: 'int', threads: 'int' });
  for (const p of positional) if (!/^[1-9]\d*$/.test(p)) throw new UsageError(`a size must be a whole number of rows, got "${p}"`);
  const sizes = positional.length > 0 ? positional.map(Number) : [1_000_000, 5_000_000];
  const rounds = options.rounds ?? 3;
  const threads = options.threads ?? availableParallelism();
  const dir = mkdtempSync(join(tmpdir(), 'bench-data-'));
  try {
    process.stdout.write(`node ${process.version}, ${availableParallelism()} cores, data folder ${dir} (removed afterwards)\n`);
    let met = true;
    for (const size of sizes) met = (await benchSize(join(dir, 'data'), size, rounds, threads)) && met;
    process.stdout.write(`targets ${met ? 'met' : 'missed'}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return EXIT.ok;
}

runMain('bench:data', USAGE, () => main(process.argv.slice(2)));
