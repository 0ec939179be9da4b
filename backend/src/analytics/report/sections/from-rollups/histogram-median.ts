/**
 * percentile_cont(0.5) from a two-level histogram: coarse bins (minutes) locate the middle
 * ranks, fine bins (the seconds of those minutes only) give their values. Bins are
 * [value, count] pairs in ascending value order, counts positive.
 */

/** Where the middle ranks of a coarse histogram lie. */
export interface Middle {
  /** The 0-based ranks whose values are interpolated (equal for an odd count). */
  lo: number;
  hi: number;
  /** percentile_cont's weight of the upper value: 0 or 0.5. */
  fraction: number;
  /** The first and last coarse bins holding lo or hi. */
  first: number;
  last: number;
  /** How many values lie in the bins before `first`. */
  before: number;
}

/** The middle ranks of a histogram and the bins holding them, or null for an empty one. */
export function middleOf(bins: readonly [number, number][]): Middle | null {
  const total = bins.reduce((sum, [, n]) => sum + n, 0);
  if (total <= 0) return null;
  const position = (total - 1) / 2;
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
 * The median from the fine bins covering middle.first … middle.last (nothing else), counting
 * ranks on from middle.before; null if they do not reach the middle ranks.
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
