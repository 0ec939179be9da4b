/**
 * How the sections in this folder read the rollups (see rollup-schema.ts) instead of the raw
 * tables, with the same results as live/*.query.ts, which stay as the exact fallback for windows
 * whose edges are not whole UTC hours (zones at :30/:45 offsets) and as the benchmark baseline.
 * One file per section beside this one (summary, time series, rankings, CSAT, node tables).
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
import { rollupColumns, RollupKind, rollupRelation, rollupTable } from '../../../rollup/rollup-fold';
import {
  Grain,
  NODE_ROLLUP_COUNTERS,
  Resolution,
  SESSION_ROLLUP_COUNTERS,
  ZERO_UUID,
} from '../../../rollup/rollup-schema';
import { AnalyticsWindow } from '../../analytics-window';
import { ClosedDays } from '../../closed-days';
import { AnalyticsScope, SqlParams, SqlRunner } from '../sql';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Can the rollups answer this window? Every edge must fall on a whole UTC hour. */
export function rollupCanAnswer(window: AnalyticsWindow): boolean {
  return [window.start, window.end, window.previousStart, window.previousEnd].every(
    (instant) => instant.getTime() % HOUR_MS === 0,
  );
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
    table: (grain, journalOf) =>
      journalOf ? rollupRelation(kind, grain, columns, journalOf) : rollupTable(kind, grain),
    columns,
    counters,
  };
};

/** The account whose journal rows a scope's reads add: none when the snapshot holds none (AnalyticsScope.folded). */
export const journalOf = (scope: AnalyticsScope) => (scope.folded ? undefined : scope.accountId);
export const SESSIONS = family('session', SESSION_ROLLUP_COUNTERS);
export const NODES = family('node', NODE_ROLLUP_COUNTERS);
export const durations = (resolution: Resolution): Family => family(resolution, ['n']);
export const NODE_MINUTES = family('node_minute', ['n']);
export const NODE_SECONDS = family('node_second', ['n']);

/** Rollup rows of [start, end): a SELECT per part (days, hours, hours taken away), filtered by `where` (alias r). */
function rollupParts(
  family: Family,
  journal: string | undefined,
  where: string,
  start: Date,
  end: Date,
  p: SqlParams,
): string[] {
  const { days, hours, minusHours } = splitRange(start, end);
  const columns = family.columns.join(', ');
  const negated = family.columns
    .map((column) => (family.counters.includes(column) ? `-${column} AS ${column}` : column))
    .join(', ');
  const parts: string[] = [];
  const part = (select: string, grain: Grain, [from, to]: [Date, Date]) =>
    parts.push(
      `SELECT ${select} FROM ${family.table(grain, journal && p.add(journal))} r WHERE ${where} AND r.bucket >= ${p.add(from)} AND r.bucket < ${p.add(to)}`,
    );
  if (days) part(columns, 'day', days);
  for (const range of hours) part(columns, 'hour', range);
  for (const range of minusHours) part(negated, 'hour', range);
  return parts;
}

/** Which rollup rows a statement reads, and the columns it groups them by. */
export interface RowsQuery {
  family: Family;
  /** The filter, written against alias r. */
  where: (p: SqlParams) => string;
  groupBy: string[];
  /** The account whose journal rows to add (journalOf). */
  journal?: string;
}

/** A statement's rows, read once per response when the runner keeps what it sent (SqlRunner.sent). */
export function queryOnce(db: SqlRunner, sql: string, values: unknown[]): Promise<unknown[]> {
  if (!db.sent) return db.query(sql, values);
  const key = `${sql}\u0000${JSON.stringify(values)}`;
  const rows = db.sent.get(key) ?? db.query(sql, values);
  db.sent.set(key, rows);
  return rows;
}

/** Counters summed per group: the group's key values (joined by \u0000) → counter → sum. */
export type Sums = Map<string, Record<string, number>>;

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
export async function groupedSums(
  db: SqlRunner,
  query: RowsQuery,
  start: Date,
  end: Date,
  closed?: ClosedDays,
): Promise<Sums> {
  const split = closed ? new Date(Math.min(Math.max(closed.before.getTime(), start.getTime()), end.getTime())) : start;
  const read = async ([sql, values]: [string, unknown[]]) =>
    sql ? ((await queryOnce(db, sql, values)) as Record<string, string | number | null>[]) : [];
  const closedPart = groupedSumsSql(query, start, split);
  // Kept under the tables' statement whether or not the journal is read with them: the same sums.
  const closedKey = JSON.stringify(
    query.journal === undefined ? closedPart : groupedSumsSql({ ...query, journal: undefined }, start, split),
  );
  const [kept, fresh] = await Promise.all([
    closedPart[0]
      ? (closed as ClosedDays).cache.through(closedKey, (closed as ClosedDays).version, async () =>
          addRows(new Map(), query, await read(closedPart)),
        )
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
    const key =
      query.groupBy.length === 1
        ? String(row[query.groupBy[0]])
        : query.groupBy.map((column) => String(row[column])).join('\u0000');
    const total: Record<string, number> = { ...(sums.get(key) ?? zeros(counters)) };
    for (const counter of counters) total[counter] += Number(row[counter] ?? 0);
    sums.set(key, total);
  }
  return sums;
}

const zeros = (counters: readonly string[]): Record<string, number> =>
  Object.fromEntries(counters.map((counter) => [counter, 0]));

/**
 * Sums grouped by one numeric column (a minute or a second) as histogram bins: [value, count]
 * pairs in ascending value order, empty bins left out (histogram-median.ts).
 */
export function histogramBins(sums: Sums): [number, number][] {
  return [...sums]
    .map(([value, { n }]): [number, number] => [Number(value), n])
    .filter(([, n]) => n !== 0)
    .sort((a, b) => a[0] - b[0]);
}

/** The sums of a query without groups (one level of one scope), zeros if there were no rows. */
export async function totals(
  db: SqlRunner,
  query: RowsQuery,
  start: Date,
  end: Date,
  closed?: ClosedDays,
): Promise<Record<string, number>> {
  const sums = await groupedSums(db, query, start, end, closed);
  return sums.get('') ?? zeros(query.family.counters);
}

/** Session rollup sums as the summary and the rankings use them. */
export function sessionFigures(sums: Record<string, number>) {
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
export async function nameOrder(
  db: SqlRunner,
  table: 'trees' | 'users',
  accountId: string,
): Promise<Map<string, { rank: number; name: string }>> {
  const rows = (await queryOnce(db, `SELECT id, name FROM ${table} WHERE account_id = $1 ORDER BY name, id`, [
    accountId,
  ])) as { id: string; name: string }[];
  return new Map(rows.map((row, rank) => [row.id, { rank, name: row.name }]));
}

/** The rollup level of a scope: its engineer or "all", its flow or "all". */
export function levelWhere(scope: AnalyticsScope, p: SqlParams): string {
  return `r.account_id = ${p.add(scope.accountId)} AND r.user_id = ${p.add(scope.userId ?? ZERO_UUID)} AND r.tree_id = ${p.add(scope.treeId ?? ZERO_UUID)}`;
}
