import { rollupRelation } from './rollup-fold';
import { CLEAR_JOURNALS_SQL, LOCK_JOURNALS_SQL, SESSIONS_JOURNAL } from './rollup-journal';
import {
  durationFacts,
  durationKey,
  durationTable,
  GRAINS,
  groupedDurations,
  groupedFacts,
  groupedNodeTimes,
  NODE_KEYS,
  NODE_ROLLUP_COUNTERS,
  nodeRollupTable,
  nodeSessionFacts,
  nodeTimeFacts,
  nodeTimeKey,
  nodeTimeTable,
  ratingFacts,
  SESSION_KEYS,
  SESSION_ROLLUP_COUNTERS,
  sessionFacts,
  sessionRollupTable,
  upsertDurations,
  upsertFacts,
  upsertNodeTimes,
  voteFacts,
} from './rollup-schema';

/** What runs SQL: a pg client, a DataSource, an EntityManager or a migration's QueryRunner. */
export interface RollupDb {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

const RAW_SESSION_FACTS = [
  sessionFacts({ relation: 'sessions', sign: 1 }),
  ratingFacts({ relation: 'session_ratings', sign: 1 }),
];
const RAW_DURATION_FACTS = [durationFacts({ relation: 'sessions', sign: 1 })];
const RAW_NODE_TIME_FACTS = [nodeTimeFacts({ relation: 'sessions', sign: 1 })];
const RAW_NODE_FACTS = [
  nodeSessionFacts({ relation: 'sessions', sign: 1 }),
  voteFacts({ relation: 'step_ratings', sign: 1 }),
];

/**
 * Fills an (emptied) daily table by adding up its hourly table's rows per UTC day, in the daily
 * table's key order (`keys`), so its index is appended to rather than written all over.
 */
function dailyFromHourly(hourly: string, daily: string, keys: string[], counters: readonly string[]): string {
  const select = keys.map((key) => (key === 'bucket' ? `date_trunc('day', h.bucket, 'UTC') AS bucket` : `h.${key}`));
  const positions = keys.map((_, i) => i + 1).join(', ');
  return `INSERT INTO ${daily} (${[...keys, ...counters].join(', ')})
  SELECT ${select.join(', ')}, ${counters.map((c) => `sum(h.${c})`).join(', ')}
    FROM ${hourly} h
   GROUP BY ${positions}
  HAVING ${counters.map((c) => `sum(h.${c}) <> 0`).join(' OR ')}
   ORDER BY ${positions}`;
}

/**
 * The statements that fill the (emptied) rollup tables from the raw tables, in two phases: the
 * hourly tables from the raw rows, then each daily table from its hourly table (a UTC day is 24
 * whole UTC hours, so the sums are the same, for a fraction of the work). The statements of a
 * phase are independent of each other, so a bulk loader may run them on parallel connections.
 * rollup:verify recounts both grains from the raw rows, independently of this.
 */
export function rollupFillPhases(): { table: string; sql: string }[][] {
  // Largest first (at 1M sessions: sessions, seconds, minutes, nodes; node times not measured yet), so parallel workers end together.
  const hourly = [
    { table: sessionRollupTable('hour'), sql: upsertFacts(RAW_SESSION_FACTS, 'hour', 'session') },
    { table: durationTable('second', 'hour'), sql: upsertDurations(RAW_DURATION_FACTS, 'second', 'hour') },
    { table: durationTable('minute', 'hour'), sql: upsertDurations(RAW_DURATION_FACTS, 'minute', 'hour') },
    { table: nodeRollupTable('hour'), sql: upsertFacts(RAW_NODE_FACTS, 'hour', 'node') },
    { table: nodeTimeTable('second', 'hour'), sql: upsertNodeTimes(RAW_NODE_TIME_FACTS, 'second', 'hour') },
    { table: nodeTimeTable('minute', 'hour'), sql: upsertNodeTimes(RAW_NODE_TIME_FACTS, 'minute', 'hour') },
  ];
  const fromHourly = (hourlyTable: string, dailyTable: string, keys: string[], counters: readonly string[]) => ({
    table: dailyTable,
    sql: dailyFromHourly(hourlyTable, dailyTable, keys, counters),
  });
  const daily = [
    fromHourly(durationTable('second', 'hour'), durationTable('second', 'day'), durationKey('second', 'day'), ['n']),
    fromHourly(sessionRollupTable('hour'), sessionRollupTable('day'), SESSION_KEYS, SESSION_ROLLUP_COUNTERS),
    fromHourly(durationTable('minute', 'hour'), durationTable('minute', 'day'), durationKey('minute', 'day'), ['n']),
    fromHourly(nodeRollupTable('hour'), nodeRollupTable('day'), NODE_KEYS, NODE_ROLLUP_COUNTERS),
    fromHourly(nodeTimeTable('second', 'hour'), nodeTimeTable('second', 'day'), nodeTimeKey('second', 'day'), ['n']),
    fromHourly(nodeTimeTable('minute', 'hour'), nodeTimeTable('minute', 'day'), nodeTimeKey('minute', 'day'), ['n']),
  ];
  return [hourly, daily];
}

/**
 * Recomputes every rollup from the raw tables, inside the caller's transaction. The raw tables
 * are locked against writes (SHARE) first, so no write can slip between the recount and the
 * swap; reads go on.
 */
export async function rebuildRollups(db: RollupDb): Promise<void> {
  await db.query('LOCK TABLE sessions, session_ratings, step_ratings IN SHARE MODE');
  // The recount includes every write the journal holds. Folds wait (EXCLUSIVE) until it is done.
  // Databases migrated only up to AnalyticsRollups (its own rebuild) have no journal yet.
  const [{ journal }]: { journal: boolean }[] = await db.query(
    `SELECT to_regclass('${SESSIONS_JOURNAL.table}') IS NOT NULL AS journal`,
  );
  if (journal) {
    await db.query(LOCK_JOURNALS_SQL);
    for (const sql of CLEAR_JOURNALS_SQL) await db.query(sql);
  }
  for (const phase of rollupFillPhases()) {
    for (const { table, sql } of phase) {
      await db.query(`DELETE FROM ${table}`);
      await db.query(sql);
    }
  }
}

export interface RollupDifference {
  table: string;
  key: Record<string, unknown>;
  expected: Record<string, number>;
  actual: Record<string, number>;
}

/** The buckets where `expected` and `actual` (both grouped by `keys`) disagree on a counter. */
async function differingBuckets(
  db: RollupDb,
  table: string,
  keys: readonly string[],
  counters: readonly string[],
  expected: string,
  actual: string,
  limit: number,
): Promise<{ differences: RollupDifference[]; total: number }> {
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT ${keys.map((k) => `coalesce(e.${k}, a.${k}) AS ${k}`).join(', ')},
            ${counters.map((c) => `coalesce(e.${c}, 0)::float8 AS e_${c}, coalesce(a.${c}, 0)::float8 AS a_${c}`).join(', ')},
            count(*) OVER ()::int AS total
       FROM (${expected}) e FULL JOIN (${actual}) a USING (${keys.join(', ')})
      WHERE ${counters.map((c) => `coalesce(e.${c}, 0) <> coalesce(a.${c}, 0)`).join(' OR ')}
      LIMIT ${limit}`,
  );
  return {
    total: rows.length ? Number(rows[0].total) : 0,
    differences: rows.map((row) => ({
      table,
      key: Object.fromEntries(keys.map((k) => [k, row[k]])),
      expected: Object.fromEntries(counters.map((c) => [c, Number(row[`e_${c}`])])),
      actual: Object.fromEntries(counters.map((c) => [c, Number(row[`a_${c}`])])),
    })),
  };
}

/**
 * Compares every rollup, with the journal's rows not yet folded, with a recount from the raw
 * tables (stripes summed), in one snapshot.
 * Returns the differing buckets; none means exact. Zero rows count as absent.
 */
export async function verifyRollups(
  db: RollupDb,
  limit = 20,
): Promise<{ differences: RollupDifference[]; total: number }> {
  const checks: Parameters<typeof differingBuckets>[] = [];
  for (const grain of GRAINS) {
    for (const family of ['session', 'node'] as const) {
      const table = family === 'session' ? sessionRollupTable(grain) : nodeRollupTable(grain);
      const counters: readonly string[] = family === 'session' ? SESSION_ROLLUP_COUNTERS : NODE_ROLLUP_COUNTERS;
      // Stripes summed: compared per key without the shard.
      const keys = (family === 'session' ? SESSION_KEYS : NODE_KEYS).filter((key) => key !== 'shard');
      const expected = groupedFacts(family === 'session' ? RAW_SESSION_FACTS : RAW_NODE_FACTS, grain, family, false);
      const columns = [...(family === 'session' ? SESSION_KEYS : NODE_KEYS), ...counters];
      const actual = `SELECT ${keys.join(', ')}, ${counters.map((c) => `sum(${c})::bigint AS ${c}`).join(', ')}
        FROM ${rollupRelation(family, grain, columns)} r GROUP BY ${keys.join(', ')} HAVING ${counters.map((c) => `sum(${c}) <> 0`).join(' OR ')}`;
      checks.push([db, table, keys, counters, expected, actual, limit]);
    }
  }
  for (const grain of GRAINS) {
    for (const resolution of ['minute', 'second'] as const) {
      const table = durationTable(resolution, grain);
      const expected = groupedDurations(RAW_DURATION_FACTS, resolution, grain);
      const keys = durationKey(resolution, grain);
      const actual = `SELECT ${keys.join(', ')}, sum(n)::bigint AS n FROM ${rollupRelation(resolution, grain, [...keys, 'n'])} r
        GROUP BY ${keys.join(', ')} HAVING sum(n) <> 0`;
      checks.push([db, table, keys, ['n'], expected, actual, limit]);
    }
    for (const resolution of ['minute', 'second'] as const) {
      const table = nodeTimeTable(resolution, grain);
      const expected = groupedNodeTimes(RAW_NODE_TIME_FACTS, resolution, grain);
      const keys = nodeTimeKey(resolution, grain);
      const actual = `SELECT ${keys.join(', ')}, sum(n)::bigint AS n FROM ${rollupRelation(`node_${resolution}`, grain, [...keys, 'n'])} r
        GROUP BY ${keys.join(', ')} HAVING sum(n) <> 0`;
      checks.push([db, table, keys, ['n'], expected, actual, limit]);
    }
  }
  const differences: RollupDifference[] = [];
  let total = 0;
  for (const check of checks) {
    const found = await differingBuckets(...check);
    differences.push(...found.differences);
    total += found.total;
  }
  return { differences, total };
}
