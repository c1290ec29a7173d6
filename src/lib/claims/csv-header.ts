/**
 * The header line of a claims CSV: which column is where, and every problem with the header
 * (wrong separator, unknown, duplicate, missing or misordered columns), each with its fix.
 */
import type { Text } from './diagnostics.ts';
import { nearestName, t } from './diagnostics.ts';
import type { RuleId } from './rules.ts';
import { COLUMNS, HEADER } from './csv-format.ts';

/** Field index of each column in the file (-1 when absent). */
export interface ColumnIndex {
  kantor: number;
  periodeAwal: number;
  periodeAkhir: number;
  program: number;
  jumlahKasus: number;
  nominalRp: number;
  kasusTertulis: number;
  nominalTertulis: number;
}

/** A header problem at field `field` (-1 = column 1; beyond the last field = end of the line). */
export type HeaderProblem = (field: number, rule: RuleId, message: Text) => void;

export interface HeaderCheck {
  /** Number of fields of the header: every row must have as many. */
  width: number;
  columns: ColumnIndex;
  /** True when nothing after the header can be read (wrong separator). */
  fatal: boolean;
}

/** The column index of the standard header (every column in its place). */
export const STANDARD_COLUMNS: ColumnIndex = {
  kantor: 0, periodeAwal: 1, periodeAkhir: 2, program: 3, jumlahKasus: 4, nominalRp: 5, kasusTertulis: 6, nominalTertulis: 7,
};

function wrongSeparator(rec: string[], problem: HeaderProblem): boolean {
  if (rec.length !== 1) return false;
  const only = rec[0] ?? '';
  const semi = only.split(';').length;
  const tab = only.split('\t').length;
  if (semi <= 1 && tab <= 1) return false;
  const semicolons = semi >= tab;
  problem(-1, 'header.delimiter', t(
    `berkas ini dipisahkan dengan ${semicolons ? 'titik koma (";")' : 'tab'}, padahal format ini memakai koma; simpan ulang sebagai "CSV UTF-8 (comma delimited)" atau ganti pemisahnya dengan koma. Baris judul yang benar: ${HEADER}`,
    `the file is separated by ${semicolons ? 'semicolons (";")' : 'tabs'}, but this format uses commas; save it again as "CSV UTF-8 (comma delimited)" or replace the separators with commas. Expected header: ${HEADER}`));
  return true;
}

function unknownColumn(rec: string[], i: number, index: Map<string, number>, suggested: Set<string>, problem: HeaderProblem): void {
  const name = rec[i]!;
  const missing = COLUMNS.filter((c) => !index.has(c) && !suggested.has(c));
  const near = nearestName(name, missing);
  if (near !== undefined) {
    suggested.add(near);
    const spaces = name.trim() !== name;
    const lower = !spaces && name.toLowerCase() === near;
    problem(i, 'header.unknown', t(
      `kolom "${name}" tidak dikenal${spaces ? ' (diapit spasi)' : lower ? ' (nama kolom ditulis huruf kecil)' : ''}; maksud Anda "${near}"? Ganti namanya menjadi ${near}`,
      `unknown column "${name}"${spaces ? ' (it has spaces around it)' : lower ? ' (column names are lower case)' : ''}; did you mean "${near}"? Rename it to ${near}`));
  } else if (name === '') {
    problem(i, 'header.unknown', t(`kolom ke-${i + 1} baris judul tidak bernama; hapus kolom kosong itu (ada koma di akhir?) sehingga baris judul persis: ${HEADER}`,
      `column ${i + 1} of the header has no name; remove the empty column (a trailing comma?) so the header is exactly: ${HEADER}`));
  } else {
    problem(i, 'header.unknown', t(`kolom "${name}" tidak dikenal; hapus kolom itu: baris judul harus persis: ${HEADER}`,
      `unknown column "${name}"; remove it: the header must be exactly: ${HEADER}`));
  }
}

/** Checks a header record; every problem goes to `problem`. */
export function checkHeader(rec: string[], problem: HeaderProblem): HeaderCheck {
  const none: ColumnIndex = { kantor: -1, periodeAwal: -1, periodeAkhir: -1, program: -1, jumlahKasus: -1, nominalRp: -1, kasusTertulis: -1, nominalTertulis: -1 };
  if (wrongSeparator(rec, problem)) return { width: rec.length, columns: none, fatal: true };
  const index = new Map<string, number>();
  const suggested = new Set<string>();
  const unknown: number[] = [];
  for (let i = 0; i < rec.length; i++) {
    const name = rec[i]!;
    if ((COLUMNS as readonly string[]).includes(name)) {
      const first = index.get(name);
      if (first !== undefined) {
        problem(i, 'header.duplicate', t(`kolom "${name}" muncul dua kali (juga kolom ke-${first + 1} baris judul); hapus salah satunya beserta isinya`,
          `column "${name}" appears twice (also column ${first + 1} of the header); remove one of them and its values`));
      } else index.set(name, i);
    } else unknown.push(i);
  }
  for (const i of unknown) unknownColumn(rec, i, index, suggested, problem);
  for (const c of COLUMNS) {
    if (!index.has(c) && !suggested.has(c)) {
      problem(rec.length, 'header.missing', t(`kolom "${c}" tidak ada; baris judul harus persis: ${HEADER}`, `missing column "${c}"; the header must be exactly: ${HEADER}`));
    }
  }
  if (index.size === COLUMNS.length && rec.length === COLUMNS.length && rec.join(',') !== HEADER) {
    problem(-1, 'header.order', t(`urutan kolom salah: tertulis ${rec.join(',')}; susun ulang kolomnya (di baris judul dan setiap baris) menjadi: ${HEADER}`,
      `columns are in the wrong order: found ${rec.join(',')}; reorder the columns (in the header and every row) to: ${HEADER}`));
  }
  const at = (name: string): number => index.get(name) ?? -1;
  return {
    width: rec.length,
    fatal: false,
    columns: {
      kantor: at('kantor'), periodeAwal: at('periode_awal'), periodeAkhir: at('periode_akhir'), program: at('program'),
      jumlahKasus: at('jumlah_kasus'), nominalRp: at('nominal_rp'), kasusTertulis: at('kasus_tertulis'), nominalTertulis: at('nominal_tertulis'),
    },
  };
}
