// What "flat" means for `npm run load`, as numbers a run can be held to (docs/performance.md):
// over the run, the last third's throughput is at least 90 % of the first third's, and the API's
// RSS grows at most 1 MB per minute over the last two thirds (least-squares slope of its samples).
// For the 30-minute soak that is: last 10 minutes ≥ 90 % of the first 10, RSS ≤ 1 MB/min over
// the last 20. Memory is only judged on runs of 10 minutes or more: on a shorter run the heap is
// still finding its size, and the slope says nothing about a leak.

export const THROUGHPUT_FLOOR = 0.9;
export const RSS_SLOPE_LIMIT_MB_PER_MIN = 1;
export const MIN_SECONDS_FOR_MEMORY = 600;

/** Least-squares slope of y over x (units of y per unit of x); 0 for fewer than two points. */
export function slope(points) {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/**
 * `perSecond[i]`: requests answered 2xx in second i of the run (anything else fails the run on
 * its own); `rss`: [seconds since the start, MB] samples; `seconds`: the run's length.
 */
export function soakVerdict({ perSecond, rss, seconds }) {
  const third = Math.floor(seconds / 3);
  const sum = (list) => list.reduce((s, n) => s + n, 0);
  const firstCount = sum(perSecond.slice(0, third));
  const lastCount = sum(perSecond.slice(seconds - third, seconds));
  const firstRps = firstCount / third;
  const lastRps = lastCount / third;
  const throughputRatio = firstRps === 0 ? 0 : lastRps / firstRps;
  const late = rss.filter(([t]) => t >= third);
  const rssSlope = slope(late.map(([t, mb]) => [t / 60, mb]));
  const memoryJudged = seconds >= MIN_SECONDS_FOR_MEMORY;
  return {
    window_s: round(third),
    first_rps: round(firstRps),
    last_rps: round(lastRps),
    throughput_ratio: round(throughputRatio, 3),
    throughput_flat: throughputRatio >= THROUGHPUT_FLOOR,
    rss_slope_mb_per_min: round(rssSlope, 2),
    memory_judged: memoryJudged,
    memory_flat: memoryJudged ? rssSlope <= RSS_SLOPE_LIMIT_MB_PER_MIN : null,
  };
}

const round = (value, digits = 1) => Number(value.toFixed(digits));
