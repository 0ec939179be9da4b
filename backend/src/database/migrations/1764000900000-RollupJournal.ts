import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rollup journal (analytics/rollup/rollup-journal.ts): the trigger functions re-installed to
 * append each write's rows to the journal instead of upserting the rollups, which a fold adds
 * in later, and the functions readers read one account's journal through. Down folds what the
 * journal holds first, so the rollups lose nothing.
 *
 * Frozen SQL, exactly what this migration issued at 7a6499c, the last commit before it was
 * frozen; it was the newest migration until then, amended while it was (0bc0ad7 added the
 * journal-rows functions). scripts/frozen-migrations.mjs checks the text against that commit.
 */
export class RollupJournal1764000900000 implements MigrationInterface {
  name = 'RollupJournal1764000900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of UP) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of DOWN_BEFORE_FOLD) await queryRunner.query(sql);
    // What the journal holds goes into the rollups first: folds until one takes less than a full load from every journal.
    for (;;) {
      const [taken]: { sessions: number; ratings: number; votes: number }[] = await queryRunner.query(FOLD_JOURNAL);
      if (taken.sessions < FOLD_LIMIT && taken.ratings < FOLD_LIMIT && taken.votes < FOLD_LIMIT) break;
    }
    for (const sql of DOWN_AFTER_FOLD) await queryRunner.query(sql);
  }
}

// Frozen SQL (see the class comment): never edit it, a change to the schema is a new migration.

const UP = [
  `CREATE TABLE analytics_journal_sessions AS SELECT account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, 1::smallint AS sign FROM sessions WITH NO DATA`,
  `ALTER TABLE analytics_journal_sessions ALTER COLUMN account_id SET NOT NULL, ALTER COLUMN sign SET NOT NULL,
       SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000, autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000)`,
  `CREATE INDEX analytics_journal_sessions_account_idx ON analytics_journal_sessions (account_id)`,
  `CREATE TABLE analytics_journal_session_ratings AS SELECT account_id, session_id, user_id, tree_id, rating, created_at, 1::smallint AS sign FROM session_ratings WITH NO DATA`,
  `ALTER TABLE analytics_journal_session_ratings ALTER COLUMN account_id SET NOT NULL, ALTER COLUMN sign SET NOT NULL,
       SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000, autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000)`,
  `CREATE INDEX analytics_journal_session_ratings_account_idx ON analytics_journal_session_ratings (account_id)`,
  `CREATE TABLE analytics_journal_step_ratings AS SELECT account_id, tree_id, node_id, was_helpful, created_at, 1::smallint AS sign FROM step_ratings WITH NO DATA`,
  `ALTER TABLE analytics_journal_step_ratings ALTER COLUMN account_id SET NOT NULL, ALTER COLUMN sign SET NOT NULL,
       SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000, autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000)`,
  `CREATE INDEX analytics_journal_step_ratings_account_idx ON analytics_journal_step_ratings (account_id)`,
  `CREATE OR REPLACE FUNCTION analytics_journal_rows_session(account uuid, grain text)
      RETURNS TABLE (account_id uuid, user_id uuid, tree_id uuid, bucket timestamptz, shard smallint, sessions bigint, completed bigint, resolved bigint, escalated bigint, workaround bigint, unresolved bigint, duration_us bigint, ratings bigint, rating_sum bigint, r1 bigint, r2 bigint, r3 bigint, r4 bigint, r5 bigint)
      LANGUAGE plpgsql STABLE ROWS 10 AS $fn$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY SELECT f.account_id, f.user_id, f.tree_id, date_trunc(grain, f.ts, 'UTC') AS bucket, f.shard, f.sessions::bigint AS sessions, f.completed::bigint AS completed, f.resolved::bigint AS resolved, f.escalated::bigint AS escalated, f.workaround::bigint AS workaround, f.unresolved::bigint AS unresolved, f.duration_us::bigint AS duration_us, f.ratings::bigint AS ratings, f.rating_sum::bigint AS rating_sum, f.r1::bigint AS r1, f.r2::bigint AS r2, f.r3::bigint AS r3, f.r4::bigint AS r4, f.r5::bigint AS r5 FROM (SELECT s.account_id, k.user_id, k.tree_id, k.shard, s.started_at AS ts,
      s.sign AS sessions, s.sign * (s.completed_at IS NOT NULL)::int AS completed,
      s.sign * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, s.sign * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      s.sign * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, s.sign * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      s.sign * coalesce((extract(epoch FROM s.completed_at - s.started_at) * 1000000)::bigint, 0) AS duration_us,
      0 AS ratings, 0 AS rating_sum, 0 AS r1, 0 AS r2, 0 AS r3, 0 AS r4, 0 AS r5
    FROM (SELECT * FROM analytics_journal_sessions WHERE account_id = account) s CROSS JOIN LATERAL (VALUES
      (s.user_id, s.tree_id, 0::smallint), (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(s.id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard) UNION ALL SELECT r.account_id, k.user_id, k.tree_id, k.shard, r.created_at AS ts,
      0 AS sessions, 0 AS completed, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved, 0::bigint AS duration_us,
      r.sign AS ratings, r.sign * r.rating AS rating_sum, r.sign * (r.rating = 1)::int AS r1, r.sign * (r.rating = 2)::int AS r2, r.sign * (r.rating = 3)::int AS r3, r.sign * (r.rating = 4)::int AS r4, r.sign * (r.rating = 5)::int AS r5
    FROM (SELECT * FROM analytics_journal_session_ratings WHERE account_id = account) r CROSS JOIN LATERAL (VALUES
      (r.user_id, r.tree_id, 0::smallint), (r.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, r.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(r.session_id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)) f;
      END $fn$`,
  `CREATE OR REPLACE FUNCTION analytics_journal_rows_node(account uuid, grain text)
      RETURNS TABLE (account_id uuid, tree_id uuid, node_id uuid, bucket timestamptz, unfinished bigint, ended bigint, resolved bigint, escalated bigint, workaround bigint, unresolved bigint, helpful_yes bigint, helpful_no bigint)
      LANGUAGE plpgsql STABLE ROWS 10 AS $fn$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY SELECT f.account_id, f.tree_id, f.node_id, date_trunc(grain, f.ts, 'UTC') AS bucket, f.unfinished::bigint AS unfinished, f.ended::bigint AS ended, f.resolved::bigint AS resolved, f.escalated::bigint AS escalated, f.workaround::bigint AS workaround, f.unresolved::bigint AS unresolved, f.helpful_yes::bigint AS helpful_yes, f.helpful_no::bigint AS helpful_no FROM (SELECT s.account_id, s.tree_id, s.current_node_id AS node_id, s.started_at AS ts,
      s.sign * (s.completed_at IS NULL)::int AS unfinished, s.sign * (s.completed_at IS NOT NULL)::int AS ended,
      s.sign * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, s.sign * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      s.sign * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, s.sign * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      0 AS helpful_yes, 0 AS helpful_no
    FROM (SELECT * FROM analytics_journal_sessions WHERE account_id = account) s WHERE s.current_node_id IS NOT NULL UNION ALL SELECT v.account_id, v.tree_id, v.node_id, v.created_at AS ts,
      0 AS unfinished, 0 AS ended, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved,
      v.sign * v.was_helpful::int AS helpful_yes, v.sign * (NOT v.was_helpful)::int AS helpful_no
    FROM (SELECT * FROM analytics_journal_step_ratings WHERE account_id = account) v) f;
      END $fn$`,
  `CREATE OR REPLACE FUNCTION analytics_journal_rows_minute(account uuid, grain text)
      RETURNS TABLE (account_id uuid, user_id uuid, tree_id uuid, bucket timestamptz, minute integer, n bigint)
      LANGUAGE plpgsql STABLE ROWS 10 AS $fn$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY SELECT f.account_id, f.user_id, f.tree_id, date_trunc(grain, f.ts, 'UTC') AS bucket, floor(f.second / 60.0)::int AS minute, f.n::bigint AS n FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, s.sign AS n
    FROM (SELECT * FROM analytics_journal_sessions WHERE account_id = account) s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f;
      END $fn$`,
  `CREATE OR REPLACE FUNCTION analytics_journal_rows_second(account uuid, grain text)
      RETURNS TABLE (account_id uuid, user_id uuid, tree_id uuid, bucket timestamptz, second integer, n bigint)
      LANGUAGE plpgsql STABLE ROWS 10 AS $fn$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY SELECT f.account_id, f.user_id, f.tree_id, date_trunc(grain, f.ts, 'UTC') AS bucket, f.second, f.n::bigint AS n FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, s.sign AS n
    FROM (SELECT * FROM analytics_journal_sessions WHERE account_id = account) s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f;
      END $fn$`,
  `
    CREATE OR REPLACE FUNCTION analytics_rollup_sessions() RETURNS trigger LANGUAGE plpgsql AS $fn$
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
  `
    CREATE OR REPLACE FUNCTION analytics_rollup_session_ratings() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows WHERE created_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_session_ratings (account_id, session_id, user_id, tree_id, rating, created_at, sign) SELECT account_id, session_id, user_id, tree_id, rating, created_at, 1 FROM new_rows;
      ELSIF TG_OP = 'UPDATE' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows UNION ALL SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE created_at < date_trunc('day', now(), 'UTC') UNION ALL SELECT account_id FROM new_rows WHERE created_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_session_ratings (account_id, session_id, user_id, tree_id, rating, created_at, sign) SELECT account_id, session_id, user_id, tree_id, rating, created_at, -1 FROM old_rows UNION ALL SELECT account_id, session_id, user_id, tree_id, rating, created_at, 1 FROM new_rows;
      ELSE
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE created_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_session_ratings (account_id, session_id, user_id, tree_id, rating, created_at, sign) SELECT account_id, session_id, user_id, tree_id, rating, created_at, -1 FROM old_rows;
      END IF;
      RETURN NULL;
    END $fn$`,
  `
    CREATE OR REPLACE FUNCTION analytics_rollup_step_ratings() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 1::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows WHERE created_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_step_ratings (account_id, tree_id, node_id, was_helpful, created_at, sign) SELECT account_id, tree_id, node_id, was_helpful, created_at, 1 FROM new_rows;
      ELSIF TG_OP = 'UPDATE' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 1::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows UNION ALL SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE created_at < date_trunc('day', now(), 'UTC') UNION ALL SELECT account_id FROM new_rows WHERE created_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_step_ratings (account_id, tree_id, node_id, was_helpful, created_at, sign) SELECT account_id, tree_id, node_id, was_helpful, created_at, -1 FROM old_rows UNION ALL SELECT account_id, tree_id, node_id, was_helpful, created_at, 1 FROM new_rows;
      ELSE
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 1::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE created_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_step_ratings (account_id, tree_id, node_id, was_helpful, created_at, sign) SELECT account_id, tree_id, node_id, was_helpful, created_at, -1 FROM old_rows;
      END IF;
      RETURN NULL;
    END $fn$`,
];

const DOWN_BEFORE_FOLD = [
  `LOCK TABLE analytics_journal_sessions, analytics_journal_session_ratings, analytics_journal_step_ratings IN EXCLUSIVE MODE`,
  `
    CREATE OR REPLACE FUNCTION analytics_rollup_sessions() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows WHERE started_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_rollup_hourly AS r (account_id, user_id, tree_id, bucket, shard, sessions, completed, resolved, escalated, workaround, unresolved, duration_us, ratings, rating_sum, r1, r2, r3, r4, r5)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, f.shard, sum(f.sessions)::bigint AS sessions, sum(f.completed)::bigint AS completed, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.duration_us)::bigint AS duration_us, sum(f.ratings)::bigint AS ratings, sum(f.rating_sum)::bigint AS rating_sum, sum(f.r1)::bigint AS r1, sum(f.r2)::bigint AS r2, sum(f.r3)::bigint AS r3, sum(f.r4)::bigint AS r4, sum(f.r5)::bigint AS r5
    FROM (SELECT s.account_id, k.user_id, k.tree_id, k.shard, s.started_at AS ts,
      1 AS sessions, 1 * (s.completed_at IS NOT NULL)::int AS completed,
      1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, 1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, 1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      1 * coalesce((extract(epoch FROM s.completed_at - s.started_at) * 1000000)::bigint, 0) AS duration_us,
      0 AS ratings, 0 AS rating_sum, 0 AS r1, 0 AS r2, 0 AS r3, 0 AS r4, 0 AS r5
    FROM new_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, s.tree_id, 0::smallint), (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(s.id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)) f
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(f.sessions) <> 0 OR sum(f.completed) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.duration_us) <> 0 OR sum(f.ratings) <> 0 OR sum(f.rating_sum) <> 0 OR sum(f.r1) <> 0 OR sum(f.r2) <> 0 OR sum(f.r3) <> 0 OR sum(f.r4) <> 0 OR sum(f.r5) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, shard) DO UPDATE SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, duration_us = r.duration_us + EXCLUDED.duration_us, ratings = r.ratings + EXCLUDED.ratings, rating_sum = r.rating_sum + EXCLUDED.rating_sum, r1 = r.r1 + EXCLUDED.r1, r2 = r.r2 + EXCLUDED.r2, r3 = r.r3 + EXCLUDED.r3, r4 = r.r4 + EXCLUDED.r4, r5 = r.r5 + EXCLUDED.r5;
    INSERT INTO analytics_rollup_daily AS r (account_id, user_id, tree_id, bucket, shard, sessions, completed, resolved, escalated, workaround, unresolved, duration_us, ratings, rating_sum, r1, r2, r3, r4, r5)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('day', f.ts, 'UTC') AS bucket, f.shard, sum(f.sessions)::bigint AS sessions, sum(f.completed)::bigint AS completed, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.duration_us)::bigint AS duration_us, sum(f.ratings)::bigint AS ratings, sum(f.rating_sum)::bigint AS rating_sum, sum(f.r1)::bigint AS r1, sum(f.r2)::bigint AS r2, sum(f.r3)::bigint AS r3, sum(f.r4)::bigint AS r4, sum(f.r5)::bigint AS r5
    FROM (SELECT s.account_id, k.user_id, k.tree_id, k.shard, s.started_at AS ts,
      1 AS sessions, 1 * (s.completed_at IS NOT NULL)::int AS completed,
      1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, 1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, 1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      1 * coalesce((extract(epoch FROM s.completed_at - s.started_at) * 1000000)::bigint, 0) AS duration_us,
      0 AS ratings, 0 AS rating_sum, 0 AS r1, 0 AS r2, 0 AS r3, 0 AS r4, 0 AS r5
    FROM new_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, s.tree_id, 0::smallint), (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(s.id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)) f
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(f.sessions) <> 0 OR sum(f.completed) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.duration_us) <> 0 OR sum(f.ratings) <> 0 OR sum(f.rating_sum) <> 0 OR sum(f.r1) <> 0 OR sum(f.r2) <> 0 OR sum(f.r3) <> 0 OR sum(f.r4) <> 0 OR sum(f.r5) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, shard) DO UPDATE SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, duration_us = r.duration_us + EXCLUDED.duration_us, ratings = r.ratings + EXCLUDED.ratings, rating_sum = r.rating_sum + EXCLUDED.rating_sum, r1 = r.r1 + EXCLUDED.r1, r2 = r.r2 + EXCLUDED.r2, r3 = r.r3 + EXCLUDED.r3, r4 = r.r4 + EXCLUDED.r4, r5 = r.r5 + EXCLUDED.r5;
    INSERT INTO analytics_node_rollup_hourly AS r (account_id, tree_id, node_id, bucket, unfinished, ended, resolved, escalated, workaround, unresolved, helpful_yes, helpful_no)
  SELECT f.account_id, f.tree_id, f.node_id, date_trunc('hour', f.ts, 'UTC') AS bucket, sum(f.unfinished)::bigint AS unfinished, sum(f.ended)::bigint AS ended, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.helpful_yes)::bigint AS helpful_yes, sum(f.helpful_no)::bigint AS helpful_no
    FROM (SELECT s.account_id, s.tree_id, s.current_node_id AS node_id, s.started_at AS ts,
      1 * (s.completed_at IS NULL)::int AS unfinished, 1 * (s.completed_at IS NOT NULL)::int AS ended,
      1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, 1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, 1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      0 AS helpful_yes, 0 AS helpful_no
    FROM new_rows s WHERE s.current_node_id IS NOT NULL) f
   GROUP BY 1, 2, 3, 4
  HAVING sum(f.unfinished) <> 0 OR sum(f.ended) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.helpful_yes) <> 0 OR sum(f.helpful_no) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (account_id, tree_id, node_id, bucket) DO UPDATE SET unfinished = r.unfinished + EXCLUDED.unfinished, ended = r.ended + EXCLUDED.ended, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, helpful_yes = r.helpful_yes + EXCLUDED.helpful_yes, helpful_no = r.helpful_no + EXCLUDED.helpful_no;
    INSERT INTO analytics_node_rollup_daily AS r (account_id, tree_id, node_id, bucket, unfinished, ended, resolved, escalated, workaround, unresolved, helpful_yes, helpful_no)
  SELECT f.account_id, f.tree_id, f.node_id, date_trunc('day', f.ts, 'UTC') AS bucket, sum(f.unfinished)::bigint AS unfinished, sum(f.ended)::bigint AS ended, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.helpful_yes)::bigint AS helpful_yes, sum(f.helpful_no)::bigint AS helpful_no
    FROM (SELECT s.account_id, s.tree_id, s.current_node_id AS node_id, s.started_at AS ts,
      1 * (s.completed_at IS NULL)::int AS unfinished, 1 * (s.completed_at IS NOT NULL)::int AS ended,
      1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, 1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, 1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      0 AS helpful_yes, 0 AS helpful_no
    FROM new_rows s WHERE s.current_node_id IS NOT NULL) f
   GROUP BY 1, 2, 3, 4
  HAVING sum(f.unfinished) <> 0 OR sum(f.ended) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.helpful_yes) <> 0 OR sum(f.helpful_no) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (account_id, tree_id, node_id, bucket) DO UPDATE SET unfinished = r.unfinished + EXCLUDED.unfinished, ended = r.ended + EXCLUDED.ended, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, helpful_yes = r.helpful_yes + EXCLUDED.helpful_yes, helpful_no = r.helpful_no + EXCLUDED.helpful_no;
    INSERT INTO analytics_duration_minutes_hourly AS r (account_id, user_id, tree_id, bucket, minute, n)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, floor(f.second / 60.0)::int AS minute, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, 1 AS n
    FROM new_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, minute) DO UPDATE SET n = r.n + EXCLUDED.n;
    INSERT INTO analytics_duration_minutes_daily AS r (account_id, user_id, tree_id, bucket, minute, n)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('day', f.ts, 'UTC') AS bucket, floor(f.second / 60.0)::int AS minute, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, 1 AS n
    FROM new_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, minute) DO UPDATE SET n = r.n + EXCLUDED.n;
    INSERT INTO analytics_duration_seconds_hourly AS r (account_id, user_id, tree_id, bucket, second, n)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, f.second, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, 1 AS n
    FROM new_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, second) DO UPDATE SET n = r.n + EXCLUDED.n;
    INSERT INTO analytics_duration_seconds_daily AS r (account_id, user_id, tree_id, second, bucket, n)
  SELECT f.account_id, f.user_id, f.tree_id, f.second, date_trunc('day', f.ts, 'UTC') AS bucket, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, 1 AS n
    FROM new_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, second, bucket) DO UPDATE SET n = r.n + EXCLUDED.n;
      ELSIF TG_OP = 'UPDATE' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows UNION ALL SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE started_at < date_trunc('day', now(), 'UTC') UNION ALL SELECT account_id FROM new_rows WHERE started_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_rollup_hourly AS r (account_id, user_id, tree_id, bucket, shard, sessions, completed, resolved, escalated, workaround, unresolved, duration_us, ratings, rating_sum, r1, r2, r3, r4, r5)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, f.shard, sum(f.sessions)::bigint AS sessions, sum(f.completed)::bigint AS completed, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.duration_us)::bigint AS duration_us, sum(f.ratings)::bigint AS ratings, sum(f.rating_sum)::bigint AS rating_sum, sum(f.r1)::bigint AS r1, sum(f.r2)::bigint AS r2, sum(f.r3)::bigint AS r3, sum(f.r4)::bigint AS r4, sum(f.r5)::bigint AS r5
    FROM (SELECT s.account_id, k.user_id, k.tree_id, k.shard, s.started_at AS ts,
      -1 AS sessions, -1 * (s.completed_at IS NOT NULL)::int AS completed,
      -1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, -1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      -1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, -1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      -1 * coalesce((extract(epoch FROM s.completed_at - s.started_at) * 1000000)::bigint, 0) AS duration_us,
      0 AS ratings, 0 AS rating_sum, 0 AS r1, 0 AS r2, 0 AS r3, 0 AS r4, 0 AS r5
    FROM old_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, s.tree_id, 0::smallint), (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(s.id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)
    UNION ALL
    SELECT s.account_id, k.user_id, k.tree_id, k.shard, s.started_at AS ts,
      1 AS sessions, 1 * (s.completed_at IS NOT NULL)::int AS completed,
      1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, 1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, 1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      1 * coalesce((extract(epoch FROM s.completed_at - s.started_at) * 1000000)::bigint, 0) AS duration_us,
      0 AS ratings, 0 AS rating_sum, 0 AS r1, 0 AS r2, 0 AS r3, 0 AS r4, 0 AS r5
    FROM new_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, s.tree_id, 0::smallint), (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(s.id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)) f
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(f.sessions) <> 0 OR sum(f.completed) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.duration_us) <> 0 OR sum(f.ratings) <> 0 OR sum(f.rating_sum) <> 0 OR sum(f.r1) <> 0 OR sum(f.r2) <> 0 OR sum(f.r3) <> 0 OR sum(f.r4) <> 0 OR sum(f.r5) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, shard) DO UPDATE SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, duration_us = r.duration_us + EXCLUDED.duration_us, ratings = r.ratings + EXCLUDED.ratings, rating_sum = r.rating_sum + EXCLUDED.rating_sum, r1 = r.r1 + EXCLUDED.r1, r2 = r.r2 + EXCLUDED.r2, r3 = r.r3 + EXCLUDED.r3, r4 = r.r4 + EXCLUDED.r4, r5 = r.r5 + EXCLUDED.r5;
    INSERT INTO analytics_rollup_daily AS r (account_id, user_id, tree_id, bucket, shard, sessions, completed, resolved, escalated, workaround, unresolved, duration_us, ratings, rating_sum, r1, r2, r3, r4, r5)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('day', f.ts, 'UTC') AS bucket, f.shard, sum(f.sessions)::bigint AS sessions, sum(f.completed)::bigint AS completed, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.duration_us)::bigint AS duration_us, sum(f.ratings)::bigint AS ratings, sum(f.rating_sum)::bigint AS rating_sum, sum(f.r1)::bigint AS r1, sum(f.r2)::bigint AS r2, sum(f.r3)::bigint AS r3, sum(f.r4)::bigint AS r4, sum(f.r5)::bigint AS r5
    FROM (SELECT s.account_id, k.user_id, k.tree_id, k.shard, s.started_at AS ts,
      -1 AS sessions, -1 * (s.completed_at IS NOT NULL)::int AS completed,
      -1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, -1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      -1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, -1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      -1 * coalesce((extract(epoch FROM s.completed_at - s.started_at) * 1000000)::bigint, 0) AS duration_us,
      0 AS ratings, 0 AS rating_sum, 0 AS r1, 0 AS r2, 0 AS r3, 0 AS r4, 0 AS r5
    FROM old_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, s.tree_id, 0::smallint), (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(s.id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)
    UNION ALL
    SELECT s.account_id, k.user_id, k.tree_id, k.shard, s.started_at AS ts,
      1 AS sessions, 1 * (s.completed_at IS NOT NULL)::int AS completed,
      1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, 1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, 1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      1 * coalesce((extract(epoch FROM s.completed_at - s.started_at) * 1000000)::bigint, 0) AS duration_us,
      0 AS ratings, 0 AS rating_sum, 0 AS r1, 0 AS r2, 0 AS r3, 0 AS r4, 0 AS r5
    FROM new_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, s.tree_id, 0::smallint), (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(s.id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)) f
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(f.sessions) <> 0 OR sum(f.completed) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.duration_us) <> 0 OR sum(f.ratings) <> 0 OR sum(f.rating_sum) <> 0 OR sum(f.r1) <> 0 OR sum(f.r2) <> 0 OR sum(f.r3) <> 0 OR sum(f.r4) <> 0 OR sum(f.r5) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, shard) DO UPDATE SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, duration_us = r.duration_us + EXCLUDED.duration_us, ratings = r.ratings + EXCLUDED.ratings, rating_sum = r.rating_sum + EXCLUDED.rating_sum, r1 = r.r1 + EXCLUDED.r1, r2 = r.r2 + EXCLUDED.r2, r3 = r.r3 + EXCLUDED.r3, r4 = r.r4 + EXCLUDED.r4, r5 = r.r5 + EXCLUDED.r5;
    INSERT INTO analytics_node_rollup_hourly AS r (account_id, tree_id, node_id, bucket, unfinished, ended, resolved, escalated, workaround, unresolved, helpful_yes, helpful_no)
  SELECT f.account_id, f.tree_id, f.node_id, date_trunc('hour', f.ts, 'UTC') AS bucket, sum(f.unfinished)::bigint AS unfinished, sum(f.ended)::bigint AS ended, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.helpful_yes)::bigint AS helpful_yes, sum(f.helpful_no)::bigint AS helpful_no
    FROM (SELECT s.account_id, s.tree_id, s.current_node_id AS node_id, s.started_at AS ts,
      -1 * (s.completed_at IS NULL)::int AS unfinished, -1 * (s.completed_at IS NOT NULL)::int AS ended,
      -1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, -1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      -1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, -1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      0 AS helpful_yes, 0 AS helpful_no
    FROM old_rows s WHERE s.current_node_id IS NOT NULL
    UNION ALL
    SELECT s.account_id, s.tree_id, s.current_node_id AS node_id, s.started_at AS ts,
      1 * (s.completed_at IS NULL)::int AS unfinished, 1 * (s.completed_at IS NOT NULL)::int AS ended,
      1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, 1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, 1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      0 AS helpful_yes, 0 AS helpful_no
    FROM new_rows s WHERE s.current_node_id IS NOT NULL) f
   GROUP BY 1, 2, 3, 4
  HAVING sum(f.unfinished) <> 0 OR sum(f.ended) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.helpful_yes) <> 0 OR sum(f.helpful_no) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (account_id, tree_id, node_id, bucket) DO UPDATE SET unfinished = r.unfinished + EXCLUDED.unfinished, ended = r.ended + EXCLUDED.ended, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, helpful_yes = r.helpful_yes + EXCLUDED.helpful_yes, helpful_no = r.helpful_no + EXCLUDED.helpful_no;
    INSERT INTO analytics_node_rollup_daily AS r (account_id, tree_id, node_id, bucket, unfinished, ended, resolved, escalated, workaround, unresolved, helpful_yes, helpful_no)
  SELECT f.account_id, f.tree_id, f.node_id, date_trunc('day', f.ts, 'UTC') AS bucket, sum(f.unfinished)::bigint AS unfinished, sum(f.ended)::bigint AS ended, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.helpful_yes)::bigint AS helpful_yes, sum(f.helpful_no)::bigint AS helpful_no
    FROM (SELECT s.account_id, s.tree_id, s.current_node_id AS node_id, s.started_at AS ts,
      -1 * (s.completed_at IS NULL)::int AS unfinished, -1 * (s.completed_at IS NOT NULL)::int AS ended,
      -1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, -1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      -1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, -1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      0 AS helpful_yes, 0 AS helpful_no
    FROM old_rows s WHERE s.current_node_id IS NOT NULL
    UNION ALL
    SELECT s.account_id, s.tree_id, s.current_node_id AS node_id, s.started_at AS ts,
      1 * (s.completed_at IS NULL)::int AS unfinished, 1 * (s.completed_at IS NOT NULL)::int AS ended,
      1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, 1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, 1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      0 AS helpful_yes, 0 AS helpful_no
    FROM new_rows s WHERE s.current_node_id IS NOT NULL) f
   GROUP BY 1, 2, 3, 4
  HAVING sum(f.unfinished) <> 0 OR sum(f.ended) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.helpful_yes) <> 0 OR sum(f.helpful_no) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (account_id, tree_id, node_id, bucket) DO UPDATE SET unfinished = r.unfinished + EXCLUDED.unfinished, ended = r.ended + EXCLUDED.ended, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, helpful_yes = r.helpful_yes + EXCLUDED.helpful_yes, helpful_no = r.helpful_no + EXCLUDED.helpful_no;
    INSERT INTO analytics_duration_minutes_hourly AS r (account_id, user_id, tree_id, bucket, minute, n)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, floor(f.second / 60.0)::int AS minute, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, -1 AS n
    FROM old_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL
    UNION ALL
    SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, 1 AS n
    FROM new_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, minute) DO UPDATE SET n = r.n + EXCLUDED.n;
    INSERT INTO analytics_duration_minutes_daily AS r (account_id, user_id, tree_id, bucket, minute, n)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('day', f.ts, 'UTC') AS bucket, floor(f.second / 60.0)::int AS minute, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, -1 AS n
    FROM old_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL
    UNION ALL
    SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, 1 AS n
    FROM new_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, minute) DO UPDATE SET n = r.n + EXCLUDED.n;
    INSERT INTO analytics_duration_seconds_hourly AS r (account_id, user_id, tree_id, bucket, second, n)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, f.second, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, -1 AS n
    FROM old_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL
    UNION ALL
    SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, 1 AS n
    FROM new_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, second) DO UPDATE SET n = r.n + EXCLUDED.n;
    INSERT INTO analytics_duration_seconds_daily AS r (account_id, user_id, tree_id, second, bucket, n)
  SELECT f.account_id, f.user_id, f.tree_id, f.second, date_trunc('day', f.ts, 'UTC') AS bucket, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, -1 AS n
    FROM old_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL
    UNION ALL
    SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, 1 AS n
    FROM new_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, second, bucket) DO UPDATE SET n = r.n + EXCLUDED.n;
      ELSE
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE started_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_rollup_hourly AS r (account_id, user_id, tree_id, bucket, shard, sessions, completed, resolved, escalated, workaround, unresolved, duration_us, ratings, rating_sum, r1, r2, r3, r4, r5)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, f.shard, sum(f.sessions)::bigint AS sessions, sum(f.completed)::bigint AS completed, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.duration_us)::bigint AS duration_us, sum(f.ratings)::bigint AS ratings, sum(f.rating_sum)::bigint AS rating_sum, sum(f.r1)::bigint AS r1, sum(f.r2)::bigint AS r2, sum(f.r3)::bigint AS r3, sum(f.r4)::bigint AS r4, sum(f.r5)::bigint AS r5
    FROM (SELECT s.account_id, k.user_id, k.tree_id, k.shard, s.started_at AS ts,
      -1 AS sessions, -1 * (s.completed_at IS NOT NULL)::int AS completed,
      -1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, -1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      -1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, -1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      -1 * coalesce((extract(epoch FROM s.completed_at - s.started_at) * 1000000)::bigint, 0) AS duration_us,
      0 AS ratings, 0 AS rating_sum, 0 AS r1, 0 AS r2, 0 AS r3, 0 AS r4, 0 AS r5
    FROM old_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, s.tree_id, 0::smallint), (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(s.id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)) f
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(f.sessions) <> 0 OR sum(f.completed) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.duration_us) <> 0 OR sum(f.ratings) <> 0 OR sum(f.rating_sum) <> 0 OR sum(f.r1) <> 0 OR sum(f.r2) <> 0 OR sum(f.r3) <> 0 OR sum(f.r4) <> 0 OR sum(f.r5) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, shard) DO UPDATE SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, duration_us = r.duration_us + EXCLUDED.duration_us, ratings = r.ratings + EXCLUDED.ratings, rating_sum = r.rating_sum + EXCLUDED.rating_sum, r1 = r.r1 + EXCLUDED.r1, r2 = r.r2 + EXCLUDED.r2, r3 = r.r3 + EXCLUDED.r3, r4 = r.r4 + EXCLUDED.r4, r5 = r.r5 + EXCLUDED.r5;
    INSERT INTO analytics_rollup_daily AS r (account_id, user_id, tree_id, bucket, shard, sessions, completed, resolved, escalated, workaround, unresolved, duration_us, ratings, rating_sum, r1, r2, r3, r4, r5)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('day', f.ts, 'UTC') AS bucket, f.shard, sum(f.sessions)::bigint AS sessions, sum(f.completed)::bigint AS completed, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.duration_us)::bigint AS duration_us, sum(f.ratings)::bigint AS ratings, sum(f.rating_sum)::bigint AS rating_sum, sum(f.r1)::bigint AS r1, sum(f.r2)::bigint AS r2, sum(f.r3)::bigint AS r3, sum(f.r4)::bigint AS r4, sum(f.r5)::bigint AS r5
    FROM (SELECT s.account_id, k.user_id, k.tree_id, k.shard, s.started_at AS ts,
      -1 AS sessions, -1 * (s.completed_at IS NOT NULL)::int AS completed,
      -1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, -1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      -1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, -1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      -1 * coalesce((extract(epoch FROM s.completed_at - s.started_at) * 1000000)::bigint, 0) AS duration_us,
      0 AS ratings, 0 AS rating_sum, 0 AS r1, 0 AS r2, 0 AS r3, 0 AS r4, 0 AS r5
    FROM old_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, s.tree_id, 0::smallint), (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(s.id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)) f
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(f.sessions) <> 0 OR sum(f.completed) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.duration_us) <> 0 OR sum(f.ratings) <> 0 OR sum(f.rating_sum) <> 0 OR sum(f.r1) <> 0 OR sum(f.r2) <> 0 OR sum(f.r3) <> 0 OR sum(f.r4) <> 0 OR sum(f.r5) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, shard) DO UPDATE SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, duration_us = r.duration_us + EXCLUDED.duration_us, ratings = r.ratings + EXCLUDED.ratings, rating_sum = r.rating_sum + EXCLUDED.rating_sum, r1 = r.r1 + EXCLUDED.r1, r2 = r.r2 + EXCLUDED.r2, r3 = r.r3 + EXCLUDED.r3, r4 = r.r4 + EXCLUDED.r4, r5 = r.r5 + EXCLUDED.r5;
    INSERT INTO analytics_node_rollup_hourly AS r (account_id, tree_id, node_id, bucket, unfinished, ended, resolved, escalated, workaround, unresolved, helpful_yes, helpful_no)
  SELECT f.account_id, f.tree_id, f.node_id, date_trunc('hour', f.ts, 'UTC') AS bucket, sum(f.unfinished)::bigint AS unfinished, sum(f.ended)::bigint AS ended, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.helpful_yes)::bigint AS helpful_yes, sum(f.helpful_no)::bigint AS helpful_no
    FROM (SELECT s.account_id, s.tree_id, s.current_node_id AS node_id, s.started_at AS ts,
      -1 * (s.completed_at IS NULL)::int AS unfinished, -1 * (s.completed_at IS NOT NULL)::int AS ended,
      -1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, -1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      -1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, -1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      0 AS helpful_yes, 0 AS helpful_no
    FROM old_rows s WHERE s.current_node_id IS NOT NULL) f
   GROUP BY 1, 2, 3, 4
  HAVING sum(f.unfinished) <> 0 OR sum(f.ended) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.helpful_yes) <> 0 OR sum(f.helpful_no) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (account_id, tree_id, node_id, bucket) DO UPDATE SET unfinished = r.unfinished + EXCLUDED.unfinished, ended = r.ended + EXCLUDED.ended, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, helpful_yes = r.helpful_yes + EXCLUDED.helpful_yes, helpful_no = r.helpful_no + EXCLUDED.helpful_no;
    INSERT INTO analytics_node_rollup_daily AS r (account_id, tree_id, node_id, bucket, unfinished, ended, resolved, escalated, workaround, unresolved, helpful_yes, helpful_no)
  SELECT f.account_id, f.tree_id, f.node_id, date_trunc('day', f.ts, 'UTC') AS bucket, sum(f.unfinished)::bigint AS unfinished, sum(f.ended)::bigint AS ended, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.helpful_yes)::bigint AS helpful_yes, sum(f.helpful_no)::bigint AS helpful_no
    FROM (SELECT s.account_id, s.tree_id, s.current_node_id AS node_id, s.started_at AS ts,
      -1 * (s.completed_at IS NULL)::int AS unfinished, -1 * (s.completed_at IS NOT NULL)::int AS ended,
      -1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, -1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      -1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, -1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      0 AS helpful_yes, 0 AS helpful_no
    FROM old_rows s WHERE s.current_node_id IS NOT NULL) f
   GROUP BY 1, 2, 3, 4
  HAVING sum(f.unfinished) <> 0 OR sum(f.ended) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.helpful_yes) <> 0 OR sum(f.helpful_no) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (account_id, tree_id, node_id, bucket) DO UPDATE SET unfinished = r.unfinished + EXCLUDED.unfinished, ended = r.ended + EXCLUDED.ended, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, helpful_yes = r.helpful_yes + EXCLUDED.helpful_yes, helpful_no = r.helpful_no + EXCLUDED.helpful_no;
    INSERT INTO analytics_duration_minutes_hourly AS r (account_id, user_id, tree_id, bucket, minute, n)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, floor(f.second / 60.0)::int AS minute, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, -1 AS n
    FROM old_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, minute) DO UPDATE SET n = r.n + EXCLUDED.n;
    INSERT INTO analytics_duration_minutes_daily AS r (account_id, user_id, tree_id, bucket, minute, n)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('day', f.ts, 'UTC') AS bucket, floor(f.second / 60.0)::int AS minute, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, -1 AS n
    FROM old_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, minute) DO UPDATE SET n = r.n + EXCLUDED.n;
    INSERT INTO analytics_duration_seconds_hourly AS r (account_id, user_id, tree_id, bucket, second, n)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, f.second, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, -1 AS n
    FROM old_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, second) DO UPDATE SET n = r.n + EXCLUDED.n;
    INSERT INTO analytics_duration_seconds_daily AS r (account_id, user_id, tree_id, second, bucket, n)
  SELECT f.account_id, f.user_id, f.tree_id, f.second, date_trunc('day', f.ts, 'UTC') AS bucket, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, -1 AS n
    FROM old_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, second, bucket) DO UPDATE SET n = r.n + EXCLUDED.n;
      END IF;
      RETURN NULL;
    END $fn$`,
  `
    CREATE OR REPLACE FUNCTION analytics_rollup_session_ratings() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows WHERE created_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_rollup_hourly AS r (account_id, user_id, tree_id, bucket, shard, sessions, completed, resolved, escalated, workaround, unresolved, duration_us, ratings, rating_sum, r1, r2, r3, r4, r5)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, f.shard, sum(f.sessions)::bigint AS sessions, sum(f.completed)::bigint AS completed, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.duration_us)::bigint AS duration_us, sum(f.ratings)::bigint AS ratings, sum(f.rating_sum)::bigint AS rating_sum, sum(f.r1)::bigint AS r1, sum(f.r2)::bigint AS r2, sum(f.r3)::bigint AS r3, sum(f.r4)::bigint AS r4, sum(f.r5)::bigint AS r5
    FROM (SELECT r.account_id, k.user_id, k.tree_id, k.shard, r.created_at AS ts,
      0 AS sessions, 0 AS completed, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved, 0::bigint AS duration_us,
      1 AS ratings, 1 * r.rating AS rating_sum, 1 * (r.rating = 1)::int AS r1, 1 * (r.rating = 2)::int AS r2, 1 * (r.rating = 3)::int AS r3, 1 * (r.rating = 4)::int AS r4, 1 * (r.rating = 5)::int AS r5
    FROM new_rows r CROSS JOIN LATERAL (VALUES
      (r.user_id, r.tree_id, 0::smallint), (r.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, r.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(r.session_id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)) f
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(f.sessions) <> 0 OR sum(f.completed) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.duration_us) <> 0 OR sum(f.ratings) <> 0 OR sum(f.rating_sum) <> 0 OR sum(f.r1) <> 0 OR sum(f.r2) <> 0 OR sum(f.r3) <> 0 OR sum(f.r4) <> 0 OR sum(f.r5) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, shard) DO UPDATE SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, duration_us = r.duration_us + EXCLUDED.duration_us, ratings = r.ratings + EXCLUDED.ratings, rating_sum = r.rating_sum + EXCLUDED.rating_sum, r1 = r.r1 + EXCLUDED.r1, r2 = r.r2 + EXCLUDED.r2, r3 = r.r3 + EXCLUDED.r3, r4 = r.r4 + EXCLUDED.r4, r5 = r.r5 + EXCLUDED.r5;
    INSERT INTO analytics_rollup_daily AS r (account_id, user_id, tree_id, bucket, shard, sessions, completed, resolved, escalated, workaround, unresolved, duration_us, ratings, rating_sum, r1, r2, r3, r4, r5)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('day', f.ts, 'UTC') AS bucket, f.shard, sum(f.sessions)::bigint AS sessions, sum(f.completed)::bigint AS completed, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.duration_us)::bigint AS duration_us, sum(f.ratings)::bigint AS ratings, sum(f.rating_sum)::bigint AS rating_sum, sum(f.r1)::bigint AS r1, sum(f.r2)::bigint AS r2, sum(f.r3)::bigint AS r3, sum(f.r4)::bigint AS r4, sum(f.r5)::bigint AS r5
    FROM (SELECT r.account_id, k.user_id, k.tree_id, k.shard, r.created_at AS ts,
      0 AS sessions, 0 AS completed, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved, 0::bigint AS duration_us,
      1 AS ratings, 1 * r.rating AS rating_sum, 1 * (r.rating = 1)::int AS r1, 1 * (r.rating = 2)::int AS r2, 1 * (r.rating = 3)::int AS r3, 1 * (r.rating = 4)::int AS r4, 1 * (r.rating = 5)::int AS r5
    FROM new_rows r CROSS JOIN LATERAL (VALUES
      (r.user_id, r.tree_id, 0::smallint), (r.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, r.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(r.session_id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)) f
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(f.sessions) <> 0 OR sum(f.completed) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.duration_us) <> 0 OR sum(f.ratings) <> 0 OR sum(f.rating_sum) <> 0 OR sum(f.r1) <> 0 OR sum(f.r2) <> 0 OR sum(f.r3) <> 0 OR sum(f.r4) <> 0 OR sum(f.r5) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, shard) DO UPDATE SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, duration_us = r.duration_us + EXCLUDED.duration_us, ratings = r.ratings + EXCLUDED.ratings, rating_sum = r.rating_sum + EXCLUDED.rating_sum, r1 = r.r1 + EXCLUDED.r1, r2 = r.r2 + EXCLUDED.r2, r3 = r.r3 + EXCLUDED.r3, r4 = r.r4 + EXCLUDED.r4, r5 = r.r5 + EXCLUDED.r5;
      ELSIF TG_OP = 'UPDATE' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows UNION ALL SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE created_at < date_trunc('day', now(), 'UTC') UNION ALL SELECT account_id FROM new_rows WHERE created_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_rollup_hourly AS r (account_id, user_id, tree_id, bucket, shard, sessions, completed, resolved, escalated, workaround, unresolved, duration_us, ratings, rating_sum, r1, r2, r3, r4, r5)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, f.shard, sum(f.sessions)::bigint AS sessions, sum(f.completed)::bigint AS completed, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.duration_us)::bigint AS duration_us, sum(f.ratings)::bigint AS ratings, sum(f.rating_sum)::bigint AS rating_sum, sum(f.r1)::bigint AS r1, sum(f.r2)::bigint AS r2, sum(f.r3)::bigint AS r3, sum(f.r4)::bigint AS r4, sum(f.r5)::bigint AS r5
    FROM (SELECT r.account_id, k.user_id, k.tree_id, k.shard, r.created_at AS ts,
      0 AS sessions, 0 AS completed, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved, 0::bigint AS duration_us,
      -1 AS ratings, -1 * r.rating AS rating_sum, -1 * (r.rating = 1)::int AS r1, -1 * (r.rating = 2)::int AS r2, -1 * (r.rating = 3)::int AS r3, -1 * (r.rating = 4)::int AS r4, -1 * (r.rating = 5)::int AS r5
    FROM old_rows r CROSS JOIN LATERAL (VALUES
      (r.user_id, r.tree_id, 0::smallint), (r.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, r.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(r.session_id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)
    UNION ALL
    SELECT r.account_id, k.user_id, k.tree_id, k.shard, r.created_at AS ts,
      0 AS sessions, 0 AS completed, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved, 0::bigint AS duration_us,
      1 AS ratings, 1 * r.rating AS rating_sum, 1 * (r.rating = 1)::int AS r1, 1 * (r.rating = 2)::int AS r2, 1 * (r.rating = 3)::int AS r3, 1 * (r.rating = 4)::int AS r4, 1 * (r.rating = 5)::int AS r5
    FROM new_rows r CROSS JOIN LATERAL (VALUES
      (r.user_id, r.tree_id, 0::smallint), (r.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, r.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(r.session_id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)) f
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(f.sessions) <> 0 OR sum(f.completed) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.duration_us) <> 0 OR sum(f.ratings) <> 0 OR sum(f.rating_sum) <> 0 OR sum(f.r1) <> 0 OR sum(f.r2) <> 0 OR sum(f.r3) <> 0 OR sum(f.r4) <> 0 OR sum(f.r5) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, shard) DO UPDATE SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, duration_us = r.duration_us + EXCLUDED.duration_us, ratings = r.ratings + EXCLUDED.ratings, rating_sum = r.rating_sum + EXCLUDED.rating_sum, r1 = r.r1 + EXCLUDED.r1, r2 = r.r2 + EXCLUDED.r2, r3 = r.r3 + EXCLUDED.r3, r4 = r.r4 + EXCLUDED.r4, r5 = r.r5 + EXCLUDED.r5;
    INSERT INTO analytics_rollup_daily AS r (account_id, user_id, tree_id, bucket, shard, sessions, completed, resolved, escalated, workaround, unresolved, duration_us, ratings, rating_sum, r1, r2, r3, r4, r5)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('day', f.ts, 'UTC') AS bucket, f.shard, sum(f.sessions)::bigint AS sessions, sum(f.completed)::bigint AS completed, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.duration_us)::bigint AS duration_us, sum(f.ratings)::bigint AS ratings, sum(f.rating_sum)::bigint AS rating_sum, sum(f.r1)::bigint AS r1, sum(f.r2)::bigint AS r2, sum(f.r3)::bigint AS r3, sum(f.r4)::bigint AS r4, sum(f.r5)::bigint AS r5
    FROM (SELECT r.account_id, k.user_id, k.tree_id, k.shard, r.created_at AS ts,
      0 AS sessions, 0 AS completed, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved, 0::bigint AS duration_us,
      -1 AS ratings, -1 * r.rating AS rating_sum, -1 * (r.rating = 1)::int AS r1, -1 * (r.rating = 2)::int AS r2, -1 * (r.rating = 3)::int AS r3, -1 * (r.rating = 4)::int AS r4, -1 * (r.rating = 5)::int AS r5
    FROM old_rows r CROSS JOIN LATERAL (VALUES
      (r.user_id, r.tree_id, 0::smallint), (r.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, r.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(r.session_id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)
    UNION ALL
    SELECT r.account_id, k.user_id, k.tree_id, k.shard, r.created_at AS ts,
      0 AS sessions, 0 AS completed, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved, 0::bigint AS duration_us,
      1 AS ratings, 1 * r.rating AS rating_sum, 1 * (r.rating = 1)::int AS r1, 1 * (r.rating = 2)::int AS r2, 1 * (r.rating = 3)::int AS r3, 1 * (r.rating = 4)::int AS r4, 1 * (r.rating = 5)::int AS r5
    FROM new_rows r CROSS JOIN LATERAL (VALUES
      (r.user_id, r.tree_id, 0::smallint), (r.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, r.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(r.session_id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)) f
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(f.sessions) <> 0 OR sum(f.completed) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.duration_us) <> 0 OR sum(f.ratings) <> 0 OR sum(f.rating_sum) <> 0 OR sum(f.r1) <> 0 OR sum(f.r2) <> 0 OR sum(f.r3) <> 0 OR sum(f.r4) <> 0 OR sum(f.r5) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, shard) DO UPDATE SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, duration_us = r.duration_us + EXCLUDED.duration_us, ratings = r.ratings + EXCLUDED.ratings, rating_sum = r.rating_sum + EXCLUDED.rating_sum, r1 = r.r1 + EXCLUDED.r1, r2 = r.r2 + EXCLUDED.r2, r3 = r.r3 + EXCLUDED.r3, r4 = r.r4 + EXCLUDED.r4, r5 = r.r5 + EXCLUDED.r5;
      ELSE
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE created_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_rollup_hourly AS r (account_id, user_id, tree_id, bucket, shard, sessions, completed, resolved, escalated, workaround, unresolved, duration_us, ratings, rating_sum, r1, r2, r3, r4, r5)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, f.shard, sum(f.sessions)::bigint AS sessions, sum(f.completed)::bigint AS completed, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.duration_us)::bigint AS duration_us, sum(f.ratings)::bigint AS ratings, sum(f.rating_sum)::bigint AS rating_sum, sum(f.r1)::bigint AS r1, sum(f.r2)::bigint AS r2, sum(f.r3)::bigint AS r3, sum(f.r4)::bigint AS r4, sum(f.r5)::bigint AS r5
    FROM (SELECT r.account_id, k.user_id, k.tree_id, k.shard, r.created_at AS ts,
      0 AS sessions, 0 AS completed, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved, 0::bigint AS duration_us,
      -1 AS ratings, -1 * r.rating AS rating_sum, -1 * (r.rating = 1)::int AS r1, -1 * (r.rating = 2)::int AS r2, -1 * (r.rating = 3)::int AS r3, -1 * (r.rating = 4)::int AS r4, -1 * (r.rating = 5)::int AS r5
    FROM old_rows r CROSS JOIN LATERAL (VALUES
      (r.user_id, r.tree_id, 0::smallint), (r.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, r.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(r.session_id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)) f
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(f.sessions) <> 0 OR sum(f.completed) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.duration_us) <> 0 OR sum(f.ratings) <> 0 OR sum(f.rating_sum) <> 0 OR sum(f.r1) <> 0 OR sum(f.r2) <> 0 OR sum(f.r3) <> 0 OR sum(f.r4) <> 0 OR sum(f.r5) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, shard) DO UPDATE SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, duration_us = r.duration_us + EXCLUDED.duration_us, ratings = r.ratings + EXCLUDED.ratings, rating_sum = r.rating_sum + EXCLUDED.rating_sum, r1 = r.r1 + EXCLUDED.r1, r2 = r.r2 + EXCLUDED.r2, r3 = r.r3 + EXCLUDED.r3, r4 = r.r4 + EXCLUDED.r4, r5 = r.r5 + EXCLUDED.r5;
    INSERT INTO analytics_rollup_daily AS r (account_id, user_id, tree_id, bucket, shard, sessions, completed, resolved, escalated, workaround, unresolved, duration_us, ratings, rating_sum, r1, r2, r3, r4, r5)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('day', f.ts, 'UTC') AS bucket, f.shard, sum(f.sessions)::bigint AS sessions, sum(f.completed)::bigint AS completed, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.duration_us)::bigint AS duration_us, sum(f.ratings)::bigint AS ratings, sum(f.rating_sum)::bigint AS rating_sum, sum(f.r1)::bigint AS r1, sum(f.r2)::bigint AS r2, sum(f.r3)::bigint AS r3, sum(f.r4)::bigint AS r4, sum(f.r5)::bigint AS r5
    FROM (SELECT r.account_id, k.user_id, k.tree_id, k.shard, r.created_at AS ts,
      0 AS sessions, 0 AS completed, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved, 0::bigint AS duration_us,
      -1 AS ratings, -1 * r.rating AS rating_sum, -1 * (r.rating = 1)::int AS r1, -1 * (r.rating = 2)::int AS r2, -1 * (r.rating = 3)::int AS r3, -1 * (r.rating = 4)::int AS r4, -1 * (r.rating = 5)::int AS r5
    FROM old_rows r CROSS JOIN LATERAL (VALUES
      (r.user_id, r.tree_id, 0::smallint), (r.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, r.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(r.session_id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)) f
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(f.sessions) <> 0 OR sum(f.completed) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.duration_us) <> 0 OR sum(f.ratings) <> 0 OR sum(f.rating_sum) <> 0 OR sum(f.r1) <> 0 OR sum(f.r2) <> 0 OR sum(f.r3) <> 0 OR sum(f.r4) <> 0 OR sum(f.r5) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, shard) DO UPDATE SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, duration_us = r.duration_us + EXCLUDED.duration_us, ratings = r.ratings + EXCLUDED.ratings, rating_sum = r.rating_sum + EXCLUDED.rating_sum, r1 = r.r1 + EXCLUDED.r1, r2 = r.r2 + EXCLUDED.r2, r3 = r.r3 + EXCLUDED.r3, r4 = r.r4 + EXCLUDED.r4, r5 = r.r5 + EXCLUDED.r5;
      END IF;
      RETURN NULL;
    END $fn$`,
  `
    CREATE OR REPLACE FUNCTION analytics_rollup_step_ratings() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 1::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows WHERE created_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_node_rollup_hourly AS r (account_id, tree_id, node_id, bucket, unfinished, ended, resolved, escalated, workaround, unresolved, helpful_yes, helpful_no)
  SELECT f.account_id, f.tree_id, f.node_id, date_trunc('hour', f.ts, 'UTC') AS bucket, sum(f.unfinished)::bigint AS unfinished, sum(f.ended)::bigint AS ended, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.helpful_yes)::bigint AS helpful_yes, sum(f.helpful_no)::bigint AS helpful_no
    FROM (SELECT v.account_id, v.tree_id, v.node_id, v.created_at AS ts,
      0 AS unfinished, 0 AS ended, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved,
      1 * v.was_helpful::int AS helpful_yes, 1 * (NOT v.was_helpful)::int AS helpful_no
    FROM new_rows v) f
   GROUP BY 1, 2, 3, 4
  HAVING sum(f.unfinished) <> 0 OR sum(f.ended) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.helpful_yes) <> 0 OR sum(f.helpful_no) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (account_id, tree_id, node_id, bucket) DO UPDATE SET unfinished = r.unfinished + EXCLUDED.unfinished, ended = r.ended + EXCLUDED.ended, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, helpful_yes = r.helpful_yes + EXCLUDED.helpful_yes, helpful_no = r.helpful_no + EXCLUDED.helpful_no;
    INSERT INTO analytics_node_rollup_daily AS r (account_id, tree_id, node_id, bucket, unfinished, ended, resolved, escalated, workaround, unresolved, helpful_yes, helpful_no)
  SELECT f.account_id, f.tree_id, f.node_id, date_trunc('day', f.ts, 'UTC') AS bucket, sum(f.unfinished)::bigint AS unfinished, sum(f.ended)::bigint AS ended, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.helpful_yes)::bigint AS helpful_yes, sum(f.helpful_no)::bigint AS helpful_no
    FROM (SELECT v.account_id, v.tree_id, v.node_id, v.created_at AS ts,
      0 AS unfinished, 0 AS ended, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved,
      1 * v.was_helpful::int AS helpful_yes, 1 * (NOT v.was_helpful)::int AS helpful_no
    FROM new_rows v) f
   GROUP BY 1, 2, 3, 4
  HAVING sum(f.unfinished) <> 0 OR sum(f.ended) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.helpful_yes) <> 0 OR sum(f.helpful_no) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (account_id, tree_id, node_id, bucket) DO UPDATE SET unfinished = r.unfinished + EXCLUDED.unfinished, ended = r.ended + EXCLUDED.ended, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, helpful_yes = r.helpful_yes + EXCLUDED.helpful_yes, helpful_no = r.helpful_no + EXCLUDED.helpful_no;
      ELSIF TG_OP = 'UPDATE' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 1::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows UNION ALL SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE created_at < date_trunc('day', now(), 'UTC') UNION ALL SELECT account_id FROM new_rows WHERE created_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_node_rollup_hourly AS r (account_id, tree_id, node_id, bucket, unfinished, ended, resolved, escalated, workaround, unresolved, helpful_yes, helpful_no)
  SELECT f.account_id, f.tree_id, f.node_id, date_trunc('hour', f.ts, 'UTC') AS bucket, sum(f.unfinished)::bigint AS unfinished, sum(f.ended)::bigint AS ended, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.helpful_yes)::bigint AS helpful_yes, sum(f.helpful_no)::bigint AS helpful_no
    FROM (SELECT v.account_id, v.tree_id, v.node_id, v.created_at AS ts,
      0 AS unfinished, 0 AS ended, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved,
      -1 * v.was_helpful::int AS helpful_yes, -1 * (NOT v.was_helpful)::int AS helpful_no
    FROM old_rows v
    UNION ALL
    SELECT v.account_id, v.tree_id, v.node_id, v.created_at AS ts,
      0 AS unfinished, 0 AS ended, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved,
      1 * v.was_helpful::int AS helpful_yes, 1 * (NOT v.was_helpful)::int AS helpful_no
    FROM new_rows v) f
   GROUP BY 1, 2, 3, 4
  HAVING sum(f.unfinished) <> 0 OR sum(f.ended) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.helpful_yes) <> 0 OR sum(f.helpful_no) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (account_id, tree_id, node_id, bucket) DO UPDATE SET unfinished = r.unfinished + EXCLUDED.unfinished, ended = r.ended + EXCLUDED.ended, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, helpful_yes = r.helpful_yes + EXCLUDED.helpful_yes, helpful_no = r.helpful_no + EXCLUDED.helpful_no;
    INSERT INTO analytics_node_rollup_daily AS r (account_id, tree_id, node_id, bucket, unfinished, ended, resolved, escalated, workaround, unresolved, helpful_yes, helpful_no)
  SELECT f.account_id, f.tree_id, f.node_id, date_trunc('day', f.ts, 'UTC') AS bucket, sum(f.unfinished)::bigint AS unfinished, sum(f.ended)::bigint AS ended, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.helpful_yes)::bigint AS helpful_yes, sum(f.helpful_no)::bigint AS helpful_no
    FROM (SELECT v.account_id, v.tree_id, v.node_id, v.created_at AS ts,
      0 AS unfinished, 0 AS ended, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved,
      -1 * v.was_helpful::int AS helpful_yes, -1 * (NOT v.was_helpful)::int AS helpful_no
    FROM old_rows v
    UNION ALL
    SELECT v.account_id, v.tree_id, v.node_id, v.created_at AS ts,
      0 AS unfinished, 0 AS ended, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved,
      1 * v.was_helpful::int AS helpful_yes, 1 * (NOT v.was_helpful)::int AS helpful_no
    FROM new_rows v) f
   GROUP BY 1, 2, 3, 4
  HAVING sum(f.unfinished) <> 0 OR sum(f.ended) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.helpful_yes) <> 0 OR sum(f.helpful_no) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (account_id, tree_id, node_id, bucket) DO UPDATE SET unfinished = r.unfinished + EXCLUDED.unfinished, ended = r.ended + EXCLUDED.ended, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, helpful_yes = r.helpful_yes + EXCLUDED.helpful_yes, helpful_no = r.helpful_no + EXCLUDED.helpful_no;
      ELSE
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 1::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE created_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_node_rollup_hourly AS r (account_id, tree_id, node_id, bucket, unfinished, ended, resolved, escalated, workaround, unresolved, helpful_yes, helpful_no)
  SELECT f.account_id, f.tree_id, f.node_id, date_trunc('hour', f.ts, 'UTC') AS bucket, sum(f.unfinished)::bigint AS unfinished, sum(f.ended)::bigint AS ended, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.helpful_yes)::bigint AS helpful_yes, sum(f.helpful_no)::bigint AS helpful_no
    FROM (SELECT v.account_id, v.tree_id, v.node_id, v.created_at AS ts,
      0 AS unfinished, 0 AS ended, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved,
      -1 * v.was_helpful::int AS helpful_yes, -1 * (NOT v.was_helpful)::int AS helpful_no
    FROM old_rows v) f
   GROUP BY 1, 2, 3, 4
  HAVING sum(f.unfinished) <> 0 OR sum(f.ended) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.helpful_yes) <> 0 OR sum(f.helpful_no) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (account_id, tree_id, node_id, bucket) DO UPDATE SET unfinished = r.unfinished + EXCLUDED.unfinished, ended = r.ended + EXCLUDED.ended, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, helpful_yes = r.helpful_yes + EXCLUDED.helpful_yes, helpful_no = r.helpful_no + EXCLUDED.helpful_no;
    INSERT INTO analytics_node_rollup_daily AS r (account_id, tree_id, node_id, bucket, unfinished, ended, resolved, escalated, workaround, unresolved, helpful_yes, helpful_no)
  SELECT f.account_id, f.tree_id, f.node_id, date_trunc('day', f.ts, 'UTC') AS bucket, sum(f.unfinished)::bigint AS unfinished, sum(f.ended)::bigint AS ended, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.helpful_yes)::bigint AS helpful_yes, sum(f.helpful_no)::bigint AS helpful_no
    FROM (SELECT v.account_id, v.tree_id, v.node_id, v.created_at AS ts,
      0 AS unfinished, 0 AS ended, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved,
      -1 * v.was_helpful::int AS helpful_yes, -1 * (NOT v.was_helpful)::int AS helpful_no
    FROM old_rows v) f
   GROUP BY 1, 2, 3, 4
  HAVING sum(f.unfinished) <> 0 OR sum(f.ended) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.helpful_yes) <> 0 OR sum(f.helpful_no) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (account_id, tree_id, node_id, bucket) DO UPDATE SET unfinished = r.unfinished + EXCLUDED.unfinished, ended = r.ended + EXCLUDED.ended, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, helpful_yes = r.helpful_yes + EXCLUDED.helpful_yes, helpful_no = r.helpful_no + EXCLUDED.helpful_no;
      END IF;
      RETURN NULL;
    END $fn$`,
];

/** Rows of each journal one fold takes at most (written into FOLD_JOURNAL). */
const FOLD_LIMIT = 5000;

const FOLD_JOURNAL = `WITH taken_sessions AS (DELETE FROM analytics_journal_sessions WHERE ctid = ANY (ARRAY (SELECT ctid FROM analytics_journal_sessions FOR UPDATE SKIP LOCKED LIMIT 5000)) RETURNING *),
taken_ratings AS (DELETE FROM analytics_journal_session_ratings WHERE ctid = ANY (ARRAY (SELECT ctid FROM analytics_journal_session_ratings FOR UPDATE SKIP LOCKED LIMIT 5000)) RETURNING *),
taken_votes AS (DELETE FROM analytics_journal_step_ratings WHERE ctid = ANY (ARRAY (SELECT ctid FROM analytics_journal_step_ratings FOR UPDATE SKIP LOCKED LIMIT 5000)) RETURNING *),
add0 AS (INSERT INTO analytics_rollup_hourly AS r (account_id, user_id, tree_id, bucket, shard, sessions, completed, resolved, escalated, workaround, unresolved, duration_us, ratings, rating_sum, r1, r2, r3, r4, r5)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, f.shard, sum(f.sessions)::bigint AS sessions, sum(f.completed)::bigint AS completed, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.duration_us)::bigint AS duration_us, sum(f.ratings)::bigint AS ratings, sum(f.rating_sum)::bigint AS rating_sum, sum(f.r1)::bigint AS r1, sum(f.r2)::bigint AS r2, sum(f.r3)::bigint AS r3, sum(f.r4)::bigint AS r4, sum(f.r5)::bigint AS r5
    FROM (SELECT s.account_id, k.user_id, k.tree_id, k.shard, s.started_at AS ts,
      s.sign AS sessions, s.sign * (s.completed_at IS NOT NULL)::int AS completed,
      s.sign * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, s.sign * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      s.sign * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, s.sign * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      s.sign * coalesce((extract(epoch FROM s.completed_at - s.started_at) * 1000000)::bigint, 0) AS duration_us,
      0 AS ratings, 0 AS rating_sum, 0 AS r1, 0 AS r2, 0 AS r3, 0 AS r4, 0 AS r5
    FROM taken_sessions s CROSS JOIN LATERAL (VALUES
      (s.user_id, s.tree_id, 0::smallint), (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(s.id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)
    UNION ALL
    SELECT r.account_id, k.user_id, k.tree_id, k.shard, r.created_at AS ts,
      0 AS sessions, 0 AS completed, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved, 0::bigint AS duration_us,
      r.sign AS ratings, r.sign * r.rating AS rating_sum, r.sign * (r.rating = 1)::int AS r1, r.sign * (r.rating = 2)::int AS r2, r.sign * (r.rating = 3)::int AS r3, r.sign * (r.rating = 4)::int AS r4, r.sign * (r.rating = 5)::int AS r5
    FROM taken_ratings r CROSS JOIN LATERAL (VALUES
      (r.user_id, r.tree_id, 0::smallint), (r.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, r.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(r.session_id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)) f
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(f.sessions) <> 0 OR sum(f.completed) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.duration_us) <> 0 OR sum(f.ratings) <> 0 OR sum(f.rating_sum) <> 0 OR sum(f.r1) <> 0 OR sum(f.r2) <> 0 OR sum(f.r3) <> 0 OR sum(f.r4) <> 0 OR sum(f.r5) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, shard) DO UPDATE SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, duration_us = r.duration_us + EXCLUDED.duration_us, ratings = r.ratings + EXCLUDED.ratings, rating_sum = r.rating_sum + EXCLUDED.rating_sum, r1 = r.r1 + EXCLUDED.r1, r2 = r.r2 + EXCLUDED.r2, r3 = r.r3 + EXCLUDED.r3, r4 = r.r4 + EXCLUDED.r4, r5 = r.r5 + EXCLUDED.r5),
add1 AS (INSERT INTO analytics_rollup_daily AS r (account_id, user_id, tree_id, bucket, shard, sessions, completed, resolved, escalated, workaround, unresolved, duration_us, ratings, rating_sum, r1, r2, r3, r4, r5)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('day', f.ts, 'UTC') AS bucket, f.shard, sum(f.sessions)::bigint AS sessions, sum(f.completed)::bigint AS completed, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.duration_us)::bigint AS duration_us, sum(f.ratings)::bigint AS ratings, sum(f.rating_sum)::bigint AS rating_sum, sum(f.r1)::bigint AS r1, sum(f.r2)::bigint AS r2, sum(f.r3)::bigint AS r3, sum(f.r4)::bigint AS r4, sum(f.r5)::bigint AS r5
    FROM (SELECT s.account_id, k.user_id, k.tree_id, k.shard, s.started_at AS ts,
      s.sign AS sessions, s.sign * (s.completed_at IS NOT NULL)::int AS completed,
      s.sign * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, s.sign * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      s.sign * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, s.sign * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      s.sign * coalesce((extract(epoch FROM s.completed_at - s.started_at) * 1000000)::bigint, 0) AS duration_us,
      0 AS ratings, 0 AS rating_sum, 0 AS r1, 0 AS r2, 0 AS r3, 0 AS r4, 0 AS r5
    FROM taken_sessions s CROSS JOIN LATERAL (VALUES
      (s.user_id, s.tree_id, 0::smallint), (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(s.id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)
    UNION ALL
    SELECT r.account_id, k.user_id, k.tree_id, k.shard, r.created_at AS ts,
      0 AS sessions, 0 AS completed, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved, 0::bigint AS duration_us,
      r.sign AS ratings, r.sign * r.rating AS rating_sum, r.sign * (r.rating = 1)::int AS r1, r.sign * (r.rating = 2)::int AS r2, r.sign * (r.rating = 3)::int AS r3, r.sign * (r.rating = 4)::int AS r4, r.sign * (r.rating = 5)::int AS r5
    FROM taken_ratings r CROSS JOIN LATERAL (VALUES
      (r.user_id, r.tree_id, 0::smallint), (r.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, r.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(r.session_id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)) f
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(f.sessions) <> 0 OR sum(f.completed) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.duration_us) <> 0 OR sum(f.ratings) <> 0 OR sum(f.rating_sum) <> 0 OR sum(f.r1) <> 0 OR sum(f.r2) <> 0 OR sum(f.r3) <> 0 OR sum(f.r4) <> 0 OR sum(f.r5) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, shard) DO UPDATE SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, duration_us = r.duration_us + EXCLUDED.duration_us, ratings = r.ratings + EXCLUDED.ratings, rating_sum = r.rating_sum + EXCLUDED.rating_sum, r1 = r.r1 + EXCLUDED.r1, r2 = r.r2 + EXCLUDED.r2, r3 = r.r3 + EXCLUDED.r3, r4 = r.r4 + EXCLUDED.r4, r5 = r.r5 + EXCLUDED.r5),
add2 AS (INSERT INTO analytics_node_rollup_hourly AS r (account_id, tree_id, node_id, bucket, unfinished, ended, resolved, escalated, workaround, unresolved, helpful_yes, helpful_no)
  SELECT f.account_id, f.tree_id, f.node_id, date_trunc('hour', f.ts, 'UTC') AS bucket, sum(f.unfinished)::bigint AS unfinished, sum(f.ended)::bigint AS ended, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.helpful_yes)::bigint AS helpful_yes, sum(f.helpful_no)::bigint AS helpful_no
    FROM (SELECT s.account_id, s.tree_id, s.current_node_id AS node_id, s.started_at AS ts,
      s.sign * (s.completed_at IS NULL)::int AS unfinished, s.sign * (s.completed_at IS NOT NULL)::int AS ended,
      s.sign * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, s.sign * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      s.sign * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, s.sign * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      0 AS helpful_yes, 0 AS helpful_no
    FROM taken_sessions s WHERE s.current_node_id IS NOT NULL
    UNION ALL
    SELECT v.account_id, v.tree_id, v.node_id, v.created_at AS ts,
      0 AS unfinished, 0 AS ended, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved,
      v.sign * v.was_helpful::int AS helpful_yes, v.sign * (NOT v.was_helpful)::int AS helpful_no
    FROM taken_votes v) f
   GROUP BY 1, 2, 3, 4
  HAVING sum(f.unfinished) <> 0 OR sum(f.ended) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.helpful_yes) <> 0 OR sum(f.helpful_no) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (account_id, tree_id, node_id, bucket) DO UPDATE SET unfinished = r.unfinished + EXCLUDED.unfinished, ended = r.ended + EXCLUDED.ended, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, helpful_yes = r.helpful_yes + EXCLUDED.helpful_yes, helpful_no = r.helpful_no + EXCLUDED.helpful_no),
add3 AS (INSERT INTO analytics_node_rollup_daily AS r (account_id, tree_id, node_id, bucket, unfinished, ended, resolved, escalated, workaround, unresolved, helpful_yes, helpful_no)
  SELECT f.account_id, f.tree_id, f.node_id, date_trunc('day', f.ts, 'UTC') AS bucket, sum(f.unfinished)::bigint AS unfinished, sum(f.ended)::bigint AS ended, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.helpful_yes)::bigint AS helpful_yes, sum(f.helpful_no)::bigint AS helpful_no
    FROM (SELECT s.account_id, s.tree_id, s.current_node_id AS node_id, s.started_at AS ts,
      s.sign * (s.completed_at IS NULL)::int AS unfinished, s.sign * (s.completed_at IS NOT NULL)::int AS ended,
      s.sign * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, s.sign * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      s.sign * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, s.sign * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      0 AS helpful_yes, 0 AS helpful_no
    FROM taken_sessions s WHERE s.current_node_id IS NOT NULL
    UNION ALL
    SELECT v.account_id, v.tree_id, v.node_id, v.created_at AS ts,
      0 AS unfinished, 0 AS ended, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved,
      v.sign * v.was_helpful::int AS helpful_yes, v.sign * (NOT v.was_helpful)::int AS helpful_no
    FROM taken_votes v) f
   GROUP BY 1, 2, 3, 4
  HAVING sum(f.unfinished) <> 0 OR sum(f.ended) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.helpful_yes) <> 0 OR sum(f.helpful_no) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (account_id, tree_id, node_id, bucket) DO UPDATE SET unfinished = r.unfinished + EXCLUDED.unfinished, ended = r.ended + EXCLUDED.ended, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, helpful_yes = r.helpful_yes + EXCLUDED.helpful_yes, helpful_no = r.helpful_no + EXCLUDED.helpful_no),
add4 AS (INSERT INTO analytics_duration_minutes_hourly AS r (account_id, user_id, tree_id, bucket, minute, n)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, floor(f.second / 60.0)::int AS minute, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, s.sign AS n
    FROM taken_sessions s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, minute) DO UPDATE SET n = r.n + EXCLUDED.n),
add5 AS (INSERT INTO analytics_duration_minutes_daily AS r (account_id, user_id, tree_id, bucket, minute, n)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('day', f.ts, 'UTC') AS bucket, floor(f.second / 60.0)::int AS minute, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, s.sign AS n
    FROM taken_sessions s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, minute) DO UPDATE SET n = r.n + EXCLUDED.n),
add6 AS (INSERT INTO analytics_duration_seconds_hourly AS r (account_id, user_id, tree_id, bucket, second, n)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, f.second, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, s.sign AS n
    FROM taken_sessions s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, second) DO UPDATE SET n = r.n + EXCLUDED.n),
add7 AS (INSERT INTO analytics_duration_seconds_daily AS r (account_id, user_id, tree_id, second, bucket, n)
  SELECT f.account_id, f.user_id, f.tree_id, f.second, date_trunc('day', f.ts, 'UTC') AS bucket, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, s.sign AS n
    FROM taken_sessions s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, second, bucket) DO UPDATE SET n = r.n + EXCLUDED.n)
  SELECT (SELECT count(*) FROM taken_sessions)::int AS sessions, (SELECT count(*) FROM taken_ratings)::int AS ratings,
         (SELECT count(*) FROM taken_votes)::int AS votes`;

const DOWN_AFTER_FOLD = [
  `DROP FUNCTION analytics_journal_rows_session(uuid, text)`,
  `DROP FUNCTION analytics_journal_rows_node(uuid, text)`,
  `DROP FUNCTION analytics_journal_rows_minute(uuid, text)`,
  `DROP FUNCTION analytics_journal_rows_second(uuid, text)`,
  `DROP TABLE analytics_journal_sessions`,
  `DROP TABLE analytics_journal_session_ratings`,
  `DROP TABLE analytics_journal_step_ratings`,
];
