/**
 * Figures as their source printed them ("Rp 11,9 miliar", "3,39 juta", "Rp212 miliar lebih").
 *
 * Contract v2 keeps, beside each plain number, the text the source printed when the figure was
 * rounded or worded. This module reads that text: its exact value, its rounding unit (the place
 * value of the last printed digit times the scale word: "11,9 miliar" → 100.000.000) and an
 * optional qualifier. The checker then requires the plain number to equal the printed value (a
 * transcription check), and sums carry half a unit of uncertainty per rounded figure.
 *
 * Values are BigInt counts of a base unit: sen for money (1 rupiah = 100 sen), 1 for case counts.
 */

/** How a printed figure bounds the true value. */
export type Qualifier = 'sekitar' | 'lebih';

/** A printed figure, read exactly. */
export interface PrintedFigure {
  /** Value in base units (sen for money, whole cases for counts). */
  value: bigint;
  /** Rounding unit in base units; 0n when the text is an exact figure (no scale word). */
  unit: bigint;
  /** `sekitar` (about) or `lebih` (more than: the value is a lower bound); null when plain. */
  qualifier: Qualifier | null;
  /** Power of ten of the scale word (3 ribu, 6 juta, 9 miliar, 12 triliun); 0 without one. */
  scale: number;
  /** Decimals printed after the comma (or decimal point). */
  decimals: number;
}

/** Why a printed text could not be read: a phrase for messages, in English and Indonesian. */
export interface PrintedError {
  error: string;
  errorId: string;
}

function fail(en: string, id: string): PrintedError {
  return { error: en, errorId: id };
}

const SCALE_WORDS: Record<string, number> = {
  ribu: 3,
  rb: 3,
  juta: 6,
  jt: 6,
  miliar: 9,
  milyar: 9,
  milliar: 9,
  m: 9,
  triliun: 12,
  trilyun: 12,
  t: 12,
};

/**
 * Reads a printed figure.
 * @param text the text as the source printed it
 * @param money true for amounts (base unit sen, an optional "Rp" prefix), false for counts
 * @example readPrinted('Rp 11,9 miliar', true) // { value: 1190000000000n, unit: 10000000000n, qualifier: null }
 */
export function readPrinted(text: string, money: boolean): PrintedFigure | PrintedError {
  let s = text.trim().replace(/\s+/g, ' ');
  if (s === '') return fail('is empty', 'kosong');
  let qualifier: Qualifier | null = null;
  const lower = (): string => s.toLowerCase();
  if (/^sekitar /.test(lower())) {
    qualifier = 'sekitar';
    s = s.slice('sekitar '.length);
  } else if (/^lebih dari /.test(lower())) {
    qualifier = 'lebih';
    s = s.slice('lebih dari '.length);
  }
  if (/ lebih$/.test(lower())) {
    if (qualifier !== null) return fail('has two qualifiers', 'memakai dua keterangan sekaligus (sekitar dan lebih)');
    qualifier = 'lebih';
    s = s.slice(0, -' lebih'.length);
  }
  if (money) {
    const rp = /^rp\.? ?/i.exec(s);
    if (rp !== null) s = s.slice(rp[0].length);
  } else if (/^rp/i.test(s)) return fail('is an amount of money, not a number of cases', 'adalah nominal uang, bukan jumlah kasus');
  let exp = 0;
  let scaled = false;
  const word = / ?([a-z]+)\.?$/i.exec(s);
  if (word !== null) {
    const e = SCALE_WORDS[word[1]!.toLowerCase()];
    if (e === undefined) return fail(`has the word "${word[1]}", which is not a scale (ribu, juta, miliar, triliun)`, `memuat kata "${word[1]}", yang bukan satuan (ribu, juta, miliar, triliun)`);
    exp = e;
    scaled = true;
    s = s.slice(0, s.length - word[0].length);
  }
  const number = readNumber(s);
  if (number === null) {
    return fail('is not a number written as the source printed it (e.g. Rp 11,9 miliar or Rp1.864.980.719)', 'bukan angka yang ditulis seperti di sumber (misalnya Rp 11,9 miliar atau Rp1.864.980.719)');
  }
  const base = money ? 2 : 0;
  const shift = exp + base - number.decimals;
  let value: bigint;
  if (shift >= 0) value = number.digits * 10n ** BigInt(shift);
  else {
    const div = 10n ** BigInt(-shift);
    if (number.digits % div !== 0n) return money ? fail('has more decimals than a sen', 'punya desimal lebih kecil dari satu sen') : fail('is not a whole number of cases', 'bukan jumlah kasus yang bulat');
    value = number.digits / div;
  }
  // A scale word means the source rounded to its last printed digit; a plain figure is exact.
  const unit = scaled ? (shift >= 0 ? 10n ** BigInt(shift) : 1n) : 0n;
  return { value, unit, qualifier, scale: exp, decimals: number.decimals };
}

/**
 * An Indonesian number: dots group thousands and a comma starts the decimals ("1.234,5");
 * without a comma, a single dot not followed by exactly three digits is a decimal point, as some
 * outlets print ("1.68").
 */
function readNumber(s: string): { digits: bigint; decimals: number } | null {
  let int: string;
  let frac = '';
  if (/^\d{1,3}(\.\d{3})*(,\d+)?$/.test(s) || /^\d+(,\d+)?$/.test(s)) {
    const [i = '', f = ''] = s.split(',');
    int = i.replace(/\./g, '');
    frac = f;
  } else if (/^\d+\.\d+$/.test(s) && !/^\d{1,3}\.\d{3}$/.test(s)) {
    [int = '', frac = ''] = s.split('.');
  } else return null;
  return { digits: BigInt(int + frac), decimals: frac.length };
}

/** True when `r` is a read error. */
export function isPrintedError(r: PrintedFigure | PrintedError): r is PrintedError {
  return 'error' in r;
}

const SCALE_NAMES: Record<number, string> = { 3: 'ribu', 6: 'juta', 9: 'miliar', 12: 'triliun' };

/**
 * A printed figure written the site's way, keeping exactly the precision the source printed:
 * `Rp 11,9 miliar` → `Rp11,9 miliar`, `Rp1.68 Triliun` → `Rp1,68 triliun`, `3,39 juta` → `3,39 juta`,
 * `Rp212 miliar lebih` → `lebih dari Rp212 miliar`. Returns null when the text cannot be read.
 */
export function formatPrinted(text: string, money: boolean): string | null {
  const r = readPrinted(text, money);
  if (isPrintedError(r)) return null;
  const base = money ? 2 : 0;
  // The printed number: value / 10^(scale + base), with `decimals` digits after the comma.
  const digits = (r.value / 10n ** BigInt(Math.max(0, r.scale + base - r.decimals))).toString().padStart(r.decimals + 1, '0');
  const int = digits.slice(0, digits.length - r.decimals);
  const frac = digits.slice(digits.length - r.decimals);
  let grouped = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) grouped += '.';
    grouped += int[i];
  }
  const number = grouped + (frac !== '' ? `,${frac}` : '');
  const word = SCALE_NAMES[r.scale];
  const body = `${money ? 'Rp' : ''}${number}${word !== undefined ? ` ${word}` : ''}`;
  return r.qualifier === 'lebih' ? `lebih dari ${body}` : r.qualifier === 'sekitar' ? `sekitar ${body}` : body;
}
