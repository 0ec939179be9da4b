/**
 * The analytics sections answered from the rollups (see rollup-schema.ts) instead of the raw
 * tables. Same results as live/*.query.ts, which stay as the exact fallback for windows
 * whose edges are not whole UTC hours (zones at :30/:45 offsets) and as the benchmark baseline.
 *
 * A window [start, end) on whole hours is read as: the UTC days it covers from the daily
 * rollup, the remaining edge hours from the hourly rollup (splitRange). The time series needs
 * local days, so it reads daily buckets and the hours that cross local midnight.
 *
 * Statements sum the rows per group (a scope's level, a flow, an engineer, a node, a minute);
 * the sections add the sums up, rank and derive their figures here. Given a ClosedDays
 * (closed-days.ts), the sums of the part of a range before its `before` instant are taken from
 * the closed-days cache, so after a write only the open days are read.
 */
import { averageMinutes, averageOrNull, rate } from '../analytics-math';
import { AnalyticsWindow, localDayStarts } from '../../analytics-window';
import {
  CsatDistributionDto,
  DropOffRowDto,
  OutcomesByNodeRowDto,
  RankedFiguresDto,
  StepFeedbackRowDto,
  SummaryDto,
  TimeSeriesPointDto,
} from '../../dto/analytics-response.dto';
import { AnalyticsScope, REMOVED_NODE_TITLE, SqlParams, SqlRunner } from '../sql';
import { toFigures } from '../live/summary.query';
import { TOP_LIMIT } from '../live/ranked.query';
import { ClosedDays } from '../../closed-days';
import { middleOf, valueAtMiddle } from './histogram-median';
import { rollupColumns, rollupRelation, RollupKind, rollupTable } from '../../../rollup/rollup-fold';
import { Grain, NODE_ROLLUP_COUNTERS, Resolution, SESSION_ROLLUP_COUNTERS, ZERO_UUID } from '../../../rollup/rollup-schema';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Can the rollups answer this window? Every edge must fall on a whole UTC hour. */
export function rollupCanAnswer(window: AnalyticsWindow): boolean {
  return [window.start, window.end, window.previousStart, window.previousEnd].every((instant) => instant.getTime() % HOUR_MS === 0);
}

interface Ranges {
  days: [Date, Date] | null;
  /** Hours added to the days, and hours of those days taken away again. */
  hours: [Date, Date][];
  minusHours: [Date, Date][];
}

/**
 * [start, end) as whole UTC days (daily rollup) and hours (hourly rollup). A day the range
 * covers for more than half its hours is read as its daily bucket minus the hours outside the
 * range (a daily bucket is the sum of its hours): a window ending at a local midnight east of UTC
 * reads today's one daily row and an hour or two, not 22 hourly rows.
 */
export function splitRange(start: Date, end: Date): Ranges {
  const ranges: Ranges = { days: null, hours: [], minusHours: [] };
  if (start >= end) return ranges;
  let from = Math.ceil(start.getTime() / DAY_MS) * DAY_MS;
  let to = Math.floor(end.getTime() / DAY_MS) * DAY_MS;
  if (from > to) {
    // Inside one UTC day.
    const day = to;
    if (end.getTime() - start.getTime() <= DAY_MS / 2) return { ...ranges, hours: [[start, end]] };
    from = day;
    to = day + DAY_MS;
  } else {
    if (from - start.getTime() > DAY_MS / 2) from -= DAY_MS;
    else if (start.getTime() < from) ranges.hours.push([start, new Date(from)]);
    if (end.getTime() - to > DAY_MS / 2) to += DAY_MS;
    else if (to < end.getTime()) ranges.hours.push([new Date(to), end]);
  }
  if (from < start.getTime()) ranges.minusHours.push([new Date(from), start]);
  if (end.getTime() < to) ranges.minusHours.push([end, new Date(to)]);
  if (from < to) ranges.days = [new Date(from), new Date(to)];
  return ranges;
}

/**
 * A rollup family: its rows at each grain, its columns in one order, and which of them are
 * counters. The rows are the table's plus the journal's not yet folded (rollup-fold.ts), or the
 * table's alone when the snapshot holds no journal rows of the account (AnalyticsScope.folded).
 */
interface Family {
  /** `journalOf`: the parameter of the account whose journal rows to add (none: the table alone). */
  table: (grain: Grain, journalOf?: string) => string;
  columns: readonly string[];
  counters: readonly string[];
}

const family = (kind: RollupKind, counters: readonly string[]): Family => {
  const columns = rollupColumns(kind);
  return {
    table: (grain, journalOf) => (journalOf ? rollupRelation(kind, grain, columns, journalOf) : rollupTable(kind, grain)),
    columns,
    counters,
  };
};

/** The account whose journal rows a scope's reads add: none when the snapshot holds none (AnalyticsScope.folded). */
const journalOf = (scope: AnalyticsScope) => (scope.folded ? undefined : scope.accountId);
const SESSIONS = family('session', SESSION_ROLLUP_COUNTERS);
const NODES = family('node', NODE_ROLLUP_COUNTERS);
const durations = (resolution: Resolution): Family => family(resolution, ['n']);

/** Rollup rows of [start, end): a SELECT per part (days, hours, hours taken away), filtered by `where` (alias r). */
function rollupParts(family: Family, journal: string | undefined, where: string, start: Date, end: Date, p: SqlParams): string[] {
  const { days, hours, minusHours } = splitRange(start, end);
  const columns = family.columns.join(', ');
  const negated = family.columns.map((column) => (family.counters.includes(column) ? `-${column} AS ${column}` : column)).join(', ');
  const parts: string[] = [];
  const part = (select: string, grain: Grain, [from, to]: [Date, Date]) =>
    parts.push(`SELECT ${select} FROM ${family.table(grain, journal && p.add(journal))} r WHERE ${where} AND r.bucket >= ${p.add(from)} AND r.bucket < ${p.add(to)}`);
  if (days) part(columns, 'day', days);
  for (const range of hours) part(columns, 'hour', range);
  for (const range of minusHours) part(negated, 'hour', range);
  return parts;
}

/** Which rollup rows a statement reads, and the columns it groups them by. */
interface RowsQuery {
  family: Family;
  /** The filter, written against alias r. */
  where: (p: SqlParams) => string;
  groupBy: string[];
  /** The account whose journal rows to add (journalOf). */
  journal?: string;
}

/** A statement's rows, read once per response when the runner keeps what it sent (SqlRunner.sent). */
function queryOnce(db: SqlRunner, sql: string, values: unknown[]): Promise<unknown[]> {
  if (!db.sent) return db.query(sql, values);
  const key = `${sql}\u0000${JSON.stringify(values)}`;
  const rows = db.sent.get(key) ?? db.query(sql, values);
  db.sent.set(key, rows);
  return rows;
}

/** Counters summed per group: the group's key values (joined by \u0000) → counter → sum. */
type Sums = Map<string, Record<string, number>>;

/** SQL summing the rows of [start, end) per `groupBy`: the key columns, then one sum per counter. */
function groupedSumsSql(query: RowsQuery, start: Date, end: Date): [string, unknown[]] {
  const p = new SqlParams();
  const keys = query.groupBy.map((column) => `r.${column}`);
  const sums = query.family.counters.map((counter) => `sum(r.${counter})::bigint AS ${counter}`);
  const parts = rollupParts(query.family, query.journal, query.where(p), start, end, p);
  if (!parts.length) return ['', []];
  const sql = `SELECT ${[...keys, ...sums].join(', ')}
    FROM (${parts.join(' UNION ALL ')}) r${keys.length ? ` GROUP BY ${keys.join(', ')}` : ''}`;
  return [sql, p.values];
}

/**
 * The rollup rows of [start, end) summed per `groupBy`. The part before `closed.before` comes
 * from the closed-days cache (summed once, then kept), the rest is read from the tables, and
 * the two are added here: sums of sums, so the totals are the same.
 */
async function groupedSums(db: SqlRunner, query: RowsQuery, start: Date, end: Date, closed?: ClosedDays): Promise<Sums> {
  const split = closed ? new Date(Math.min(Math.max(closed.before.getTime(), start.getTime()), end.getTime())) : start;
  const read = async ([sql, values]: [string, unknown[]]) => (sql ? ((await queryOnce(db, sql, values)) as Record<string, string | number | null>[]) : []);
  const closedPart = groupedSumsSql(query, start, split);
  // Kept under the tables' statement whether or not the journal is read with them: the same sums.
  const closedKey = JSON.stringify(query.journal === undefined ? closedPart : groupedSumsSql({ ...query, journal: undefined }, start, split));
  const [kept, fresh] = await Promise.all([
    closedPart[0]
      ? (closed as ClosedDays).cache.through(closedKey, (closed as ClosedDays).version, async () => addRows(new Map(), query, await read(closedPart)))
      : new Map(),
    read(groupedSumsSql(query, split, end)),
  ]);
  return addRows(new Map(kept), query, fresh);
}

/**
 * Adds rows (key columns, counters as text or numbers) to `sums`. Entries are replaced, never
 * changed in place: those taken from the closed-days cache are shared.
 */
function addRows(sums: Sums, query: RowsQuery, rows: Record<string, string | number | null>[]): Sums {
  const { counters } = query.family;
  for (const row of rows) {
    const key = query.groupBy.length === 1 ? String(row[query.groupBy[0]]) : query.groupBy.map((column) => String(row[column])).join('\u0000');
    const total: Record<string, number> = { ...(sums.get(key) ?? zeros(counters)) };
    for (const counter of counters) total[counter] += Number(row[counter] ?? 0);
    sums.set(key, total);
  }
  return sums;
}

const zeros = (counters: readonly string[]): Record<string, number> => Object.fromEntries(counters.map((counter) => [counter, 0]));

/** The sums of a query without groups (one level of one scope), zeros if there were no rows. */
async function totals(db: SqlRunner, query: RowsQuery, start: Date, end: Date, closed?: ClosedDays): Promise<Record<string, number>> {
  const sums = await groupedSums(db, query, start, end, closed);
  return sums.get('') ?? zeros(query.family.counters);
}

/** Session rollup sums as the summary and the rankings use them. */
function sessionFigures(sums: Record<string, number>) {
  return {
    total: sums.sessions,
    completed: sums.completed,
    resolved: sums.resolved,
    escalated: sums.escalated,
    workaround: sums.workaround,
    unresolved: sums.unresolved,
    duration_seconds: sums.duration_us / 1_000_000,
    ratings: sums.ratings,
    rating_sum: sums.rating_sum,
    satisfied: sums.r4 + sums.r5,
  };
}

/**
 * The ids of `table` (trees or users) of an account in PostgreSQL's order of their names (then
 * ids), so rankings break ties in sums exactly as an ORDER BY name would, collation included.
 */
async function nameOrder(db: SqlRunner, table: 'trees' | 'users', accountId: string): Promise<Map<string, { rank: number; name: string }>> {
  const rows = (await queryOnce(db, `SELECT id, name FROM ${table} WHERE account_id = $1 ORDER BY name, id`, [accountId])) as { id: string; name: string }[];
  return new Map(rows.map((row, rank) => [row.id, { rank, name: row.name }]));
}

/** The rollup level of a scope: its engineer or "all", its flow or "all". */
function levelWhere(scope: AnalyticsScope, p: SqlParams): string {
  return `r.account_id = ${p.add(scope.accountId)} AND r.user_id = ${p.add(scope.userId ?? ZERO_UUID)} AND r.tree_id = ${p.add(scope.treeId ?? ZERO_UUID)}`;
}

/**
 * Summary of the window and the previous one: sums from the rollups, medians from the duration
 * histogram (see histogramMedian). The statements are started together so a batching runner
 * sends them in one round trip.
 */
export async function rollupSummary(db: SqlRunner, scope: AnalyticsScope, window: AnalyticsWindow, closed?: ClosedDays): Promise<SummaryDto> {
  const level: RowsQuery = { family: SESSIONS, where: (p) => levelWhere(scope, p), groupBy: [], journal: journalOf(scope) };
  const [current, previous, currentMedian, previousMedian] = await Promise.all([
    totals(db, level, window.start, window.end, closed),
    totals(db, level, window.previousStart, window.previousEnd, closed),
    histogramMedian(db, scope, window.start, window.end, closed),
    histogramMedian(db, scope, window.previousStart, window.previousEnd, closed),
  ]);
  const figures = (sums: Record<string, number>, which: 'current' | 'previous', median: number | null) =>
    toFigures({ ...sessionFigures(sums), which, median_seconds: median });
  return { ...figures(current, 'current', currentMedian), previous: figures(previous, 'previous', previousMedian) };
}

/**
 * percentile_cont(0.5) of the completed sessions' durations in [start, end), truncated to whole
 * seconds, from the duration histogram: a median needs the values at the middle ranks, which
 * sums cannot give. The per-minute counts of the window (a few hundred rows) locate the minute
 * bins holding the two middle ranks; only those minutes are then read per second, counting
 * ranks on from the bins before them (histogram-median.ts).
 */
export async function histogramMedian(db: SqlRunner, scope: AnalyticsScope, start: Date, end: Date, closed?: ClosedDays): Promise<number | null> {
  const bins = async (resolution: Resolution, where: (p: SqlParams) => string): Promise<[number, number][]> => {
    const sums = await groupedSums(db, { family: durations(resolution), where, groupBy: [resolution], journal: journalOf(scope) }, start, end, closed);
    return [...sums]
      .map(([value, { n }]): [number, number] => [Number(value), n])
      .filter(([, n]) => n !== 0)
      .sort((a, b) => a[0] - b[0]);
  };
  const middle = middleOf(await bins('minute', (p) => levelWhere(scope, p)));
  if (!middle) return null;
  const seconds = await bins('second', (p) => `${levelWhere(scope, p)} AND r.second >= ${p.add(middle.first * 60)} AND r.second < ${p.add(middle.last * 60 + 60)}`);
  return valueAtMiddle(seconds, middle);
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

const SERIES_COUNTERS = ['total', 'completed', 'resolved', 'escalated', 'workaround', 'unresolved', 'ratings', 'rating_sum'] as const;
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
export async function rollupTimeSeries(db: SqlRunner, scope: AnalyticsScope, window: AnalyticsWindow, closed?: ClosedDays): Promise<TimeSeriesPointDto[]> {
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
    return sums;
  };
  const split = closed && closed.before.getTime() > plan.firstDay ? closed.before : null;
  const key = JSON.stringify(['series', scope.accountId, scope.userId ?? null, scope.treeId ?? null, window.tz, window.start, window.end, split]);
  const [kept, fresh] = await Promise.all([split ? (closed as ClosedDays).cache.through(key, (closed as ClosedDays).version, () => sumsIn(null, split)) : null, sumsIn(split, null)]);
  const sums = kept ? fresh.map((day, i) => Object.fromEntries(SERIES_COUNTERS.map((c) => [c, day[c] + kept[i][c]])) as SeriesSums) : fresh;
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
  closed?: ClosedDays,
): Promise<(RankedFiguresDto & { id: string })[]> {
  // Flows: the scope's engineer (or all) × every real flow. Engineers: every real engineer × all flows.
  const where = (p: SqlParams) =>
    key === 'tree_id'
      ? `r.account_id = ${p.add(scope.accountId)} AND r.user_id = ${p.add(scope.userId ?? ZERO_UUID)} AND r.tree_id <> ${p.add(ZERO_UUID)}`
      : `r.account_id = ${p.add(scope.accountId)} AND r.tree_id = ${p.add(ZERO_UUID)} AND ${scope.userId ? `r.user_id = ${p.add(scope.userId)}` : `r.user_id <> ${p.add(ZERO_UUID)}`}`;
  const [sums, names] = await Promise.all([
    groupedSums(db, { family: SESSIONS, where, groupBy: [key], journal: journalOf(scope) }, window.start, window.end, closed),
    nameOrder(db, key === 'tree_id' ? 'trees' : 'users', scope.accountId),
  ]);
  // As ORDER BY total DESC, name, id LIMIT 10 over the named ids with sessions.
  const ranked = [...sums]
    .map(([id, counters]) => ({ id, ...sessionFigures(counters), named: names.get(id) }))
    .filter((row) => row.total > 0 && row.named)
    .sort((a, b) => b.total - a.total || (a.named?.rank ?? 0) - (b.named?.rank ?? 0))
    .slice(0, TOP_LIMIT);
  return ranked.map((row) => ({
    id: row.id,
    name: row.named?.name as string,
    sessions: row.total,
    completed_sessions: row.completed,
    completion_rate: rate(row.completed, row.total),
    avg_duration_minutes: averageMinutes(row.duration_seconds, row.completed),
    rating_count: row.ratings,
    avg_csat: averageOrNull(row.rating_sum, row.ratings),
  }));
}

export async function rollupCsatDistribution(db: SqlRunner, scope: AnalyticsScope, window: AnalyticsWindow, closed?: ClosedDays): Promise<CsatDistributionDto> {
  const sums = await totals(db, { family: SESSIONS, where: (p) => levelWhere(scope, p), groupBy: [], journal: journalOf(scope) }, window.start, window.end, closed);
  return { '1': sums.r1, '2': sums.r2, '3': sums.r3, '4': sums.r4, '5': sums.r5 };
}

type NodeRow = Record<(typeof NODE_ROLLUP_COUNTERS)[number], number> & {
  node_id: string;
  node_title: string | null;
  node_type: DropOffRowDto['node_type'];
  step_id: string | null;
};

/**
 * Per-node sums of the flow's node rollup in the window that pass `keep`, with the node's
 * title and type (none for a node since deleted), in the order `compare` gives, then by title
 * (PostgreSQL's order, deleted nodes last), then node id.
 */
async function nodeSums(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
  closed: ClosedDays | undefined,
  keep: (row: NodeRow) => boolean,
  compare: (a: NodeRow, b: NodeRow) => number,
): Promise<NodeRow[]> {
  const where = (p: SqlParams) => `r.account_id = ${p.add(scope.accountId)} AND r.tree_id = ${p.add(scope.treeId)}`;
  const [sums, nodes] = await Promise.all([
    groupedSums(db, { family: NODES, where, groupBy: ['node_id'], journal: journalOf(scope) }, window.start, window.end, closed),
    queryOnce(db, `SELECT id, title, type, step_id FROM tree_nodes WHERE account_id = $1 AND tree_id = $2 ORDER BY title, id`, [scope.accountId, scope.treeId]),
  ]);
  const byId = new Map((nodes as { id: string; title: string; type: NodeRow['node_type']; step_id: string | null }[]).map((node, rank) => [node.id, { ...node, rank }]));
  // As ORDER BY n.title, s.node_id over a LEFT JOIN: titled nodes in PostgreSQL's order, deleted ones last by id.
  const byTitle = (a: NodeRow, b: NodeRow) => {
    const [x, y] = [byId.get(a.node_id), byId.get(b.node_id)];
    if (x && y) return x.rank - y.rank;
    if (x || y) return x ? -1 : 1;
    return a.node_id < b.node_id ? -1 : a.node_id > b.node_id ? 1 : 0;
  };
  return [...sums]
    .map(([nodeId, counters]): NodeRow => {
      const node = byId.get(nodeId);
      return { ...(counters as NodeRow), node_id: nodeId, node_title: node?.title ?? null, node_type: node?.type ?? null, step_id: node?.step_id ?? null };
    })
    .filter(keep)
    .sort((a, b) => compare(a, b) || byTitle(a, b));
}

export async function rollupStepFeedback(db: SqlRunner, scope: AnalyticsScope, window: AnalyticsWindow, closed?: ClosedDays): Promise<StepFeedbackRowDto[]> {
  const votes = (row: NodeRow) => row.helpful_yes + row.helpful_no;
  const rows = await nodeSums(
    db, scope, window, closed,
    (row) => votes(row) > 0,
    (a, b) => a.helpful_yes / votes(a) - b.helpful_yes / votes(b) || votes(b) - votes(a),
  );
  return rows.map((row) => ({
    node_id: row.node_id,
    node_title: row.node_title ?? REMOVED_NODE_TITLE,
    step_id: row.step_id,
    helpful_yes: row.helpful_yes,
    helpful_no: row.helpful_no,
    helpful_rate: rate(row.helpful_yes, votes(row)),
  }));
}

export async function rollupDropOff(db: SqlRunner, scope: AnalyticsScope, window: AnalyticsWindow, closed?: ClosedDays): Promise<DropOffRowDto[]> {
  const rows = await nodeSums(db, scope, window, closed, (row) => row.unfinished > 0, (a, b) => b.unfinished - a.unfinished);
  return rows.map((row) => ({
    node_id: row.node_id,
    node_title: row.node_title ?? REMOVED_NODE_TITLE,
    node_type: row.node_type,
    sessions: row.unfinished,
  }));
}

export async function rollupOutcomesByNode(db: SqlRunner, scope: AnalyticsScope, window: AnalyticsWindow, closed?: ClosedDays): Promise<OutcomesByNodeRowDto[]> {
  const rows = await nodeSums(db, scope, window, closed, (row) => row.ended > 0, (a, b) => b.ended - a.ended);
  return rows.map((row) => ({
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
