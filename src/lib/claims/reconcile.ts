/**
 * Sums of figures that may be rounded or missing, and their comparison with a total the source
 * stated. All values are BigInt counts of a base unit (sen for money, whole cases for counts).
 *
 * A figure printed rounded to a unit `u` stands for a true value within ±u/2; a sum of such
 * figures carries the sum of those half-units. A stated total is consistent with the sum when the
 * two ranges meet ("sesuai dalam batas pembulatan"); otherwise the difference is real and named.
 */
import type { Qualifier } from './printed.ts';

/** A sum of figures, with what is uncertain about it. */
export interface SumParts {
  /** Exact sum of the figures that are known. */
  value: bigint;
  /** Sum of the rounding units of the rounded figures (0n when all are exact). */
  units: bigint;
  /** Figures that are not reported (the sum is then a lower bound). */
  missing: number;
  /** Figures printed as lower bounds ("lebih"). */
  atLeast: number;
}

/** A total as its source stated it. */
export interface StatedParts {
  value: bigint;
  /** Rounding unit (0n when exact). */
  unit: bigint;
  qualifier: Qualifier | null;
}

/**
 * Outcome of a comparison:
 * - `sama`: equal, to the last digit;
 * - `dalam-pembulatan`: different, but within the rounding of the figures (or consistent with a
 *   stated lower bound, "lebih");
 * - `tidak-lengkap`: the stated total is larger and some parts are not reported, so the gap may be
 *   those parts;
 * - `berbeda`: a real difference.
 */
export type ComparisonStatus = 'sama' | 'dalam-pembulatan' | 'tidak-lengkap' | 'berbeda';

/** Result of {@link compareStated}. */
export interface ComparisonParts {
  /** Stated minus computed. */
  difference: bigint;
  /** Twice the tolerance: the rounding units of the computed parts plus that of the stated total. */
  tolerance2: bigint;
  status: ComparisonStatus;
}

/** An empty sum. */
export function emptySum(): SumParts {
  return { value: 0n, units: 0n, missing: 0, atLeast: 0 };
}

/** Adds `b` into `a` (mutates and returns `a`). */
export function addSum(a: SumParts, b: SumParts): SumParts {
  a.value += b.value;
  a.units += b.units;
  a.missing += b.missing;
  a.atLeast += b.atLeast;
  return a;
}

/** Compares a stated total with a computed sum. */
export function compareStated(stated: StatedParts, computed: SumParts): ComparisonParts {
  const difference = stated.value - computed.value;
  const tolerance2 = computed.units + stated.unit;
  const twice = 2n * difference;
  let status: ComparisonStatus;
  if (difference === 0n && (tolerance2 === 0n || stated.qualifier === null)) status = 'sama';
  else if (stated.qualifier === 'lebih') {
    // The true total is above the stated figure: consistent if the computed range reaches it.
    status = twice <= computed.units ? 'dalam-pembulatan' : computed.missing > 0 ? 'tidak-lengkap' : 'berbeda';
  } else if (computed.atLeast > 0) {
    // Some parts are lower bounds: the stated total may be anything above the computed range.
    status = twice >= -tolerance2 ? 'dalam-pembulatan' : 'berbeda';
  } else if (twice <= tolerance2 && twice >= -tolerance2) status = 'dalam-pembulatan';
  else if (computed.missing > 0 && difference > 0n) status = 'tidak-lengkap';
  else status = 'berbeda';
  return { difference, tolerance2, status };
}
