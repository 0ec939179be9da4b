/**
 * percentile_cont(p) from a two-level histogram: coarse bins (minutes) locate the ranks p falls
 * between, fine bins (the seconds of those minutes only) give their values. Bins are
 * [value, count] pairs in ascending value order, counts positive. "Middle" names the ranks of
 * the median, the first use; any percentile works the same way.
 */

/** Where the middle ranks of a coarse histogram lie. */
export interface Middle {
  /** The 0-based ranks whose values are interpolated (equal for an odd count). */
  lo: number;
  hi: number;
  /** percentile_cont's weight of the upper value (0 or 0.5 for the median). */
  fraction: number;
  /** The first and last coarse bins holding lo or hi. */
  first: number;
  last: number;
  /** How many values lie in the bins before `first`. */
  before: number;
}

/** The middle ranks of a histogram and the bins holding them, or null for an empty one. */
export function middleOf(bins: readonly [number, number][]): Middle | null {
  return ranksOf(bins, 0.5);
}

/**
 * The ranks percentile_cont(percentile) interpolates between, and the bins holding them, or null
 * for an empty histogram. The position is computed as PostgreSQL does (percentile × (n − 1), in
 * double precision), so the interpolation (valueAtMiddle) gives the same value to the last bit.
 */
export function ranksOf(bins: readonly [number, number][], percentile: number): Middle | null {
  const total = bins.reduce((sum, [, n]) => sum + n, 0);
  if (total <= 0) return null;
  const position = percentile * (total - 1);
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  let before = 0;
  let found: Pick<Middle, 'first' | 'last' | 'before'> | undefined;
  for (const [value, n] of bins) {
    const holds = (rank: number) => rank >= before && rank < before + n;
    if (holds(lo) || holds(hi)) found = found ? { ...found, last: value } : { first: value, last: value, before };
    before += n;
  }
  return found ? { lo, hi, fraction: position - lo, ...found } : null;
}

/**
 * The percentile from the fine bins covering middle.first … middle.last (nothing else), counting
 * ranks on from middle.before; null if they do not reach its ranks.
 */
export function valueAtMiddle(bins: readonly [number, number][], middle: Middle): number | null {
  let upto = middle.before;
  let loValue: number | undefined;
  for (const [value, n] of bins) {
    upto += n;
    if (loValue === undefined && upto > middle.lo) loValue = value;
    if (upto > middle.hi) return (loValue as number) + (value - (loValue as number)) * middle.fraction;
  }
  return null;
}

/**
 * A float8 rounded as `round(x::numeric, 1)::float8` rounds it: PostgreSQL turns the double
 * into a decimal of 15 significant digits first, then rounds half away from zero.
 */
export function roundedAsNumeric(value: number, decimals = 1): number {
  // Below 1e-6 JavaScript writes numbers with an exponent, and every such value rounds to 0.
  if (Math.abs(value) < 1e-6) return 0;
  const digits = Number(value.toPrecision(15));
  const scaled = Number(`${digits}e${decimals}`);
  return Number(`${Math.sign(scaled) * Math.round(Math.abs(scaled))}e-${decimals}`);
}
