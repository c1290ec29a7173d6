/**
 * Checks a set of claims datasets: each CSV streamed through {@link checkCsv},
 * its metadata validated against the office registry, periods compared across
 * datasets (overlaps between datasets are allowed and recorded, never added),
 * and stated totals reconciled with the computed sums.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Diagnostic } from './diagnostics.ts';
import type { Lang, OutputFormat, Text } from './diagnostics.ts';
import { countSeverities, formatDiagnostic, nearestName, sortDiagnostics, t } from './diagnostics.ts';
import type { CheckContext, ComboAggregate, CsvCheckResult } from './csv-check.ts';
import { LIMITS, PROGRAMS, checkCsv, createCheckContext, distinctSorted, keyEnd, keyStart } from './csv-check.ts';
import type { DatasetMeta } from './meta.ts';
import { parseMeta } from './meta.ts';
import { parseIsoDay, dayToIso } from './dates.ts';
import { Dec, decimalToSen, formatCount, formatRupiah, senToDecimal } from './money.ts';
import { fileSource } from './source.ts';
import type { CsvSource } from './source.ts';
import { Readable } from 'node:stream';
import { HEADER } from './csv-check.ts';
import { adoptFile, checkFilesInWorkers, parallelAvailable, type ChunkReply, type ParallelOptions } from './csv-parallel.ts';
import type { RowExpectations } from './csv-format.ts';
import type { OfficeRegistry } from './offices.ts';
import { REGISTRY_FILE, parseRegistry } from './offices.ts';
import type { ComparisonStatus, SumParts } from './reconcile.ts';
import { addSum, compareStated, emptySum } from './reconcile.ts';
import type { StatedFigure } from './meta.ts';

/** A source with a header only, standing for a file that was refused unread. */
function refusedSource(displayPath: string): CsvSource {
  return { path: displayPath, open: () => Readable.from([Buffer.from(`${HEADER}\n`)]) };
}

/** The metadata file name for a CSV file name. */
export function metaPathFor(csvPath: string): string {
  return csvPath.replace(/\.csv$/i, '') + '.meta.yaml';
}

/** A computed sum as exact decimal strings (rupiah for amounts, cases for counts). */
export interface ComputedSum {
  /** Exact sum of the known figures. */
  value: string;
  /** Sum of the rounding units of rounded figures; "0" when every figure is exact. */
  units: string;
  /** Figures not reported (the sum is then a lower bound). */
  missing: number;
  /** Figures printed as lower bounds ("lebih"). */
  atLeast: number;
}

/** A stated total compared with the computed sum (rows plus stated non-programme parts). */
export interface Comparison {
  stated: StatedFigure;
  computed: ComputedSum;
  /** Stated minus computed, exact. */
  difference: string;
  /** Half the summed rounding units of the figures compared: the largest difference rounding explains. */
  tolerance: string;
  status: ComparisonStatus;
}

/** Reconciliation of a dataset: amounts and case counts, each null when the source stated no such total. */
export interface Reconciliation {
  nominal: Comparison | null;
  kasus: Comparison | null;
}

/** A period of another dataset that overlaps this one for the same office and programme. */
export interface Overlap {
  /** Index of the other dataset in {@link CheckRun.datasets}. */
  other: number;
  office: string;
  program: (typeof PROGRAMS)[number];
  /** This dataset's period and the other's (YYYY-MM-DD..YYYY-MM-DD). */
  period: string;
  otherPeriod: string;
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
  /** Overlaps with other datasets (different sources): shown, never added together. */
  overlaps: Overlap[];
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
  /** The office registry, when it was found and valid. */
  registry: OfficeRegistry | null;
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
  /** Entries of the data folder refused by {@link findDatasets} (links, other files), reported as errors. */
  rejected?: { file: FileRef; message: Text }[];
  keepRows?: boolean;
  /** Progress over all files: rows read so far and bytes of the current file. */
  onProgress?: (rows: number, bytes: number) => void;
  /**
   * The office registry. Default: `kantor.yaml` in the parent of each CSV's folder
   * (`data/kantor.yaml` for `data/klaim/x.csv`).
   */
  registry?: FileRef;
  /** Worker threads for large files (csv-parallel.ts); default: files of 16 MB or more, one thread per core. */
  parallel?: ParallelOptions;
}

/**
 * Lists the datasets under `dataDir` (`klaim/*.csv`) and the metadata files
 * that have no CSV, both sorted by name.
 */
export async function findDatasets(dataDir: string): Promise<{ csvs: string[]; orphanMetas: string[]; rejected: { fsPath: string; message: Text }[] }> {
  const dir = join(dataDir, 'klaim');
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new Error(`cannot list ${dir}: claims data must live in data/klaim/`, { cause: e });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  /** Why an entry is refused: a phrase completing "this entry ..." / "entri ini ...". */
  const rejected: { fsPath: string; message: Text }[] = [];
  const names: string[] = [];
  for (const e of entries) {
    const lower = e.name.toLowerCase();
    if (!e.isFile()) {
      rejected.push({ fsPath: join(dir, e.name), message: e.isSymbolicLink()
        ? t('adalah tautan simbolik; berkas data harus berkas biasa di repositori (tautan bisa menunjuk ke luar repositori): ganti tautan itu dengan berkasnya sendiri',
          'is a symbolic link; data files must be ordinary files in the repository (links could point outside it): replace the link with the file itself')
        : e.isDirectory() ? t('adalah folder; data/klaim/ hanya berisi berkas .csv, .meta.yaml, dan .md: pindahkan isinya ke atas atau hapus folder itu',
          'is a folder; data/klaim/ holds only .csv, .meta.yaml and .md files: move its files up or remove it')
        : t('bukan berkas biasa; hapus', 'is not an ordinary file; remove it') });
    } else if (!/\.(csv|ya?ml|md)$/.test(lower)) {
      rejected.push({ fsPath: join(dir, e.name), message: t('bukan berkas CSV (.csv), metadata (.meta.yaml), atau catatan (.md); hanya berkas seperti itu yang boleh ada di data/klaim/: pindahkan atau hapus',
        'is not a CSV (.csv), metadata (.meta.yaml) or notes (.md) file; only those belong in data/klaim/: move or remove it') });
    } else if (lower !== e.name && /\.(csv|ya?ml)$/.test(lower) && !e.name.endsWith('.csv') && !e.name.endsWith('.yaml') && !e.name.endsWith('.yml')) {
      const ext = lower.slice(lower.lastIndexOf('.'));
      rejected.push({ fsPath: join(dir, e.name), message: t(`berakhiran huruf besar; ganti namanya agar berakhiran ${ext}`, `has an upper-case extension; rename it to end in ${ext}`) });
    } else if (e.name.endsWith('.yml') || (e.name.endsWith('.yaml') && !e.name.endsWith('.meta.yaml'))) {
      rejected.push({ fsPath: join(dir, e.name), message: t('adalah berkas YAML yang bukan metadata dataset; beri nama metadata <id>.meta.yaml di samping <id>.csv',
        'is a YAML file that is not a dataset\'s metadata; name metadata <id>.meta.yaml beside <id>.csv') });
    } else names.push(e.name);
  }
  const csvs = names.filter((n) => n.endsWith('.csv')).map((n) => join(dir, n));
  const orphanMetas = names
    .filter((n) => n.endsWith('.meta.yaml') && !names.includes(n.slice(0, -'.meta.yaml'.length) + '.csv'))
    .map((n) => join(dir, n));
  return { csvs, orphanMetas, rejected };
}

/** Limits on the YAML files, checked before they are read. */
export const YAML_LIMITS = { metaBytes: 64 * 1024, registryBytes: 1024 * 1024 } as const;

/**
 * Why a file cannot be read safely (a link, not a file, too large), or null when it can.
 * Links are never followed: `lstat` looks at the entry itself.
 */
export async function unsafeFile(fsPath: string, maxBytes: number): Promise<Text | null> {
  let st: Stats;
  try {
    st = await lstat(fsPath);
  } catch {
    return null; // a missing file is reported by the reader
  }
  if (st.isSymbolicLink()) {
    return t('adalah tautan simbolik; berkas data harus berkas biasa di repositori (tautan bisa menunjuk ke luar repositori): ganti tautan itu dengan berkasnya sendiri',
      'is a symbolic link; data files must be ordinary files in the repository (links could point outside it): replace the link with the file itself');
  }
  if (!st.isFile()) return t('bukan berkas biasa; ganti dengan berkas biasa', 'is not an ordinary file; replace it with one');
  if (st.size > maxBytes) {
    const mb = (st.size / 1048576).toFixed(1);
    return t(`berukuran ${mb} MB, melebihi batas ${maxBytes / 1048576} MB untuk jenis berkas ini; pecah datanya atau periksa apakah ini berkas yang benar`,
      `is ${mb} MB, over the limit of ${maxBytes / 1048576} MB for this kind of file; split the data or check that this is the right file`);
  }
  return null;
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

/** Exact decimal string of a BigInt in base units. */
function asDecimal(v: bigint, money: boolean): string {
  return money ? senToDecimal(v) : v.toString();
}

/** Base units of a stated figure. */
function statedParts(f: StatedFigure, money: boolean): { value: bigint; unit: bigint; qualifier: StatedFigure['qualifier'] } {
  return money
    ? { value: decimalToSen(f.value), unit: decimalToSen(f.unit), qualifier: f.qualifier }
    : { value: BigInt(f.value), unit: BigInt(f.unit), qualifier: f.qualifier };
}

/**
 * Compares a stated total with the rows' sum plus the stated non-programme parts
 * (`reported.includes`). Null when the source stated no such total.
 */
function reconcile(meta: DatasetMeta, rows: SumParts, money: boolean): Comparison | null {
  const stated = money ? meta.reported?.nominal : meta.reported?.kasus;
  if (stated === null || stated === undefined) return null;
  const computed = { ...rows };
  for (const part of meta.reported?.includes ?? []) {
    const f = money ? part.nominal : part.kasus;
    if (f === null) computed.missing++;
    else {
      const p = statedParts(f, money);
      addSum(computed, { value: p.value, units: p.unit, missing: 0, atLeast: p.qualifier === 'lebih' ? 1 : 0 });
    }
  }
  const c = compareStated(statedParts(stated, money), computed);
  const half = (v: bigint): string => new Dec(v.toString()).div(money ? 200 : 2).toFixed();
  return {
    stated,
    computed: { value: asDecimal(computed.value, money), units: asDecimal(computed.units, money), missing: computed.missing, atLeast: computed.atLeast },
    difference: asDecimal(c.difference, money),
    tolerance: half(c.tolerance2),
    status: c.status,
  };
}

const STATUS_EN: Record<ComparisonStatus, string> = {
  sama: 'equal',
  'dalam-pembulatan': 'within rounding',
  'tidak-lengkap': 'incomplete',
  berbeda: 'different',
};

/** Reads each office registry once (the `kantor.yaml` beside a CSV's folder, or the one given). */
class RegistryLoader {
  readonly diagnostics: Diagnostic[] = [];
  readonly registries = new Map<string, OfficeRegistry | null>();
  used: OfficeRegistry | null = null;
  readonly given: FileRef | undefined;
  constructor(given: FileRef | undefined) {
    this.given = given;
  }

  async forFile(f: FileRef): Promise<{ registry: OfficeRegistry | null; display: string }> {
    const ref = this.given ?? {
      fsPath: join(dirname(dirname(f.fsPath)), REGISTRY_FILE),
      displayPath: join(dirname(dirname(f.displayPath)), REGISTRY_FILE).split('\\').join('/'),
    };
    if (!this.registries.has(ref.fsPath)) this.registries.set(ref.fsPath, await this.read(ref));
    const registry = this.registries.get(ref.fsPath) ?? null;
    if (registry !== null) this.used = registry;
    return { registry, display: ref.displayPath };
  }

  async read(ref: FileRef): Promise<OfficeRegistry | null> {
    const unsafe = await unsafeFile(ref.fsPath, YAML_LIMITS.registryBytes);
    if (!existsSync(ref.fsPath) && unsafe === null) {
      this.diagnostics.push({ path: ref.displayPath, line: 1, column: 1, severity: 'error', rule: 'office.registry',
        message: t(`daftar kantor tidak ada; buat ${ref.displayPath} yang memuat setiap kantor yang dipakai dataset (lihat data/klaim/README.md)`,
          `the registry of offices is missing; create ${ref.displayPath} listing every office the datasets use (see data/klaim/README.md)`) });
      return null;
    }
    if (unsafe !== null) {
      this.diagnostics.push({ path: ref.displayPath, line: 1, column: 1, severity: 'error', rule: 'file.read', message: thisFile(unsafe) });
      return null;
    }
    const parsed = parseRegistry(ref.displayPath, await readFile(ref.fsPath, 'utf8'));
    this.diagnostics.push(...parsed.diagnostics);
    return parsed.registry;
  }
}

/** The metadata of one CSV: parsed, and its offices checked against the registry. */
interface MetaCheck { meta: DatasetMeta | null; hasMeta: boolean; reportedAt: { line: number; column: number }; diagnostics: Diagnostic[] }

/** Every office of the metadata must be in the registry, at the dataset's level. */
function checkOfficesInRegistry(meta: DatasetMeta, parsed: ReturnType<typeof parseMeta>, metaDisplay: string, registry: OfficeRegistry, display: string, out: Diagnostic[]): void {
  for (const name of meta.offices) {
    const office = registry.byName.get(name);
    if (office === undefined) {
      const near = nearestName(name, [...registry.byName.keys()]);
      out.push({ path: metaDisplay, ...parsed.officesAt, severity: 'error', rule: 'office.registry',
        message: t(`kantor "${name}" tidak ada di daftar kantor ${display}${near !== undefined ? `; maksud Anda "${near}"?` : ';'} pakai nama dari daftar itu, atau tambahkan kantornya di sana beserta tingkat, induk, dan sumbernya`,
          `office "${name}" is not in the registry ${display}${near !== undefined ? `; did you mean "${near}"?` : ';'} use a name from the registry, or add the office there with its level, parent and sources`) });
    } else if (office.level !== meta.level) {
      out.push({ path: metaDisplay, ...parsed.levelAt, severity: 'error', rule: 'office.registry',
        message: t(`"level" berisi ${meta.level}, padahal kantor "${name}" bertingkat ${office.level} di ${display}; satu dataset hanya memuat kantor dari satu tingkat: perbaiki "level" atau kantornya`,
          `"level" is ${meta.level} but office "${name}" is ${office.level} in ${display}; a dataset reports on offices of one level: correct "level" or the office`) });
    }
  }
}

async function checkMetaOf(f: FileRef, id: string, options: CheckDatasetsOptions, registries: RegistryLoader): Promise<MetaCheck> {
  const metaFs = metaPathFor(f.fsPath);
  const metaDisplay = metaPathFor(f.displayPath);
  const out: MetaCheck = { meta: null, hasMeta: false, reportedAt: { line: 1, column: 1 }, diagnostics: [] };
  const metaUnsafe = await unsafeFile(metaFs, YAML_LIMITS.metaBytes);
  if (metaUnsafe !== null) {
    out.hasMeta = true;
    out.diagnostics.push({ path: metaDisplay, line: 1, column: 1, severity: 'error', rule: 'file.read', message: thisFile(metaUnsafe) });
  } else if (existsSync(metaFs)) {
    out.hasMeta = true;
    const parsed = parseMeta(metaDisplay, await readFile(metaFs, 'utf8'), id);
    out.meta = parsed.meta;
    out.reportedAt = parsed.reportedAt;
    out.diagnostics.push(...parsed.diagnostics);
    if (parsed.meta !== null) {
      const { registry, display } = await registries.forFile(f);
      if (registry !== null) checkOfficesInRegistry(parsed.meta, parsed, metaDisplay, registry, display, out.diagnostics);
    }
  } else if (options.requireMeta) {
    out.diagnostics.push({ path: f.displayPath, line: 1, column: 1, severity: 'error', rule: 'meta.missing',
      message: t(`dataset ini tidak punya berkas metadata; buat ${basename(metaDisplay)} di sampingnya berisi sumber, periode, kantor, dan lisensinya (lihat data/klaim/README.md, atau mulai dengan npm run data:new)`,
        `no metadata file for this dataset; create ${basename(metaDisplay)} beside it with its source, period, offices and licence (see data/klaim/README.md, or start with npm run data:new)`) });
  }
  return out;
}

/** The dataset's sums against the totals its metadata states; warnings go to `out`. */
function reconcileDataset(meta: DatasetMeta, csv: CsvCheckResult, metaDisplay: string, reportedAt: { line: number; column: number }, out: Diagnostic[]): Reconciliation {
  const nominal = emptySum();
  const kasus = emptySum();
  for (const c of csv.combos.values()) {
    addSum(nominal, { value: c.sen, units: c.nominalUnits, missing: c.nominalMissing, atLeast: c.nominalAtLeast });
    addSum(kasus, { value: c.kasus, units: c.kasusUnits, missing: c.kasusMissing, atLeast: c.kasusAtLeast });
  }
  const reconciliation = { nominal: reconcile(meta, nominal, true), kasus: reconcile(meta, kasus, false) };
  const warn = (c: Comparison | null, money: boolean): void => {
    if (c === null || c.status === 'sama' || c.status === 'dalam-pembulatan') return;
    out.push({ path: metaDisplay, ...reportedAt, severity: 'warning', rule: 'reconciliation.total', message: reconciliationMessage(c, money) });
  };
  warn(reconciliation.nominal, true);
  warn(reconciliation.kasus, false);
  return reconciliation;
}

const idOf = (f: FileRef): string => basename(f.fsPath).replace(/\.csv$/i, '');

/** What every row of a dataset must agree with, from its metadata. */
function expectationsOf(meta: DatasetMeta, metaDisplay: string): RowExpectations {
  return { offices: new Set(meta.offices), start: parseIsoDay(meta.period.start), end: parseIsoDay(meta.period.end), metaPath: metaDisplay };
}

/**
 * Several files at once: CSVs of 1 MB up to the size that is split into chunks are checked
 * whole in worker threads, at most one per core, when there are at least two of them.
 */
async function startFileWorkers(files: readonly FileRef[], metas: readonly MetaCheck[], options: CheckDatasetsOptions): Promise<Map<number, Promise<ChunkReply>>> {
  const out = new Map<number, Promise<ChunkReply>>();
  const threads = Math.min(options.parallel?.threads ?? availableParallelism(), 8);
  const maxBytes = options.parallel?.minBytes ?? 16 * 1024 * 1024;
  if (options.keepRows === true || threads < 2 || !parallelAvailable()) return out;
  const chosen: number[] = [];
  for (let i = 0; i < files.length; i++) {
    const size = (await unsafeFile(files[i]!.fsPath, LIMITS.fileBytes)) === null && existsSync(files[i]!.fsPath) ? statSync(files[i]!.fsPath).size : -1;
    if (size >= (options.parallel?.fileMinBytes ?? 1024 * 1024) && size < maxBytes) chosen.push(i);
  }
  if (chosen.length < 2) return out;
  const tasks = chosen.map((i) => {
    const meta = metas[i]!.meta;
    const expect = meta === null ? null : { ...expectationsOf(meta, metaPathFor(files[i]!.displayPath)), offices: [...meta.offices] };
    return { fsPath: files[i]!.fsPath, path: files[i]!.displayPath, expect };
  });
  checkFilesInWorkers(tasks, threads).forEach((p, k) => {
    p.catch(() => undefined); // awaited (and its failure thrown) in file order
    out.set(chosen[k]!, p);
  });
  return out;
}

/** One CSV with its metadata (already checked: `metaCheck`); `checked`: the CSV's result from a worker. */
async function checkDataset(f: FileRef, metaCheck: MetaCheck, options: CheckDatasetsOptions, context: CheckContext, rowsBefore: number, checked?: Promise<ChunkReply>): Promise<DatasetCheck> {
  const id = idOf(f);
  const metaDisplay = metaPathFor(f.displayPath);
  const { meta, hasMeta, reportedAt, diagnostics: extra } = metaCheck;
  const progress = options.onProgress;
  const csvUnsafe = await unsafeFile(f.fsPath, LIMITS.fileBytes);
  const source = csvUnsafe === null ? fileSource(f.fsPath, f.displayPath) : refusedSource(f.displayPath);
  if (csvUnsafe !== null) extra.push({ path: f.displayPath, line: 1, column: 1, severity: 'error', rule: 'file.read', message: thisFile(csvUnsafe) });
  const csv = await checkCsv(source, {
    context,
    keepRows: options.keepRows === true,
    ...(options.parallel !== undefined ? { parallel: options.parallel } : {}),
    ...(meta !== null ? { expect: expectationsOf(meta, metaDisplay) } : {}),
    ...(progress !== undefined ? { onProgress: (rows: number, bytes: number) => progress(rowsBefore + rows, bytes) } : {}),
    ...(checked !== undefined && csvUnsafe === null ? { checked: adoptFile(context, await checked) } : {}),
  });
  if (csvUnsafe !== null) {
    // Refused unread: only the refusal is reported.
    csv.diagnostics = [];
    csv.errorCount = 0;
    csv.warningCount = 0;
  }
  const reconciliation: Reconciliation = meta !== null && csv.errorCount === 0 ? reconcileDataset(meta, csv, metaDisplay, reportedAt, extra) : { nominal: null, kasus: null };
  return {
    id,
    csvPath: f.displayPath,
    csvFsPath: f.fsPath,
    metaPath: hasMeta ? metaDisplay : null,
    meta,
    csv,
    reconciliation,
    overlaps: [],
    diagnostics: [...csv.diagnostics, ...extra],
    errorCount: 0,
    warningCount: 0,
  };
}

/**
 * Periods that overlap across datasets, for the same office and programme: allowed
 * (different sources), recorded so that pages show them and never add them together.
 */
function recordOverlaps(datasets: DatasetCheck[], context: CheckContext): void {
  const byCombo = new Map<number, Located[]>();
  datasets.forEach((d, file) => {
    for (const [key, combo] of d.csv.combos) {
      const list = byCombo.get(key);
      if (list === undefined) byCombo.set(key, [{ file, combo }]);
      else list.push({ file, combo });
    }
  });
  for (const [comboKey, located] of byCombo) {
    if (located.length < 2) continue;
    const distinct = located.map((l) => distinctSorted(l.combo.keys));
    const office = context.branchNames[Math.floor(comboKey / 8)]!;
    const program = PROGRAMS[comboKey % 8]!;
    for (let a = 0; a < located.length; a++) {
      for (let b = a + 1; b < located.length; b++) {
        const A = datasets[located[a]!.file]!;
        const B = datasets[located[b]!.file]!;
        if (A.overlaps.length >= 200 && B.overlaps.length >= 200) break;
        overlapsBetween(distinct[a]!, distinct[b]!, (mine, theirs) => {
          if (A.overlaps.length < 200) A.overlaps.push({ other: located[b]!.file, office, program, period: periodText(mine), otherPeriod: periodText(theirs) });
          if (B.overlaps.length < 200) B.overlaps.push({ other: located[a]!.file, office, program, period: periodText(theirs), otherPeriod: periodText(mine) });
        });
      }
    }
  }
}

const periodText = (key: number): string => `${dayToIso(keyStart(key))}..${dayToIso(keyEnd(key))}`;

/** For each period of `other` that overlaps one of `keys` (sorted, distinct): `found(that key, the other period)`. */
function overlapsBetween(keys: Uint32Array, other: Uint32Array, found: (mine: number, theirs: number) => void): void {
  const reach = prefixReach(keys);
  for (const key of other) {
    // Last period of `keys` starting on or before this one's end.
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
    found(keys[reach.arg[idx]!]!, key);
  }
}

/** Metadata files without their CSV: validated, and reported. */
async function checkOrphanMetas(metas: readonly FileRef[], all: Diagnostic[]): Promise<number> {
  let errors = 0;
  for (const m of metas) {
    const id = basename(m.fsPath).slice(0, -'.meta.yaml'.length);
    const parsed = parseMeta(m.displayPath, await readFile(m.fsPath, 'utf8'), id);
    all.push(...parsed.diagnostics);
    all.push({ path: m.displayPath, line: 1, column: 1, severity: 'error', rule: 'meta.missing',
      message: t(`metadata tanpa data: ${id}.csv tidak ada di ${dirname(m.displayPath)}; tambahkan CSV-nya atau hapus berkas ini`,
        `metadata without data: ${id}.csv does not exist in ${dirname(m.displayPath)}; add the CSV or delete this file`) });
    errors += parsed.diagnostics.length + 1;
  }
  return errors;
}

/** Checks the given CSV files (and their metadata) together. */
export async function checkDatasets(files: FileRef[], options: CheckDatasetsOptions): Promise<CheckRun> {
  const context = createCheckContext();
  const registries = new RegistryLoader(options.registry);
  const datasets: DatasetCheck[] = [];
  let rowsBefore = 0;
  const sorted = files.slice().sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));
  const metas: MetaCheck[] = [];
  for (const f of sorted) metas.push(await checkMetaOf(f, idOf(f), options, registries));
  const inWorkers = await startFileWorkers(sorted, metas, options);
  for (let i = 0; i < sorted.length; i++) {
    const d = await checkDataset(sorted[i]!, metas[i]!, options, context, rowsBefore, inWorkers.get(i));
    rowsBefore += d.csv.rowCount;
    datasets.push(d);
  }
  recordOverlaps(datasets, context);

  const registryDiagnostics = registries.diagnostics;
  for (const r of options.rejected ?? []) {
    registryDiagnostics.push({ path: r.file.displayPath, line: 1, column: 1, severity: 'error', rule: 'file.read', message: { id: `entri ini ${r.message.id}`, en: `this entry ${r.message.en}` } });
  }
  const all: Diagnostic[] = [...registryDiagnostics];
  let errorCount = countSeverities(registryDiagnostics).errors;
  let rowCount = 0;
  for (const d of datasets) {
    d.diagnostics = sortDiagnostics(d.diagnostics);
    const shown = countSeverities(d.diagnostics.filter((x) => x.rule !== 'limit' && !d.csv.diagnostics.includes(x)));
    d.errorCount = d.csv.errorCount + shown.errors;
    d.warningCount = d.csv.warningCount + shown.warnings;
    rowCount += d.csv.rowCount;
    all.push(...d.diagnostics);
  }
  errorCount += datasets.reduce((s, d) => s + d.errorCount, 0);
  const warningCount = datasets.reduce((s, d) => s + d.warningCount, 0);
  errorCount += await checkOrphanMetas(options.orphanMetas ?? [], all);
  return { datasets, diagnostics: sortDiagnostics(all), errorCount, warningCount, rowCount, context, registry: registries.used };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The summary line: `1 dataset, 4 baris: 0 error, 1 warning` (Indonesian; the `error`/`warning`
 * keywords stay as in the diagnostic lines) or `1 dataset, 4 rows: 0 errors, 1 warning`.
 */
export function summaryLine(run: Pick<CheckRun, 'datasets' | 'rowCount' | 'errorCount' | 'warningCount'>, lang: Lang = 'id'): string {
  if (lang === 'id') return `${run.datasets.length} dataset, ${run.rowCount} baris: ${run.errorCount} error, ${run.warningCount} warning`;
  return `${plural(run.datasets.length, 'dataset')}, ${plural(run.rowCount, 'row')}: ${plural(run.errorCount, 'error')}, ${plural(run.warningCount, 'warning')}`;
}

/**
 * What `data:check` prints: one line per diagnostic, then the summary line (LF-terminated).
 * Indonesian by default; `{ lang: 'en' }` for English; `{ format: 'github' }` prints each
 * diagnostic as a GitHub annotation (the summary line stays plain text).
 */
export function formatReport(run: CheckRun, opts: { lang?: Lang; format?: OutputFormat } = {}): string {
  const lang = opts.lang ?? 'id';
  const format = opts.format ?? 'text';
  return [...run.diagnostics.map((d) => formatDiagnostic(d, { lang, format })), summaryLine(run, lang)].join('\n') + '\n';
}

/** "this file ..." for a refused file. */
function thisFile(why: Text): Text {
  return { id: `berkas ini ${why.id}`, en: `this file ${why.en}` };
}

/** The warning for a stated total that differs from the computed sum beyond rounding. */
function reconciliationMessage(c: Comparison, money: boolean): Text {
  const fmt = money ? formatRupiah : formatCount;
  const computed = fmt(c.computed.value);
  const stated = fmt(c.stated.value);
  const diff = fmt(c.difference);
  const tol = c.tolerance !== '0' ? fmt(c.tolerance) : null;
  const incomplete = c.status === 'tidak-lengkap';
  const id =
    `total ${money ? 'nominal' : 'jumlah kasus'} menurut sumber berbeda dari jumlah ${incomplete ? 'bagian yang dilaporkan (sebagian angka tidak dilaporkan)' : 'angka per program'}: ` +
    `dihitung ${computed}, menurut sumber ${stated}, selisih ${diff} (sumber dikurangi hitungan)${tol !== null ? `, lebih besar daripada yang dapat dijelaskan pembulatan (${tol})` : ''}; ` +
    'kedua angka diterbitkan beserta selisihnya. Bila ada salah ketik di satu baris, perbaiki; bila tidak, biarkan angka sumber apa adanya dan jelaskan di "notes"';
  const en =
    `the stated total ${money ? 'amount' : 'number of cases'} differs from the sum${c.computed.missing > 0 ? ' of the reported parts' : ''} (${STATUS_EN[c.status]}): ` +
    `computed ${computed}, stated ${stated}, difference ${diff} (stated minus computed)${tol !== null ? `, more than rounding explains (${tol})` : ''}; ` +
    'both figures are published with the difference. If a row has a typing mistake, correct it; otherwise keep the source\'s figures and explain in "notes"';
  return { id, en };
}
