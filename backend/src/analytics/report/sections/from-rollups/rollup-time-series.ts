/** The time series from the rollups: each local day of the window from daily buckets and the hours that cross local midnight. */
import { AnalyticsWindow, localDayStarts } from '../../analytics-window';
import { ClosedDays } from '../../closed-days';
import { TimeSeriesPointDto } from '../../dto/analytics-response.dto';
import { averageOrNull } from '../analytics-math';
import { AnalyticsScope, SqlParams, SqlRunner } from '../sql';
import { DAY_MS, HOUR_MS, journalOf, levelWhere, SESSIONS } from './rollup-reads';

/**
 * Which rollup buckets make up each local day of a window. A local day of a whole-hour zone is
 * 24 (23, 25) whole UTC hours that straddle two UTC days, so it is read as the daily bucket of
 * its "home" UTC day (the one whose noon falls in it), minus the hours of that UTC day that
 * belong to another local day or lie outside the window, plus the hours of the neighbouring
 * UTC day that belong to it. Those exception hours are |offset| a day (1–2 for Berlin, 4–5 for
 * New York, none for UTC): a 90-day series reads ≈ 90 daily and ≈ 90–450 hourly buckets
 * instead of 2,160 hourly ones.
 */
export function timeSeriesPlan(dayStarts: number[]): {
  firstDay: number;
  lastDay: number;
  homes: Map<number, number>;
  hours: Map<number, { home: number; day: number }>;
} {
  const days = dayStarts.length - 1;
  /** The window day an instant falls in, or -1 outside the window. */
  const dayOf = (instant: number): number => {
    if (instant < dayStarts[0] || instant >= dayStarts[days]) return -1;
    let low = 0;
    let high = days - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (dayStarts[middle] <= instant) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const firstDay = Math.floor(dayStarts[0] / DAY_MS) * DAY_MS;
  const lastDay = Math.floor((dayStarts[days] - 1) / DAY_MS) * DAY_MS;
  const homes = new Map<number, number>();
  const hours = new Map<number, { home: number; day: number }>();
  for (let utcDay = firstDay; utcDay <= lastDay; utcDay += DAY_MS) {
    const home = dayOf(utcDay + DAY_MS / 2);
    homes.set(utcDay, home);
    for (let hour = utcDay; hour < utcDay + DAY_MS; hour += HOUR_MS) {
      const day = dayOf(hour);
      if (day !== home) hours.set(hour, { home, day });
    }
  }
  return { firstDay, lastDay, homes, hours };
}

type SeriesPlan = ReturnType<typeof timeSeriesPlan>;
const plans = new Map<string, SeriesPlan>();
const PLANS_KEPT = 64;

/** The time-series plan of a window, made once per window (a 90-day plan walks 2,160 hours); read-only. */
function planFor(window: AnalyticsWindow): SeriesPlan {
  const key = `${window.tz}|${window.start.getTime()}|${window.end.getTime()}|${window.days.length}`;
  let plan = plans.get(key);
  if (!plan) {
    if (plans.size >= PLANS_KEPT) plans.delete(plans.keys().next().value as string);
    plan = timeSeriesPlan(localDayStarts(window));
    plans.set(key, plan);
  }
  return plan;
}

const SERIES_COUNTERS = [
  'total',
  'completed',
  'resolved',
  'escalated',
  'workaround',
  'unresolved',
  'ratings',
  'rating_sum',
] as const;
type SeriesSums = Record<(typeof SERIES_COUNTERS)[number], number>;
/** The time series' counters summed per bucket (a point shows counts and the average rating only). */
const SERIES_SUMS = `coalesce(sum(r.sessions), 0)::int AS total, coalesce(sum(r.completed), 0)::int AS completed,
  coalesce(sum(r.resolved), 0)::int AS resolved, coalesce(sum(r.escalated), 0)::int AS escalated,
  coalesce(sum(r.workaround), 0)::int AS workaround, coalesce(sum(r.unresolved), 0)::int AS unresolved,
  coalesce(sum(r.ratings), 0)::int AS ratings, coalesce(sum(r.rating_sum), 0)::int AS rating_sum`;

type SeriesRow = SeriesSums & { grain: 'day' | 'hour'; bucket: Date };

/**
 * One point per local day of the window, from daily buckets and the exception hours (see
 * timeSeriesPlan). The per-day sums of closed days' buckets are kept (closed-days.ts).
 */
export async function rollupTimeSeries(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
  closed?: ClosedDays,
): Promise<TimeSeriesPointDto[]> {
  const plan = planFor(window);
  /** The series' per-day sums from the buckets in [from, to). */
  const journal = journalOf(scope);
  const sumsIn = async (from: Date | null, to: Date | null): Promise<SeriesSums[]> => {
    const p = new SqlParams();
    const inRange = (hour: number) => (!from || hour >= from.getTime()) && (!to || hour < to.getTime());
    const hourList = [...plan.hours.keys()].filter(inRange).map((hour) => new Date(hour).toISOString());
    const bounds = `${from ? ` AND r.bucket >= ${p.add(from)}` : ''}${to ? ` AND r.bucket < ${p.add(to)}` : ''}`;
    const rows: SeriesRow[] = await db.query(
      `SELECT 'day' AS grain, r.bucket, ${SERIES_SUMS}
         FROM ${SESSIONS.table('day', journal && p.add(journal))} r
        WHERE ${levelWhere(scope, p)} AND r.bucket >= ${p.add(new Date(plan.firstDay))} AND r.bucket <= ${p.add(new Date(plan.lastDay))}${bounds}
        GROUP BY r.bucket
       UNION ALL
       SELECT 'hour' AS grain, r.bucket, ${SERIES_SUMS}
         FROM ${SESSIONS.table('hour', journal && p.add(journal))} r
        WHERE ${levelWhere(scope, p)} AND r.bucket = ANY(${p.add(`{${hourList.join(',')}}`)}::timestamptz[])${bounds}
        GROUP BY r.bucket`,
      p.values,
    );
    const sums: SeriesSums[] = window.days.map(
      () => Object.fromEntries(SERIES_COUNTERS.map((c) => [c, 0])) as SeriesSums,
    );
    const add = (day: number, row: SeriesSums, sign: 1 | -1) => {
      if (day < 0) return;
      for (const counter of SERIES_COUNTERS) sums[day][counter] += sign * row[counter];
    };
    for (const row of rows) {
      const bucket = new Date(row.bucket).getTime();
      if (row.grain === 'day') {
        add(plan.homes.get(bucket) ?? -1, row, 1);
      } else {
        const hour = plan.hours.get(bucket) as { home: number; day: number };
        add(hour.home, row, -1);
        add(hour.day, row, 1);
      }
    }
    return sums;
  };
  const split = closed && closed.before.getTime() > plan.firstDay ? closed.before : null;
  const key = JSON.stringify([
    'series',
    scope.accountId,
    scope.userId ?? null,
    scope.treeId ?? null,
    window.tz,
    window.start,
    window.end,
    split,
  ]);
  const [kept, fresh] = await Promise.all([
    split ? (closed as ClosedDays).cache.through(key, (closed as ClosedDays).version, () => sumsIn(null, split)) : null,
    sumsIn(split, null),
  ]);
  const sums = kept
    ? fresh.map((day, i) => Object.fromEntries(SERIES_COUNTERS.map((c) => [c, day[c] + kept[i][c]])) as SeriesSums)
    : fresh;
  return window.days.map((date, i) => ({
    date,
    sessions: sums[i].total,
    completed: sums[i].completed,
    resolved: sums[i].resolved,
    escalated: sums[i].escalated,
    workaround: sums[i].workaround,
    unresolved: sums[i].unresolved,
    rating_count: sums[i].ratings,
    avg_csat: averageOrNull(sums[i].rating_sum, sums[i].ratings),
  }));
}
