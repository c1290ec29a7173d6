/**
 * npm run data:check            checks every dataset under data/ (data/klaim/*.csv + metadata)
 * npm run data:check -- FILE... checks the CSV files named (and their metadata when it exists)
 * Options: --lang en (or RTW_LANG=en) for English messages (default Indonesian);
 *          --format github for GitHub annotations (::error file=…,line=…,col=…::…).
 *
 * Large files are checked in chunks on every core (src/lib/claims/csv-parallel.ts); the npm
 * scripts run this with `--max-semi-space-size=4` (a small young generation: peak RSS of a
 * 5-million-row file about 185 MB instead of 210 MB, no slower).
 *
 * Diagnostics (`PATH:LINE:COLUMN: error: MESSAGE`) and the summary line go to
 * stdout; progress (on a terminal only, not in CI) goes to stderr.
 * Exit status: 0 without errors, 1 with errors, 2 on a usage error or a failure of the checker itself.
 */
import { relative, resolve } from 'node:path';
import { checkDatasets, findDatasets, formatReport } from '../src/lib/claims/check.ts';
import { cliOptions, sortDiagnostics, t, UsageError } from '../src/lib/claims/diagnostics.ts';
import type { Diagnostic, Lang, OutputFormat, Text } from '../src/lib/claims/diagnostics.ts';
import type { FileRef } from '../src/lib/claims/check.ts';
import { checkInputTree } from '../src/lib/input-tree.ts';

function display(p: string): string {
  const rel = relative(process.cwd(), resolve(p)).split('\\').join('/');
  return rel === '' ? '.' : rel;
}

async function main(argv: string[]): Promise<number> {
  let lang: Lang;
  let format: OutputFormat;
  let args: string[];
  try {
    ({ lang, format, rest: args } = cliOptions(argv, process.env));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  let files: FileRef[];
  let orphanMetas: FileRef[] = [];
  let rejected: { file: FileRef; message: Text }[] = [];
  let requireMeta: boolean;
  const notCsv: Diagnostic[] = [];
  if (args.length === 0) {
    const found = await findDatasets(resolve('data'));
    files = found.csvs.map((f) => ({ fsPath: f, displayPath: display(f) }));
    orphanMetas = found.orphanMetas.map((f) => ({ fsPath: f, displayPath: display(f) }));
    rejected = found.rejected.map((r) => ({ file: { fsPath: r.fsPath, displayPath: display(r.fsPath) }, message: r.message }));
    requireMeta = true;
    if (files.length === 0) {
      process.stdout.write(lang === 'en'
        ? 'data/klaim/ contains no CSV files: nothing would be published\n0 datasets, 0 rows: 1 error, 0 warnings\n'
        : 'data/klaim/ tidak berisi berkas CSV: tidak ada yang akan diterbitkan\n0 dataset, 0 baris: 1 error, 0 warning\n');
      return 1;
    }
  } else {
    // A metadata file stands for its dataset; anything else that is not a CSV is refused.
    files = [];
    for (const arg of args) {
      const f = arg.endsWith('.meta.yaml') ? arg.slice(0, -'.meta.yaml'.length) + '.csv' : arg;
      if (!f.toLowerCase().endsWith('.csv')) {
        notCsv.push({ path: display(arg), line: 1, column: 1, severity: 'error', rule: 'file.read',
          message: t('bukan berkas CSV klaim; sebutkan berkas .csv (berkas .meta.yaml di sampingnya ikut diperiksa)',
            'not a claims CSV file; name a .csv file (its .meta.yaml beside it is checked with it)') });
      } else if (!files.some((x) => x.fsPath === resolve(f))) files.push({ fsPath: resolve(f), displayPath: display(f) });
    }
    requireMeta = false;
  }

  const tty = process.stderr.isTTY === true && !process.env['CI'];
  const t0 = performance.now();
  let lastDraw = 0;
  const onProgress = tty
    ? (rows: number) => {
        const now = performance.now();
        if (now - lastDraw < 200) return;
        lastDraw = now;
        const rate = Math.round(rows / ((now - t0) / 1000));
        process.stderr.write(`\r${rows.toLocaleString('en')} rows read, ${rate.toLocaleString('en')} rows/s `);
      }
    : undefined;

  const run = await checkDatasets(files, {
    requireMeta,
    orphanMetas,
    rejected,
    ...(onProgress !== undefined ? { onProgress } : {}),
  });
  if (tty && lastDraw > 0) process.stderr.write('\r\x1b[K');

  // The rest of data/ (the registry, data/bpu/): ordinary files only, never links (data/klaim/
  // itself is checked entry by entry above). The input-tree messages are bilingual already.
  const tree = args.length === 0
    ? checkInputTree(process.cwd(), 'data', { extensions: [{ folder: 'data/bpu', extensions: ['.yaml', '.yml', '.md'] }] })
        .filter((d) => !d.path.startsWith('data/klaim/'))
        .map((d): Diagnostic => ({ path: d.path, line: d.line, column: d.column, severity: d.severity, rule: 'file.read', message: d.message }))
    : [];
  const extra = [...notCsv, ...tree];
  const all = { ...run, diagnostics: sortDiagnostics([...extra, ...run.diagnostics]), errorCount: run.errorCount + extra.filter((d) => d.severity === 'error').length };
  process.stdout.write(formatReport(all, { lang, format }));
  if (process.env['RTW_REPORT_RESOURCES'] === '1') {
    // For the limits tests and benchmarks: wall time and peak memory of this check.
    process.stderr.write(`resources: ${Math.round(performance.now() - t0)} ms, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
  }
  return all.errorCount > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`data:check failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    if (err instanceof Error && err.cause !== undefined) process.stderr.write(`caused by: ${String(err.cause)}\n`);
    process.exitCode = 2;
  },
);
