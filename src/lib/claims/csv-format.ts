/**
 * The claims CSV format (contract v2): its columns, programmes and limits, and how input is
 * quoted in messages. Shared by the per-chunk checker, the merge step and the site.
 */
import type { SenParts } from './money.ts';
import { parseIsoDay } from './dates.ts';
import { INVISIBLE_IN_TEXT } from '../diagnostics.ts';

/** At most 80 characters of an input value, for messages. */
export function quoted(text: string): string {
  return text.length > 80 ? text.slice(0, 79) + '…' : text;
}

/**
 * True for an amount that is a whole number of miliar (10^9 rupiah) and not zero: the shape of
 * a figure printed rounded ("Rp 122 miliar"), which must then carry its printed text.
 */
export function looksRounded(p: SenParts): boolean {
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
export const CONTROL_CHARS = INVISIBLE_IN_TEXT;
const CONTROL_CHARS_ALL = new RegExp(INVISIBLE_IN_TEXT.source, 'g');

/**
 * A message safe to print: any quoted input longer than 80 characters is cut (with "…"), and
 * control or direction characters are shown as \uXXXX, so no input floods or rewrites a log.
 */
export function safeMessage(message: string): string {
  const escaped = message.replace(CONTROL_CHARS_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // A quoted input opens with a quote after a space (or at the start, or after "(") and a
  // non-space character: this does not match the message text between two quoted inputs
  // (`"a" is wrong; write "b"`), which must never be cut.
  return escaped
    .replace(/(^|[\s(])"([^"\s)][^"]{80,})"/g, (_m, pre: string, inner: string) => `${pre}"${inner.slice(0, 79)}…"`)
    .replace(/[^"\s]{200,}/g, (w) => `${w.slice(0, 79)}…`);
}

/** JKP exists since 2021 (PP 37/2021). */
export const JKP_FIRST_DAY = parseIsoDay('2021-01-01');

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
