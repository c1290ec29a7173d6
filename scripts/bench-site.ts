/**
 * npm run bench:site [-- --keep] [--seed N] [--branches 300] [--years 10] [--query NAME]
 *
 * Builds the whole site on a synthetic national data set and reports what it costs.
 *
 * 1. Copies the project (src, content, data, public, scripts, astro.config.mjs, package.json,
 *    tsconfig.json; node_modules is a symlink) into a temporary folder and generates the
 *    national data set into its data/klaim/ (sintetis-YYYY, with its offices appended to the
 *    copy's data/kantor.yaml) with scripts/generate-national.ts; the real datasets stay
 *    beside it (overlaps between datasets are allowed and never added together).
 *    The repository itself is not touched.
 * 2. Runs, one child process each, timed separately: the data check (scripts/check-data.ts),
 *    the Astro build, and the Pagefind index (scripts/search-index.ts). Peak RSS of each step
 *    is measured twice: by GNU time (`/usr/bin/time -v`: the largest single process) and by
 *    sampling /proc every 100 ms (the whole process tree at once, e.g. node + the pagefind
 *    binary); the larger is compared with the target.
 * 3. Measures dist/: pages, size, file count, the largest HTML page gzipped, the JavaScript
 *    of transparency pages gzipped, and — in Debian chromium via playwright-core — the bytes
 *    a search for one branch downloads from /pagefind/.
 *
 * Prints every figure against its target (PASS/FAIL, ratio) on stdout; progress on stderr.
 * Exit status 0 even when a target is missed (a benchmark, not a test); 1 when a step
 * itself fails (generator, check, build, index, or the browser search); 2 on a usage error.
 * The temporary copy is removed at the end unless --keep.
 *
 * Units: KB = 1024 bytes, MB = 1024 KB, GB = 1024 MB. Gzip is zlib level 6 (the default of
 * nginx-style on-the-fly compression is lower; 6 is typical of static hosts).
 */
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { slugify } from '../src/lib/slug.ts';
import { branchNames } from './generate-national.ts';
import { launchBrowser } from './lib/chromium.ts';
import { gnuTimeMaxRss, HAS_GNU_TIME, nodeUnderGnuTime } from './lib/child.ts';
import { EXIT, logger, parseArgs, runMain } from './lib/cli.ts';
import { copyProject, REPO_ROOT as REPO } from './lib/repo.ts';
import { serveDist } from './serve-dist.ts';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;
const TARGET = {
  buildSeconds: 180,
  rssBytes: 2 * GB,
  htmlGzipBytes: 100 * KB,
  /** Cloudflare Pages: at most 20,000 files per deployment (free plan); the tightest common static host limit. */
  files: 20_000,
  /** Cloudflare Pages: at most 25 MiB per file. */
  fileBytes: 25 * MB,
};

interface Options { keep: boolean; seed: number; branches: number; years: number; query: string | null }

const USAGE = 'npm run bench:site -- [--keep] [--seed N] [--branches 300] [--years 10] [--query NAME]';

function readOptions(argv: string[]): Options {
  const { options: o } = parseArgs(argv, { keep: 'flag', seed: 'int', branches: 'int', years: 'int', query: 'string' });
  return { keep: o.keep ?? false, seed: o.seed ?? 1, branches: o.branches ?? 300, years: o.years ?? 10, query: o.query ?? null };
}

class StepError extends Error {}

const log = logger('bench:site');

// ---------------------------------------------------------------------------------------
// Formatting

const fmtInt = (n: number): string => Math.round(n).toLocaleString('en');
function fmtBytes(n: number): string {
  if (n >= GB) return `${(n / GB).toFixed(2)} GB`;
  if (n >= MB) return `${(n / MB).toFixed(1)} MB`;
  if (n >= KB) return `${(n / KB).toFixed(1)} KB`;
  return `${n} B`;
}
const verdict = (value: number, limit: number, strict = true): string =>
  `= ${(value / limit).toFixed(2)} ${(strict ? value < limit : value <= limit) ? 'PASS' : 'FAIL'}`;

// ---------------------------------------------------------------------------------------
// Child processes: wall time and peak RSS

interface StepResult { name: string; seconds: number; gnuMaxRss: number | null; treeMaxRss: number; stdout: string; logFile: string }

/** Sum of RSS (bytes) of `root` and all its descendants, from /proc. */
function treeRss(root: number): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(e), Number(after[1]));
      // statm field 2: resident pages.
      const statm = readFileSync(`/proc/${e}/statm`, 'utf8').split(' ');
      rss.set(Number(e), Number(statm[1]) * 4096);
    } catch {
      // the process ended meanwhile
    }
  }
  let sum = 0;
  for (const [pid] of rss) {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 64; p = parent.get(p), hops++) {
      if (p === root) {
        sum += rss.get(pid)!;
        break;
      }
    }
  }
  return sum;
}

/** Runs `node ARGS` in `cwd`; output goes to a log file (stdout also kept in memory). */
function runStep(name: string, args: string[], cwd: string, logDir: string, env: NodeJS.ProcessEnv): Promise<StepResult> {
  const logFile = join(logDir, `${name.toLowerCase().replace(/\W+/g, '-')}.log`);
  const timeFile = join(logDir, `${name.toLowerCase().replace(/\W+/g, '-')}.time`);
  const [cmd, cmdArgs] = nodeUnderGnuTime(args, timeFile);
  log(`${name}: node ${args.join(' ')}`);
  return new Promise((resolvePromise, reject) => {
    const out = createWriteStream(logFile);
    const t0 = performance.now();
    const child = spawn(cmd, cmdArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
      out.write(b);
    });
    child.stderr.on('data', (b: Buffer) => out.write(b));
    let peak = 0;
    const sample = (): void => {
      if (child.pid !== undefined) peak = Math.max(peak, treeRss(child.pid));
    };
    const timer = setInterval(sample, 100);
    let lastProgress = t0;
    const progress = setInterval(() => {
      const now = performance.now();
      if (now - lastProgress >= 15_000) {
        lastProgress = now;
        log(`${name}: ${((now - t0) / 1000).toFixed(0)} s, tree RSS now ${fmtBytes(child.pid !== undefined ? treeRss(child.pid) : 0)}`);
      }
    }, 1000);
    child.on('error', (e) => {
      clearInterval(timer);
      clearInterval(progress);
      reject(e);
    });
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - t0) / 1000;
      clearInterval(timer);
      clearInterval(progress);
      out.end(() => {
        const gnuMaxRss = gnuTimeMaxRss(timeFile);
        if (code !== 0) {
          const tail = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-40).join('\n');
          reject(new StepError(`${name} failed (exit ${code ?? signal}) after ${seconds.toFixed(1)} s; last lines of ${logFile}:\n${tail}`));
          return;
        }
        log(`${name}: done in ${seconds.toFixed(1)} s`);
        resolvePromise({ name, seconds, gnuMaxRss, treeMaxRss: peak, stdout, logFile });
      });
    });
  });
}

// ---------------------------------------------------------------------------------------
// dist/ measurements

interface DistFile { rel: string; abs: string; size: number }

function walk(dir: string, root = dir, acc: DistFile[] = []): DistFile[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) walk(abs, root, acc);
    else if (e.isFile()) acc.push({ rel: relative(root, abs).split(sep).join('/'), abs, size: statSync(abs).size });
  }
  return acc;
}

const gz = (b: Buffer | string): number => gzipSync(b, { level: 6 }).length;

/** The JS a page loads: its `<script src>` files, and those plus the chunks they import. */
function pageScripts(dist: string, htmlFile: string): { direct: { file: string; gz: number }[]; closureGz: number; closureFiles: number } {
  const html = readFileSync(htmlFile, 'utf8');
  const srcs = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
  const toFile = (src: string, from: string): string | null => {
    if (/^[a-z]+:/i.test(src) || src.startsWith('//')) return null;
    const path = src.split(/[?#]/)[0]!;
    const abs = path.startsWith('/') ? join(dist, path) : resolve(dirname(from), path);
    return existsSync(abs) ? abs : null;
  };
  const direct = [...new Set(srcs)].flatMap((s) => {
    const f = toFile(s, htmlFile);
    return f === null ? [] : [{ file: relative(dist, f), gz: gz(readFileSync(f)) }];
  });
  const seen = new Set<string>();
  const queue = direct.map((d) => join(dist, d.file));
  let closureGz = 0;
  while (queue.length > 0) {
    const f = queue.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const text = readFileSync(f, 'utf8');
    closureGz += gz(text);
    // Static (`from"./x.js"`, `import"./x.js"`) and dynamic (`import("./x.js")`) imports.
    for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'`]((?:\.{1,2}\/|\/)[^"'`]+\.m?js)["'`]/g)) {
      const dep = toFile(m[1]!, f);
      if (dep !== null && !seen.has(dep)) queue.push(dep);
    }
  }
  return { direct, closureGz, closureFiles: seen.size };
}

// ---------------------------------------------------------------------------------------
// Search in a real browser

interface SearchResult { query: string; results: number; requests: number; bytes: number; textGzBytes: number; byKind: Map<string, { n: number; bytes: number }> }

async function searchBytes(dist: string, query: string): Promise<SearchResult> {
  // Plain static serving, as before: no gzip (sizes are measured raw), no _headers.
  const server = await serveDist(dist, { applyHeadersFile: false });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const pending: Promise<void>[] = [];
    const byKind = new Map<string, { n: number; bytes: number }>();
    let bytes = 0;
    let textGzBytes = 0;
    let requests = 0;
    page.on('response', (r) => {
      const url = new URL(r.url());
      if (!url.pathname.startsWith('/pagefind/')) return;
      pending.push(
        r.body().then(
          (body) => {
            requests++;
            bytes += body.length;
            const ext = extname(url.pathname) || '(none)';
            // Pagefind's own index files are already gzip-compressed; a host compresses only text.
            textGzBytes += ['.js', '.css', '.json'].includes(ext) ? gz(body) : body.length;
            const k = byKind.get(ext) ?? { n: 0, bytes: 0 };
            k.n++;
            k.bytes += body.length;
            byKind.set(ext, k);
          },
          () => undefined,
        ),
      );
    });
    await page.goto(`${server.origin}/cari/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
    const links = page.locator('.pagefind-ui__result-link');
    const deadline = Date.now() + 30_000;
    while ((await links.count()) === 0 && Date.now() < deadline) await page.waitForTimeout(100);
    const results = await links.count();
    if (results === 0) {
      const msg = await page.locator('.pagefind-ui__message').first().textContent().catch(() => null);
      log(`search "${query}": no results within 30 s${msg ? ` (page says: ${msg.trim()})` : ''}`);
    }
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await Promise.all(pending);
    return { query, results, requests, bytes, textGzBytes, byKind };
  } finally {
    await browser.close();
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
  const opts = readOptions(argv);
  // 1. The temporary project copy, and a folder for the logs of each step.
  const site = copyProject('bench-site-');
  const logs = mkdtempSync(join(tmpdir(), 'bench-site-logs-'));
  log(`copied the project into ${site}`);
  let failed = false;
  try {

    const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
    // The copy is no git checkout: take the build date from the repository's last commit, as its own build would.
    try {
      env['SOURCE_DATE_EPOCH'] ??= execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: REPO, encoding: 'utf8' }).trim();
    } catch {
      // not a git checkout: the build falls back to today
    }

    // 2. The national data set (from the repository's generator, which refuses the repository's data/).
    const gen = await runStep('generate', [join(REPO, 'scripts', 'generate-national.ts'), '--out', join(site, 'data'), '--seed', String(opts.seed), '--years', String(opts.years), '--branches', String(opts.branches)], site, logs, env);

    // 3. The build, step by step.
    const data = await runStep('data check', ['scripts/check-data.ts', '--lang', 'en'], site, logs, env);
    const summary = /(\d+) datasets?, (\d+) rows?: (\d+) errors?, (\d+) warnings?/.exec(data.stdout);
    const astro = await runStep('Astro build', ['node_modules/astro/bin/astro.mjs', 'build'], site, logs, env);
    const pagefind = await runStep('Pagefind', ['scripts/search-index.ts'], site, logs, env);
    const steps = [data, astro, pagefind];

    // 4. dist/.
    log('measuring dist/');
    const dist = join(site, 'dist');
    const files = walk(dist);
    const distBytes = files.reduce((s, f) => s + f.size, 0);
    const html = files.filter((f) => f.rel.endsWith('.html'));
    let largest = { rel: '', size: 0, gz: 0 };
    let overLimit = 0;
    for (const f of html) {
      const g = gz(readFileSync(f.abs));
      if (g > TARGET.htmlGzipBytes) overLimit++;
      if (g > largest.gz) largest = { rel: f.rel, size: f.size, gz: g };
    }
    const biggestFile = files.reduce((a, b) => (b.size > a.size ? b : a), files[0]!);
    const lastYear = 2024;
    const jsPages = [
      'transparansi/index.html',
      `transparansi/sintetis-${lastYear}/index.html`,
      'transparansi/pasuruan-2017-01-02/index.html',
      'transparansi/kantor/nasional/index.html',
      ...(opts.branches > 0 ? [`transparansi/kantor/${slugify(branchNames(1)[0]!)}/index.html`] : []),
    ].filter((p) => existsSync(join(dist, p)));
    const js = jsPages.map((p) => ({ page: p, ...pageScripts(dist, join(dist, p)) }));

    // 5. Search in the browser.
    const names = branchNames(opts.branches);
    const query = opts.query ?? (names.includes('Probolinggo') ? 'Probolinggo' : names[0]!);
    log(`searching /cari/?q=${query} in chromium`);
    let search: SearchResult;
    try {
      search = await searchBytes(dist, query);
    } catch (e) {
      throw new StepError(`browser search failed: ${e instanceof Error ? e.message : String(e)}`);
    }

    // 6. Report.
    const buildSeconds = steps.reduce((s, x) => s + x.seconds, 0);
    const peakOf = (s: StepResult): number => Math.max(s.gnuMaxRss ?? 0, s.treeMaxRss);
    const maxRss = Math.max(...steps.map(peakOf));
    const o: string[] = [];
    o.push(`bench:site: synthetic national data (seed ${opts.seed}, ${opts.branches} branches, ${opts.years} years) + the real datasets`);
    o.push(`  node ${process.version}, ${cpus().length} CPUs, copy in ${site}${opts.keep ? ' (kept)' : ' (removed afterwards)'}`);
    o.push(`  generator: ${gen.seconds.toFixed(1)} s (not counted in the build)`);
    o.push('');
    o.push(`rows      ${summary ? fmtInt(Number(summary[2])) : '?'}`);
    o.push(`datasets  ${summary ? summary[1] : '?'}  (data:check: ${summary ? `${summary[3]} errors, ${summary[4]} warnings` : data.stdout.trim().split('\n').pop()})`);
    o.push(`pages     ${fmtInt(html.length)} HTML files in dist/`);
    o.push('');
    o.push('build wall time');
    for (const s of steps) o.push(`  ${s.name.padEnd(12)} ${s.seconds.toFixed(1).padStart(7)} s`);
    o.push(`  ${'total'.padEnd(12)} ${buildSeconds.toFixed(1).padStart(7)} s`);
    o.push(`  build ${buildSeconds.toFixed(1)} s / ${TARGET.buildSeconds} s target ${verdict(buildSeconds, TARGET.buildSeconds)}`);
    o.push('');
    o.push(`peak RSS ("single": ${HAS_GNU_TIME ? 'GNU time -v, the step\'s node process and the children it waited for' : 'n/a, no /usr/bin/time'}; "tree": all its processes at once, sampled every 100 ms)`);
    for (const s of steps) {
      o.push(`  ${s.name.padEnd(12)} ${(s.gnuMaxRss === null ? 'n/a' : fmtBytes(s.gnuMaxRss)).padStart(9)} single, ${fmtBytes(s.treeMaxRss).padStart(9)} tree`);
    }
    o.push(`  max RSS ${fmtBytes(maxRss)} / ${fmtBytes(TARGET.rssBytes)} target ${verdict(maxRss, TARGET.rssBytes)}`);
    o.push('');
    o.push(`dist/     ${fmtBytes(distBytes)} in ${fmtInt(files.length)} files`);
    o.push(`  file count ${fmtInt(files.length)} / ${fmtInt(TARGET.files)} (assumed limit: Cloudflare Pages, 20,000 files per deployment; Netlify and GitHub Pages have no lower file-count limit) ${verdict(files.length, TARGET.files, false)}`);
    o.push(`  largest file ${biggestFile.rel} ${fmtBytes(biggestFile.size)} / ${fmtBytes(TARGET.fileBytes)} (Cloudflare Pages per-file limit) ${verdict(biggestFile.size, TARGET.fileBytes, false)}`);
    o.push(`  largest HTML page /${largest.rel}: ${fmtBytes(largest.size)} raw, ${fmtBytes(largest.gz)} gzipped`);
    o.push(`  largest HTML ${fmtBytes(largest.gz)} gz / ${fmtBytes(TARGET.htmlGzipBytes)} target ${verdict(largest.gz, TARGET.htmlGzipBytes, false)}; pages over the target: ${overLimit}`);
    o.push('');
    o.push('JS of transparency pages (gzipped; <script src> files, then with the chunks they import)');
    for (const j of js) {
      const direct = j.direct.reduce((s, d) => s + d.gz, 0);
      o.push(`  /${j.page.replace(/index\.html$/, '')}: ${fmtBytes(direct)} in ${j.direct.length} file(s)${j.direct.length ? ` [${j.direct.map((d) => `${d.file} ${fmtBytes(d.gz)}`).join(', ')}]` : ''}; with imports ${fmtBytes(j.closureGz)} in ${j.closureFiles} file(s)`);
    }
    if (js.length === 0) o.push('  (no transparency page found in dist/)');
    o.push('');
    o.push(`search for one branch: /cari/?q=${search.query} (${search.results} results shown)`);
    o.push(`  ${fmtBytes(search.bytes)} in ${search.requests} requests under /pagefind/ as served uncompressed; ${fmtBytes(search.textGzBytes)} if the host gzips the JS/CSS/JSON (index files are gzipped by Pagefind already)`);
    o.push(`  by kind: ${[...search.byKind].sort((a, b) => b[1].bytes - a[1].bytes).map(([k, v]) => `${k} ${v.n}× ${fmtBytes(v.bytes)}`).join(', ')}`);
    o.push('');
    o.push(`logs: ${logs}${opts.keep ? '' : ' (removed; rerun with --keep to inspect)'}`);
    process.stdout.write(o.join('\n') + '\n');
  } catch (e) {
    failed = true;
    if (e instanceof StepError) process.stderr.write(`bench:site: ${e.message}\n`);
    else throw e;
  } finally {
    if (opts.keep) log(`kept ${site} and ${logs}`);
    else for (const dir of [site, logs]) rmSync(dir, { recursive: true, force: true });
  }
  return failed ? EXIT.failed : EXIT.ok;
}

runMain('bench:site', USAGE, () => main(process.argv.slice(2)));
