/**
 * Site-facing API of the claims pipeline. Pages and endpoints call
 * {@link getClaims}; tests and scripts may call {@link loadClaims} on any
 * data folder. Both validate everything first and throw if there is any
 * error, so a dataset with an error is never rendered or published.
 *
 * All money is an exact decimal string in rupiah ("1864980719", "5000.5"):
 * format it with `formatRupiah` / `formatRupiahShort` from `money.ts`.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { checkDatasets, findDatasets } from './check.ts';
import type { Reconciliation } from './check.ts';
import type { Program, Row } from './csv-check.ts';
import { PROGRAMS } from './csv-check.ts';
import type { DatasetMeta } from './meta.ts';
import type { Diagnostic } from './diagnostics.ts';
import { formatDiagnostic } from './diagnostics.ts';
import { dayToIso } from './dates.ts';
import { senToDecimal, sharePercent } from './money.ts';

export type { Program, Row } from './csv-check.ts';
export type { DatasetMeta } from './meta.ts';
export type { Diagnostic } from './diagnostics.ts';
export type { Reconciliation } from './check.ts';
export { PROGRAMS, PROGRAM_NAMES, COLUMNS } from './csv-check.ts';

/** Total of one programme within a dataset. */
export interface ProgramTotal {
  program: Program;
  /** Exact sum of nominal_rp. */
  nominal: string;
  /**
   * Sum of jumlah_kasus, or `null` when any row of this programme has no case
   * count (tidak dilaporkan): a partial count is never shown as a total.
   */
  kasus: string | null;
  /**
   * Share of the dataset total as a percentage rounded half-up to 2 decimals,
   * decimal string with a dot ("82.67"); "0.00" when the dataset total is zero.
   * Shares of a dataset need not add up to exactly 100.00.
   */
  share: string;
}

/** One validated dataset (one CSV + its metadata). */
export interface Dataset {
  /** File name without `.csv`; also the URL slug (`/data/<id>.csv`). */
  id: string;
  /** Path of the CSV relative to the repository (the parent of the data folder), with `/`. */
  csvPath: string;
  /** SHA-256 (hex) of the source CSV bytes: the data version. */
  sha256: string;
  meta: DatasetMeta;
  /** Rows in file order, values exactly as validated (amounts canonicalised). */
  rows: Row[];
  /** Distinct kantor_cabang values, sorted. */
  branches: string[];
  /** Earliest periode_awal and latest periode_akhir of the rows (YYYY-MM-DD). */
  periodeAwal: string;
  periodeAkhir: string;
  /** Exact sum of all rows. */
  total: string;
  /** Programmes present in the dataset, in the order JKK, JKM, JHT, JP, JKP. */
  byProgram: ProgramTotal[];
  /** The source's own total (if any), the computed sum and the difference (reported − computed). */
  reconciliation: Reconciliation;
}

/** Everything the site shows about claims. */
export interface ClaimsData {
  /** Newest period first (by periodeAkhir, then periodeAwal, then id). */
  datasets: Dataset[];
  totals: {
    /** Sum over all datasets. */
    overall: string;
    /** Per programme over all datasets; only programmes that have rows appear (absent ≠ zero). */
    byProgram: Partial<Record<Program, string>>;
    /** Per branch, sorted by branch name. */
    byBranch: { branch: string; total: string }[];
    /** Per distinct row period, oldest first. */
    byPeriod: { periodeAwal: string; periodeAkhir: string; total: string }[];
  };
  /** Warnings (e.g. reconciliation differences); they do not stop publication. */
  warnings: Diagnostic[];
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Validates every dataset in `dataDir` (`<dataDir>/klaim/*.csv` + metadata)
 * and returns the exact figures.
 * @throws Error whose message is every error line (`PATH:LINE:COLUMN: error: ...`)
 *   when any dataset has an error, or when there is no dataset at all.
 */
export async function loadClaims(dataDir: string): Promise<ClaimsData> {
  const absData = resolve(dataDir);
  const repo = dirname(absData);
  const display = (p: string): string => relative(repo, p).split('\\').join('/');
  const found = await findDatasets(absData);
  if (found.csvs.length === 0) {
    throw new Error(`${display(resolve(absData, 'klaim'))}:1:1: error: no claims CSV files found; nothing to publish`);
  }
  const run = await checkDatasets(
    found.csvs.map((f) => ({ fsPath: f, displayPath: display(f) })),
    { requireMeta: true, orphanMetas: found.orphanMetas.map((f) => ({ fsPath: f, displayPath: display(f) })), keepRows: true },
  );
  if (run.errorCount > 0) {
    const lines = run.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    throw new Error(lines.join('\n'));
  }
  const datasets: Dataset[] = [];
  const programSen = new Map<number, bigint>();
  const branchSen = new Map<string, bigint>();
  const periodSen = new Map<number, bigint>();
  let overall = 0n;
  for (const d of run.datasets) {
    const meta = d.meta;
    if (meta === null) throw new Error(`${d.csvPath}: metadata missing after a successful check (internal error)`);
    const perProgram = new Map<number, { sen: bigint; kasus: bigint; missing: number }>();
    const branches = new Set<string>();
    for (const combo of d.csv.combos.values()) {
      const branch = run.context.branchNames[combo.branchId]!;
      branches.add(branch);
      const p = perProgram.get(combo.program) ?? { sen: 0n, kasus: 0n, missing: 0 };
      p.sen += combo.sen;
      p.kasus += combo.kasus;
      p.missing += combo.kasusMissing;
      perProgram.set(combo.program, p);
      programSen.set(combo.program, (programSen.get(combo.program) ?? 0n) + combo.sen);
      branchSen.set(branch, (branchSen.get(branch) ?? 0n) + combo.sen);
    }
    for (const [key, sen] of d.csv.periods) periodSen.set(key, (periodSen.get(key) ?? 0n) + sen);
    overall += d.csv.totalSen;
    const total = senToDecimal(d.csv.totalSen);
    const byProgram: ProgramTotal[] = [];
    PROGRAMS.forEach((program, i) => {
      const p = perProgram.get(i);
      if (p === undefined) return;
      const nominal = senToDecimal(p.sen);
      byProgram.push({
        program,
        nominal,
        kasus: p.missing > 0 ? null : p.kasus.toString(),
        share: sharePercent(nominal, total) ?? '0.00',
      });
    });
    datasets.push({
      id: d.id,
      csvPath: d.csvPath,
      sha256: await sha256File(d.csvFsPath),
      meta,
      rows: d.csv.rows,
      branches: [...branches].sort(byCode),
      periodeAwal: dayToIso(d.csv.minStart),
      periodeAkhir: dayToIso(d.csv.maxEnd),
      total,
      byProgram,
      reconciliation: d.reconciliation,
    });
  }
  datasets.sort((a, b) => byCode(b.periodeAkhir, a.periodeAkhir) || byCode(b.periodeAwal, a.periodeAwal) || byCode(a.id, b.id));
  const byProgramTotals: Partial<Record<Program, string>> = {};
  PROGRAMS.forEach((program, i) => {
    const sen = programSen.get(i);
    if (sen !== undefined) byProgramTotals[program] = senToDecimal(sen);
  });
  return {
    datasets,
    totals: {
      overall: senToDecimal(overall),
      byProgram: byProgramTotals,
      byBranch: [...branchSen.entries()].sort((a, b) => byCode(a[0], b[0])).map(([branch, sen]) => ({ branch, total: senToDecimal(sen) })),
      byPeriod: [...periodSen.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([key, sen]) => {
          const start = Math.floor(key / 65536);
          return { periodeAwal: dayToIso(start), periodeAkhir: dayToIso(start + (key % 65536)), total: senToDecimal(sen) };
        }),
    },
    warnings: run.diagnostics.filter((d) => d.severity === 'warning'),
  };
}

let cache: Promise<ClaimsData> | undefined;

/**
 * The claims of this repository (`<cwd>/data`, i.e. the project root when run
 * by `astro build` or npm scripts), loaded once per process and shared by all
 * pages and endpoints.
 * @throws like {@link loadClaims}
 */
export function getClaims(): Promise<ClaimsData> {
  cache ??= loadClaims(resolve(process.cwd(), 'data'));
  return cache;
}
