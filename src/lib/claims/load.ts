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
import type { ComboAggregate, Program, Row } from './csv-check.ts';
import { PROGRAMS } from './csv-check.ts';
import type { DatasetMeta } from './meta.ts';
import type { Diagnostic } from './diagnostics.ts';
import { formatDiagnostic } from './diagnostics.ts';
import { dayToIso } from './dates.ts';
import { decimalToSen, senToDecimal, sharePercent } from './money.ts';
import type { Office, OfficeRegistry } from './offices.ts';
import { readPrinted, isPrintedError } from './printed.ts';

export type { Program, Row } from './csv-check.ts';
export type { DatasetMeta, Level, Confidence, StatedFigure, StatedPart, Reported } from './meta.ts';
export type { Diagnostic } from './diagnostics.ts';
export type { Comparison, ComputedSum, Reconciliation } from './check.ts';
export type { ComparisonStatus } from './reconcile.ts';
export type { Office, OfficeRegistry } from './offices.ts';
export { PROGRAMS, PROGRAM_NAMES, COLUMNS } from './csv-check.ts';
export { LEVELS } from './meta.ts';

/**
 * One figure as pages show it: a single value as its source printed it, or a sum of such
 * values. Unknown is never zero: `value` is null when no part is known.
 */
export interface Figure {
  /** Exact sum of the known parts (rupiah or cases); null when none is known. */
  value: string | null;
  /** The source's text when this is one figure the source printed rounded or worded. */
  printed: string | null;
  /** Sum of the rounding units of the rounded parts; "0" when every part is exact. */
  units: string;
  /** Parts not reported: the value is then a lower bound. */
  missing: number;
  /** Parts printed as lower bounds ("lebih"). */
  atLeast: number;
  /** Parts in all (rows). */
  parts: number;
}

/** Total of one programme within a dataset (or within one office of a dataset). */
export interface ProgramTotal {
  program: Program;
  nominal: Figure;
  kasus: Figure;
  /**
   * Share of the dataset's programme total as a percentage rounded half-up to 2 decimals ("82.67"),
   * or null when an amount is unknown or the total is zero.
   */
  share: string | null;
}

/** The figures of one office within a dataset. */
export interface OfficeFigures {
  office: Office;
  byProgram: ProgramTotal[];
  total: { nominal: Figure; kasus: Figure };
}

/** Two datasets that give different figures for the same office, period and programme. */
export interface Conflict {
  /** The other dataset's id. */
  dataset: string;
  office: string;
  program: Program;
  periodeAwal: string;
  periodeAkhir: string;
  measure: 'nominal' | 'kasus';
  mine: Figure;
  theirs: Figure;
}

/** A period of another dataset that overlaps this one (not added together). */
export interface DatasetOverlap {
  dataset: string;
  office: string;
  program: Program;
  period: string;
  otherPeriod: string;
}

/** One validated dataset (one CSV + its metadata). */
export interface Dataset {
  /** File name without `.csv`; also the URL slug (`/data/<id>.csv`). */
  id: string;
  /** Path of the CSV relative to the repository (the parent of the data folder), with `/`. */
  csvPath: string;
  /** Path of the metadata file, likewise. */
  metaPath: string;
  /** SHA-256 (hex) of the source CSV bytes: the data version. */
  sha256: string;
  meta: DatasetMeta;
  /** Rows in file order, values exactly as validated (amounts canonicalised). */
  rows: Row[];
  /** The offices of the rows, from the registry, in registry order. */
  offices: Office[];
  /** Earliest periode_awal and latest periode_akhir of the rows (YYYY-MM-DD). */
  periodeAwal: string;
  periodeAkhir: string;
  /** Sum of the programme rows (not of the stated non-programme parts). */
  total: { nominal: Figure; kasus: Figure };
  /** Programmes present in the dataset, in the order JKK, JKM, JHT, JP, JKP. */
  byProgram: ProgramTotal[];
  /** Per office, for datasets with several offices and for office pages. */
  byOffice: OfficeFigures[];
  /** Stated totals compared with the computed sums (amounts and case counts). */
  reconciliation: Reconciliation;
  overlaps: DatasetOverlap[];
  conflicts: Conflict[];
}

/** Everything the site shows about claims. */
export interface ClaimsData {
  /** Newest period first (by periodeAkhir, then periodeAwal, then id). */
  datasets: Dataset[];
  registry: OfficeRegistry;
  /** Warnings (e.g. reconciliation differences); they do not stop publication. */
  warnings: Diagnostic[];
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Accumulates figures in base units (sen for money, cases for counts). */
class FigureSum {
  value = 0n;
  units = 0n;
  known = 0;
  missing = 0;
  atLeast = 0;
  printed: string | null = null;
  readonly money: boolean;
  constructor(money: boolean) {
    this.money = money;
  }
  /** Adds the sums of some rows (`printed` is their text when they are one row). */
  add(value: bigint, units: bigint, known: number, missing: number, atLeast: number, printed: string | null): void {
    this.printed = this.known + this.missing === 0 && known === 1 && missing === 0 ? printed : null;
    this.value += value;
    this.units += units;
    this.known += known;
    this.missing += missing;
    this.atLeast += atLeast;
  }
  addSum(o: FigureSum): void {
    this.add(o.value, o.units, o.known, o.missing, o.atLeast, o.printed);
  }
  figure(): Figure {
    const str = (v: bigint): string => (this.money ? senToDecimal(v) : v.toString());
    return {
      value: this.known === 0 ? null : str(this.value),
      printed: this.known === 1 && this.missing === 0 ? this.printed : null,
      units: str(this.units),
      missing: this.missing,
      atLeast: this.atLeast,
      parts: this.known + this.missing,
    };
  }
}

/**
 * Per-programme totals of some office × programme aggregates of the checker: the one
 * aggregation every figure on the pages and in the downloads comes from.
 */
function programTotals(combos: Iterable<ComboAggregate>): { byProgram: ProgramTotal[]; total: { nominal: Figure; kasus: Figure } } {
  const sums = new Map<number, { nominal: FigureSum; kasus: FigureSum }>();
  for (const c of combos) {
    let s = sums.get(c.program);
    if (s === undefined) sums.set(c.program, (s = { nominal: new FigureSum(true), kasus: new FigureSum(false) }));
    s.nominal.add(c.sen, c.nominalUnits, c.rows - c.nominalMissing, c.nominalMissing, c.nominalAtLeast, c.nominalPrinted);
    s.kasus.add(c.kasus, c.kasusUnits, c.rows - c.kasusMissing, c.kasusMissing, c.kasusAtLeast, c.kasusPrinted);
  }
  const nominal = new FigureSum(true);
  const kasus = new FigureSum(false);
  PROGRAMS.forEach((_p, i) => {
    const s = sums.get(i);
    if (s === undefined) return;
    nominal.addSum(s.nominal);
    kasus.addSum(s.kasus);
  });
  const total = { nominal: nominal.figure(), kasus: kasus.figure() };
  const byProgram: ProgramTotal[] = [];
  PROGRAMS.forEach((program, i) => {
    const s = sums.get(i);
    if (s === undefined) return;
    const f = s.nominal.figure();
    byProgram.push({
      program,
      nominal: f,
      kasus: s.kasus.figure(),
      share: f.value === null || total.nominal.missing > 0 || total.nominal.value === null ? null : sharePercent(f.value, total.nominal.value),
    });
  });
  return { byProgram, total };
}

/** The figure of some rows (for comparing two datasets' rows of one office, period and programme). */
function rowsFigure(rows: readonly Row[], measure: 'nominal' | 'kasus'): Figure {
  const sum = new FigureSum(measure === 'nominal');
  for (const r of rows) {
    const value = measure === 'nominal' ? r.nominalRp : r.jumlahKasus;
    const printed = measure === 'nominal' ? r.nominalTertulis : r.kasusTertulis;
    if (value === null) {
      sum.add(0n, 0n, 0, 1, 0, null);
      continue;
    }
    const read = printed === null ? null : readPrinted(printed, measure === 'nominal');
    const p = read === null || isPrintedError(read) ? null : read;
    sum.add(measure === 'nominal' ? decimalToSen(value) : BigInt(value), p?.unit ?? 0n, 1, 0, p?.qualifier === 'lebih' ? 1 : 0, printed);
  }
  return sum.figure();
}

/** True when two figures differ by more than their rounding explains. */
function differs(a: Figure, b: Figure, money: boolean): boolean {
  if (a.value === null || b.value === null || a.missing > 0 || b.missing > 0) return false;
  const v = (s: string): bigint => (money ? decimalToSen(s) : BigInt(s));
  const diff = v(a.value) - v(b.value);
  const tol2 = v(a.units) + v(b.units);
  return 2n * (diff < 0n ? -diff : diff) > tol2;
}

/**
 * Validates every dataset in `dataDir` (`<dataDir>/klaim/*.csv` + metadata, and the registry
 * `<dataDir>/kantor.yaml`) and returns the exact figures.
 * @throws Error whose message is every error line (`PATH:LINE:COLUMN: error: ...`)
 *   when any dataset has an error, or when there is no dataset at all.
 */
export async function loadClaims(dataDir: string): Promise<ClaimsData> {
  const absData = resolve(dataDir);
  const repo = dirname(absData);
  const display = (p: string): string => relative(repo, p).split('\\').join('/');
  const found = await findDatasets(absData);
  if (found.csvs.length === 0) {
    throw new Error(`${display(resolve(absData, 'klaim'))}:1:1: error: tidak ada berkas CSV klaim; tidak ada yang bisa diterbitkan. Tambahkan dataset dengan npm run data:new -- <id>`);
  }
  const run = await checkDatasets(
    found.csvs.map((f) => ({ fsPath: f, displayPath: display(f) })),
    {
      requireMeta: true,
      orphanMetas: found.orphanMetas.map((f) => ({ fsPath: f, displayPath: display(f) })),
      rejected: found.rejected.map((r) => ({ file: { fsPath: r.fsPath, displayPath: display(r.fsPath) }, message: r.message })),
      keepRows: true,
    },
  );
  if (run.errorCount > 0) {
    // The build fails with the same Indonesian lines editors get from npm run data:check.
    const lines = run.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d, { lang: 'id' }));
    throw new Error(lines.join('\n'));
  }
  const registry = run.registry;
  if (registry === null) throw new Error(`${display(resolve(absData, 'kantor.yaml'))}:1:1: error: daftar kantor tidak ada; buat data/kantor.yaml (lihat data/klaim/README.md)`);
  const datasets: Dataset[] = [];
  for (const d of run.datasets) {
    const meta = d.meta;
    if (meta === null) throw new Error(`${d.csvPath}: metadata missing after a successful check (internal error)`);
    const rows = d.csv.rows;
    const { byProgram, total } = programTotals(d.csv.combos.values());
    const combosByOffice = new Map<string, ComboAggregate[]>();
    for (const c of d.csv.combos.values()) {
      const name = run.context.branchNames[c.branchId]!;
      const list = combosByOffice.get(name);
      if (list === undefined) combosByOffice.set(name, [c]);
      else list.push(c);
    }
    const offices = registry.offices.filter((o) => combosByOffice.has(o.name));
    const byOffice = offices.map((office) => ({ office, ...programTotals(combosByOffice.get(office.name)!) }));
    datasets.push({
      id: d.id,
      csvPath: d.csvPath,
      metaPath: d.metaPath ?? d.csvPath.replace(/\.csv$/i, '.meta.yaml'),
      sha256: await sha256File(d.csvFsPath),
      meta,
      rows,
      offices,
      periodeAwal: dayToIso(d.csv.minStart),
      periodeAkhir: dayToIso(d.csv.maxEnd),
      total,
      byProgram,
      byOffice,
      reconciliation: d.reconciliation,
      overlaps: d.overlaps.map((o) => ({ dataset: run.datasets[o.other]!.id, office: o.office, program: o.program, period: o.period, otherPeriod: o.otherPeriod })),
      conflicts: [],
    });
  }
  // Conflicts: the same office, period and programme in two datasets, with figures that differ.
  const byId = new Map(datasets.map((d) => [d.id, d]));
  for (const d of datasets) {
    for (const o of d.overlaps) {
      if (o.period !== o.otherPeriod) continue;
      const other = byId.get(o.dataset)!;
      const [awal = '', akhir = ''] = o.period.split('..');
      const pick = (ds: Dataset): Row[] => ds.rows.filter((r) => r.kantor === o.office && r.program === o.program && r.periodeAwal === awal && r.periodeAkhir === akhir);
      for (const measure of ['nominal', 'kasus'] as const) {
        const mine = rowsFigure(pick(d), measure);
        const theirs = rowsFigure(pick(other), measure);
        if (differs(mine, theirs, measure === 'nominal')) {
          d.conflicts.push({ dataset: other.id, office: o.office, program: o.program, periodeAwal: awal, periodeAkhir: akhir, measure, mine, theirs });
        }
      }
    }
  }
  datasets.sort((a, b) => byCode(b.periodeAkhir, a.periodeAkhir) || byCode(b.periodeAwal, a.periodeAwal) || byCode(a.id, b.id));
  return { datasets, registry, warnings: run.diagnostics.filter((x) => x.severity === 'warning') };
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
