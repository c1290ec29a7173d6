/**
 * BPU (Bukan Penerima Upah) contribution estimates. The rates, the minimum income basis and
 * the temporary discounts (PP 50/2025) live in data/bpu/iuran.yaml with their sources; this
 * module only computes. It runs both at build time (the table) and in the browser (the
 * calculator), so both give the same result.
 *
 * Money is exact: every amount is a BigInt of whole rupiah, never a floating-point number.
 *
 * Rounding (our choice, stated on the page): BPJS Ketenagakerjaan bills whole rupiah, so each
 * programme's monthly amount is rounded to the nearest whole rupiah, half a rupiah up. A
 * discount is applied to that rounded normal amount ("50% of the contribution that should be
 * paid", PP 50/2025 Pasal 4) and rounded the same way. The total is the sum of the rounded
 * programme amounts. The official rounding rule was not verified.
 */
import { formatBulan } from './dates.ts';

/** Rates as exact decimal strings: percent of the income basis, and a flat rupiah amount. */
export interface TarifBpu {
  jkk_persen: string;
  jkm_rupiah: string;
  jht_persen: string;
}

/** What the computation needs from the data file. */
export interface AturanIuran {
  tarif: TarifBpu;
  /** The lowest income basis, whole rupiah digits ("1000000"): a lower income is computed as this. */
  penghasilan_minimum: string;
}

export type KodeProgram = 'JKK' | 'JKM' | 'JHT';

/** A discount: the share still paid (percent) of the programmes it covers. */
export interface Potongan {
  persen_dibayar: string;
  program: readonly KodeProgram[];
}

/** A calendar month written `YYYY-MM`. Such strings sort in time order. */
export type Bulan = string;

/** The months a discount applies to one group of members, both ends included. */
export interface PeriodePotongan {
  kelompok: string;
  mulai: Bulan;
  sampai: Bulan;
}

export interface AturanPotongan extends Potongan {
  berlaku: readonly PeriodePotongan[];
}

export interface IuranBulanan {
  /** The income the amounts are computed from: the declared income, or the minimum basis if that is higher. */
  dasar: string;
  /** True when the declared income was below the minimum basis, so the minimum was used. */
  naikKeMinimum: boolean;
  /** Whole rupiah as digit strings, e.g. "10000". */
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

/** num/den rounded to the nearest whole number, halves up (num, den ≥ 0). */
function bulatkan(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

/** `percent`% of a whole-rupiah amount, rounded to whole rupiah (half up). */
function persenDari(rupiah: bigint, percent: string, what: string): bigint {
  const [num, den] = fraction(percent, what);
  return bulatkan(rupiah * num, den * 100n);
}

function rupiahBulat(text: string, what: string): bigint {
  if (!/^\d+$/.test(text)) throw new Error(`${what} must be whole rupiah digits, got ${JSON.stringify(text)}`);
  return BigInt(text);
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
 * Monthly contribution for a declared monthly income (whole rupiah, digit string), in whole
 * rupiah. An income below the minimum basis is computed as the minimum basis. With a discount,
 * the programmes it covers cost `persen_dibayar`% of their normal (rounded) amount.
 */
export function hitungIuran(
  penghasilan: string,
  aturan: AturanIuran,
  denganJht: boolean,
  potongan: Potongan | null = null,
): IuranBulanan {
  const declared = rupiahBulat(penghasilan, 'income');
  const minimum = rupiahBulat(aturan.penghasilan_minimum, 'penghasilan_minimum');
  const dasar = declared < minimum ? minimum : declared;
  const [jkmNum, jkmDen] = fraction(aturan.tarif.jkm_rupiah, 'jkm_rupiah');
  const normal: Record<KodeProgram, bigint> = {
    JKK: persenDari(dasar, aturan.tarif.jkk_persen, 'jkk_persen'),
    JKM: bulatkan(jkmNum, jkmDen),
    JHT: persenDari(dasar, aturan.tarif.jht_persen, 'jht_persen'),
  };
  const bayar = (kode: KodeProgram): bigint =>
    potongan && potongan.program.includes(kode) ? persenDari(normal[kode], potongan.persen_dibayar, 'persen_dibayar') : normal[kode];
  const jkk = bayar('JKK');
  const jkm = bayar('JKM');
  const jht = denganJht ? bayar('JHT') : null;
  return {
    dasar: dasar.toString(),
    naikKeMinimum: declared < minimum,
    jkk: jkk.toString(),
    jkm: jkm.toString(),
    jht: jht === null ? null : jht.toString(),
    total: (jkk + jkm + (jht ?? 0n)).toString(),
  };
}

/** The months that may be paid in advance (DOMAIN.md: 3, 6 or 12), after a single month. */
export const BULAN_DIMUKA = [1, 3, 6, 12] as const;

/** A rate as written in Indonesian: `"1"` → `1%`, `"0.24"` → `0,24%`. */
export function formatPersenTarif(persen: string): string {
  fraction(persen, 'rate');
  return `${persen.replace('.', ',')}%`;
}

// ---------------------------------------------------------------------------------------
// Months

const BULAN_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

function bagianBulan(bulan: Bulan): [number, number] {
  const m = BULAN_RE.exec(bulan);
  if (!m) throw new Error(`not a month written YYYY-MM: ${JSON.stringify(bulan)}`);
  return [Number(m[1]), Number(m[2])];
}

/**
 * The calendar month of an instant in a time zone (default Western Indonesian Time, where the
 * contribution months are counted): `bulanPada(new Date('2026-03-31T18:00:00Z'))` → `"2026-04"`.
 */
export function bulanPada(instant: Date, timeZone = 'Asia/Jakarta'): Bulan {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(instant);
  const year = parts.find((p) => p.type === 'year')?.value;
  const month = parts.find((p) => p.type === 'month')?.value;
  if (!year || !month) throw new Error(`cannot read the month of ${instant.toISOString()} in ${timeZone}`);
  return `${year.padStart(4, '0')}-${month}`;
}

/** `tambahBulan("2026-12", 1)` → `"2027-01"`. */
export function tambahBulan(bulan: Bulan, n: number): Bulan {
  if (!Number.isInteger(n)) throw new Error(`months must be a whole number, got ${n}`);
  const [y, m] = bagianBulan(bulan);
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `"2026-04"` → `April 2026`. */
export function formatNamaBulan(bulan: Bulan): string {
  bagianBulan(bulan);
  return formatBulan(`${bulan}-01`);
}

/** A range of months in words: `April – Desember 2026`, `Januari 2026 – Maret 2027`, `Mei 2026`. */
export function formatRentangBulan(mulai: Bulan, sampai: Bulan): string {
  if (mulai === sampai) return formatNamaBulan(mulai);
  const [y1] = bagianBulan(mulai);
  const [y2] = bagianBulan(sampai);
  const awal = formatNamaBulan(mulai);
  return `${y1 === y2 ? awal.replace(/ \d+$/, '') : awal} – ${formatNamaBulan(sampai)}`;
}

/** The discount that applies to a group of members in a month, or null (the normal amount applies). */
export function potonganPada<T extends AturanPotongan>(daftar: readonly T[], kelompok: string, bulan: Bulan): T | null {
  bagianBulan(bulan);
  return daftar.find((p) => p.berlaku.some((b) => b.kelompok === kelompok && b.mulai <= bulan && bulan <= b.sampai)) ?? null;
}

/** The period of a discount for one group, if it has one. */
export function periodeUntuk(potongan: AturanPotongan, kelompok: string): PeriodePotongan | null {
  return potongan.berlaku.find((b) => b.kelompok === kelompok) ?? null;
}

export interface IuranPadaBulan {
  bulan: Bulan;
  potongan: AturanPotongan | null;
  iuran: IuranBulanan;
}

/**
 * The contribution of each of `jumlah` months from `mulai`, each month under the rule in force
 * for that month (normal or discounted), e.g. for paying 3, 6 or 12 months in advance.
 */
export function iuranBeberapaBulan(
  penghasilan: string,
  aturan: AturanIuran,
  denganJht: boolean,
  daftarPotongan: readonly AturanPotongan[],
  kelompok: string,
  mulai: Bulan,
  jumlah: number,
): IuranPadaBulan[] {
  if (!Number.isInteger(jumlah) || jumlah < 1) throw new Error(`months must be a positive whole number, got ${jumlah}`);
  return Array.from({ length: jumlah }, (_, i) => {
    const bulan = tambahBulan(mulai, i);
    const potongan = potonganPada(daftarPotongan, kelompok, bulan);
    return { bulan, potongan, iuran: hitungIuran(penghasilan, aturan, denganJht, potongan) };
  });
}

/** The sum of the monthly totals, whole rupiah digits. */
export function jumlahIuran(bulan: readonly IuranPadaBulan[]): string {
  return bulan.reduce((sum, b) => sum + BigInt(b.iuran.total), 0n).toString();
}
