/**
 * Rupiah, browser-safe: conversion between sen (1 rupiah = 100 sen, a BigInt) and exact
 * decimal strings, and writing them the Indonesian way (`Rp1.864.980.719`, `Rp5.000,50`).
 * String and BigInt operations only (no decimal.js, no JS numbers), so browser scripts such as
 * the BPU calculator stay small. The one module for this: claims/money.ts re-exports it for the
 * build and adds the hot-path parsing and divisions.
 */

/** Digits with dots as thousands separators: `1864980719` → `1.864.980.719`. */
export function groupThousands(int: string): string {
  let out = '';
  const n = int.length;
  for (let i = 0; i < n; i++) {
    if (i > 0 && (n - i) % 3 === 0) out += '.';
    out += int[i];
  }
  return out;
}

/** Split a decimal string into sign, integer digits and fraction digits (trailing zeros dropped). */
export function splitDecimal(value: string): { neg: boolean; int: string; frac: string } {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) throw new RangeError(`not a decimal string: "${value}" (expected digits with an optional dot, e.g. "5000.50")`);
  const int = (m[2] ?? '0').replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const neg = m[1] === '-' && (/[1-9]/.test(int) || frac !== '');
  return { neg, int, frac };
}

/**
 * Formats an exact decimal string as Indonesian rupiah: `Rp1.864.980.719`,
 * `Rp5.000,50`, `-Rp110.400.000`. A fractional part is shown with at least two
 * digits (and all of its digits, so nothing is rounded).
 */
export function formatRupiah(value: string | bigint): string {
  const { neg, int, frac } = splitDecimal(typeof value === 'bigint' ? value.toString() : value);
  const body = groupThousands(int) + (frac !== '' ? ',' + frac.padEnd(2, '0') : '');
  return (neg ? '-' : '') + 'Rp' + body;
}

/** Formats a whole number with dots as thousands separators: `15954` → `15.954`. */
export function formatCount(value: string | bigint): string {
  const { neg, int, frac } = splitDecimal(typeof value === 'bigint' ? value.toString() : value);
  return (neg ? '-' : '') + groupThousands(int) + (frac !== '' ? ',' + frac : '');
}

/** Formats a percent decimal string (`"82.67"`) the Indonesian way: `82,67%`. */
export function formatPercent(percent: string): string {
  const { neg, int, frac } = splitDecimal(percent);
  return (neg ? '-' : '') + groupThousands(int) + ',' + frac.padEnd(2, '0') + '%';
}

/**
 * Sen to an exact decimal string of rupiah: `500050n` → `"5000.5"` (canonical: no trailing
 * zeros), or `"5000.50"` with `twoDecimals` (a fraction always written with two digits, as a
 * CSV would print it). Negative amounts keep their sign.
 */
export function senToDecimal(sen: bigint, options: { twoDecimals?: boolean } = {}): string {
  const neg = sen < 0n;
  const abs = neg ? -sen : sen;
  const int = abs / 100n;
  const frac = abs % 100n;
  let out = int.toString();
  if (frac !== 0n) {
    const f = frac.toString().padStart(2, '0');
    out += '.' + (f.endsWith('0') && options.twoDecimals !== true ? f.slice(0, 1) : f);
  }
  return neg ? '-' + out : out;
}

/**
 * An exact decimal string with at most 2 decimals (optionally negative) to sen:
 * `"5000.5"` → `500050n`. Throws a RangeError for anything else (thousands separators,
 * commas, exponents, a third decimal).
 */
export function decimalToSen(value: string): bigint {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(value);
  if (!m) throw new RangeError(`not an exact rupiah amount: "${value}"`);
  const sen = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '0').padEnd(2, '0'));
  return m[1] === '-' ? -sen : sen;
}
