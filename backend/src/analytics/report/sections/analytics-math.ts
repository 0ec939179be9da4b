/**
 * Rounding and ratios of the analytics figures. The SQL returns counts and sums only (what a
 * daily rollup can store and re-add exactly); every average and rate is derived here, once.
 */

/** Rounds half away from zero to `digits` decimals, without binary-float surprises (1.005 → 1.01). */
export function round(value: number, digits: number): number {
  if (!Number.isFinite(value)) return 0;
  const sign = value < 0 ? -1 : 1;
  return sign * Number(`${Math.round(Number(`${Math.abs(value)}e${digits}`))}e-${digits}`);
}

/** part / whole with 3 decimals; 0 when there is nothing to divide by. */
export function rate(part: number, whole: number): number {
  return whole > 0 ? round(part / whole, 3) : 0;
}

/** sum / count with 1 decimal; null when there is nothing to average. */
export function averageOrNull(sum: number, count: number): number | null {
  return count > 0 ? round(sum / count, 1) : null;
}

/** Seconds as minutes with 1 decimal; 0 for none. */
export function minutes(seconds: number | null | undefined): number {
  return seconds ? round(seconds / 60, 1) : 0;
}

/** Average duration in minutes (1 decimal) from a sum of seconds over `count` sessions; 0 for none. */
export function averageMinutes(secondsSum: number, count: number): number {
  return count > 0 ? round(secondsSum / count / 60, 1) : 0;
}
