import {
  durationFacts,
  durationTable,
  GRAINS,
  groupedDurations,
  groupedFacts,
  nodeRollupTable,
  NODE_ROLLUP_COUNTERS,
  nodeSessionFacts,
  ratingFacts,
  sessionFacts,
  sessionRollupTable,
  SESSION_ROLLUP_COUNTERS,
  upsertDurations,
  upsertFacts,
  voteFacts,
} from './rollup-schema';

/** What runs SQL: a pg client, a DataSource, an EntityManager or a migration's QueryRunner. */
export interface RollupDb {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

const RAW_SESSION_FACTS = [sessionFacts({ relation: 'sessions', sign: 1 }), ratingFacts({ relation: 'session_ratings', sign: 1 })];
const RAW_DURATION_FACTS = [durationFacts({ relation: 'sessions', sign: 1 })];
const RAW_NODE_FACTS = [nodeSessionFacts({ relation: 'sessions', sign: 1 }), voteFacts({ relation: 'step_ratings', sign: 1 })];

/**
 * The statements that fill each (emptied) rollup table from the raw tables: one per table,
 * independent of each other, so a bulk loader may run them on parallel connections.
 */
export function rollupFillStatements(): { table: string; sql: string }[] {
  const statements: { table: string; sql: string }[] = [];
  for (const grain of GRAINS) {
    statements.push({ table: sessionRollupTable(grain), sql: upsertFacts(RAW_SESSION_FACTS, grain, 'session') });
    statements.push({ table: nodeRollupTable(grain), sql: upsertFacts(RAW_NODE_FACTS, grain, 'node') });
    for (const resolution of ['minute', 'second'] as const) {
      statements.push({ table: durationTable(resolution, grain), sql: upsertDurations(RAW_DURATION_FACTS, resolution, grain) });
    }
  }
  return statements;
}

/**
 * Recomputes every rollup from the raw tables, inside the caller's transaction. The raw tables
 * are locked against writes (SHARE) first, so no write can slip between the recount and the
 * swap; reads go on.
 */
export async function rebuildRollups(db: RollupDb): Promise<void> {
  await db.query('LOCK TABLE sessions, session_ratings, step_ratings IN SHARE MODE');
  for (const { table, sql } of rollupFillStatements()) {
    await db.query(`DELETE FROM ${table}`);
    await db.query(sql);
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
 * Compares every rollup with a recount from the raw tables (stripes summed), in one snapshot.
 * Returns the differing buckets; none means exact. Zero rows count as absent.
 */
export async function verifyRollups(db: RollupDb, limit = 20): Promise<{ differences: RollupDifference[]; total: number }> {
  const checks: Parameters<typeof differingBuckets>[] = [];
  for (const grain of GRAINS) {
    for (const family of ['session', 'node'] as const) {
      const table = family === 'session' ? sessionRollupTable(grain) : nodeRollupTable(grain);
      const counters: readonly string[] = family === 'session' ? SESSION_ROLLUP_COUNTERS : NODE_ROLLUP_COUNTERS;
      const keys = family === 'session' ? ['account_id', 'user_id', 'tree_id', 'bucket'] : ['account_id', 'tree_id', 'node_id', 'bucket'];
      const expected = groupedFacts(family === 'session' ? RAW_SESSION_FACTS : RAW_NODE_FACTS, grain, family, false);
      const actual = `SELECT ${keys.join(', ')}, ${counters.map((c) => `sum(${c})::bigint AS ${c}`).join(', ')}
        FROM ${table} GROUP BY ${keys.join(', ')} HAVING ${counters.map((c) => `sum(${c}) <> 0`).join(' OR ')}`;
      checks.push([db, table, keys, counters, expected, actual, limit]);
    }
  }
  for (const grain of GRAINS) {
    for (const resolution of ['minute', 'second'] as const) {
      const table = durationTable(resolution, grain);
      const expected = groupedDurations(RAW_DURATION_FACTS, resolution, grain);
      checks.push([db, table, ['account_id', 'user_id', 'tree_id', 'bucket', resolution], ['n'], expected, `SELECT * FROM ${table} WHERE n <> 0`, limit]);
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
