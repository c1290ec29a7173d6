/**
 * BPU (Bukan Penerima Upah) contribution estimates. The rates live in data/bpu/iuran.yaml
 * with their source; this module only computes. Arithmetic is exact on whole sen (1/100
 * rupiah) with BigInt, so the build-time table and the in-browser calculator give the same
 * result and no amount passes through a floating-point number.
 */

/** Rates as exact decimal strings: percent of declared income, and a flat rupiah amount. */
export interface TarifBpu {
  jkk_persen: string;
  jkm_rupiah: string;
  jht_persen: string;
}

export interface IuranBulanan {
  /** All amounts are exact decimal strings of rupiah, e.g. "10000" or "12345.67". */
  jkk: string;
  jkm: string;
  /** null when JHT is not chosen. */
  jht: string | null;
  total: string;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** A non-negative decimal string as a fraction [numerator, denominator]. */
function fraction(text: string, what: string): [bigint, bigint] {
  const m = DECIMAL.exec(text);
  if (!m) throw new Error(`${what} must be a plain non-negative decimal such as 1 or 0.24, got ${JSON.stringify(text)}`);
  const frac = m[2] ?? '';
  return [BigInt((m[1] ?? '') + frac), 10n ** BigInt(frac.length)];
}

/** Round a fraction of sen half up to whole sen. */
function roundSen(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

/** Whole sen as a canonical decimal string of rupiah: 1234567n → "12345.67", 1000050n → "10000.5", 1000000n → "10000". */
export function senToRupiah(sen: bigint): string {
  const rp = sen / 100n;
  const rest = sen % 100n;
  return rest === 0n ? rp.toString() : `${rp}.${rest.toString().padStart(2, '0').replace(/0$/, '')}`;
}

/** A decimal rupiah string ("12345.67") as whole sen; at most two decimals. */
export function rupiahToSen(text: string): bigint {
  const [num, den] = fraction(text, 'amount');
  if (den > 100n) throw new Error(`amount has more than two decimals: ${text}`);
  return (num * 100n) / den;
}

/**
 * Read a declared income typed by a person: accepts `1500000`, `1.500.000`, `Rp1.500.000`,
 * `1 500 000`. Returns whole rupiah as a digit string, or null if it is not a positive amount
 * of whole rupiah.
 */
export function bacaPenghasilan(input: string): string | null {
  const cleaned = input.trim().replace(/^rp\.?\s*/i, '').replace(/[.\s\u00a0]/g, '');
  if (!/^\d{1,15}$/.test(cleaned)) return null;
  const normalised = cleaned.replace(/^0+(?=\d)/, '');
  return normalised === '0' ? null : normalised;
}

/**
 * Monthly contribution for a declared monthly income (whole rupiah, digit string).
 * Percent-based parts are rounded half up to whole sen.
 */
export function hitungIuran(penghasilan: string, tarif: TarifBpu, denganJht: boolean): IuranBulanan {
  const incomeSen = rupiahToSen(penghasilan);
  const [jkkNum, jkkDen] = fraction(tarif.jkk_persen, 'jkk_persen');
  const [jhtNum, jhtDen] = fraction(tarif.jht_persen, 'jht_persen');
  const jkk = roundSen(incomeSen * jkkNum, jkkDen * 100n);
  const jkm = rupiahToSen(tarif.jkm_rupiah);
  const jht = denganJht ? roundSen(incomeSen * jhtNum, jhtDen * 100n) : null;
  return {
    jkk: senToRupiah(jkk),
    jkm: senToRupiah(jkm),
    jht: jht === null ? null : senToRupiah(jht),
    total: senToRupiah(jkk + jkm + (jht ?? 0n)),
  };
}

/** An amount paid for several months at once: exact multiplication. */
export function kaliBulan(rupiah: string, bulan: number): string {
  if (!Number.isInteger(bulan) || bulan < 1) throw new Error(`months must be a positive whole number, got ${bulan}`);
  return senToRupiah(rupiahToSen(rupiah) * BigInt(bulan));
}

/** The months that may be paid in advance (DOMAIN.md: 3, 6 or 12). */
export const BULAN_DIMUKA = [1, 3, 6, 12] as const;

/** A rate as written in Indonesian: `"1"` → `1%`, `"0.24"` → `0,24%`. */
export function formatPersenTarif(persen: string): string {
  fraction(persen, 'rate');
  return `${persen.replace('.', ',')}%`;
}
