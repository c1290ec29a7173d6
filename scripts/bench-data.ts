/**
 * npm run bench:data [-- SIZE...]
 *
 * Generates synthetic claims CSVs (default 1,000,000 and 5,000,000 rows; contract v2, with
 * an office registry) in a temporary folder laid out like data/ (never in data/), then for
 * each size runs, each in its own
 * child process:
 *   - a bare csv-parse pass over the file (records counted, nothing else), and
 *   - the full check + aggregation (`checkDatasets` with the file's metadata,
 *     then totals by programme, branch and period), which is what data:check does.
 * Each is run three times, alternating; the fastest run of each is reported with
 * rows/s, the child's peak RSS, and the ratio check time / bare time. Times
 * are given as wall-clock and as CPU time (user + system of the child); the
 * ratio target is judged on CPU time, which other load on a shared machine
 * disturbs far less than wall-clock time.
 * Targets: peak RSS < 200 MB, ratio <= 1.3. Results on stdout, progress on stderr.
 * Exit status 1 if a target is missed or the check finds an error.
 */
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { checkDatasets } from '../src/lib/claims/check.ts';
import { PROGRAMS } from '../src/lib/claims/csv-check.ts';
import { fileSource } from '../src/lib/claims/source.ts';
import { dayToIso, parseIsoDay } from '../src/lib/claims/dates.ts';
import { senToDecimal } from '../src/lib/claims/money.ts';

const RSS_LIMIT_MB = 200;
const RATIO_LIMIT = 1.3;
const BRANCHES = 300;
/** Runs of each pass per size; the fastest counts (the usual way to take noise from other load out). */
const ROUNDS = 3;

interface ChildResult {
  /** Wall-clock time of the pass. */
  ms: number;
  /** CPU time (user + system, all threads) of the pass: steadier than wall time on a shared machine. */
  cpuMs: number;
  rows: number;
  maxRssMb: number;
  errors?: number;
  total?: string;
}

function report(r: ChildResult): void {
  process.stdout.write(JSON.stringify(r) + '\n');
}

function maxRssMb(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10; // maxRSS is in KiB
}

function cpuSince(c0: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

async function childBare(file: string): Promise<void> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let rows = 0;
  await pipeline(
    fileSource(file).open(),
    parse(),
    new Writable({ objectMode: true, write: (_r, _e, cb) => { rows++; cb(); } }),
  );
  report({ ms: performance.now() - t0, cpuMs: cpuSince(c0), rows: rows - 1, maxRssMb: maxRssMb() });
}

async function childCheck(file: string): Promise<void> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const run = await checkDatasets([{ fsPath: file, displayPath: file }], { requireMeta: true });
  // Aggregation as the site does it, without rows: totals by programme, branch, period.
  const byProgram = new Map<number, bigint>();
  const byBranch = new Map<string, bigint>();
  const byPeriod = new Map<number, bigint>();
  let overall = 0n;
  for (const d of run.datasets) {
    for (const c of d.csv.combos.values()) {
      byProgram.set(c.program, (byProgram.get(c.program) ?? 0n) + c.sen);
      const b = run.context.branchNames[c.branchId]!;
      byBranch.set(b, (byBranch.get(b) ?? 0n) + c.sen);
    }
    for (const [k, v] of d.csv.periods) byPeriod.set(k, (byPeriod.get(k) ?? 0n) + v);
    overall += d.csv.totalSen;
  }
  const ms = performance.now() - t0;
  const cpuMs = cpuSince(c0);
  if (run.errorCount > 0) process.stderr.write(run.diagnostics.slice(0, 5).map((d) => `${d.path}:${d.line}:${d.column}: ${d.message.en}`).join('\n') + '\n');
  report({ ms, cpuMs, rows: run.rowCount, maxRssMb: maxRssMb(), errors: run.errorCount, total: senToDecimal(overall) });
}

/** Writes `rows` valid rows: 300 branches × 5 programmes × daily periods from 2021-01-01. */
async function generate(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('kantor,periode_awal,periode_akhir,program,jumlah_kasus,nominal_rp,kasus_tertulis,nominal_tertulis\n');
  const first = parseIsoDay('2021-01-01');
  let n = 0;
  let seed = 12345;
  const next = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed;
  };
  let lastDay = first;
  for (let day = first; n < rows; day++) {
    const iso = dayToIso(day);
    lastDay = day;
    let chunk = '';
    for (let b = 0; b < BRANCHES && n < rows; b++) {
      for (let p = 0; p < PROGRAMS.length && n < rows; p++, n++) {
        const r = next();
        const kasus = r % 7 === 0 ? '' : String(r % 5000);
        // Never exactly Rp1.000.000.000: a whole number of miliar would need its printed text.
        const amount = String(next() % 2_000_000_000).replace(/^1000000000$/, '999999999') + (r % 3 === 0 ? `.${String(r % 100).padStart(2, '0')}` : '');
        chunk += `Kantor Cabang ${b + 1},${iso},${iso},${PROGRAMS[p]},${kasus},${amount},,\n`;
      }
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const branches = Array.from({ length: BRANCHES }, (_, b) => `  - Kantor Cabang ${b + 1}`).join('\n');
  writeFileSync(
    file.replace(/\.csv$/, '.meta.yaml'),
    `id: ${file.split('/').pop()!.replace(/\.csv$/, '')}\ntitle: Data sintetis untuk uji kinerja\nlevel: kantor_cabang\noffices:\n${branches}\n` +
      `period:\n  start: ${dayToIso(first)}\n  end: ${dayToIso(lastDay)}\n  start_stated: true\n  printed: data sintetis\nconfidence: U\n` +
      'source:\n  publisher: Dibangkitkan oleh scripts/bench-data.ts\n  headline: Data sintetis\n  url: null\n  published: null\nreported: null\n' +
      'licence:\n  id: CC-BY-4.0\n  note: Data sintetis, tidak diterbitkan.\nlast_reviewed: 2026-11-28\n',
  );
}

/** The office registry for {@link generate}'s branches: `<data>/kantor.yaml`. */
function writeRegistry(dataDir: string): void {
  const source = '  sources: [{publisher: Dibangkitkan oleh scripts/bench-data.ts, headline: Data sintetis, url: null, published: null, quote: null}]';
  const office = (id: string, name: string, level: string, parent: string | null): string =>
    `- id: ${id}\n  name: ${name}\n  full_name: ${name} (sintetis)\n  level: ${level}\n  parent: ${parent ?? 'null'}\n  coverage: null\n${source}\n`;
  let text = office('nasional', 'Nasional', 'nasional', null) + office('kanwil-sintetis', 'Kanwil Sintetis', 'kantor_wilayah', 'nasional');
  for (let b = 1; b <= BRANCHES; b++) text += office(`kantor-cabang-${b}`, `Kantor Cabang ${b}`, 'kantor_cabang', 'kanwil-sintetis');
  writeFileSync(join(dataDir, 'kantor.yaml'), text);
}

function runChild(mode: 'bare' | 'check', file: string): ChildResult {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, [self, `--child=${mode}`, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`bench child (${mode}) failed with status ${r.status}: ${r.stderr}`);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as ChildResult;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en');

async function main(argv: string[]): Promise<number> {
  const child = argv.find((a) => a.startsWith('--child='));
  if (child !== undefined) {
    const file = argv[argv.indexOf(child) + 1]!;
    if (child === '--child=bare') await childBare(file);
    else await childCheck(file);
    return 0;
  }
  const sizes = argv.filter((a) => /^\d+$/.test(a)).map(Number);
  if (sizes.length === 0) sizes.push(1_000_000, 5_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'bench-data-'));
  let ok = true;
  try {
    process.stdout.write(`node ${process.version}, files in ${dir} (removed afterwards)\n`);
    // Laid out like data/: the checker finds the registry beside klaim/.
    mkdirSync(join(dir, 'klaim'));
    writeRegistry(dir);
    for (const size of sizes) {
      const file = join(dir, 'klaim', `sintetis-${size}.csv`);
      process.stderr.write(`generating ${fmt(size)} rows...\n`);
      await generate(file, size);
      const mb = statSync(file).size / 1e6;
      const bare: ChildResult[] = [];
      const check: ChildResult[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        process.stderr.write(`round ${round + 1}: bare csv-parse pass...\n`);
        bare.push(runChild('bare', file));
        process.stderr.write(`round ${round + 1}: full check + aggregation...\n`);
        check.push(runChild('check', file));
      }
      const fastest = (list: ChildResult[], key: 'ms' | 'cpuMs') => Math.min(...list.map((x) => x[key]));
      const bWall = fastest(bare, 'ms');
      const cWall = fastest(check, 'ms');
      const bCpu = fastest(bare, 'cpuMs');
      const cCpu = fastest(check, 'cpuMs');
      const peak = Math.max(...check.map((x) => x.maxRssMb));
      const ratioCpu = cCpu / bCpu;
      const ratioWall = cWall / bWall;
      const errors = Math.max(...check.map((x) => x.errors ?? 0));
      for (const x of [...bare, ...check]) {
        if (x.rows !== size) throw new Error(`row count mismatch: generated ${size}, a child read ${x.rows}`);
      }
      const pass = peak < RSS_LIMIT_MB && ratioCpu <= RATIO_LIMIT && errors === 0;
      ok &&= pass;
      const line = (name: string, wall: number, cpu: number, rss: number) =>
        `  ${name.padEnd(16)} wall ${(wall / 1000).toFixed(2)} s (${fmt(size / (wall / 1000))} rows/s)  cpu ${(cpu / 1000).toFixed(2)} s (${fmt(size / (cpu / 1000))} rows/s)  peak RSS ${rss} MB`;
      process.stdout.write(
        [
          `${fmt(size)} rows (${mb.toFixed(1)} MB):`,
          line('bare csv-parse', bWall, bCpu, Math.max(...bare.map((x) => x.maxRssMb))),
          line('check+aggregate', cWall, cCpu, peak) + `  errors ${errors}  total Rp${check[0]!.total}`,
          `  ratio check/bare: cpu ${ratioCpu.toFixed(2)}, wall ${ratioWall.toFixed(2)} (target <= ${RATIO_LIMIT} on cpu time); peak RSS target < ${RSS_LIMIT_MB} MB: ${pass ? 'PASS' : 'FAIL'}`,
          `  all runs, wall/cpu s: bare ${bare.map((x) => `${(x.ms / 1000).toFixed(2)}/${(x.cpuMs / 1000).toFixed(2)}`).join(', ')}; check ${check.map((x) => `${(x.ms / 1000).toFixed(2)}/${(x.cpuMs / 1000).toFixed(2)}`).join(', ')}`,
          '',
        ].join('\n'),
      );
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench:data failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  },
);
