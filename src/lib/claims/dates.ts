/**
 * ISO calendar dates as compact day numbers, for fast period checks.
 *
 * A day number counts days since 1977-01-01 (day 0). Accepted years are
 * 1977–2100, so a day number and a period length each fit in 16 bits.
 */
import type { Text } from '../diagnostics.ts';

/** First accepted year. */
export const MIN_YEAR = 1977;
/** Last accepted year. */
export const MAX_YEAR = 2100;

/** Returned by {@link parseIsoDay}: not of the form YYYY-MM-DD. */
export const DATE_BAD_FORMAT = -1;
/** Returned by {@link parseIsoDay}: well formed but not a real calendar date (2017-02-30). */
export const DATE_NOT_REAL = -2;
/** Returned by {@link parseIsoDay}: a real date outside MIN_YEAR..MAX_YEAR. */
export const DATE_OUT_OF_RANGE = -3;

function daysFromCivil(y: number, m: number, d: number): number {
  // Howard Hinnant's algorithm, integers only.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const EPOCH = daysFromCivil(MIN_YEAR, 1, 1);
const MDAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of a year (Gregorian). */
export function daysInMonth(y: number, m: number): number {
  if (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return 29;
  return MDAYS[m - 1] ?? 0;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100000;
}

/**
 * Parses `YYYY-MM-DD` into a day number (≥ 0), or one of the negative
 * DATE_* codes. Char-code parsing, no Date, no regex.
 */
export function parseIsoDay(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return DATE_BAD_FORMAT;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (y < 0 || m < 0 || d < 0) return DATE_BAD_FORMAT;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return DATE_NOT_REAL;
  if (y < MIN_YEAR || y > MAX_YEAR) return DATE_OUT_OF_RANGE;
  return daysFromCivil(y, m, d) - EPOCH;
}

/** Converts a day number back to `YYYY-MM-DD`. */
export function dayToIso(day: number): string {
  const z = day + EPOCH + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Explains why `s` is not an accepted ISO date, for a message; `field` is
 * the column name.
 */
export function explainDate(s: string, field: string, code: number): Text {
  if (code === DATE_OUT_OF_RANGE) {
    return {
      id: `${field} "${s}" di luar tahun yang diterima (${MIN_YEAR}–${MAX_YEAR}); periksa tahunnya, mungkin salah ketik`,
      en: `${field} "${s}" is outside the accepted years ${MIN_YEAR}–${MAX_YEAR}; check the year for a typing mistake`,
    };
  }
  if (code === DATE_NOT_REAL) {
    const y = Number(s.slice(0, 4));
    const m = Number(s.slice(5, 7));
    if (m >= 1 && m <= 12) {
      return {
        id: `${field} "${s}" bukan tanggal yang ada: bulan ${s.slice(5, 7)} tahun ${s.slice(0, 4)} hanya ${daysInMonth(y, m)} hari; tulis tanggal yang benar dalam bentuk TTTT-BB-HH`,
        en: `${field} "${s}" is not a real date: month ${s.slice(5, 7)} of ${s.slice(0, 4)} has ${daysInMonth(y, m)} days; write the correct date as YYYY-MM-DD`,
      };
    }
    return {
      id: `${field} "${s}" bukan tanggal yang ada (tidak ada bulan ${s.slice(5, 7)}); tulis tanggal dalam bentuk TTTT-BB-HH`,
      en: `${field} "${s}" is not a real date (month ${s.slice(5, 7)} does not exist); write the date as YYYY-MM-DD`,
    };
  }
  if (s === '') {
    return {
      id: `${field} kosong; tulis tanggal dalam bentuk TTTT-BB-HH, misalnya 2017-01-01`,
      en: `${field} is empty; write the date as YYYY-MM-DD, e.g. 2017-01-01`,
    };
  }
  const dmy = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$/.exec(s);
  if (dmy) {
    const iso = `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
    const month = MONTHS_ID[Number(dmy[2]) - 1];
    return {
      id: `${field} "${s}" ditulis dengan tanggal di depan; tulis dalam bentuk TTTT-BB-HH (${iso} jika maksudnya ${Number(dmy[1])} ${month ?? `bulan ${dmy[2]}`} ${dmy[3]})`,
      en: `${field} "${s}" is written day-first; write it as YYYY-MM-DD (${iso} if it means ${Number(dmy[1])} ${month ?? `month ${dmy[2]}`} ${dmy[3]})`,
    };
  }
  const loose = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s.trim());
  if (loose) {
    const iso = `${loose[1]}-${loose[2]!.padStart(2, '0')}-${loose[3]!.padStart(2, '0')}`;
    return {
      id: `${field} "${s}" harus persis TTTT-BB-HH dengan bulan dan tanggal dua angka; tulis ${iso}`,
      en: `${field} "${s}" must be exactly YYYY-MM-DD with two-digit month and day; write ${iso}`,
    };
  }
  return {
    id: `${field} "${s}" bukan tanggal berbentuk TTTT-BB-HH; tulis seperti 2017-01-01`,
    en: `${field} "${s}" is not a date in the form YYYY-MM-DD; write it like 2017-01-01`,
  };
}

const MONTHS_ID = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
];
