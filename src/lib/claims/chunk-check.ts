/**
 * The per-chunk checker: validates and aggregates the records of one claims CSV, or of one
 * chunk of it (a run of whole records, with the header given). Pure apart from reading its
 * stream: records are raw strings from csv-parse (no `cast`), each checked as it leaves the
 * parser and then dropped. Only compact state is kept per row: a 4-byte period key per office ×
 * programme (period-keys.ts) and exact sums in base-10^8 limbs (money.ts), never floating
 * point. Problems are collected with their line and field; columns and the lines of duplicates
 * are found afterwards (locate.ts), only when there are problems.
 */
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type { CsvError } from 'csv-parse';
import type { Text } from './diagnostics.ts';
import { t } from './diagnostics.ts';
import type { RuleId } from './rules.ts';
import { addPartsAt, ensureSlots, withRoomFor, explainNominal, parseCount, parseNominalParts, partsValue, senParts, senSums, senToDecimal, valueAt } from './money.ts';
import type { SenParts, SenSums } from './money.ts';
import { DATE_OUT_OF_RANGE, dayToIso, explainDate, parseIsoDay } from './dates.ts';
import type { PrintedFigure } from './printed.ts';
import { isPrintedError, readPrinted } from './printed.ts';
import { groupThousands } from '../rupiah.ts';
import {
  COLUMNS, CONTROL_CHARS, HEADER, JKP_FIRST_DAY, LIMITS, MAX_DIAGNOSTICS_PER_FILE, PROGRAMS, looksRounded, quoted, safeMessage,
  type Row, type RowExpectations,
} from './csv-format.ts';
import { checkHeader, type ColumnIndex, type HeaderCheck } from './csv-header.ts';
import { newKeyList, packPeriod, pushKey, type KeyList } from './period-keys.ts';
import { describeKasus, describeProgram } from './row-messages.ts';

/** Shared across the files of one check: office names get one id each. */
export interface CheckContext {
  branchIds: Map<string, number>;
  branchNames: string[];
}

/** A fresh context for one check run. */
export function createCheckContext(): CheckContext {
  return { branchIds: new Map(), branchNames: [] };
}

/** Sums for one office × programme in one file (or chunk). */
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

/** A problem found in a chunk, before its column is known. */
export interface Pending {
  line: number;
  /** Field index to point at; beyond the last field = end of the line; -1 = column 1. */
  field: number;
  severity: 'error' | 'warning';
  rule: RuleId;
  message: Text;
}

/** Lines of located periods: combo key → packed period → lines (first ones, at most 200). */
export type Located = Map<number, Map<number, number[]>>;

export interface ChunkOptions {
  context?: CheckContext;
  /** Keep every valid row (for the site). */
  keepRows?: boolean;
  expect?: RowExpectations;
  /** Called about every 64k rows with rows read and bytes read. */
  onProgress?: (rows: number, bytes: number) => void;
  /** Locate mode: find the lines of these periods (combo key → packed periods) in `located`. */
  locate?: ReadonlyMap<number, ReadonlySet<number>>;
  /** A chunk after the header: the file's header (already checked) and no end-of-file checks. */
  header?: HeaderCheck;
  /** The file's line ending, for a chunk (a whole file detects it from its first line). */
  recordDelimiter?: string;
}

/** What one chunk (or a whole file) gave. */
export interface ChunkResult {
  /** Data rows read (excluding the header). */
  rowCount: number;
  /** At most MAX_DIAGNOSTICS_PER_FILE problems, in the order found. */
  pending: Pending[];
  errorCount: number;
  warningCount: number;
  /** Per office × programme, keyed by branchId * 8 + programme index, ascending. */
  combos: Map<number, ComboAggregate>;
  /** Per period sums in sen, keyed by start * 65536 + length, in order of first appearance. */
  periods: Map<number, bigint>;
  /** Earliest periode_awal and latest periode_akhir as day numbers (-1 if none). */
  minStart: number;
  maxEnd: number;
  /** Valid rows in file order (with `keepRows`). */
  rows: Row[];
  /** Lines found in locate mode. */
  located: Located;
}

interface ComboExtra { nominalMissing: number; nominalUnits: bigint; kasusUnits: bigint; nominalAtLeast: number; kasusAtLeast: number; nominalPrinted: string | null; kasusPrinted: string | null }
interface Skip { after: number; code: string; line: number; field: number; message: string }

/** Line breaks inside the fields of a record (CRLF counts once). */
function breaksIn(rec: string[]): number {
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
}

/** The checker of one run of records; {@link checkChunk} drives it with csv-parse. */
export class ChunkChecker {
  readonly ctx: CheckContext;
  readonly keepRows: boolean;
  readonly expect: RowExpectations | undefined;
  readonly locate: ReadonlyMap<number, ReadonlySet<number>> | undefined;
  readonly located: Located = new Map();
  readonly onProgress: ((rows: number, bytes: number) => void) | undefined;
  /** The parser's counters (records parsed, bytes read), read live. */
  parserInfo: () => { records: number; bytes: number } = () => ({ records: 0, bytes: 0 });

  pending: Pending[] = [];
  errorCount = 0;
  warningCount = 0;

  // Hot-path state per office × programme, in flat arrays indexed by combo key
  // (branchId * 8 + programme); the ComboAggregate objects are built at the end.
  comboKeys: (KeyList | undefined)[] = [];
  comboSums: SenSums = senSums();
  /** Per combo: [rows, case count part below 2^53, rows without case count]. */
  comboCounts: Float64Array = new Float64Array(64);
  comboKasusBig: bigint[] = [];
  /** Per combo, only for combos with rounded, lower-bound or missing figures (rare). */
  comboExtra = new Map<number, ComboExtra>();
  periodSlots = new Map<number, number>();
  periodSums: SenSums = senSums();
  rows: Row[] = [];
  parts: SenParts = senParts();
  minStart = -1;
  maxEnd = -1;

  headerSeen = false;
  fatal = false;
  /** After a misplaced closing quote csv-parse stays inside the quote: nothing after it can be trusted. */
  broken = false;
  width = 0;
  col: ColumnIndex = { kantor: -1, periodeAwal: -1, periodeAkhir: -1, program: -1, jumlahKasus: -1, nominalRp: -1, kasusTertulis: -1, nominalTertulis: -1 };
  rowCount = 0;
  /** Line where the next record starts. */
  lineNo = 1;
  /** Records taken from the parser so far (header and blank lines included). */
  consumed = 0;
  lastSkipLine = -1;
  skips: Skip[] = [];
  skipHead = 0;
  /** Office names of this file already validated → id, or -1 - id when not listed in the metadata. */
  seenBranches = new Map<string, number>();
  lastBranch = '';
  lastBranchInfo = 0;
  // The row being checked.
  rowLine = 0;
  rowOk = true;
  lastPeriodKey = -1;
  lastPeriodSlot = -1;
  /** The last date text of each period column and its day number (rows of one period repeat it). */
  lastA = { text: '', day: -1 };
  lastZ = { text: '', day: -1 };
  nextProgress = 65536;

  constructor(options: ChunkOptions) {
    this.ctx = options.context ?? createCheckContext();
    this.keepRows = options.keepRows === true;
    this.expect = options.expect;
    this.locate = options.locate;
    this.onProgress = options.onProgress;
    if (options.header !== undefined) {
      this.headerSeen = true;
      this.width = options.header.width;
      this.col = options.header.columns;
      this.fatal = options.header.fatal;
    }
  }

  report(p: Pending): void {
    if (p.severity === 'error') this.errorCount++;
    else this.warningCount++;
    if (this.pending.length < MAX_DIAGNOSTICS_PER_FILE) this.pending.push({ ...p, message: { id: safeMessage(p.message.id), en: safeMessage(p.message.en) } });
  }

  fieldError(field: number, rule: RuleId, message: Text): void {
    this.rowOk = false;
    this.report({ line: this.rowLine, field, severity: 'error', rule, message });
  }

  /** Takes the next record from the parser. */
  consume(rec: string[]): void {
    while (this.skipHead < this.skips.length && this.skips[this.skipHead]!.after === this.consumed) this.applySkip(this.skips[this.skipHead++]!);
    this.consumed++;
    if (this.broken) return;
    const line = this.lineNo;
    this.lineNo++;
    if (rec.length === 1 && rec[0] === '') return; // blank line
    if (!this.headerSeen) {
      this.lineNo += breaksIn(rec);
      this.headerSeen = true;
      const h = checkHeader(rec, (field, rule, message) => this.report({ line, field, severity: 'error', rule, message }));
      this.width = h.width;
      this.col = h.columns;
      this.fatal = h.fatal;
      return;
    }
    this.rowCount++;
    if (this.onProgress !== undefined && this.rowCount >= this.nextProgress) {
      this.nextProgress += 65536;
      this.onProgress(this.rowCount, this.parserInfo().bytes);
    }
    if (this.fatal) {
      this.lineNo += breaksIn(rec);
      return;
    }
    this.rowLine = line;
    this.rowOk = true;
    if (rec.length !== this.width) {
      this.wrongFieldCount(rec, line);
      return;
    }
    this.checkRow(rec, line);
    if (!this.rowOk) this.explainLinebreak(rec, line);
  }

  /** A row whose number of fields differs from the header's. */
  wrongFieldCount(rec: string[], line: number): void {
    const breaks = breaksIn(rec);
    if (breaks > 0) {
      this.lineNo += breaks;
      this.reportLinebreak(rec, line);
      return;
    }
    const width = this.width;
    const iN = this.col.nominalRp;
    const more = rec.length > width;
    // An amount with comma separators splits into a 1-3 digit field followed by 3-digit groups.
    const split = more && iN >= 0 && /^\d{1,3}$/.test(rec[iN] ?? '') && /^\d{3}$/.test(rec[iN + 1] ?? '');
    const hintId = split ? ' (nominal yang ditulis dengan koma sebagai pemisah ribuan, seperti 1,864,980,719, terpecah menjadi beberapa isian: tulis 1864980719)'
      : more ? ' (isian yang memuat koma harus diapit tanda kutip dua)' : '';
    const hintEn = split ? ' (an amount written with commas as thousands separators, like 1,864,980,719, splits into several fields: write 1864980719)'
      : more ? ' (a value containing a comma must be wrapped in double quotes)' : '';
    this.report({ line, field: more ? width : rec.length, severity: 'error', rule: 'row.fields', message: t(
      `baris ini punya ${rec.length} isian, padahal baris judul punya ${width}; ${more ? 'hapus isian yang berlebih' : 'tambahkan isian yang kurang (isian kosong tetap perlu komanya)'}${hintId}`,
      `row has ${rec.length} fields but the header has ${width}; ${more ? 'remove the extra fields' : 'add the missing fields (an empty value still needs its comma)'}${hintEn}`) });
  }

  /** Only an invalid field can hide a line break (valid ones are digits, dates, codes): explain it instead. */
  explainLinebreak(rec: string[], line: number): void {
    const breaks = breaksIn(rec);
    if (breaks === 0) return;
    this.lineNo += breaks;
    // Replace this row's diagnostics by the one that explains them.
    while (this.pending.length > 0 && this.pending[this.pending.length - 1]!.line === line) {
      const p = this.pending.pop()!;
      if (p.severity === 'error') this.errorCount--;
      else this.warningCount--;
    }
    this.reportLinebreak(rec, line);
  }

  reportLinebreak(rec: string[], line: number): void {
    let f = 0;
    while (f < rec.length && !/[\r\n]/.test(rec[f]!)) f++;
    this.report({ line, field: -1, severity: 'error', rule: 'csv.linebreak',
      message: t(`isian ke-${f + 1} memuat pergantian baris di dalam tanda kutip; tulis seluruh baris dalam satu baris`, `field ${f + 1} contains a line break inside quotes; put the whole row on one line`) });
  }

  /**
   * Checks a printed figure against its plain column (a transcription check). Returns the
   * figure when it can be read and matches, else reports and returns null.
   */
  checkPrinted(rec: string[], field: number, plainField: number, money: boolean, plain: bigint | null): PrintedFigure | null {
    const name = COLUMNS[money ? 7 : 6];
    const plainName = COLUMNS[money ? 5 : 4];
    const text = rec[field]!;
    const read = readPrinted(text, money);
    if (isPrintedError(read)) {
      const example = money ? '"Rp 11,9 miliar"' : '"3,39 juta"';
      this.fieldError(field, 'printed.format', t(
        `${name} "${quoted(text)}" ${read.errorId}; salin angkanya persis seperti tertulis di sumber, misalnya ${example}, atau kosongkan bila sumber menulis angka tepatnya`,
        `${name} "${quoted(text)}" ${read.error}; copy the figure exactly as the source printed it, e.g. ${example}, or leave it empty when the source printed the exact figure`));
      return null;
    }
    const shown = (v: bigint): string => (money ? senToDecimal(v) : v.toString());
    if (plain === null) {
      if (plainField >= 0 && rec[plainField]!.length === 0) {
        this.fieldError(plainField, 'printed.mismatch', t(
          `${plainName} kosong, padahal ${name} berisi "${quoted(text)}"; tulis angka itu sebagai angka polos: ${shown(read.value)}`,
          `${plainName} is empty but ${name} says "${quoted(text)}"; write the printed figure as a plain number: ${shown(read.value)}`));
      }
      return null;
    }
    if (plain !== read.value) {
      this.fieldError(plainField, 'printed.mismatch', t(
        `${plainName} ${rec[plainField]} tidak sama dengan ${name} "${quoted(text)}", yang bernilai ${shown(read.value)}; perbaiki salah ketik di salah satunya`,
        `${plainName} ${rec[plainField]} does not match ${name} "${quoted(text)}", which is ${shown(read.value)}; correct the typing mistake in one of them`));
      return null;
    }
    return read;
  }

  notListed(branch: string): void {
    const metaPath = this.expect!.metaPath;
    this.fieldError(this.col.kantor, 'meta.consistency', t(`kantor "${branch}" tidak tercantum di metadata (${metaPath}: offices); tambahkan di sana atau perbaiki barisnya`,
      `kantor "${branch}" is not listed in the metadata (${metaPath}: offices); add it there or correct the row`));
  }

  /** The `kantor` field: the office's id, or -1 when it is not valid. */
  checkBranch(branch: string): number {
    const iB = this.col.kantor;
    const n = branch.length;
    let known: number | undefined;
    if (n !== 0 && branch === this.lastBranch) known = this.lastBranchInfo;
    else {
      known = this.seenBranches.get(branch);
      if (known !== undefined) {
        this.lastBranch = branch;
        this.lastBranchInfo = known;
      }
    }
    if (known !== undefined) {
      // Validated before: id, or -1 - id when it is not listed in the metadata.
      if (known >= 0) return known;
      this.notListed(branch);
      return -1 - known;
    }
    if (n === 0) this.fieldError(iB, 'branch.value', t('kantor kosong; tulis nama kantor seperti di data/kantor.yaml, misalnya Pasuruan', 'kantor is empty; write the name of the office as in data/kantor.yaml, e.g. Pasuruan'));
    else if (branch.charCodeAt(0) <= 32 || branch.charCodeAt(n - 1) <= 32) {
      this.fieldError(iB, 'branch.value', t(`kantor "${branch}" diapit spasi; tulis "${branch.trim()}"`, `kantor "${branch}" has spaces around it; write "${branch.trim()}"`));
    } else if (n > LIMITS.nameChars) {
      this.fieldError(iB, 'branch.value', t(`kantor panjangnya ${n} karakter; nama kantor paling panjang ${LIMITS.nameChars} karakter: tulis namanya seperti di data/kantor.yaml`,
        `kantor is ${n} characters long; an office name has at most ${LIMITS.nameChars}: write the name as in data/kantor.yaml`));
    } else if (CONTROL_CHARS.test(branch)) {
      this.fieldError(iB, 'branch.value', t(`kantor "${branch}" memuat karakter kendali atau karakter arah teks (seperti NUL); ketik ulang namanya`,
        `kantor "${branch}" contains control or text-direction characters (such as NUL); retype the name`));
    } else if (branch.indexOf('\uFFFD') !== -1) {
      this.fieldError(iB, 'file.encoding', t(`kantor "${branch}" memuat byte yang bukan UTF-8; simpan berkasnya sebagai "CSV UTF-8"`, `kantor "${branch}" contains bytes that are not UTF-8; save the file as "CSV UTF-8"`));
    } else if (branch.indexOf('\n') !== -1 || branch.indexOf('\r') !== -1) {
      this.rowOk = false; // consume() reports the line break
    } else return this.registerBranch(branch);
    return -1;
  }

  /** A valid office name seen for the first time in this file. */
  registerBranch(branch: string): number {
    const ctx = this.ctx;
    let id = ctx.branchIds.get(branch);
    if (id === undefined) {
      id = ctx.branchNames.length;
      ctx.branchIds.set(branch, id);
      ctx.branchNames.push(branch);
    }
    const listed = this.expect === undefined || this.expect.offices.has(branch);
    this.lastBranch = branch;
    this.lastBranchInfo = listed ? id : -1 - id;
    this.seenBranches.set(branch, this.lastBranchInfo);
    if (!listed) this.notListed(branch);
    return id;
  }

  /** A date field as a day number, or -1 (reported). */
  readDay(rec: string[], field: number, last: { text: string; day: number }, name: 'periode_awal' | 'periode_akhir'): number {
    const s = rec[field]!;
    if (s !== last.text) {
      last.text = s;
      last.day = parseIsoDay(s);
    }
    const day = last.day;
    if (day < 0) this.fieldError(field, 'date.' + (day === DATE_OUT_OF_RANGE ? 'range' : 'format') as RuleId, explainDate(s, name, day));
    return day;
  }

  /** periode_awal and periode_akhir: [start, stop] day numbers, -1 where not valid. */
  checkPeriod(rec: string[]): [number, number] {
    const { periodeAwal: iA, periodeAkhir: iZ } = this.col;
    let start = iA >= 0 ? this.readDay(rec, iA, this.lastA, 'periode_awal') : -1;
    let stop = iZ >= 0 ? this.readDay(rec, iZ, this.lastZ, 'periode_akhir') : -1;
    if (start >= 0 && stop >= 0) {
      const expect = this.expect;
      if (stop < start) {
        this.fieldError(iZ, 'period.order', t(`periode_akhir ${rec[iZ]} lebih awal daripada periode_awal ${rec[iA]}; tukar keduanya atau perbaiki tanggalnya`,
          `periode_akhir ${rec[iZ]} is before periode_awal ${rec[iA]}; swap them or correct the dates`));
        stop = -1;
      } else if (expect !== undefined && (start < expect.start || stop > expect.end)) {
        const stated = `${dayToIso(expect.start)}..${dayToIso(expect.end)}`;
        this.fieldError(start < expect.start ? iA : iZ, 'meta.consistency', t(
          `periode ${rec[iA]}..${rec[iZ]} di luar periode dataset ${stated} yang tertulis di ${expect.metaPath}; perbaiki barisnya atau periode di metadata`,
          `period ${rec[iA]}..${rec[iZ]} is outside the dataset period ${stated} stated in ${expect.metaPath}; correct the row or the metadata period`));
      }
    }
    return [start, stop];
  }

  /** program: its index in PROGRAMS, or -1. */
  checkProgram(rec: string[], start: number): number {
    const iP = this.col.program;
    if (iP < 0) return -1;
    const p = rec[iP]!;
    let prog = -1;
    switch (p) {
      case 'JKK': prog = 0; break;
      case 'JKM': prog = 1; break;
      case 'JHT': prog = 2; break;
      case 'JP': prog = 3; break;
      case 'JKP': prog = 4; break;
      default: {
        const up = p.trim().toUpperCase();
        this.fieldError(iP, up === 'JKN' || up === 'BPJS KESEHATAN' ? 'program.jkn' : 'program.value', describeProgram(p));
      }
    }
    if (prog === 4 && start >= 0 && start < JKP_FIRST_DAY) {
      this.fieldError(iP, 'program.jkp-date', t(
        `baris JKP untuk periode yang dimulai ${rec[this.col.periodeAwal]}, padahal JKP (Jaminan Kehilangan Pekerjaan) baru ada sejak 2021 (PP 37/2021); periksa kode program atau tanggalnya`,
        `JKP row for a period starting ${rec[this.col.periodeAwal]}, but JKP (Jaminan Kehilangan Pekerjaan) only exists since 2021 (PP 37/2021); check the programme code or the dates`));
      prog = -1;
    }
    return prog;
  }

  /** The printed columns: rare, so checked off the hot path. */
  checkPrintedFields(rec: string[], kasusKnown: boolean, kasus: bigint, nominalKnown: boolean): [PrintedFigure | null, PrintedFigure | null] {
    const { kasusTertulis: iKT, nominalTertulis: iNT, jumlahKasus: iK, nominalRp: iN } = this.col;
    let printedKasus: PrintedFigure | null = null;
    let printedNominal: PrintedFigure | null = null;
    if (iKT >= 0 && rec[iKT]!.length !== 0) {
      printedKasus = this.checkPrinted(rec, iKT, iK, false, kasusKnown ? kasus : null);
    }
    if (iNT >= 0 && rec[iNT]!.length !== 0) {
      printedNominal = this.checkPrinted(rec, iNT, iN, true, nominalKnown ? partsValue(this.parts) : null);
    } else if (nominalKnown && looksRounded(this.parts)) {
      const exact = `Rp${groupThousands(rec[iN]!)}`;
      this.fieldError(iN, 'printed.missing', t(
        `nominal_rp ${rec[iN]} adalah kelipatan utuh satu miliar, seperti angka yang dibulatkan; bila sumber menulisnya dibulatkan (misalnya "Rp 122 miliar"), salin teks itu ke nominal_tertulis; bila sumber menulis angka tepatnya, tulis teks itu di sana (misalnya "${exact}")`,
        `nominal_rp ${rec[iN]} is a whole number of miliar, as a rounded figure would be; if the source printed it rounded (e.g. "Rp 122 miliar"), copy that text into nominal_tertulis; if it printed the exact amount, write that text there instead (e.g. "${exact}")`));
    }
    return [printedKasus, printedNominal];
  }

  /** Checks one row with the header's number of fields, and adds it to the sums when valid. */
  checkRow(rec: string[], line: number): void {
    const col = this.col;
    const branch = col.kantor >= 0 ? rec[col.kantor]! : '';
    const branchId = col.kantor >= 0 ? this.checkBranch(branch) : -1;
    const [start, stop] = this.checkPeriod(rec);
    const prog = this.checkProgram(rec, start);

    // jumlah_kasus (empty = not reported)
    let kasusNum = 0;
    let kasusBig = 0n;
    let kasusKnown = false;
    const iK = col.jumlahKasus;
    if (iK >= 0) {
      const k = rec[iK]!;
      if (k.length !== 0) {
        const c = parseCount(k);
        if (c === -1) this.fieldError(iK, 'kasus.format', describeKasus(k));
        else {
          kasusKnown = true;
          if (c >= 0) kasusNum = c; // a count of claims, exact below 2^53
          else kasusBig = BigInt(k);
        }
      }
    }

    // nominal_rp (empty = not reported)
    let nominalKnown = false;
    const iN = col.nominalRp;
    if (iN >= 0) {
      const v = rec[iN]!;
      if (v.length !== 0) {
        if (!parseNominalParts(v, this.parts)) this.fieldError(iN, v.trimStart().startsWith('-') ? 'nominal.negative' : 'nominal.format', explainNominal(v));
        else nominalKnown = true;
      }
    }
    let printedKasus: PrintedFigure | null = null;
    let printedNominal: PrintedFigure | null = null;
    if ((col.kasusTertulis >= 0 && rec[col.kasusTertulis]!.length !== 0) || (col.nominalTertulis >= 0 && rec[col.nominalTertulis]!.length !== 0) || (nominalKnown && looksRounded(this.parts))) {
      [printedKasus, printedNominal] = this.checkPrintedFields(rec, kasusKnown, kasusBig !== 0n ? kasusBig : BigInt(kasusNum), nominalKnown);
    }

    if (!this.rowOk || branchId < 0 || start < 0 || stop < 0 || prog < 0) return;
    const comboKey = branchId * 8 + prog;
    this.aggregate(rec, comboKey, start, stop, nominalKnown, printedKasus, printedNominal);
    this.countKasus(comboKey, kasusKnown, kasusNum, kasusBig);
    const packed = packPeriod(start, stop);
    pushKey(this.comboKeys[comboKey]!, packed);
    if (this.locate !== undefined) this.locateLine(comboKey, packed, line);
    if (this.minStart < 0 || start < this.minStart) this.minStart = start;
    if (stop > this.maxEnd) this.maxEnd = stop;
    if (this.keepRows) {
      this.rows.push({
        line,
        kantor: branch,
        periodeAwal: rec[col.periodeAwal]!,
        periodeAkhir: rec[col.periodeAkhir]!,
        program: PROGRAMS[prog]!,
        jumlahKasus: kasusKnown ? (kasusBig !== 0n ? kasusBig.toString() : String(kasusNum)) : null,
        nominalRp: nominalKnown ? senToDecimal(partsValue(this.parts)) : null,
        kasusTertulis: printedKasus !== null ? rec[col.kasusTertulis]! : null,
        nominalTertulis: printedNominal !== null ? rec[col.nominalTertulis]! : null,
      });
    }
  }

  /** The flat state of a combo seen for the first time. */
  newCombo(comboKey: number): void {
    while (this.comboKeys.length < comboKey) this.comboKeys.push(undefined);
    this.comboKeys[comboKey] = newKeyList();
    ensureSlots(this.comboSums, comboKey);
    this.comboCounts = withRoomFor(this.comboCounts, comboKey * 3 + 2);
    while (this.comboKasusBig.length <= comboKey) this.comboKasusBig.push(0n);
  }

  /** Adds a valid row's amount (and rare printed facts) to its combo and its period. */
  aggregate(rec: string[], comboKey: number, start: number, stop: number, nominalKnown: boolean, printedKasus: PrintedFigure | null, printedNominal: PrintedFigure | null): void {
    if (this.comboKeys[comboKey] === undefined) this.newCombo(comboKey);
    this.comboCounts[comboKey * 3]!++;
    if (!nominalKnown || printedNominal !== null || printedKasus !== null) {
      let extra = this.comboExtra.get(comboKey);
      if (extra === undefined) this.comboExtra.set(comboKey, (extra = { nominalMissing: 0, nominalUnits: 0n, kasusUnits: 0n, nominalAtLeast: 0, kasusAtLeast: 0, nominalPrinted: null, kasusPrinted: null }));
      if (!nominalKnown) extra.nominalMissing++;
      if (printedNominal !== null) {
        extra.nominalPrinted ??= rec[this.col.nominalTertulis]!;
        extra.nominalUnits += printedNominal.unit;
        if (printedNominal.qualifier === 'lebih') extra.nominalAtLeast++;
      }
      if (printedKasus !== null) {
        extra.kasusPrinted ??= rec[this.col.kasusTertulis]!;
        extra.kasusUnits += printedKasus.unit;
        if (printedKasus.qualifier === 'lebih') extra.kasusAtLeast++;
      }
    }
    if (!nominalKnown) return;
    addPartsAt(this.comboSums, comboKey, this.parts);
    const pkey = start * 65536 + (stop - start);
    if (pkey !== this.lastPeriodKey) {
      this.lastPeriodKey = pkey;
      let slot = this.periodSlots.get(pkey);
      if (slot === undefined) {
        slot = this.periodSlots.size;
        this.periodSlots.set(pkey, slot);
        ensureSlots(this.periodSums, slot);
      }
      this.lastPeriodSlot = slot;
    }
    addPartsAt(this.periodSums, this.lastPeriodSlot, this.parts);
  }

  countKasus(comboKey: number, kasusKnown: boolean, kasusNum: number, kasusBig: bigint): void {
    const ci = comboKey * 3;
    if (!kasusKnown) {
      this.comboCounts[ci + 2]!++;
      return;
    }
    if (kasusBig !== 0n) {
      this.comboKasusBig[comboKey]! += kasusBig;
      return;
    }
    // Case counts (never amounts) of up to 15 digits are added as exact
    // integers and moved into the BigInt sum long before 2^53.
    const k = (this.comboCounts[ci + 1] = this.comboCounts[ci + 1]! + kasusNum);
    if (k > 8e15) {
      this.comboKasusBig[comboKey]! += BigInt(k);
      this.comboCounts[ci + 1] = 0;
    }
  }

  locateLine(comboKey: number, packed: number, line: number): void {
    const wanted = this.locate!.get(comboKey);
    if (wanted === undefined || !wanted.has(packed)) return;
    let byKey = this.located.get(comboKey);
    if (byKey === undefined) this.located.set(comboKey, (byKey = new Map()));
    const lines = byKey.get(packed);
    if (lines === undefined) byKey.set(packed, [line]);
    else if (lines.length < 200) lines.push(line);
  }

  /**
   * Called by csv-parse while it parses, ahead of the records still in the stream buffer:
   * queued, and applied when those records have been consumed.
   */
  onSkip(e: CsvError | undefined): undefined {
    if (e === undefined) return undefined;
    const info = e as unknown as { lines?: number; column?: number | string | null };
    this.skips.push({
      after: this.parserInfo().records,
      code: e.code,
      line: typeof info.lines === 'number' ? info.lines : 1,
      field: typeof info.column === 'number' ? info.column : -1,
      message: e.message,
    });
    return undefined;
  }

  applyRemainingSkips(): void {
    while (this.skipHead < this.skips.length) this.applySkip(this.skips[this.skipHead++]!);
  }

  applySkip(k: Skip): void {
    if (this.broken) return;
    const code = k.code;
    // csv-parse reports every stray quote of a record: keep the first one.
    if (k.line === this.lastSkipLine && code !== 'CSV_QUOTE_NOT_CLOSED') return;
    // The unclosed record starts where the next record would.
    const line = code === 'CSV_QUOTE_NOT_CLOSED' ? this.lineNo : k.line;
    if (code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'CSV_MAX_RECORD_SIZE') this.broken = true;
    this.lastSkipLine = line;
    this.report({ line, field: code === 'CSV_QUOTE_NOT_CLOSED' ? -1 : k.field, severity: 'error', rule: 'csv.quotes', message: skipMessage(k) });
    this.lineNo = line + 1;
    if (this.headerSeen) this.rowCount++;
    else {
      this.headerSeen = true;
      this.fatal = true;
    }
  }

  /** The end of a whole file: a file that cannot be read, is empty or has no rows. */
  endOfFile(readError: unknown): void {
    if (readError !== undefined) {
      const code = (readError as { code?: string }).code;
      this.report({ line: 1, field: -1, severity: 'error', rule: 'file.read',
        message: code === 'ENOENT' ? t('berkas tidak ditemukan; periksa jalurnya', 'file not found; check the path')
          : t(`berkas tidak dapat dibaca (${code}); periksa izin aksesnya`, `cannot read the file (${code}); check its permissions`) });
    } else if (!this.headerSeen) {
      this.report({ line: 1, field: -1, severity: 'error', rule: 'file.read',
        message: t(`berkas kosong; berkas harus diawali baris judul: ${HEADER}`, `the file is empty; it must start with the header line: ${HEADER}`) });
    } else if (this.rowCount === 0) {
      this.report({ line: 1, field: -1, severity: 'error', rule: 'rows.none',
        message: t('berkas punya baris judul tetapi tidak punya baris data; tambahkan paling sedikit satu baris, atau hapus berkas ini beserta metadatanya',
          'the file has a header but no data rows; add at least one row, or delete the file and its metadata') });
    }
  }

  /** The result: combos built from the flat state, ascending by combo key. */
  result(): ChunkResult {
    const combos = new Map<number, ComboAggregate>();
    this.comboKeys.forEach((keys, comboKey) => {
      if (keys === undefined) return;
      const ci = comboKey * 3;
      const extra = this.comboExtra.get(comboKey);
      combos.set(comboKey, {
        branchId: Math.floor(comboKey / 8),
        program: comboKey % 8,
        rows: this.comboCounts[ci]!,
        sen: valueAt(this.comboSums, comboKey),
        kasus: this.comboKasusBig[comboKey]! + BigInt(this.comboCounts[ci + 1]!),
        kasusMissing: this.comboCounts[ci + 2]!,
        nominalMissing: extra?.nominalMissing ?? 0,
        nominalUnits: extra?.nominalUnits ?? 0n,
        kasusUnits: extra?.kasusUnits ?? 0n,
        nominalAtLeast: extra?.nominalAtLeast ?? 0,
        kasusAtLeast: extra?.kasusAtLeast ?? 0,
        nominalPrinted: extra?.nominalPrinted ?? null,
        kasusPrinted: extra?.kasusPrinted ?? null,
        keys,
      });
    });
    const periods = new Map<number, bigint>();
    for (const [key, slot] of this.periodSlots) periods.set(key, valueAt(this.periodSums, slot));
    return {
      rowCount: this.rowCount, pending: this.pending, errorCount: this.errorCount, warningCount: this.warningCount,
      combos, periods, minStart: this.minStart, maxEnd: this.maxEnd, rows: this.rows, located: this.located,
    };
  }
}

/** The message of a record csv-parse could not read. */
function skipMessage(k: Skip): Text {
  const field = k.field;
  switch (k.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return t('tanda kutip yang dibuka di baris ini tidak pernah ditutup; tambahkan tanda kutip dua (") penutup di akhir isian, atau hapus tanda kutip pembukanya',
        'a quote opened in this row is never closed; add the closing double quote (") at the end of the value, or remove the opening one');
    case 'INVALID_OPENING_QUOTE':
      return t(`isian ke-${field + 1} memuat tanda kutip dua (") di dalam isian yang tidak dikutip; hapus tanda kutip itu, atau apit seluruh isian dengan tanda kutip dan gandakan tanda kutip di dalamnya ("")`,
        `field ${field + 1} contains a double quote (") inside an unquoted value; remove it, or wrap the whole value in quotes and double the inner quote ("")`);
    case 'CSV_INVALID_CLOSING_QUOTE':
      return t(`isian ke-${field + 1} punya teks setelah tanda kutip penutupnya; apit seluruh isian dengan tanda kutip, atau gandakan tanda kutip yang memang bagian dari isian (""). Baris-baris setelah ini tidak dapat diperiksa`,
        `field ${field + 1} has text after its closing quote; wrap the whole value in quotes, or double a quote that belongs to the value (""). The rows after this one could not be checked`);
    case 'CSV_MAX_RECORD_SIZE':
      return t(`baris ini lebih panjang dari ${LIMITS.recordChars} karakter, jauh melebihi yang diperlukan baris data klaim; berkas ini mungkin memakai akhir baris yang tidak lazim atau ada tanda kutip yang tidak ditutup. Baris-baris setelah ini tidak dapat diperiksa`,
        `this row is longer than ${LIMITS.recordChars} characters, far more than a claims row needs; the file probably uses an unexpected line ending or an unclosed quote. The rows after this one could not be checked`);
    default:
      return t(`CSV tidak dapat dibaca di sini (${k.message}); periksa tanda kutip dan pemisah di baris ini`, `the CSV cannot be read here (${k.message}); check the quotes and separators of this row`);
  }
}

/**
 * Checks the records of `input` (a whole file, or with `options.header` one chunk of whole
 * records after the header). Never throws for bad data; a missing or unreadable file is
 * reported (whole files only); other read failures throw with `{ cause }`.
 */
export async function checkChunk(input: Readable, path: string, options: ChunkOptions = {}): Promise<ChunkResult> {
  const checker = new ChunkChecker(options);
  const parser = parse({
    bom: options.header === undefined,
    ...(options.recordDelimiter !== undefined ? { record_delimiter: options.recordDelimiter } : {}),
    max_record_size: LIMITS.recordChars,
    relax_column_count: true,
    skip_records_with_error: true,
    on_skip: (e: CsvError | undefined) => checker.onSkip(e),
  });
  checker.parserInfo = () => parser.info;
  let readError: unknown;
  try {
    await pipeline(input, parser, new Writable({ objectMode: true, write: (rec: string[], _e, cb) => { checker.consume(rec); cb(); } }));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') readError = e;
    else throw new Error(`checking ${path} failed unexpectedly`, { cause: e });
  }
  checker.applyRemainingSkips();
  if (options.header === undefined) checker.endOfFile(readError);
  return checker.result();
}

export type { HeaderCheck };
