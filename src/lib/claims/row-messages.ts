/** Messages that explain a bad programme code or case count, with how to fix it. */
import type { Text } from './diagnostics.ts';
import { nearestName, t } from './diagnostics.ts';
import { PROGRAMS, PROGRAM_NAMES } from './csv-format.ts';

/** Why a `program` value is not a programme code, and what to write. */
export function describeProgram(p: string): Text {
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

/** Why a `jumlah_kasus` value is not a count of claims, and what to write. */
export function describeKasus(k: string): Text {
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

