/**
 * The analytics sections answered from the rollups (see rollup-schema.ts) instead of the raw
 * tables. Same results as queries/*.query.ts, which stay as the exact fallback for windows
 * whose edges are not whole UTC hours (zones at :30/:45 offsets) and as the benchmark baseline.
 *
 * A window [start, end) on whole hours is read as: the whole UTC days inside it from the daily
 * rollup, the remaining edge hours (less than a day on each side) from the hourly rollup. The
 * time series needs local days, so it reads hourly buckets and groups them by local date.
 */
import { averageOrNull, rate } from '../analytics-math';
import { averageMinutes } from '../analytics-math';
import { AnalyticsWindow, localDayStarts } from '../analytics-window';
import {
  CsatDistributionDto,
  DropOffRowDto,
  OutcomesByNodeRowDto,
  RankedFiguresDto,
  StepFeedbackRowDto,
  SummaryDto,
  TimeSeriesPointDto,
} from '../dto/analytics-response.dto';
import { AnalyticsScope, REMOVED_NODE_TITLE, SqlParams, SqlRunner } from '../queries/sql';
import { SummaryRow, toFigures } from '../queries/summary.query';
import { TOP_LIMIT } from '../queries/ranked.query';
import { durationTable, Grain, nodeRollupTable, sessionRollupTable, ZERO_UUID } from './rollup-schema';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Can the rollups answer this window? Every edge must fall on a whole UTC hour. */
export function rollupCanAnswer(window: AnalyticsWindow): boolean {
  return [window.start, window.end, window.previousStart, window.previousEnd].every((instant) => instant.getTime() % HOUR_MS === 0);
}

interface Ranges {
  days: [Date, Date] | null;
  hours: [Date, Date][];
}

/** [start, end) as whole UTC days (daily rollup) plus the edge hours (hourly rollup). */
export function splitRange(start: Date, end: Date): Ranges {
  const firstDay = Math.ceil(start.getTime() / DAY_MS) * DAY_MS;
  const lastDay = Math.floor(end.getTime() / DAY_MS) * DAY_MS;
  if (firstDay >= lastDay) return { days: null, hours: start < end ? [[start, end]] : [] };
  const hours: [Date, Date][] = [];
  if (start.getTime() < firstDay) hours.push([start, new Date(firstDay)]);
  if (lastDay < end.getTime()) hours.push([new Date(lastDay), end]);
  return { days: [new Date(firstDay), new Date(lastDay)], hours };
}

/**
 * Rollup rows of [start, end): a UNION ALL of the daily and hourly parts, filtered by `where`
 * (written against alias r). `family` picks the session or node rollup.
 */
function rollupRows(family: 'session' | 'node' | ((grain: Grain) => string), where: string, start: Date, end: Date, p: SqlParams): string {
  const table = family === 'session' ? sessionRollupTable : family === 'node' ? nodeRollupTable : family;
  const { days, hours } = splitRange(start, end);
  const parts: string[] = [];
  if (days) parts.push(`SELECT r.* FROM ${table('day')} r WHERE ${where} AND r.bucket >= ${p.add(days[0])} AND r.bucket < ${p.add(days[1])}`);
  for (const [from, to] of hours) {
    parts.push(`SELECT r.* FROM ${table('hour')} r WHERE ${where} AND r.bucket >= ${p.add(from)} AND r.bucket < ${p.add(to)}`);
  }
  if (!parts.length) parts.push(`SELECT r.* FROM ${table('day')} r WHERE false`);
  return parts.join('\n      UNION ALL\n      ');
}

/** The rollup level of a scope: its engineer or "all", its flow or "all". */
function levelWhere(scope: AnalyticsScope, p: SqlParams): string {
  return `r.account_id = ${p.add(scope.accountId)} AND r.user_id = ${p.add(scope.userId ?? ZERO_UUID)} AND r.tree_id = ${p.add(scope.treeId ?? ZERO_UUID)}`;
}

const SUMS = `coalesce(sum(r.sessions), 0)::int AS total, coalesce(sum(r.completed), 0)::int AS completed,
  coalesce(sum(r.resolved), 0)::int AS resolved, coalesce(sum(r.escalated), 0)::int AS escalated,
  coalesce(sum(r.workaround), 0)::int AS workaround, coalesce(sum(r.unresolved), 0)::int AS unresolved,
  coalesce(sum(r.duration_us), 0)::float8 / 1000000 AS duration_seconds,
  coalesce(sum(r.ratings), 0)::int AS ratings, coalesce(sum(r.rating_sum), 0)::int AS rating_sum,
  coalesce(sum(r.r4 + r.r5), 0)::int AS satisfied`;

/**
 * Summary of the window and the previous one: sums from the rollups, medians from the duration
 * histogram (see medianSql). The three statements are started together so a batching runner
 * sends them in one round trip.
 */
export async function rollupSummary(db: SqlRunner, scope: AnalyticsScope, window: AnalyticsWindow): Promise<SummaryDto> {
  const p = new SqlParams();
  const current = rollupRows('session', levelWhere(scope, p), window.start, window.end, p);
  const previous = rollupRows('session', levelWhere(scope, p), window.previousStart, window.previousEnd, p);
  const [[row], currentMedian, previousMedian] = await Promise.all([
    db.query(
      `SELECT c.*, row_to_json(pr) AS previous
         FROM (SELECT ${SUMS} FROM (${current}) r) c, (SELECT ${SUMS} FROM (${previous}) r) pr`,
      p.values,
    ),
    histogramMedian(db, scope, window.start, window.end),
    histogramMedian(db, scope, window.previousStart, window.previousEnd),
  ]);
  const figures = (sums: Record<string, number>, which: 'current' | 'previous', median: number | null) =>
    toFigures({ ...(sums as unknown as SummaryRow), which, median_seconds: median });
  return { ...figures(row, 'current', currentMedian), previous: figures(row.previous, 'previous', previousMedian) };
}

/**
 * percentile_cont(0.5) of the completed sessions' durations in [start, end), truncated to whole
 * seconds, from the duration histogram in one statement: a median needs the values at the
 * middle ranks, which sums cannot give. The per-minute counts of the window (a few hundred
 * rows) locate the minute bins holding the two middle ranks; only those minutes are then read
 * per second, counting ranks on from the bins before them.
 */
export async function histogramMedian(db: SqlRunner, scope: AnalyticsScope, start: Date, end: Date): Promise<number | null> {
  const p = new SqlParams();
  const minuteRows = rollupRows((grain) => durationTable('minute', grain), levelWhere(scope, p), start, end, p);
  const secondWhere = `${levelWhere(scope, p)} AND r.second >= (SELECT lo FROM bounds) AND r.second < (SELECT hi FROM bounds)`;
  const secondRows = rollupRows((grain) => durationTable('second', grain), secondWhere, start, end, p);
  const [row]: { lo_value: number | null; hi_value: number | null; fraction: number | null }[] = await db.query(
    `WITH minutes AS (
       SELECT r.minute AS v, sum(r.n) AS n FROM (${minuteRows}) r GROUP BY 1 HAVING sum(r.n) <> 0
     ), ranked AS (
       SELECT v, n, sum(n) OVER (ORDER BY v) - n AS before, sum(n) OVER () AS total FROM minutes
     ), ranks AS (
       SELECT floor((max(total) - 1) / 2.0) AS lo, ceil((max(total) - 1) / 2.0) AS hi, (max(total) - 1) / 2.0 AS position FROM ranked
     ), chosen AS (
       SELECT min(k.v) AS first_minute, max(k.v) AS last_minute, min(k.before) AS before
         FROM ranked k, ranks x
        WHERE x.lo >= k.before AND x.lo < k.before + k.n OR x.hi >= k.before AND x.hi < k.before + k.n
     ), bounds AS (
       SELECT first_minute * 60 AS lo, last_minute * 60 + 60 AS hi FROM chosen
     ), seconds AS (
       SELECT r.second AS v, sum(r.n) AS n FROM (${secondRows}) r GROUP BY 1 HAVING sum(r.n) <> 0
     ), cumulative AS (
       SELECT s.v, (SELECT before FROM chosen) + sum(s.n) OVER (ORDER BY s.v) AS upto FROM seconds s
     )
     SELECT (SELECT min(c.v) FROM cumulative c, ranks x WHERE c.upto > x.lo) AS lo_value,
            (SELECT min(c.v) FROM cumulative c, ranks x WHERE c.upto > x.hi) AS hi_value,
            (SELECT (position - lo)::float8 FROM ranks) AS fraction`,
    p.values,
  );
  if (row?.lo_value === null || row?.lo_value === undefined || row.hi_value === null) return null;
  return row.lo_value + (row.hi_value - row.lo_value) * (row.fraction ?? 0);
}

/**
 * Which rollup buckets make up each local day of a window. A local day of a whole-hour zone is
 * 24 (23, 25) whole UTC hours that straddle two UTC days, so it is read as the daily bucket of
 * its "home" UTC day (the one whose noon falls in it), minus the hours of that UTC day that
 * belong to another local day or lie outside the window, plus the hours of the neighbouring
 * UTC day that belong to it. Those exception hours are |offset| a day (1–2 for Berlin, 4–5 for
 * New York, none for UTC): a 90-day series reads ≈ 90 daily and ≈ 90–450 hourly buckets
 * instead of 2,160 hourly ones.
 */
export function timeSeriesPlan(dayStarts: number[]): { firstDay: number; lastDay: number; homes: Map<number, number>; hours: Map<number, { home: number; day: number }> } {
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

const SERIES_COUNTERS = ['total', 'completed', 'resolved', 'escalated', 'workaround', 'unresolved', 'ratings', 'rating_sum'] as const;
type SeriesSums = Record<(typeof SERIES_COUNTERS)[number], number>;

/** One point per local day of the window, from daily buckets and the exception hours (see timeSeriesPlan). */
export async function rollupTimeSeries(db: SqlRunner, scope: AnalyticsScope, window: AnalyticsWindow): Promise<TimeSeriesPointDto[]> {
  const plan = timeSeriesPlan(localDayStarts(window));
  const p = new SqlParams();
  const hourList = [...plan.hours.keys()].map((hour) => new Date(hour).toISOString());
  const rows: (SeriesSums & { grain: 'day' | 'hour'; bucket: Date })[] = await db.query(
    `SELECT 'day' AS grain, r.bucket, ${SUMS}
       FROM ${sessionRollupTable('day')} r
      WHERE ${levelWhere(scope, p)} AND r.bucket >= ${p.add(new Date(plan.firstDay))} AND r.bucket <= ${p.add(new Date(plan.lastDay))}
      GROUP BY r.bucket
     UNION ALL
     SELECT 'hour' AS grain, r.bucket, ${SUMS}
       FROM ${sessionRollupTable('hour')} r
      WHERE ${levelWhere(scope, p)} AND r.bucket = ANY(${p.add(`{${hourList.join(',')}}`)}::timestamptz[])
      GROUP BY r.bucket`,
    p.values,
  );
  const sums: SeriesSums[] = window.days.map(() => Object.fromEntries(SERIES_COUNTERS.map((c) => [c, 0])) as SeriesSums);
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

/** Top 10 flows or engineers: per-key sums of the (engineer, flow) or (engineer, all) levels. */
export async function rollupRanked(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
  key: 'tree_id' | 'user_id',
): Promise<(RankedFiguresDto & { id: string })[]> {
  const p = new SqlParams();
  const account = p.add(scope.accountId);
  // Flows: the scope's engineer (or all) × every real flow. Engineers: every real engineer × all flows.
  const where =
    key === 'tree_id'
      ? `r.account_id = ${account} AND r.user_id = ${p.add(scope.userId ?? ZERO_UUID)} AND r.tree_id <> ${p.add(ZERO_UUID)}`
      : `r.account_id = ${account} AND r.tree_id = ${p.add(ZERO_UUID)} AND ${scope.userId ? `r.user_id = ${p.add(scope.userId)}` : `r.user_id <> ${p.add(ZERO_UUID)}`}`;
  const table = key === 'tree_id' ? 'trees' : 'users';
  const rows = await db.query(
    `WITH grouped AS (
       SELECT r.${key} AS id, ${SUMS} FROM (${rollupRows('session', where, window.start, window.end, p)}) r
        GROUP BY r.${key} HAVING sum(r.sessions) > 0
     )
     SELECT g.*, n.name FROM grouped g JOIN ${table} n ON n.id = g.id AND n.account_id = ${account}
      ORDER BY g.total DESC, n.name, g.id LIMIT ${TOP_LIMIT}`,
    p.values,
  );
  return rows.map((row: Record<string, number> & { id: string; name: string }) => ({
    id: row.id,
    name: row.name,
    sessions: row.total,
    completed_sessions: row.completed,
    completion_rate: rate(row.completed, row.total),
    avg_duration_minutes: averageMinutes(row.duration_seconds, row.completed),
    rating_count: row.ratings,
    avg_csat: averageOrNull(row.rating_sum, row.ratings),
  }));
}

export async function rollupCsatDistribution(db: SqlRunner, scope: AnalyticsScope, window: AnalyticsWindow): Promise<CsatDistributionDto> {
  const p = new SqlParams();
  const [row] = await db.query(
    `SELECT coalesce(sum(r.r1), 0)::int AS s1, coalesce(sum(r.r2), 0)::int AS s2, coalesce(sum(r.r3), 0)::int AS s3,
            coalesce(sum(r.r4), 0)::int AS s4, coalesce(sum(r.r5), 0)::int AS s5
       FROM (${rollupRows('session', levelWhere(scope, p), window.start, window.end, p)}) r`,
    p.values,
  );
  return { '1': row.s1, '2': row.s2, '3': row.s3, '4': row.s4, '5': row.s5 };
}

/** Per-node sums of the flow's node rollup in the window, with the node's title and type. */
async function nodeSums(db: SqlRunner, scope: AnalyticsScope, window: AnalyticsWindow, having: string, orderBy: string) {
  const p = new SqlParams();
  const account = p.add(scope.accountId);
  const where = `r.account_id = ${account} AND r.tree_id = ${p.add(scope.treeId)}`;
  return db.query(
    `WITH sums AS (
       SELECT r.node_id, sum(r.unfinished)::int AS unfinished, sum(r.ended)::int AS ended,
              sum(r.resolved)::int AS resolved, sum(r.escalated)::int AS escalated, sum(r.workaround)::int AS workaround,
              sum(r.unresolved)::int AS unresolved, sum(r.helpful_yes)::int AS helpful_yes, sum(r.helpful_no)::int AS helpful_no
         FROM (${rollupRows('node', where, window.start, window.end, p)}) r
        GROUP BY r.node_id HAVING ${having}
     )
     SELECT s.*, n.title AS node_title, n.type AS node_type, n.step_id
       FROM sums s LEFT JOIN tree_nodes n ON n.id = s.node_id AND n.account_id = ${account}
      ORDER BY ${orderBy}`,
    p.values,
  );
}

export async function rollupStepFeedback(db: SqlRunner, scope: AnalyticsScope, window: AnalyticsWindow): Promise<StepFeedbackRowDto[]> {
  const rows = await nodeSums(
    db, scope, window, 'sum(r.helpful_yes) + sum(r.helpful_no) > 0',
    's.helpful_yes::float8 / (s.helpful_yes + s.helpful_no), s.helpful_yes + s.helpful_no DESC, n.title, s.node_id',
  );
  return rows.map((row: Record<string, never>) => ({
    node_id: row.node_id,
    node_title: row.node_title ?? REMOVED_NODE_TITLE,
    step_id: row.step_id,
    helpful_yes: row.helpful_yes,
    helpful_no: row.helpful_no,
    helpful_rate: rate(row.helpful_yes, (row.helpful_yes as number) + (row.helpful_no as number)),
  }));
}

export async function rollupDropOff(db: SqlRunner, scope: AnalyticsScope, window: AnalyticsWindow): Promise<DropOffRowDto[]> {
  const rows = await nodeSums(db, scope, window, 'sum(r.unfinished) > 0', 's.unfinished DESC, n.title, s.node_id');
  return rows.map((row: Record<string, never>) => ({
    node_id: row.node_id,
    node_title: row.node_title ?? REMOVED_NODE_TITLE,
    node_type: row.node_type,
    sessions: row.unfinished,
  }));
}

export async function rollupOutcomesByNode(db: SqlRunner, scope: AnalyticsScope, window: AnalyticsWindow): Promise<OutcomesByNodeRowDto[]> {
  const rows = await nodeSums(db, scope, window, 'sum(r.ended) > 0', 's.ended DESC, n.title, s.node_id');
  return rows.map((row: Record<string, never>) => ({
    node_id: row.node_id,
    node_title: row.node_title ?? REMOVED_NODE_TITLE,
    node_type: row.node_type,
    sessions: row.ended,
    resolved: row.resolved,
    escalated: row.escalated,
    workaround: row.workaround,
    unresolved: row.unresolved,
  }));
}
