/**
 * Exact money handling for the claims pipeline.
 *
 * Amounts are carried as decimal strings ("1864980719", "5000.5") or as
 * BigInt counts of sen (1 rupiah = 100 sen). They never pass through a
 * JavaScript number, so no sum can round. Divisions (shares, short forms)
 * use a dedicated decimal.js clone with 60 significant digits.
 *
 * Formatting follows Indonesian conventions: `Rp` with no space, a dot for
 * thousands and a comma for decimals (`Rp1.864.980.719`, `Rp5.000,50`).
 */
import type { Text } from '../diagnostics.ts';
import Decimal from 'decimal.js';
import { decimalToSen, formatPercent, formatRupiah, groupThousands, senToDecimal, splitDecimal } from '../rupiah.ts';

export { decimalToSen, formatCount, formatPercent, formatRupiah, senToDecimal } from '../rupiah.ts';

/** decimal.js clone used for every division in the pipeline (60 digits, half-up). */
export const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });

/** Result of {@link parseNominal}. `sen` is the amount in sen, `value` the canonical decimal string. */
export type NominalResult =
  | { ok: true; sen: bigint; value: string }
  | { ok: false; message: Text };

const C0 = 48;
const C9 = 57;
const DOT = 46;

/**
 * Hot-path parser for `nominal_rp`: accepts only `digits` or `digits.d` /
 * `digits.dd`, returns the amount in sen, or `null` when the text is not in
 * that form (then call {@link explainNominal} for the message). Hand-written
 * char-code checks, no regular expression, no JS number.
 */
export function parseNominalSen(s: string): bigint | null {
  const n = s.length;
  if (n === 0) return null;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < C0 || c > C9) break;
  }
  if (i === 0) return null;
  if (i === n) return BigInt(s) * 100n;
  if (s.charCodeAt(i) !== DOT) return null;
  const fracLen = n - i - 1;
  if (fracLen < 1 || fracLen > 2) return null;
  const f1 = s.charCodeAt(i + 1);
  if (f1 < C0 || f1 > C9) return null;
  if (fracLen === 2) {
    const f2 = s.charCodeAt(i + 2);
    if (f2 < C0 || f2 > C9) return null;
    return BigInt(s.slice(0, i) + s.slice(i + 1));
  }
  return BigInt(s.slice(0, i) + s.slice(i + 1)) * 10n;
}

/**
 * Scratch output of {@link parseNominalParts}. The amount in sen is
 * `hi × 10^8 + lo`, two whole numbers each below 10^8 (base-10^8 limbs, like
 * the digits of a BigInt); when the amount has more than 16 digits of sen,
 * `big` holds it as a BigInt instead and `lo`/`hi` are 0.
 */
export interface SenParts {
  lo: number;
  hi: number;
  big: bigint | null;
}

/** A fresh {@link SenParts}. */
export function senParts(): SenParts {
  return { lo: 0, hi: 0, big: null };
}

/**
 * Hot-path variant of {@link parseNominalSen} for streaming sums: validates
 * `s` (digits, optionally a dot and one or two digits) and writes the amount
 * into `out` as two exact base-10^8 limbs, without allocating. Each limb is an
 * integer below 10^8 built digit by digit, so nothing is ever rounded; the
 * amount itself never becomes a floating-point number. Returns false when `s`
 * is not a valid amount.
 */
export function parseNominalParts(s: string, out: SenParts): boolean {
  const n = s.length;
  let intLen = 0;
  while (intLen < n) {
    const c = s.charCodeAt(intLen);
    if (c < C0 || c > C9) break;
    intLen++;
  }
  if (intLen === 0 || intLen > 20) return false;
  let f1 = 0;
  let f2 = 0;
  if (intLen !== n) {
    if (s.charCodeAt(intLen) !== DOT) return false;
    const fracLen = n - intLen - 1;
    if (fracLen < 1 || fracLen > 2) return false;
    f1 = s.charCodeAt(intLen + 1) - C0;
    if (f1 < 0 || f1 > 9) return false;
    if (fracLen === 2) {
      f2 = s.charCodeAt(intLen + 2) - C0;
      if (f2 < 0 || f2 > 9) return false;
    }
  }
  if (intLen > 14) {
    out.lo = 0;
    out.hi = 0;
    out.big = parseNominalSen(s);
    return true;
  }
  // Sen digits: the integer digits, then f1, f2. The last 8 form `lo`.
  const total = intLen + 2;
  const split = total - 8; // digits before this index go to `hi`
  let hi = 0;
  let lo = 0;
  for (let k = 0; k < intLen; k++) {
    const d = s.charCodeAt(k) - C0;
    if (k < split) hi = hi * 10 + d;
    else lo = lo * 10 + d;
  }
  out.hi = hi;
  out.lo = lo * 100 + f1 * 10 + f2;
  out.big = null;
  return true;
}

const LIMB = 100000000n;
/** Flush threshold: far below 2^53 - 10^8, so adding one more limb stays exact. */
const FLUSH_AT = 8e15;

/**
 * Many exact running sums in sen, one per slot, in one flat Float64Array of
 * base-10^8 limbs (slot × 2 = low limb, slot × 2 + 1 = high limb; whole
 * numbers moved into `big[slot]` long before they could reach 2^53). Flat
 * storage keeps the per-row additions cheap and cache-friendly.
 */
export interface SenSums {
  limbs: Float64Array;
  big: bigint[];
}

/** Empty {@link SenSums}; slots are added by {@link ensureSlots}. */
export function senSums(): SenSums {
  return { limbs: new Float64Array(64), big: [] };
}

/** `a`, or a copy doubled in size until index `index` fits. */
export function withRoomFor(a: Float64Array, index: number): Float64Array {
  if (index < a.length) return a;
  let size = a.length;
  while (index >= size) size *= 2;
  const bigger = new Float64Array(size);
  bigger.set(a);
  return bigger;
}

/** Makes room for slots 0..slot. */
export function ensureSlots(sums: SenSums, slot: number): void {
  sums.limbs = withRoomFor(sums.limbs, slot * 2 + 1);
  while (sums.big.length <= slot) sums.big.push(0n);
}

/** Adds parsed parts to slot `slot` (made room for with {@link ensureSlots}). */
export function addPartsAt(sums: SenSums, slot: number, p: SenParts): void {
  if (p.big !== null) {
    sums.big[slot]! += p.big;
    return;
  }
  const l = sums.limbs;
  const i = slot * 2;
  const lo = (l[i] = l[i]! + p.lo);
  const hi = (l[i + 1] = l[i + 1]! + p.hi);
  if (lo > FLUSH_AT || hi > FLUSH_AT) {
    sums.big[slot] = valueAt(sums, slot);
    l[i] = 0;
    l[i + 1] = 0;
  }
}

/** The exact value of slot `slot`, in sen. */
export function valueAt(sums: SenSums, slot: number): bigint {
  return (sums.big[slot] ?? 0n) + BigInt(sums.limbs[slot * 2 + 1] ?? 0) * LIMB + BigInt(sums.limbs[slot * 2] ?? 0);
}

/** The amount held in parts, in sen (for rows that are kept). */
export function partsValue(p: SenParts): bigint {
  return p.big ?? BigInt(p.hi) * LIMB + BigInt(p.lo);
}

/**
 * Parses a whole count (`jumlah_kasus`) of at most 15 digits char by char:
 * returns its value (exact, below 2^53), -1 when `s` is not all digits, or -2
 * when it has more than 15 digits (then use BigInt). Counts are not money.
 */
export function parseCount(s: string): number {
  const n = s.length;
  if (n === 0 || n > 20) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - C0;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return n > 15 ? -2 : v;
}


const THOUSANDS_DOT = /^\d{1,3}(\.\d{3})+(,\d+)?$/;
const THOUSANDS_COMMA = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Explains why `s` is not a valid `nominal_rp` and how to fix it. Only called
 * on the (rare) error path, so it may use regular expressions.
 * @param field column name used in the message
 */
export function explainNominal(s: string, field = 'nominal_rp'): Text {
  const hint = {
    id: 'tulis angka rupiah polos seperti 1864980719 atau 1864980719.50',
    en: 'write a plain number of rupiah such as 1864980719 or 1864980719.50',
  };
  const m = (id: string, en: string): Text => ({ id, en });
  if (s === '') return m(`${field} kosong; ${hint.id}, atau null bila sumber tidak menyebutnya`, `${field} is empty; ${hint.en}, or null when the source did not state it`);
  if (/^\d{21,}(\.\d{1,2})?$/.test(s)) {
    const n = s.split('.')[0]!.length;
    return m(`${field} punya ${n} angka sebelum titik desimal; nominal paling banyak 20 angka (tidak ada klaim sebesar itu): periksa angkanya`,
      `${field} has ${n} digits before the decimal point; an amount has at most 20 (no claim is that large): check the figure`);
  }
  if (s.trim() !== s || /\s/.test(s)) {
    const squeezed = s.replace(/\s+/g, '');
    return parseNominalSen(squeezed) !== null
      ? m(`${field} "${s}" memuat spasi; tulis ${squeezed}`, `${field} "${s}" contains spaces; write ${squeezed}`)
      : m(`${field} "${s}" memuat spasi; hapus spasinya dan ${hint.id}`, `${field} "${s}" contains spaces; remove them and ${hint.en}`);
  }
  if (/^-/.test(s)) {
    return m(`${field} "${s}" negatif; nominal klaim tidak mungkin di bawah nol: periksa sumbernya dan tulis nominal tanpa tanda`,
      `${field} "${s}" is negative; claim amounts cannot be below zero: check the source and write the amount without a sign`);
  }
  if (/^\+/.test(s)) return m(`${field} "${s}" memakai tanda plus; tulis tanpa tanda: ${s.slice(1)}`, `${field} "${s}" has a plus sign; write it without a sign: ${s.slice(1)}`);
  let body = s;
  let rp = false;
  if (/^rp\.?\s*/i.test(body)) {
    body = body.replace(/^rp\.?\s*/i, '');
    rp = true;
  }
  const rpId = rp ? 'memakai awalan mata uang dan ' : '';
  const rpEn = rp ? 'has a currency prefix and ' : '';
  if (THOUSANDS_DOT.test(body)) {
    const [int = '', frac] = body.split(',');
    const plain = int.replace(/\./g, '') + (frac !== undefined ? `.${frac}` : '');
    const many = frac !== undefined && frac.length > 2;
    return m(`${field} "${s}" ${rpId}memakai titik sebagai pemisah ribuan; tulis ${plain}${many ? ' (dan paling banyak 2 desimal)' : ''}`,
      `${field} "${s}" ${rpEn}uses dots as thousands separators; write ${plain}${many ? ' (and at most 2 decimals)' : ''}`);
  }
  if (THOUSANDS_COMMA.test(body)) {
    const plain = body.replace(/,/g, '');
    return m(`${field} "${s}" ${rpId}memakai koma sebagai pemisah ribuan; tulis ${plain}`, `${field} "${s}" ${rpEn}uses commas as thousands separators; write ${plain}`);
  }
  if (/^\d+,\d{1,2}$/.test(body)) {
    const plain = body.replace(',', '.');
    return m(`${field} "${s}" ${rpId}memakai koma untuk desimal; tulis ${plain} (titik sebelum sen)`, `${field} "${s}" ${rpEn}uses a comma for decimals; write ${plain} (a dot before the sen)`);
  }
  if (rp && parseNominalSen(body) !== null) return m(`${field} "${s}" memakai awalan mata uang; tulis ${body}`, `${field} "${s}" has a currency prefix; write ${body}`);
  if (/^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(body)) {
    return m(`${field} "${s}" ditulis dalam notasi ilmiah; ${hint.id} (di spreadsheet, format kolomnya sebagai Number dengan 0 atau 2 desimal sebelum menyimpan)`,
      `${field} "${s}" is in scientific notation; ${hint.en} (format the spreadsheet column as Number with 0 or 2 decimals before exporting)`);
  }
  if (/^0x[0-9a-f]+$/i.test(body)) return m(`${field} "${s}" adalah bilangan heksadesimal; ${hint.id}`, `${field} "${s}" is a hexadecimal number; ${hint.en}`);
  if (/^\d+(_\d+)+(\.\d+)?$/.test(body)) {
    const plain = body.replace(/_/g, '');
    return m(`${field} "${s}" memakai garis bawah di antara angka; tulis ${plain}`, `${field} "${s}" uses underscores between digits; write ${plain}`);
  }
  if (/^(nan|[+-]?inf(inity)?)$/i.test(body)) return m(`${field} "${s}" bukan angka; ${hint.id}`, `${field} "${s}" is not a number; ${hint.en}`);
  if (/^\d+\.\d{3,}$/.test(body)) {
    return m(`${field} "${s}" punya lebih dari 2 desimal; nominal rupiah paling banyak 2 desimal (sen): bulatkan sesuai sumber, atau periksa titik ribuan yang salah tempat`,
      `${field} "${s}" has more than 2 decimals; rupiah amounts have at most 2 (sen): round it in the source or check for a misplaced thousands dot`);
  }
  if (/^\.\d+$/.test(body)) return m(`${field} "${s}" tidak punya angka sebelum titik; tulis 0${body}`, `${field} "${s}" has no digit before the dot; write 0${body}`);
  if (/^\d+\.$/.test(body)) return m(`${field} "${s}" diakhiri titik; tulis ${body.slice(0, -1)}`, `${field} "${s}" ends with a dot; write ${body.slice(0, -1)}`);
  return m(`${field} "${s}" bukan nominal polos; ${hint.id}`, `${field} "${s}" is not a plain amount; ${hint.en}`);
}

/**
 * Parses a `nominal_rp` text: `digits` or `digits.dd` (at most 2 decimals),
 * no sign, no spaces, no separators. Used by validation and by anyone who
 * needs the canonical form.
 * @example parseNominal('1864980719.50') // { ok: true, sen: 186498071950n, value: '1864980719.5' }
 */
export function parseNominal(s: string): NominalResult {
  const sen = parseNominalSen(s);
  if (sen === null) return { ok: false, message: explainNominal(s) };
  return { ok: true, sen, value: senToDecimal(sen) };
}

const SCALES: { exp: number; word: string }[] = [
  { exp: 12, word: 'triliun' },
  { exp: 9, word: 'miliar' },
  { exp: 6, word: 'juta' },
];

function twoDecimals(d: Decimal): string {
  const [int = '0', frac = '00'] = d.toFixed(2, Dec.ROUND_HALF_UP).split('.');
  return groupThousands(int) + ',' + frac;
}

/**
 * Formats an amount in words for large figures, two decimals, rounded half-up:
 * `formatRupiahShort('10555055690')` → `Rp10,56 miliar`; units are juta (10^6),
 * miliar (10^9) and triliun (10^12). Below one juta the exact form is returned.
 */
export function formatRupiahShort(value: string | bigint): string {
  const str = typeof value === 'bigint' ? value.toString() : value;
  splitDecimal(str);
  const d = new Dec(str);
  const abs = d.abs();
  const sign = d.isNegative() && !d.isZero() ? '-' : '';
  for (let i = 0; i < SCALES.length; i++) {
    const scale = SCALES[i]!;
    const unit = new Dec(10).pow(scale.exp);
    if (abs.gte(unit)) {
      const scaled = abs.div(unit).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
      // 999,995 juta rounds to 1.000,00 juta: move up a unit instead.
      if (i > 0 && scaled.gte(1000)) {
        const up = SCALES[i - 1]!;
        return `${sign}Rp${twoDecimals(abs.div(new Dec(10).pow(up.exp)))} ${up.word}`;
      }
      return `${sign}Rp${twoDecimals(scaled)} ${scale.word}`;
    }
  }
  const rounded = abs.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  if (rounded.gte(new Dec(10).pow(6))) return `${sign}Rp1,00 juta`;
  return sign + formatRupiah(rounded.toFixed());
}

/**
 * Exact percentage `part / total × 100` rounded half-up to 2 decimals, as a
 * decimal string with a dot (`"82.67"`). Returns `null` when total is zero.
 */
export function sharePercent(part: string | bigint, total: string | bigint): string | null {
  const t = new Dec(typeof total === 'bigint' ? total.toString() : total);
  if (t.isZero()) return null;
  const p = new Dec(typeof part === 'bigint' ? part.toString() : part);
  return p.div(t).times(100).toFixed(2, Dec.ROUND_HALF_UP);
}

/**
 * Formats `part / total` as an Indonesian percentage with two decimals:
 * `formatShare('10555055690', '12768143829')` → `82,67%`. A zero total gives `–`.
 */
export function formatShare(part: string | bigint, total: string | bigint): string {
  const p = sharePercent(part, total);
  if (p === null) return '–';
  return formatPercent(p);
}

/** Adds exact decimal strings (at most 2 decimals each) and returns the canonical sum. */
export function addDecimals(values: Iterable<string>): string {
  let sen = 0n;
  for (const v of values) sen += decimalToSen(v);
  return senToDecimal(sen);
}
