/**
 * npm run bench:history [-- --commits 200] [--branches 300] [--years 10] [--seed 1] [--no-build] [--keep]
 *
 * What data history costs at national scale, on a SYNTHETIC repository (never data/):
 *
 * 1. Copies the project (src, content, data, public, scripts, config; node_modules linked)
 *    into a temporary folder, generates synthetic national data into its data/klaim/ with
 *    scripts/generate-national.ts, and makes it a git repository: one commit adding
 *    everything, then COMMITS commits touching national data: each changes one amount in one
 *    yearly dataset (round robin, `Alasan:` line in the message), every tenth instead changes
 *    only a dataset's metadata (last_reviewed).
 * 2. Computes the history (src/lib/history computeHistory) in a child process, twice: cold
 *    (empty on-disk cache) and warm (the cache the first run left): wall time, peak RSS
 *    (getrusage maxRSS of the child), number of changes and versioned files.
 * 3. Unless --no-build: runs the Astro build of the copy (warm cache through RTW_HISTORY_CACHE,
 *    as a CI runner that keeps the cache would) and reports its time, peak RSS and the
 *    size and file count of dist/data/v/.
 *
 * Results on stdout, progress on stderr; exit 1 when a step fails, 2 on a usage error.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { childEnv, gnuTimeMaxRss, nodeUnderGnuTime } from './lib/child.ts';
import { logger, parseArgs, runMain } from './lib/cli.ts';
import { copyProject, REPO_ROOT as REPO } from './lib/repo.ts';

const USAGE = 'npm run bench:history [-- --commits 200] [--branches 300] [--years 10] [--seed 1] [--no-build] [--keep]';
const log = logger('bench:history');
const MB = 1024 * 1024;
const fmtMb = (b: number): string => `${(b / MB).toFixed(1)} MB`;

// Child mode: compute the history of CWD and print figures as JSON.
if (process.argv[2] === '--child') {
  const { computeHistory } = (await import(pathToFileURL(join(REPO, 'src/lib/history/index.ts')).href)) as typeof import('../src/lib/history/index.ts');
  const t0 = performance.now();
  const h = await computeHistory({ cwd: process.cwd(), cacheDir: process.argv[3]! });
  const seconds = (performance.now() - t0) / 1000;
  const changes = h.available ? h.all.length : 0;
  const corrections = h.available ? h.all.filter((c) => c.kind === 'koreksi').length : 0;
  process.stdout.write(JSON.stringify({ available: h.available, seconds, maxRss: process.resourceUsage().maxRSS * 1024, changes, corrections, files: h.files.length }) + '\n');
  process.exit(0);
}

interface Options { commits: number; branches: number; years: number; seed: number; build: boolean; keep: boolean }
function readOptions(argv: string[]): Options {
  const { options: o } = parseArgs(argv, { commits: 'int', branches: 'int', years: 'int', seed: 'int', 'no-build': 'flag', keep: 'flag' });
  return { commits: o.commits ?? 200, branches: o.branches ?? 300, years: o.years ?? 10, seed: o.seed ?? 1, build: o['no-build'] !== true, keep: o.keep === true };
}

function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', '-c', 'init.defaultBranch=main', ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * MB,
  });
}

function commit(cwd: string, message: string, n: number, paths: string[]): void {
  // One commit a minute from 2026-01-01 (UTC+7), so dates are distinct and deterministic.
  const date = new Date(Date.UTC(2026, 0, 1, 2, 0, 0) + n * 60_000).toISOString().replace('Z', '+00:00');
  git(cwd, ['add', '--', ...paths]);
  git(cwd, ['commit', '-q', '-m', message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
}

/** Adds `delta` rupiah to the amount in data line `line` (1-based after the header) of a CSV, found by the nominal_rp header. */
function bumpAmount(csv: string, line: number, delta: bigint): string {
  const lines = csv.split('\n');
  const col = lines[0]!.split(',').indexOf('nominal_rp');
  if (col < 0) throw new Error('no nominal_rp column');
  const fields = lines[line]!.split(','); // synthetic national rows never need quoting (generate-national.ts)
  const [int, frac] = fields[col]!.split('.');
  fields[col] = `${BigInt(int!) + delta}${frac !== undefined ? `.${frac}` : ''}`;
  lines[line] = fields.join(',');
  return lines.join('\n');
}

function dirStats(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      bytes += statSync(join(e.parentPath, e.name)).size;
      files++;
    }
  }
  return { bytes, files };
}

function runChild(args: string[], cwd: string, env: Record<string, string> = {}): { seconds: number; out: string; gnuMaxRss: number | null } {
  const timeFile = join(tmpdir(), `bench-history-${process.pid}.time`);
  const [cmd, cmdArgs] = nodeUnderGnuTime(args, timeFile);
  const t0 = performance.now();
  const r = spawnSync(cmd, cmdArgs, { cwd, encoding: 'utf8', maxBuffer: 256 * MB, env: childEnv(env) });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (exit ${r.status}):\n${(r.stdout + r.stderr).slice(-4000)}`);
  const gnuMaxRss = gnuTimeMaxRss(timeFile);
  rmSync(timeFile, { force: true });
  return { seconds, out: r.stdout, gnuMaxRss };
}

async function main(): Promise<void> {
  const o = readOptions(process.argv.slice(2));
  const work = copyProject('bench-history-', { extra: ['package-lock.json'] });
  log(`copied the project to ${work}`);
  try {
    writeFileSync(join(work, '.gitignore'), 'node_modules\ndist\n.astro\n');
    const { generateNational } = (await import(pathToFileURL(join(REPO, 'scripts/generate-national.ts')).href)) as typeof import('./generate-national.ts');
    log(`generating synthetic national data: ${o.branches} branches × ${o.years} years`);
    const nat = generateNational({ out: join(work, 'data'), seed: o.seed, years: o.years, branches: o.branches, lastYear: 2024 });
    log(`${nat.rows.toLocaleString('en')} rows in ${nat.datasets.length} datasets`);

    const t0 = performance.now();
    git(work, ['init', '-q']);
    commit(work, 'Add synthetic national data\n\nAlasan: data awal (sintetis, untuk pengukuran).', 0, ['.']);
    for (let i = 1; i <= o.commits; i++) {
      const d = nat.datasets[(i - 1) % nat.datasets.length]!;
      if (i % 10 === 0) {
        const meta = readFileSync(d.metaPath, 'utf8').replace(/^last_reviewed: .*$/m, `last_reviewed: 2026-${String(1 + (i % 12)).padStart(2, '0')}-15`);
        writeFileSync(d.metaPath, meta);
        commit(work, `Review ${d.id}`, i, [d.metaPath]);
      } else {
        const csv = readFileSync(d.csvPath, 'utf8');
        writeFileSync(d.csvPath, bumpAmount(csv, 1 + ((i * 7919) % d.rows), 1000n));
        commit(work, `Correct one amount in ${d.id}\n\nAlasan: koreksi ke-${i} (sintetis).`, i, [d.csvPath]);
      }
    }
    log(`${o.commits + 1} commits made in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const cache = mkdtempSync(join(tmpdir(), 'bench-history-cache-'));
    const results: string[] = [];
    for (const run of ['cold', 'warm'] as const) {
      log(`history (${run} cache)`);
      const r = runChild([fileURLToPath(import.meta.url), '--child', cache], work);
      const j = JSON.parse(r.out.trim().split('\n').pop()!) as { available: boolean; seconds: number; maxRss: number; changes: number; corrections: number; files: number };
      if (!j.available) throw new Error('history unavailable in the synthetic repository');
      results.push(
        `history ${run}: ${j.seconds.toFixed(2)} s (process ${r.seconds.toFixed(2)} s), peak RSS ${fmtMb(Math.max(j.maxRss, r.gnuMaxRss ?? 0))}; ` +
          `${j.changes} changes (${j.corrections} corrections), ${j.files} versioned files`,
      );
    }
    const cacheStats = dirStats(cache);
    results.push(`on-disk cache: ${fmtMb(cacheStats.bytes)} in ${cacheStats.files} files`);

    if (o.build) {
      // The build gets the warm cache through RTW_HISTORY_CACHE (not the shared node_modules).
      log('astro build (history cache warm)');
      const b = runChild([join(work, 'node_modules/astro/bin/astro.mjs'), 'build'], work, { RTW_HISTORY_CACHE: cache });
      const v = dirStats(join(work, 'dist/data/v'));
      const all = dirStats(join(work, 'dist'));
      results.push(`astro build: ${b.seconds.toFixed(1)} s, peak RSS ${b.gnuMaxRss !== null ? fmtMb(b.gnuMaxRss) : 'unknown (no /usr/bin/time)'}`);
      results.push(`dist/data/v: ${fmtMb(v.bytes)} in ${v.files} files (dist/ total ${fmtMb(all.bytes)} in ${all.files} files)`);
      const gzKb = (f: string): string => `${(gzipSync(readFileSync(f)).length / 1024).toFixed(1)} KB gzipped (${(statSync(f).size / 1024).toFixed(0)} KB)`;
      results.push(`/transparansi/riwayat/: ${gzKb(join(work, 'dist/transparansi/riwayat/index.html'))}; feed: ${gzKb(join(work, 'dist/transparansi/riwayat.xml'))}`);
      const d0 = nat.datasets[0]!.id;
      results.push(`/transparansi/${d0}/ (with its history): ${gzKb(join(work, 'dist/transparansi', d0, 'index.html'))}`);
    }
    rmSync(cache, { recursive: true, force: true });
    process.stdout.write(`bench:history — ${o.commits} commits over ${nat.datasets.length} synthetic national datasets (${nat.rows.toLocaleString('en')} rows)\n`);
    for (const line of results) process.stdout.write(`  ${line}\n`);
  } finally {
    if (o.keep) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

runMain('bench:history', USAGE, main);
