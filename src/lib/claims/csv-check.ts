/**
 * Streaming validation and aggregation of one claims CSV file.
 *
 * The file is read once through csv-parse's streaming API. Records are raw
 * strings (no `cast`); each record is checked as it leaves the parser and
 * then dropped, and line numbers are counted here (csv-parse's per-record
 * `info` objects would cost more than the checks). Only compact state is
 * kept per row: a 4-byte key (the packed period) per branch × programme for
 * duplicate and overlap detection; sums are exact base-10^8 limbs moved into
 * BigInt (see money.ts), never floating point. Lines of duplicates and
 * overlaps, and columns of errors, are found afterwards, only when there are
 * such problems, by second passes that keep just the lines concerned.
 */
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type { CsvError } from 'csv-parse';
import type { Diagnostic, Text } from './diagnostics.ts';
import { nearestName, t } from './diagnostics.ts';
import type { RuleId } from './rules.ts';
import { addPartsAt, ensureSlots, explainNominal, parseCount, parseNominalParts, partsValue, senParts, senSums, senToDecimal, valueAt } from './money.ts';
import type { SenParts } from './money.ts';
import { DATE_OUT_OF_RANGE, dayToIso, explainDate, parseIsoDay } from './dates.ts';
import type { CsvSource } from './source.ts';
import type { PrintedFigure } from './printed.ts';
import { isPrintedError, readPrinted } from './printed.ts';
import { groupThousands } from '../rupiah.ts';

/** At most 80 characters of an input value, for messages. */
function quoted(text: string): string {
  return text.length > 80 ? text.slice(0, 79) + '…' : text;
}

/**
 * True for an amount that is a whole number of miliar (10^9 rupiah) and not zero: the shape of
 * a figure printed rounded ("Rp 122 miliar"), which must then carry its printed text.
 */
function looksRounded(p: SenParts): boolean {
  if (p.big !== null) return p.big !== 0n && p.big % 100000000000n === 0n;
  // sen = hi × 10^8 + lo; a multiple of 10^11 sen needs lo = 0 and hi a multiple of 1000.
  return p.lo === 0 && p.hi !== 0 && p.hi % 1000 === 0;
}

/** The columns of a claims CSV, in their required order. */
export const COLUMNS = ['kantor', 'periode_awal', 'periode_akhir', 'program', 'jumlah_kasus', 'nominal_rp', 'kasus_tertulis', 'nominal_tertulis'] as const;
/** The header line every claims CSV starts with. */
export const HEADER = COLUMNS.join(',');
/** BPJS Ketenagakerjaan programmes, in the order totals are listed. */
export const PROGRAMS = ['JKK', 'JKM', 'JHT', 'JP', 'JKP'] as const;
/** One of the five programmes. */
export type Program = (typeof PROGRAMS)[number];

/** Full Indonesian names of the programmes. */
export const PROGRAM_NAMES: Record<Program, string> = {
  JKK: 'Jaminan Kecelakaan Kerja',
  JKM: 'Jaminan Kematian',
  JHT: 'Jaminan Hari Tua',
  JP: 'Jaminan Pensiun',
  JKP: 'Jaminan Kehilangan Pekerjaan',
};

/** Diagnostics printed per file before the rest are only counted. */
export const MAX_DIAGNOSTICS_PER_FILE = 200;

/**
 * Limits enforced before any work, so bad input fails fast with bounded memory:
 * - `fileBytes`: largest CSV accepted (a national file of 5 million rows is about 320 MB);
 * - `recordChars`: longest row (a valid row is under 400 characters);
 * - `nameChars`: longest office name;
 * - `digits`: most integer digits of an amount or a count.
 */
export const LIMITS = { fileBytes: 512 * 1024 * 1024, recordChars: 2000, nameChars: 100, digits: 20 } as const;

/** Control, NUL and text-direction override characters: never valid in a name. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/**
 * A message safe to print: any quoted input longer than 80 characters is cut (with "…"), and
 * control or direction characters are shown as \uXXXX, so no input floods or rewrites a log.
 */
export function safeMessage(message: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = message.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // A quoted input opens with a quote after a space (or at the start, or after "(") and a
  // non-space character: this does not match the message text between two quoted inputs
  // (`"a" is wrong; write "b"`), which must never be cut.
  return escaped
    .replace(/(^|[\s(])"([^"\s)][^"]{80,})"/g, (_m, pre: string, inner: string) => `${pre}"${inner.slice(0, 79)}…"`)
    .replace(/[^"\s]{200,}/g, (w) => `${w.slice(0, 79)}…`);
}

const JKP_FIRST_DAY = parseIsoDay('2021-01-01');

/** One validated data row, as exact strings. */
export interface Row {
  /** Line of the row in its CSV file (1 = header). */
  line: number;
  /** Office name (`kantor`), as in the registry. */
  kantor: string;
  periodeAwal: string;
  periodeAkhir: string;
  program: Program;
  /** Number of claims; `null` = not reported (tidak dilaporkan), never 0. */
  jumlahKasus: string | null;
  /** Exact amount in rupiah, canonical decimal string ("1864980719", "5000.5"); `null` = not reported. */
  nominalRp: string | null;
  /** The case count as the source printed it when rounded or worded ("3,39 juta"); null when printed exactly. */
  kasusTertulis: string | null;
  /** The amount as the source printed it when rounded or worded ("Rp 11,9 miliar"); null when printed exactly. */
  nominalTertulis: string | null;
}

/** Shared across the files of one check: branch names get one id each. */
export interface CheckContext {
  branchIds: Map<string, number>;
  branchNames: string[];
}

/** A fresh context for one check run. */
export function createCheckContext(): CheckContext {
  return { branchIds: new Map(), branchNames: [] };
}

/**
 * Periods of the rows of one branch × programme, 4 bytes per row: the
 * period packed as `start << 16 | length` (day numbers). Blocks grow to 4096
 * keys, so there is little slack and no growth copy; {@link sortedKeys}
 * gathers one list at a time into a short-lived sorted array. Line numbers
 * are not kept: when a duplicate or an overlap is found, a second pass over the file finds the lines of just those
 * periods ({@link CheckCsvOptions.locate}).
 */
export interface KeyList {
  /** Block being filled. */
  words: Uint32Array;
  /** Keys used in `words`. */
  fill: number;
  /** Full earlier blocks. */
  blocks: Uint32Array[];
  count: number;
}

/** Packs a period (day numbers, end ≥ start) into a key. */
export function packPeriod(start: number, end: number): number {
  return ((start << 16) | (end - start)) >>> 0;
}

/** Start day of a packed period. */
export function keyStart(key: number): number {
  return key >>> 16;
}

/** End day of a packed period. */
export function keyEnd(key: number): number {
  return (key >>> 16) + (key & 0xffff);
}

function newKeyList(): KeyList {
  return { words: new Uint32Array(8), fill: 0, blocks: [], count: 0 };
}

/** Sums for one branch × programme in one file. */
export interface ComboAggregate {
  branchId: number;
  program: number;
  rows: number;
  /** Exact sum of nominal_rp in sen. */
  sen: bigint;
  /** Sum of reported case counts (exact). */
  kasus: bigint;
  /** Rows whose jumlah_kasus is empty. */
  kasusMissing: number;
  /** Rows whose nominal_rp is empty (not reported). */
  nominalMissing: number;
  /** Sum of the rounding units of the amounts printed rounded, in sen (0 when all are exact). */
  nominalUnits: bigint;
  /** Sum of the rounding units of the case counts printed rounded (0 when all are exact). */
  kasusUnits: bigint;
  /** Rows whose amount was printed as a lower bound ("Rp212 miliar lebih"). */
  nominalAtLeast: number;
  /** Rows whose case count was printed as a lower bound. */
  kasusAtLeast: number;
  /** The printed amount of the combo's first row with one (meaningful when `rows` is 1). */
  nominalPrinted: string | null;
  /** The printed case count of the combo's first row with one (meaningful when `rows` is 1). */
  kasusPrinted: string | null;
  keys: KeyList;
}

/** Metadata facts every row must agree with (rule meta.consistency). */
export interface RowExpectations {
  /** Office names the metadata lists (`offices`). */
  offices: ReadonlySet<string>;
  /** First and last day of the dataset period (day numbers). */
  start: number;
  end: number;
  /** Where the expectation comes from, for messages ("data/klaim/x.meta.yaml"). */
  metaPath: string;
}

/** Options for {@link checkCsv}. */
export interface CheckCsvOptions {
  context?: CheckContext;
  /** Keep every valid row (for the site); the bench and data:check do not. */
  keepRows?: boolean;
  expect?: RowExpectations;
  /** Called about every 64k rows with rows read and bytes read. */
  onProgress?: (rows: number, bytes: number) => void;
  /**
   * Second-pass mode: find the lines of these periods (combo key → packed
   * periods) and return them in `located`; nothing else is reported.
   */
  locate?: ReadonlyMap<number, ReadonlySet<number>>;
}

/** Lines of located periods: combo key → packed period → lines (first ones, at most 200). */
export type Located = Map<number, Map<number, number[]>>;

/** Everything learnt from one CSV file. */
export interface CsvCheckResult {
  path: string;
  /** Data rows read (excluding the header). */
  rowCount: number;
  /** At most MAX_DIAGNOSTICS_PER_FILE diagnostics plus one "not shown" notice, sorted. */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** Per branch × programme sums, keyed by branchId * 8 + program index. */
  combos: Map<number, ComboAggregate>;
  /** Per period sums in sen, keyed by start * 65536 + length (day numbers). */
  periods: Map<number, bigint>;
  totalSen: bigint;
  /** Earliest periode_awal and latest periode_akhir as day numbers (-1 if none). */
  minStart: number;
  maxEnd: number;
  /** Rows, in file order, when `keepRows` was set (only if the file had no errors). */
  rows: Row[];
  /** Lines found in `locate` mode. */
  located: Located;
}

interface Pending {
  line: number;
  /** Field index to point at; beyond the last field = end of the line; -1 = column 1. */
  field: number;
  severity: 'error' | 'warning';
  rule: RuleId;
  message: Text;
}

function pushKey(list: KeyList, key: number): void {
  let words = list.words;
  let i = list.fill;
  if (i === words.length) {
    list.blocks.push(words);
    words = list.words = new Uint32Array(Math.min(words.length * 2, 4096));
    i = 0;
  }
  words[i] = key;
  list.fill = i + 1;
  list.count++;
}

/**
 * All keys of a list in ascending order, as a new array (the blocks are
 * copied into it and it is sorted natively). Used one branch × programme at a
 * time, so the copy is short-lived and small.
 */
export function sortedKeys(list: KeyList): Uint32Array {
  const out = new Uint32Array(list.count);
  let at = 0;
  for (const b of list.blocks) {
    out.set(b, at);
    at += b.length;
  }
  out.set(list.words.subarray(0, list.fill), at);
  return out.sort();
}

/** The distinct keys of a list, ascending. */
export function distinctSorted(list: KeyList): Uint32Array {
  const sorted = sortedKeys(list);
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (n === 0 || sorted[n - 1] !== sorted[i]) sorted[n++] = sorted[i]!;
  }
  return sorted.subarray(0, n);
}

/**
 * Finds conflicts among a list's keys: `found(key, key, count)` for a period
 * that occurs `count` > 1 times (duplicates), and `found(a, b, 1)` for two
 * different periods that overlap (b sorts before a).
 */
export function findConflicts(list: KeyList, found: (a: number, b: number, count: number) => void): void {
  const sorted = sortedKeys(list);
  let prev = -1;
  let run = 0;
  let reachKey = -1;
  let reachEnd = -1;
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i]!;
    if (key === prev) {
      run++;
      continue;
    }
    if (run > 1) found(prev, prev, run);
    prev = key;
    run = 1;
    const start = key >>> 16;
    if (reachKey >= 0 && start <= reachEnd) found(key, reachKey, 1);
    const end = start + (key & 0xffff);
    if (end > reachEnd) {
      reachEnd = end;
      reachKey = key;
    }
  }
  if (run > 1) found(prev, prev, run);
}

function describeProgram(p: string): Text {
  const trimmed = p.trim();
  const upper = trimmed.toUpperCase();
  const list = 'JKK, JKM, JHT, JP, JKP';
  if (upper === 'JKN' || upper === 'BPJS KESEHATAN' || /jaminan kesehatan/i.test(trimmed)) {
    return t(`program "${p}" adalah JKN (Jaminan Kesehatan Nasional), program BPJS Kesehatan, bukan BPJS Ketenagakerjaan; hapus barisnya: data ini hanya untuk JKK, JKM, JHT, JP, dan JKP`,
      `program "${p}" is JKN (Jaminan Kesehatan Nasional), a programme of BPJS Kesehatan, not of BPJS Ketenagakerjaan; remove the row: this dataset covers JKK, JKM, JHT, JP and JKP only`);
  }
  if ((PROGRAMS as readonly string[]).includes(upper)) {
    if (trimmed !== p) return t(`program "${p}" diapit spasi; tulis ${upper}`, `program "${p}" has spaces around it; write ${upper}`);
    return t(`program "${p}" harus ditulis dengan huruf kapital; tulis ${upper}`, `program "${p}" must be written in capitals; write ${upper}`);
  }
  for (const code of PROGRAMS) {
    if (PROGRAM_NAMES[code].toLowerCase() === trimmed.toLowerCase()) {
      return t(`program "${p}" ditulis nama lengkapnya; tulis kodenya: ${code}`, `program "${p}" is written out in full; write the code ${code}`);
    }
  }
  if (p === '') return t(`program kosong; tulis salah satu dari ${list}`, `program is empty; write one of ${list}`);
  const near = nearestName(upper, PROGRAMS);
  const suggest = near !== undefined && near !== upper;
  return t(`program "${p}" bukan program BPJS Ketenagakerjaan${suggest ? ` (maksud Anda ${near}?)` : ''}; tulis salah satu dari ${list}`,
    `program "${p}" is not a BPJS Ketenagakerjaan programme${suggest ? ` (did you mean ${near}?)` : ''}; write one of ${list}`);
}

function describeKasus(k: string): Text {
  if (k.trim() !== k) {
    const v = k.trim();
    return v === ''
      ? t('jumlah_kasus hanya berisi spasi; kosongkan sama sekali bila jumlah klaim tidak dilaporkan', 'jumlah_kasus contains only spaces; leave it completely empty when the number of claims was not reported')
      : t(`jumlah_kasus "${k}" diapit spasi; tulis ${v}`, `jumlah_kasus "${k}" has spaces around it; write ${v}`);
  }
  if (/^\d{21,}$/.test(k)) return t(`jumlah_kasus punya ${k.length} angka; jumlah klaim paling banyak 20 angka: periksa angkanya`, `jumlah_kasus has ${k.length} digits; a number of claims has at most 20: check the figure`);
  if (k.startsWith('-')) return t(`jumlah_kasus "${k}" negatif; jumlah klaim tidak mungkin di bawah nol: periksa sumbernya`, `jumlah_kasus "${k}" is negative; a number of claims cannot be below zero: check the source`);
  if (/^\d{1,3}([.,]\d{3})+$/.test(k)) {
    const plain = k.replace(/[.,]/g, '');
    return t(`jumlah_kasus "${k}" memakai pemisah ribuan; tulis ${plain}`, `jumlah_kasus "${k}" uses thousands separators; write ${plain}`);
  }
  if (/^\d+[.,]\d+$/.test(k)) return t(`jumlah_kasus "${k}" bukan bilangan bulat; jumlah klaim dihitung per klaim utuh`, `jumlah_kasus "${k}" is not a whole number; a number of claims is counted in whole claims`);
  if (/^(0|nol|-|n\/?a|tidak dilaporkan|tidak ada data)$/i.test(k) || /^(null|none|unknown)$/i.test(k)) {
    return t(`jumlah_kasus "${k}" bukan angka; bila jumlah klaim tidak dilaporkan, kosongkan kolomnya`, `jumlah_kasus "${k}" is not a number; when the number of claims was not reported, leave the field empty`);
  }
  return t(`jumlah_kasus "${k}" bukan bilangan bulat; tulis angka saja (misalnya 15954), atau kosongkan bila tidak dilaporkan`, `jumlah_kasus "${k}" is not a whole number; write digits only (e.g. 15954), or leave it empty when not reported`);
}

/**
 * Validates one claims CSV and aggregates it, streaming. Never throws for
 * bad data (every problem becomes a diagnostic); throws only for internal
 * failures, wrapped with `{ cause }`.
 */
export async function checkCsv(source: CsvSource, options: CheckCsvOptions = {}): Promise<CsvCheckResult> {
  const ctx = options.context ?? createCheckContext();
  const keepRows = options.keepRows === true;
  const expect = options.expect;
  const locate = options.locate;
  const located: Located = new Map();
  const onProgress = options.onProgress;
  const path = source.path;

  const pending: Pending[] = [];
  let errorCount = 0;
  let warningCount = 0;
  const report = (p: Pending): void => {
    if (p.severity === 'error') errorCount++;
    else warningCount++;
    if (pending.length < MAX_DIAGNOSTICS_PER_FILE) pending.push({ ...p, message: { id: safeMessage(p.message.id), en: safeMessage(p.message.en) } });
  };

  const combos = new Map<number, ComboAggregate>();
  // Hot-path state per branch × programme, in flat arrays indexed by combo key
  // (branchId * 8 + programme); the ComboAggregate objects are built at the end.
  const comboKeys: (KeyList | undefined)[] = [];
  const comboSums = senSums();
  let comboCounts = new Float64Array(64); // per combo: [rows, case count part below 2^53, rows without case count]
  const comboKasusBig: bigint[] = [];
  /** Per combo, only for combos with rounded, lower-bound or missing figures (rare): see ComboAggregate. */
  const comboExtra = new Map<number, { nominalMissing: number; nominalUnits: bigint; kasusUnits: bigint; nominalAtLeast: number; kasusAtLeast: number; nominalPrinted: string | null; kasusPrinted: string | null }>();
  const periodSlots = new Map<number, number>();
  const periodSums = senSums();
  const rows: Row[] = [];
  const parts = senParts();
  let minStart = -1;
  let maxEnd = -1;

  let headerSeen = false;
  let fatal = false;
  /** After a misplaced closing quote csv-parse stays inside the quote: nothing after it can be trusted. */
  let broken = false;
  let width = 0;
  let iB = -1, iA = -1, iZ = -1, iP = -1, iK = -1, iN = -1, iKT = -1, iNT = -1;
  let rowCount = 0;
  /** Line where the next record starts. */
  let lineNo = 1;
  /** Records taken from the parser so far (header and blank lines included). */
  let consumed = 0;
  let lastSkipLine = -1;
  /** Branch names of this file already validated → id, or -1 - id when not listed in the metadata. */
  const seenBranches = new Map<string, number>();
  let lastBranch = '';
  let lastBranchInfo = 0;
  // State of the row being checked, shared with fieldError (no closure per row).
  let rowLine = 0;
  let rowOk = true;
  let lastPeriodKey = -1;
  let lastPeriodSlot = -1;
  let lastAText = '';
  let lastADay = -1;
  let lastZText = '';
  let lastZDay = -1;
  let nextProgress = 65536;

  const fieldError = (field: number, rule: RuleId, message: Text): void => {
    rowOk = false;
    report({ line: rowLine, field, severity: 'error', rule, message });
  };

  const handleHeader = (rec: string[], line: number): void => {
    headerSeen = true;
    width = rec.length;
    const at = (field: number, rule: RuleId, message: Text): void =>
      report({ line, field, severity: 'error', rule, message });
    if (rec.length === 1) {
      const only = rec[0] ?? '';
      const semi = only.split(';').length;
      const tab = only.split('\t').length;
      if (semi > 1 || tab > 1) {
        const semicolons = semi >= tab;
        at(-1, 'header.delimiter', t(
          `berkas ini dipisahkan dengan ${semicolons ? 'titik koma (";")' : 'tab'}, padahal format ini memakai koma; simpan ulang sebagai "CSV UTF-8 (comma delimited)" atau ganti pemisahnya dengan koma. Baris judul yang benar: ${HEADER}`,
          `the file is separated by ${semicolons ? 'semicolons (";")' : 'tabs'}, but this format uses commas; save it again as "CSV UTF-8 (comma delimited)" or replace the separators with commas. Expected header: ${HEADER}`));
        fatal = true;
        return;
      }
    }
    const index = new Map<string, number>();
    const suggested = new Set<string>();
    const unknown: number[] = [];
    for (let i = 0; i < rec.length; i++) {
      const name = rec[i]!;
      if ((COLUMNS as readonly string[]).includes(name)) {
        const first = index.get(name);
        if (first !== undefined) {
          at(i, 'header.duplicate', t(`kolom "${name}" muncul dua kali (juga kolom ke-${first + 1} baris judul); hapus salah satunya beserta isinya`,
            `column "${name}" appears twice (also column ${first + 1} of the header); remove one of them and its values`));
        } else index.set(name, i);
      } else unknown.push(i);
    }
    for (const i of unknown) {
      const name = rec[i]!;
      const missing = COLUMNS.filter((c) => !index.has(c) && !suggested.has(c));
      const near = nearestName(name, missing);
      if (near !== undefined) {
        suggested.add(near);
        const spaces = name.trim() !== name;
        const lower = !spaces && name.toLowerCase() === near;
        at(i, 'header.unknown', t(
          `kolom "${name}" tidak dikenal${spaces ? ' (diapit spasi)' : lower ? ' (nama kolom ditulis huruf kecil)' : ''}; maksud Anda "${near}"? Ganti namanya menjadi ${near}`,
          `unknown column "${name}"${spaces ? ' (it has spaces around it)' : lower ? ' (column names are lower case)' : ''}; did you mean "${near}"? Rename it to ${near}`));
      } else if (name === '') {
        at(i, 'header.unknown', t(`kolom ke-${i + 1} baris judul tidak bernama; hapus kolom kosong itu (ada koma di akhir?) sehingga baris judul persis: ${HEADER}`,
          `column ${i + 1} of the header has no name; remove the empty column (a trailing comma?) so the header is exactly: ${HEADER}`));
      } else {
        at(i, 'header.unknown', t(`kolom "${name}" tidak dikenal; hapus kolom itu: baris judul harus persis: ${HEADER}`,
          `unknown column "${name}"; remove it: the header must be exactly: ${HEADER}`));
      }
    }
    for (const c of COLUMNS) {
      if (!index.has(c) && !suggested.has(c)) {
        at(rec.length, 'header.missing', t(`kolom "${c}" tidak ada; baris judul harus persis: ${HEADER}`, `missing column "${c}"; the header must be exactly: ${HEADER}`));
      }
    }
    if (index.size === COLUMNS.length && rec.length === COLUMNS.length && rec.join(',') !== HEADER) {
      at(-1, 'header.order', t(`urutan kolom salah: tertulis ${rec.join(',')}; susun ulang kolomnya (di baris judul dan setiap baris) menjadi: ${HEADER}`,
        `columns are in the wrong order: found ${rec.join(',')}; reorder the columns (in the header and every row) to: ${HEADER}`));
    }
    iB = index.get('kantor') ?? -1;
    iA = index.get('periode_awal') ?? -1;
    iZ = index.get('periode_akhir') ?? -1;
    iP = index.get('program') ?? -1;
    iK = index.get('jumlah_kasus') ?? -1;
    iN = index.get('nominal_rp') ?? -1;
    iKT = index.get('kasus_tertulis') ?? -1;
    iNT = index.get('nominal_tertulis') ?? -1;
  };

  /** Line breaks inside the fields of a record (CRLF counts once). */
  const breaksIn = (rec: string[]): number => {
    let n = 0;
    for (const f of rec) {
      for (let k = 0; k < f.length; k++) {
        const c = f.charCodeAt(k);
        if (c === 10) n++;
        else if (c === 13) {
          n++;
          if (f.charCodeAt(k + 1) === 10) k++;
        }
      }
    }
    return n;
  };

  const consume = (rec: string[]): void => {
    while (skipHead < skips.length && skips[skipHead]!.after === consumed) applySkip(skips[skipHead++]!);
    consumed++;
    if (broken) return;
    const line = lineNo;
    lineNo++;
    if (rec.length === 1 && rec[0] === '') return; // blank line
    if (!headerSeen) {
      const breaks = breaksIn(rec);
      lineNo += breaks;
      handleHeader(rec, line);
      return;
    }
    rowCount++;
    if (onProgress !== undefined && rowCount >= nextProgress) {
      nextProgress += 65536;
      onProgress(rowCount, parser.info.bytes);
    }
    if (fatal) {
      lineNo += breaksIn(rec);
      return;
    }
    rowLine = line;
    rowOk = true;
    if (rec.length !== width) {
      const breaks = breaksIn(rec);
      if (breaks > 0) {
        lineNo += breaks;
        reportLinebreak(rec, line);
        return;
      }
      const more = rec.length > width;
      // An amount with comma separators splits into a 1-3 digit field followed by 3-digit groups.
      const split = more && iN >= 0 && /^\d{1,3}$/.test(rec[iN] ?? '') && /^\d{3}$/.test(rec[iN + 1] ?? '');
      const hintId = split ? ' (nominal yang ditulis dengan koma sebagai pemisah ribuan, seperti 1,864,980,719, terpecah menjadi beberapa isian: tulis 1864980719)'
        : more ? ' (isian yang memuat koma harus diapit tanda kutip dua)' : '';
      const hintEn = split ? ' (an amount written with commas as thousands separators, like 1,864,980,719, splits into several fields: write 1864980719)'
        : more ? ' (a value containing a comma must be wrapped in double quotes)' : '';
      report({ line, field: more ? width : rec.length, severity: 'error', rule: 'row.fields', message: t(
        `baris ini punya ${rec.length} isian, padahal baris judul punya ${width}; ${more ? 'hapus isian yang berlebih' : 'tambahkan isian yang kurang (isian kosong tetap perlu komanya)'}${hintId}`,
        `row has ${rec.length} fields but the header has ${width}; ${more ? 'remove the extra fields' : 'add the missing fields (an empty value still needs its comma)'}${hintEn}`) });
      return;
    }
    checkRow(rec, line);
    if (!rowOk) {
      // Only an invalid field can hide a line break (valid ones are digits, dates, codes).
      const breaks = breaksIn(rec);
      if (breaks > 0) {
        lineNo += breaks;
        // Replace this row's diagnostics by the one that explains them.
        while (pending.length > 0 && pending[pending.length - 1]!.line === line) {
          const p = pending.pop()!;
          if (p.severity === 'error') errorCount--;
          else warningCount--;
        }
        reportLinebreak(rec, line);
      }
    }
  };

  const reportLinebreak = (rec: string[], line: number): void => {
    let f = 0;
    while (f < rec.length && !/[\r\n]/.test(rec[f]!)) f++;
    report({ line, field: -1, severity: 'error', rule: 'csv.linebreak',
      message: t(`isian ke-${f + 1} memuat pergantian baris di dalam tanda kutip; tulis seluruh baris dalam satu baris`, `field ${f + 1} contains a line break inside quotes; put the whole row on one line`) });
  };

  /**
   * Checks a printed figure against its plain column (a transcription check). Returns the
   * figure when it can be read and matches, else reports and returns null.
   */
  const checkPrinted = (rec: string[], field: number, plainField: number, money: boolean, plain: bigint | null): PrintedFigure | null => {
    const name = COLUMNS[money ? 7 : 6];
    const plainName = COLUMNS[money ? 5 : 4];
    const text = rec[field]!;
    const read = readPrinted(text, money);
    if (isPrintedError(read)) {
      const example = money ? '"Rp 11,9 miliar"' : '"3,39 juta"';
      fieldError(field, 'printed.format', t(
        `${name} "${quoted(text)}" ${read.errorId}; salin angkanya persis seperti tertulis di sumber, misalnya ${example}, atau kosongkan bila sumber menulis angka tepatnya`,
        `${name} "${quoted(text)}" ${read.error}; copy the figure exactly as the source printed it, e.g. ${example}, or leave it empty when the source printed the exact figure`));
      return null;
    }
    const shown = (v: bigint): string => (money ? senToDecimal(v) : v.toString());
    if (plain === null) {
      if (plainField >= 0 && rec[plainField]!.length === 0) {
        fieldError(plainField, 'printed.mismatch', t(
          `${plainName} kosong, padahal ${name} berisi "${quoted(text)}"; tulis angka itu sebagai angka polos: ${shown(read.value)}`,
          `${plainName} is empty but ${name} says "${quoted(text)}"; write the printed figure as a plain number: ${shown(read.value)}`));
      }
      return null;
    }
    if (plain !== read.value) {
      fieldError(plainField, 'printed.mismatch', t(
        `${plainName} ${rec[plainField]} tidak sama dengan ${name} "${quoted(text)}", yang bernilai ${shown(read.value)}; perbaiki salah ketik di salah satunya`,
        `${plainName} ${rec[plainField]} does not match ${name} "${quoted(text)}", which is ${shown(read.value)}; correct the typing mistake in one of them`));
      return null;
    }
    return read;
  };

  const checkRow = (rec: string[], line: number): void => {

    // kantor
    let branchId = -1;
    let branch = '';
    if (iB >= 0) {
      branch = rec[iB]!;
      const n = branch.length;
      let known: number | undefined;
      if (n !== 0 && branch === lastBranch) known = lastBranchInfo;
      else {
        known = seenBranches.get(branch);
        if (known !== undefined) {
          lastBranch = branch;
          lastBranchInfo = known;
        }
      }
      if (known !== undefined) {
        // Validated before: id, or -1 - id when it is not listed in the metadata.
        if (known >= 0) branchId = known;
        else {
          branchId = -1 - known;
          fieldError(iB, 'meta.consistency', t(`kantor "${branch}" tidak tercantum di metadata (${expect!.metaPath}: offices); tambahkan di sana atau perbaiki barisnya`,
          `kantor "${branch}" is not listed in the metadata (${expect!.metaPath}: offices); add it there or correct the row`));
        }
      } else if (n === 0) fieldError(iB, 'branch.value', t('kantor kosong; tulis nama kantor seperti di data/kantor.yaml, misalnya Pasuruan', 'kantor is empty; write the name of the office as in data/kantor.yaml, e.g. Pasuruan'));
      else if (branch.charCodeAt(0) <= 32 || branch.charCodeAt(n - 1) <= 32) {
        fieldError(iB, 'branch.value', t(`kantor "${branch}" diapit spasi; tulis "${branch.trim()}"`, `kantor "${branch}" has spaces around it; write "${branch.trim()}"`));
      } else if (n > LIMITS.nameChars) {
        fieldError(iB, 'branch.value', t(`kantor panjangnya ${n} karakter; nama kantor paling panjang ${LIMITS.nameChars} karakter: tulis namanya seperti di data/kantor.yaml`,
          `kantor is ${n} characters long; an office name has at most ${LIMITS.nameChars}: write the name as in data/kantor.yaml`));
      } else if (CONTROL_CHARS.test(branch)) {
        fieldError(iB, 'branch.value', t(`kantor "${branch}" memuat karakter kendali atau karakter arah teks (seperti NUL); ketik ulang namanya`,
          `kantor "${branch}" contains control or text-direction characters (such as NUL); retype the name`));
      } else if (branch.indexOf('\uFFFD') !== -1) {
        fieldError(iB, 'file.encoding', t(`kantor "${branch}" memuat byte yang bukan UTF-8; simpan berkasnya sebagai "CSV UTF-8"`, `kantor "${branch}" contains bytes that are not UTF-8; save the file as "CSV UTF-8"`));
      } else if (branch.indexOf('\n') !== -1 || branch.indexOf('\r') !== -1) {
        rowOk = false; // consume() reports the line break
      } else {
        let id = ctx.branchIds.get(branch);
        if (id === undefined) {
          id = ctx.branchNames.length;
          ctx.branchIds.set(branch, id);
          ctx.branchNames.push(branch);
        }
        branchId = id;
        const listed = expect === undefined || expect.offices.has(branch);
        lastBranch = branch;
        lastBranchInfo = listed ? id : -1 - id;
        seenBranches.set(branch, lastBranchInfo);
        if (!listed) fieldError(iB, 'meta.consistency', t(`kantor "${branch}" tidak tercantum di metadata (${expect!.metaPath}: offices); tambahkan di sana atau perbaiki barisnya`,
          `kantor "${branch}" is not listed in the metadata (${expect!.metaPath}: offices); add it there or correct the row`));
      }
    }

    // periode_awal, periode_akhir
    let start = -1;
    let stop = -1;
    if (iA >= 0) {
      const s = rec[iA]!;
      if (s === lastAText) start = lastADay;
      else {
        start = parseIsoDay(s);
        lastAText = s;
        lastADay = start;
      }
      if (start < 0) fieldError(iA, 'date.' + (start === DATE_OUT_OF_RANGE ? 'range' : 'format') as RuleId, explainDate(s, 'periode_awal', start));
    }
    if (iZ >= 0) {
      const s = rec[iZ]!;
      if (s === lastZText) stop = lastZDay;
      else {
        stop = parseIsoDay(s);
        lastZText = s;
        lastZDay = stop;
      }
      if (stop < 0) fieldError(iZ, 'date.' + (stop === DATE_OUT_OF_RANGE ? 'range' : 'format') as RuleId, explainDate(s, 'periode_akhir', stop));
    }
    if (start >= 0 && stop >= 0) {
      if (stop < start) {
        fieldError(iZ, 'period.order', t(`periode_akhir ${rec[iZ]} lebih awal daripada periode_awal ${rec[iA]}; tukar keduanya atau perbaiki tanggalnya`,
          `periode_akhir ${rec[iZ]} is before periode_awal ${rec[iA]}; swap them or correct the dates`));
        stop = -1;
      } else if (expect !== undefined && (start < expect.start || stop > expect.end)) {
        const stated = `${dayToIso(expect.start)}..${dayToIso(expect.end)}`;
        fieldError(start < expect.start ? iA : iZ, 'meta.consistency', t(
          `periode ${rec[iA]}..${rec[iZ]} di luar periode dataset ${stated} yang tertulis di ${expect.metaPath}; perbaiki barisnya atau periode di metadata`,
          `period ${rec[iA]}..${rec[iZ]} is outside the dataset period ${stated} stated in ${expect.metaPath}; correct the row or the metadata period`));
      }
    }

    // program
    let prog = -1;
    if (iP >= 0) {
      const p = rec[iP]!;
      switch (p) {
        case 'JKK': prog = 0; break;
        case 'JKM': prog = 1; break;
        case 'JHT': prog = 2; break;
        case 'JP': prog = 3; break;
        case 'JKP': prog = 4; break;
        default: {
          const up = p.trim().toUpperCase();
          fieldError(iP, up === 'JKN' || up === 'BPJS KESEHATAN' ? 'program.jkn' : 'program.value', describeProgram(p));
        }
      }
      if (prog === 4 && start >= 0 && start < JKP_FIRST_DAY) {
        fieldError(iP, 'program.jkp-date', t(
          `baris JKP untuk periode yang dimulai ${rec[iA]}, padahal JKP (Jaminan Kehilangan Pekerjaan) baru ada sejak 2021 (PP 37/2021); periksa kode program atau tanggalnya`,
          `JKP row for a period starting ${rec[iA]}, but JKP (Jaminan Kehilangan Pekerjaan) only exists since 2021 (PP 37/2021); check the programme code or the dates`));
        prog = -1;
      }
    }

    // jumlah_kasus
    let kasusNum = 0;
    let kasusBig = 0n;
    let kasusKnown = false;
    if (iK >= 0) {
      const k = rec[iK]!;
      if (k.length !== 0) {
        const c = parseCount(k);
        if (c === -1) fieldError(iK, 'kasus.format', describeKasus(k));
        else {
          kasusKnown = true;
          if (c >= 0) kasusNum = c; // a count of claims, exact below 2^53
          else kasusBig = BigInt(k);
        }
      }
    }

    // nominal_rp (empty = not reported)
    let nominalKnown = false;
    if (iN >= 0) {
      const v = rec[iN]!;
      if (v.length !== 0) {
        if (!parseNominalParts(v, parts)) fieldError(iN, v.trimStart().startsWith('-') ? 'nominal.negative' : 'nominal.format', explainNominal(v));
        else nominalKnown = true;
      }
    }

    // kasus_tertulis, nominal_tertulis: rare, so checked off the hot path
    let printedKasus: PrintedFigure | null = null;
    let printedNominal: PrintedFigure | null = null;
    if (iKT >= 0 && rec[iKT]!.length !== 0) {
      printedKasus = checkPrinted(rec, iKT, iK, false, kasusKnown ? (kasusBig !== 0n ? kasusBig : BigInt(kasusNum)) : null);
    }
    if (iNT >= 0 && rec[iNT]!.length !== 0) {
      printedNominal = checkPrinted(rec, iNT, iN, true, nominalKnown ? partsValue(parts) : null);
    } else if (nominalKnown && looksRounded(parts)) {
      const exact = `Rp${groupThousands(rec[iN]!)}`;
      fieldError(iN, 'printed.missing', t(
        `nominal_rp ${rec[iN]} adalah kelipatan utuh satu miliar, seperti angka yang dibulatkan; bila sumber menulisnya dibulatkan (misalnya "Rp 122 miliar"), salin teks itu ke nominal_tertulis; bila sumber menulis angka tepatnya, tulis teks itu di sana (misalnya "${exact}")`,
        `nominal_rp ${rec[iN]} is a whole number of miliar, as a rounded figure would be; if the source printed it rounded (e.g. "Rp 122 miliar"), copy that text into nominal_tertulis; if it printed the exact amount, write that text there instead (e.g. "${exact}")`));
    }

    if (!rowOk || branchId < 0 || start < 0 || stop < 0 || prog < 0) return;

    // Aggregate.
    const comboKey = branchId * 8 + prog;
    let keys = comboKeys[comboKey];
    if (keys === undefined) {
      while (comboKeys.length < comboKey) comboKeys.push(undefined);
      comboKeys[comboKey] = keys = newKeyList();
      ensureSlots(comboSums, comboKey);
      if (comboKey * 3 + 2 >= comboCounts.length) {
        let size = comboCounts.length;
        while (comboKey * 3 + 2 >= size) size *= 2;
        const bigger = new Float64Array(size);
        bigger.set(comboCounts);
        comboCounts = bigger;
      }
      while (comboKasusBig.length <= comboKey) comboKasusBig.push(0n);
    }
    const ci = comboKey * 3;
    comboCounts[ci]!++;
    if (!nominalKnown || printedNominal !== null || printedKasus !== null) {
      let extra = comboExtra.get(comboKey);
      if (extra === undefined) comboExtra.set(comboKey, (extra = { nominalMissing: 0, nominalUnits: 0n, kasusUnits: 0n, nominalAtLeast: 0, kasusAtLeast: 0, nominalPrinted: null, kasusPrinted: null }));
      if (!nominalKnown) extra.nominalMissing++;
      if (printedNominal !== null) {
        extra.nominalPrinted ??= rec[iNT]!;
        extra.nominalUnits += printedNominal.unit;
        if (printedNominal.qualifier === 'lebih') extra.nominalAtLeast++;
      }
      if (printedKasus !== null) {
        extra.kasusPrinted ??= rec[iKT]!;
        extra.kasusUnits += printedKasus.unit;
        if (printedKasus.qualifier === 'lebih') extra.kasusAtLeast++;
      }
    }
    if (nominalKnown) {
      addPartsAt(comboSums, comboKey, parts);
      const pkey = start * 65536 + (stop - start);
      if (pkey !== lastPeriodKey) {
        lastPeriodKey = pkey;
        let slot = periodSlots.get(pkey);
        if (slot === undefined) {
          slot = periodSlots.size;
          periodSlots.set(pkey, slot);
          ensureSlots(periodSums, slot);
        }
        lastPeriodSlot = slot;
      }
      addPartsAt(periodSums, lastPeriodSlot, parts);
    }
    if (kasusKnown) {
      if (kasusBig !== 0n) comboKasusBig[comboKey]! += kasusBig;
      else {
        // Case counts (never amounts) of up to 15 digits are added as exact
        // integers and moved into the BigInt sum long before 2^53.
        const k = (comboCounts[ci + 1] = comboCounts[ci + 1]! + kasusNum);
        if (k > 8e15) {
          comboKasusBig[comboKey]! += BigInt(k);
          comboCounts[ci + 1] = 0;
        }
      }
    } else comboCounts[ci + 2]!++;
    const packed = packPeriod(start, stop);
    pushKey(keys, packed);
    if (locate !== undefined) {
      const wanted = locate.get(comboKey);
      if (wanted !== undefined && wanted.has(packed)) {
        let byKey = located.get(comboKey);
        if (byKey === undefined) located.set(comboKey, (byKey = new Map()));
        const lines = byKey.get(packed);
        if (lines === undefined) byKey.set(packed, [line]);
        else if (lines.length < 200) lines.push(line);
      }
    }
    if (minStart < 0 || start < minStart) minStart = start;
    if (stop > maxEnd) maxEnd = stop;
    if (keepRows) {
      rows.push({
        line,
        kantor: branch,
        periodeAwal: rec[iA]!,
        periodeAkhir: rec[iZ]!,
        program: PROGRAMS[prog]!,
        jumlahKasus: kasusKnown ? (kasusBig !== 0n ? kasusBig.toString() : String(kasusNum)) : null,
        nominalRp: nominalKnown ? senToDecimal(partsValue(parts)) : null,
        kasusTertulis: printedKasus !== null ? rec[iKT]! : null,
        nominalTertulis: printedNominal !== null ? rec[iNT]! : null,
      });
    }
  };

  interface Skip { after: number; code: string; line: number; field: number; message: string }
  const skips: Skip[] = [];
  let skipHead = 0;
  // Called by csv-parse while it parses, ahead of the records still in the
  // stream buffer: queue it and apply it when those records have been consumed.
  const onSkip = (e: CsvError | undefined): undefined => {
    if (e === undefined) return undefined;
    const info = e as unknown as { lines?: number; column?: number | string | null };
    skips.push({
      after: parser.info.records,
      code: e.code,
      line: typeof info.lines === 'number' ? info.lines : 1,
      field: typeof info.column === 'number' ? info.column : -1,
      message: e.message,
    });
    return undefined;
  };

  const applySkip = (k: Skip): void => {
    if (broken) return;
    const code = k.code;
    // csv-parse reports every stray quote of a record: keep the first one.
    if (k.line === lastSkipLine && code !== 'CSV_QUOTE_NOT_CLOSED') return;
    let line = k.line;
    const field = k.field;
    let message: Text;
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      line = lineNo; // where the unclosed record starts
      message = t('tanda kutip yang dibuka di baris ini tidak pernah ditutup; tambahkan tanda kutip dua (") penutup di akhir isian, atau hapus tanda kutip pembukanya',
        'a quote opened in this row is never closed; add the closing double quote (") at the end of the value, or remove the opening one');
    } else if (code === 'INVALID_OPENING_QUOTE') {
      message = t(`isian ke-${field + 1} memuat tanda kutip dua (") di dalam isian yang tidak dikutip; hapus tanda kutip itu, atau apit seluruh isian dengan tanda kutip dan gandakan tanda kutip di dalamnya ("")`,
        `field ${field + 1} contains a double quote (") inside an unquoted value; remove it, or wrap the whole value in quotes and double the inner quote ("")`);
    } else if (code === 'CSV_INVALID_CLOSING_QUOTE') {
      message = t(`isian ke-${field + 1} punya teks setelah tanda kutip penutupnya; apit seluruh isian dengan tanda kutip, atau gandakan tanda kutip yang memang bagian dari isian (""). Baris-baris setelah ini tidak dapat diperiksa`,
        `field ${field + 1} has text after its closing quote; wrap the whole value in quotes, or double a quote that belongs to the value (""). The rows after this one could not be checked`);
      broken = true;
    } else if (code === 'CSV_MAX_RECORD_SIZE') {
      message = t(`baris ini lebih panjang dari ${LIMITS.recordChars} karakter, jauh melebihi yang diperlukan baris data klaim; berkas ini mungkin memakai akhir baris yang tidak lazim atau ada tanda kutip yang tidak ditutup. Baris-baris setelah ini tidak dapat diperiksa`,
        `this row is longer than ${LIMITS.recordChars} characters, far more than a claims row needs; the file probably uses an unexpected line ending or an unclosed quote. The rows after this one could not be checked`);
      broken = true;
    } else {
      message = t(`CSV tidak dapat dibaca di sini (${k.message}); periksa tanda kutip dan pemisah di baris ini`, `the CSV cannot be read here (${k.message}); check the quotes and separators of this row`);
    }
    lastSkipLine = line;
    report({ line, field: code === 'CSV_QUOTE_NOT_CLOSED' ? -1 : field, severity: 'error', rule: 'csv.quotes', message });
    lineNo = line + 1;
    if (headerSeen) rowCount++;
    else {
      headerSeen = true;
      fatal = true;
    }
  };

  const parser = parse({
    bom: true,
    max_record_size: LIMITS.recordChars,
    relax_column_count: true,
    skip_records_with_error: true,
    on_skip: onSkip,
  });
  let readError: unknown;
  try {
    await pipeline(source.open(), parser, new Writable({ objectMode: true, write: (rec: string[], _e, cb) => { consume(rec); cb(); } }));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') readError = e;
    else throw new Error(`checking ${path} failed unexpectedly`, { cause: e });
  }
  while (skipHead < skips.length) applySkip(skips[skipHead++]!);

  if (readError !== undefined) {
    const code = (readError as { code?: string }).code;
    report({ line: 1, field: -1, severity: 'error', rule: 'file.read',
      message: code === 'ENOENT' ? t('berkas tidak ditemukan; periksa jalurnya', 'file not found; check the path')
        : t(`berkas tidak dapat dibaca (${code}); periksa izin aksesnya`, `cannot read the file (${code}); check its permissions`) });
  } else if (!headerSeen) {
    report({ line: 1, field: -1, severity: 'error', rule: 'file.read',
      message: t(`berkas kosong; berkas harus diawali baris judul: ${HEADER}`, `the file is empty; it must start with the header line: ${HEADER}`) });
  } else if (rowCount === 0) {
    report({ line: 1, field: -1, severity: 'error', rule: 'rows.none',
      message: t('berkas punya baris judul tetapi tidak punya baris data; tambahkan paling sedikit satu baris, atau hapus berkas ini beserta metadatanya',
        'the file has a header but no data rows; add at least one row, or delete the file and its metadata') });
  }

  // Duplicates and overlaps inside the file.
  let totalSen = 0n;
  comboKeys.forEach((keys, comboKey) => {
    if (keys === undefined) return;
    const ci = comboKey * 3;
    const sen = valueAt(comboSums, comboKey);
    totalSen += sen;
    combos.set(comboKey, {
      branchId: Math.floor(comboKey / 8),
      program: comboKey % 8,
      rows: comboCounts[ci]!,
      sen,
      kasus: comboKasusBig[comboKey]! + BigInt(comboCounts[ci + 1]!),
      kasusMissing: comboCounts[ci + 2]!,
      nominalMissing: comboExtra.get(comboKey)?.nominalMissing ?? 0,
      nominalUnits: comboExtra.get(comboKey)?.nominalUnits ?? 0n,
      kasusUnits: comboExtra.get(comboKey)?.kasusUnits ?? 0n,
      nominalAtLeast: comboExtra.get(comboKey)?.nominalAtLeast ?? 0,
      kasusAtLeast: comboExtra.get(comboKey)?.kasusAtLeast ?? 0,
      nominalPrinted: comboExtra.get(comboKey)?.nominalPrinted ?? null,
      kasusPrinted: comboExtra.get(comboKey)?.kasusPrinted ?? null,
      keys,
    });
  });
  if (locate === undefined) {
    // Duplicates and overlaps inside the file; their lines come from a second pass.
    interface Conflict { combo: ComboAggregate; comboKey: number; a: number; b: number; count: number }
    const conflicts: Conflict[] = [];
    for (const [comboKey, combo] of combos) {
      findConflicts(combo.keys, (a, b, count) => {
        if (conflicts.length < MAX_DIAGNOSTICS_PER_FILE * 2) conflicts.push({ combo, comboKey, a, b, count });
        else errorCount += count - 1 || 1;
      });
    }
    if (conflicts.length > 0) {
      const wanted = new Map<number, Set<number>>();
      for (const c of conflicts) {
        let set = wanted.get(c.comboKey);
        if (set === undefined) wanted.set(c.comboKey, (set = new Set()));
        set.add(c.a);
        set.add(c.b);
      }
      const again = await checkCsv(source, { context: ctx, locate: wanted });
      const linesOf = (comboKey: number, key: number): number[] => again.located.get(comboKey)?.get(key) ?? [];
      const period = (key: number): string => `${dayToIso(keyStart(key))}..${dayToIso(keyEnd(key))}`;
      for (const c of conflicts) {
        const branch = ctx.branchNames[c.combo.branchId]!;
        const prog = PROGRAMS[c.combo.program]!;
        if (c.a === c.b) {
          const lines = linesOf(c.comboKey, c.a);
          const first = lines[0] ?? 0;
          for (let n = 1; n < c.count; n++) {
            report({ line: lines[n] ?? first, field: -1, severity: 'error', rule: 'row.duplicate',
              message: t(`baris ganda: ${branch} ${prog} ${period(c.a)} sudah ada di baris ${first}; hapus salah satu dari kedua baris itu (atau jumlahkan bila keduanya bagian dari satu total)`,
                `duplicate row: ${branch} ${prog} ${period(c.a)} is already on line ${first}; remove one of the two rows (or add them up if they are parts of one total)`) });
          }
        } else {
          const la = linesOf(c.comboKey, c.a)[0] ?? 0;
          const lb = linesOf(c.comboKey, c.b)[0] ?? 0;
          const [laterKey, laterLine, earlierKey, earlierLine] = la > lb ? [c.a, la, c.b, lb] : [c.b, lb, c.a, la];
          report({ line: laterLine, field: -1, severity: 'error', rule: 'period.overlap',
            message: t(`periode ${period(laterKey)} untuk ${branch} ${prog} tumpang tindih dengan ${period(earlierKey)} di baris ${earlierLine}, sehingga klaim akan terhitung dua kali; ubah periodenya agar tidak tumpang tindih`,
              `period ${period(laterKey)} for ${branch} ${prog} overlaps ${period(earlierKey)} on line ${earlierLine}, so claims would be counted twice; make the periods not overlap`) });
        }
      }
    }
  }

  const periods = new Map<number, bigint>();
  for (const [key, slot] of periodSlots) periods.set(key, valueAt(periodSums, slot));
  const diagnostics = locate === undefined ? await resolvePending(source, pending) : [];
  if (errorCount + warningCount > diagnostics.length) {
    const hidden = errorCount + warningCount - diagnostics.length;
    diagnostics.push({ path, line: diagnostics[diagnostics.length - 1]?.line ?? 1, column: 1, severity: errorCount > 0 ? 'error' : 'warning', rule: 'limit',
      message: t(`${hidden} masalah lain di berkas ini tidak ditampilkan (hanya ${MAX_DIAGNOSTICS_PER_FILE} yang pertama); perbaiki yang ini lalu jalankan pemeriksaan lagi`,
        `${hidden} more problem${hidden === 1 ? '' : 's'} in this file not shown (only the first ${MAX_DIAGNOSTICS_PER_FILE} are listed); fix these and run the check again`) });
  }
  return {
    path,
    rowCount,
    diagnostics,
    errorCount,
    warningCount,
    combos,
    periods,
    totalSen,
    minStart,
    maxEnd,
    rows: errorCount === 0 ? rows : [],
    located,
  };
}

async function resolvePending(source: CsvSource, pending: Pending[]): Promise<Diagnostic[]> {
  const wanted = new Set<number>();
  for (const p of pending) if (p.field >= 0) wanted.add(p.line);
  const texts = wanted.size > 0 ? await readLines(source, wanted) : new Map<number, string>();
  const out: Diagnostic[] = pending.map((p) => {
    const text = texts.get(p.line);
    const column = p.field >= 0 && text !== undefined ? fieldColumn(text, p.field) : 1;
    return { path: source.path, line: p.line, column, severity: p.severity, rule: p.rule, message: p.message };
  });
  out.sort((a, b) => a.line - b.line || a.column - b.column);
  return out;
}

/**
 * Reads the text of the given physical lines (1-based; CRLF, LF and CR end a
 * line; a leading BOM is dropped), streaming, without holding other lines.
 */
export async function readLines(source: CsvSource, wanted: ReadonlySet<number>): Promise<Map<number, string>> {
  const LINE_CAP = 8192;
  const out = new Map<number, string>();
  let last = 0;
  for (const n of wanted) if (n > last) last = n;
  let line = 1;
  let parts: Buffer[] = [];
  /** Bytes kept of the current line: only its start is needed to find a column. */
  let kept = 0;
  let prevCR = false;
  let first = true;
  const stream = source.open();
  try {
    for await (const chunk of stream) {
      let buf = chunk as Buffer;
      if (first) {
        first = false;
        if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
      }
      let from = 0;
      for (let i = 0; i < buf.length; i++) {
        const c = buf[i];
        if (c !== 10 && c !== 13) {
          prevCR = false;
          continue;
        }
        if (c === 10 && prevCR) {
          prevCR = false;
          from = i + 1;
          continue;
        }
        if (wanted.has(line)) {
          if (kept < LINE_CAP) parts.push(buf.subarray(from, Math.min(i, from + LINE_CAP - kept)));
          out.set(line, Buffer.concat(parts).toString('utf8'));
        }
        parts = [];
        kept = 0;
        line++;
        prevCR = c === 13;
        from = i + 1;
        if (line > last) return out;
      }
      if (wanted.has(line) && kept < LINE_CAP) {
        const piece = Buffer.from(buf.subarray(from, Math.min(buf.length, from + LINE_CAP - kept)));
        parts.push(piece);
        kept += piece.length;
      }
    }
    if (wanted.has(line)) out.set(line, Buffer.concat(parts).toString('utf8'));
    return out;
  } finally {
    stream.destroy();
  }
}

/** Column (1-based, in code points) where field `field` of a CSV line starts. */
export function fieldColumn(line: string, field: number): number {
  const chars = Array.from(line);
  let i = 0;
  for (let f = 0; f < field; f++) {
    if (i >= chars.length) return chars.length + 1;
    if (chars[i] === '"') {
      i++;
      while (i < chars.length) {
        if (chars[i] === '"') {
          if (chars[i + 1] === '"') i += 2;
          else { i++; break; }
        } else i++;
      }
    }
    while (i < chars.length && chars[i] !== ',') i++;
    if (i >= chars.length) return chars.length + 1;
    i++;
  }
  return i + 1;
}
