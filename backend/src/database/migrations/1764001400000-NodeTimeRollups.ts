import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Time per node in the rollups (analytics/rollup/rollup-schema.ts, nodeTimeFacts): a histogram
 * per node of the whole seconds from reaching a node to answering it, by the session's start, at
 * minute and second resolution and hourly and daily grain, so flow analytics read node_times
 * from a few thousand rows instead of expanding every path of the window. The sessions journal
 * records the path, so a fold adds each answer (a decide journals the old path and the new one,
 * which cancel but for the new answer).
 *
 * The tables are filled from the raw sessions with writes to sessions held off (SHARE) until the
 * migration commits. Journal rows written before it carry no path and add no node times, which is
 * exact: the fill read the rows they changed. Down drops the tables and the column and puts the
 * trigger function back as RollupJournal installed it.
 *
 * Frozen SQL, written out by the code of this commit (rollup-schema.ts, rollup-fold.ts,
 * rollup-recount.ts); never edit it, a change to the schema is a new migration.
 */
export class NodeTimeRollups1764001400000 implements MigrationInterface {
  name = 'NodeTimeRollups1764001400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of UP) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of DOWN) await queryRunner.query(sql);
  }
}

// Frozen SQL (see the class comment).

const UP = [
  `LOCK TABLE sessions IN SHARE MODE`,
  `ALTER TABLE analytics_journal_sessions ADD COLUMN path jsonb`,
  `CREATE TABLE analytics_node_time_minutes_hourly (account_id uuid NOT NULL, tree_id uuid NOT NULL, node_id uuid NOT NULL, bucket timestamptz NOT NULL, minute integer NOT NULL, n bigint NOT NULL DEFAULT 0, PRIMARY KEY (account_id, tree_id, bucket, node_id, minute) INCLUDE (n))`,
  `CREATE TABLE analytics_node_time_minutes_daily (account_id uuid NOT NULL, tree_id uuid NOT NULL, node_id uuid NOT NULL, bucket timestamptz NOT NULL, minute integer NOT NULL, n bigint NOT NULL DEFAULT 0, PRIMARY KEY (account_id, tree_id, bucket, node_id, minute) INCLUDE (n))`,
  `CREATE TABLE analytics_node_time_seconds_hourly (account_id uuid NOT NULL, tree_id uuid NOT NULL, node_id uuid NOT NULL, bucket timestamptz NOT NULL, second integer NOT NULL, n bigint NOT NULL DEFAULT 0, PRIMARY KEY (account_id, tree_id, bucket, node_id, second) INCLUDE (n))`,
  `CREATE TABLE analytics_node_time_seconds_daily (account_id uuid NOT NULL, tree_id uuid NOT NULL, node_id uuid NOT NULL, bucket timestamptz NOT NULL, second integer NOT NULL, n bigint NOT NULL DEFAULT 0, PRIMARY KEY (account_id, tree_id, node_id, second, bucket) INCLUDE (n))`,
  `CREATE OR REPLACE FUNCTION analytics_rollup_sessions() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows WHERE started_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_sessions (account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, path, sign) SELECT account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, path, 1 FROM new_rows;
      ELSIF TG_OP = 'UPDATE' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows UNION ALL SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE started_at < date_trunc('day', now(), 'UTC') UNION ALL SELECT account_id FROM new_rows WHERE started_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_sessions (account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, path, sign) SELECT account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, path, -1 FROM old_rows UNION ALL SELECT account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, path, 1 FROM new_rows;
      ELSE
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE started_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_sessions (account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, path, sign) SELECT account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, path, -1 FROM old_rows;
      END IF;
      RETURN NULL;
    END $fn$`,
  `CREATE OR REPLACE FUNCTION analytics_journal_rows_node_minute(account uuid, grain text)
      RETURNS TABLE (account_id uuid, tree_id uuid, node_id uuid, bucket timestamptz, minute integer, n bigint)
      LANGUAGE plpgsql STABLE ROWS 10 AS $fn$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY SELECT f.account_id, f.tree_id, f.node_id, date_trunc(grain, f.ts, 'UTC') AS bucket, floor(f.second / 60.0)::int AS minute, f.n::bigint AS n FROM (SELECT a.account_id, a.tree_id, a.node_id, a.ts, greatest(0, a.second) AS second, a.n
    FROM (SELECT s.account_id, s.tree_id, (e.entry ->> 'node_id')::uuid AS node_id, s.started_at AS ts,
            floor(extract(epoch FROM (e.entry ->> 'at')::timestamptz
              - CASE WHEN e.i = 1 THEN s.started_at ELSE (s.path -> (e.i - 2)::int ->> 'at')::timestamptz END))::int AS second,
            s.sign AS n
       FROM (SELECT * FROM analytics_journal_sessions WHERE account_id = account) s CROSS JOIN LATERAL jsonb_array_elements(s.path) WITH ORDINALITY AS e(entry, i)) a
   WHERE a.second IS NOT NULL) f;
      END $fn$`,
  `CREATE OR REPLACE FUNCTION analytics_journal_rows_node_second(account uuid, grain text)
      RETURNS TABLE (account_id uuid, tree_id uuid, node_id uuid, bucket timestamptz, second integer, n bigint)
      LANGUAGE plpgsql STABLE ROWS 10 AS $fn$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY SELECT f.account_id, f.tree_id, f.node_id, date_trunc(grain, f.ts, 'UTC') AS bucket, f.second, f.n::bigint AS n FROM (SELECT a.account_id, a.tree_id, a.node_id, a.ts, greatest(0, a.second) AS second, a.n
    FROM (SELECT s.account_id, s.tree_id, (e.entry ->> 'node_id')::uuid AS node_id, s.started_at AS ts,
            floor(extract(epoch FROM (e.entry ->> 'at')::timestamptz
              - CASE WHEN e.i = 1 THEN s.started_at ELSE (s.path -> (e.i - 2)::int ->> 'at')::timestamptz END))::int AS second,
            s.sign AS n
       FROM (SELECT * FROM analytics_journal_sessions WHERE account_id = account) s CROSS JOIN LATERAL jsonb_array_elements(s.path) WITH ORDINALITY AS e(entry, i)) a
   WHERE a.second IS NOT NULL) f;
      END $fn$`,
  `INSERT INTO analytics_node_time_seconds_hourly AS r (account_id, tree_id, bucket, node_id, second, n)
  SELECT f.account_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, f.node_id, f.second, sum(f.n)::bigint AS n
    FROM (SELECT a.account_id, a.tree_id, a.node_id, a.ts, greatest(0, a.second) AS second, a.n
    FROM (SELECT s.account_id, s.tree_id, (e.entry ->> 'node_id')::uuid AS node_id, s.started_at AS ts,
            floor(extract(epoch FROM (e.entry ->> 'at')::timestamptz
              - CASE WHEN e.i = 1 THEN s.started_at ELSE (s.path -> (e.i - 2)::int ->> 'at')::timestamptz END))::int AS second,
            1 AS n
       FROM sessions s CROSS JOIN LATERAL jsonb_array_elements(s.path) WITH ORDINALITY AS e(entry, i)) a
   WHERE a.second IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, tree_id, bucket, node_id, second) DO UPDATE SET n = r.n + EXCLUDED.n`,
  `INSERT INTO analytics_node_time_minutes_hourly AS r (account_id, tree_id, bucket, node_id, minute, n)
  SELECT f.account_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, f.node_id, floor(f.second / 60.0)::int AS minute, sum(f.n)::bigint AS n
    FROM (SELECT a.account_id, a.tree_id, a.node_id, a.ts, greatest(0, a.second) AS second, a.n
    FROM (SELECT s.account_id, s.tree_id, (e.entry ->> 'node_id')::uuid AS node_id, s.started_at AS ts,
            floor(extract(epoch FROM (e.entry ->> 'at')::timestamptz
              - CASE WHEN e.i = 1 THEN s.started_at ELSE (s.path -> (e.i - 2)::int ->> 'at')::timestamptz END))::int AS second,
            1 AS n
       FROM sessions s CROSS JOIN LATERAL jsonb_array_elements(s.path) WITH ORDINALITY AS e(entry, i)) a
   WHERE a.second IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, tree_id, bucket, node_id, minute) DO UPDATE SET n = r.n + EXCLUDED.n`,
  `INSERT INTO analytics_node_time_seconds_daily (account_id, tree_id, node_id, second, bucket, n)
  SELECT h.account_id, h.tree_id, h.node_id, h.second, date_trunc('day', h.bucket, 'UTC') AS bucket, sum(h.n)
    FROM analytics_node_time_seconds_hourly h
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(h.n) <> 0
   ORDER BY 1, 2, 3, 4, 5`,
  `INSERT INTO analytics_node_time_minutes_daily (account_id, tree_id, bucket, node_id, minute, n)
  SELECT h.account_id, h.tree_id, date_trunc('day', h.bucket, 'UTC') AS bucket, h.node_id, h.minute, sum(h.n)
    FROM analytics_node_time_minutes_hourly h
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(h.n) <> 0
   ORDER BY 1, 2, 3, 4, 5`,
];

const DOWN = [
  `DROP FUNCTION analytics_journal_rows_node_minute(uuid, text)`,
  `DROP FUNCTION analytics_journal_rows_node_second(uuid, text)`,
  `DROP TABLE analytics_node_time_minutes_hourly, analytics_node_time_minutes_daily, analytics_node_time_seconds_hourly, analytics_node_time_seconds_daily`,
  `CREATE OR REPLACE FUNCTION analytics_rollup_sessions() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows WHERE started_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_sessions (account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, sign) SELECT account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, 1 FROM new_rows;
      ELSIF TG_OP = 'UPDATE' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows UNION ALL SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE started_at < date_trunc('day', now(), 'UTC') UNION ALL SELECT account_id FROM new_rows WHERE started_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_sessions (account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, sign) SELECT account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, -1 FROM old_rows UNION ALL SELECT account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, 1 FROM new_rows;
      ELSE
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE started_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_sessions (account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, sign) SELECT account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, -1 FROM old_rows;
      END IF;
      RETURN NULL;
    END $fn$`,
  `ALTER TABLE analytics_journal_sessions DROP COLUMN path`,
];
