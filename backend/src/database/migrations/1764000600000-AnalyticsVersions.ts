import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-account analytics versions (analytics/rollup/analytics-version.ts), so a report can be
 * served again until a write changes what it shows: the table, the name triggers, and the
 * rollup trigger functions re-installed with the version bump at their end.
 *
 * Frozen SQL, exactly what this migration issued at 5acbc48, the last commit before the next
 * migration (ClosedDaysVersion) was written on top of it. While it was the newest it was amended
 * once: first committed at 245f962, c047099 gave analytics_versions its `channel` column and the
 * name triggers their channel argument, which the code since needs. It used to build its
 * statements with analytics/rollup/, whose later changes made it install the trigger functions of
 * later migrations (the 'past' bump); scripts/frozen-migrations.mjs checks the text against 5acbc48.
 */
export class AnalyticsVersions1764000600000 implements MigrationInterface {
  name = 'AnalyticsVersions1764000600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of UP) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of DOWN) await queryRunner.query(sql);
  }
}

// Frozen SQL (see the class comment): never edit it, a change to the schema is a new migration.

const UP = [
  `CREATE SEQUENCE analytics_version_seq`,
  `CREATE TABLE analytics_versions (
      account_id uuid NOT NULL,
      channel smallint NOT NULL,
      backend_pid integer NOT NULL,
      version bigint NOT NULL,
      PRIMARY KEY (account_id, channel, backend_pid))`,
  `CREATE FUNCTION analytics_bump_version_of_row() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, TG_ARGV[0]::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT OLD.account_id) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version;
      ELSE
        INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, TG_ARGV[0]::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT NEW.account_id) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version;
      END IF;
      RETURN NULL;
    END $fn$`,
  `CREATE TRIGGER trees_analytics_version_upd AFTER UPDATE ON trees FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION analytics_bump_version_of_row('0')`,
  `CREATE TRIGGER trees_analytics_version_del AFTER DELETE ON trees FOR EACH ROW EXECUTE FUNCTION analytics_bump_version_of_row('0')`,
  `CREATE TRIGGER users_analytics_version_upd AFTER UPDATE ON users FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION analytics_bump_version_of_row('0')`,
  `CREATE TRIGGER users_analytics_version_del AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION analytics_bump_version_of_row('0')`,
  `CREATE TRIGGER tree_nodes_analytics_version_upd AFTER UPDATE ON tree_nodes FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.type IS DISTINCT FROM NEW.type OR OLD.step_id IS DISTINCT FROM NEW.step_id) EXECUTE FUNCTION analytics_bump_version_of_row('1')`,
  `CREATE TRIGGER tree_nodes_analytics_version_del AFTER DELETE ON tree_nodes FOR EACH ROW EXECUTE FUNCTION analytics_bump_version_of_row('1')`,
  `
    CREATE OR REPLACE FUNCTION analytics_rollup_sessions() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        WITH bump AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows) x ORDER BY 1) a
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
        WITH bump AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows UNION ALL SELECT account_id FROM new_rows) x ORDER BY 1) a
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
        WITH bump AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows) x ORDER BY 1) a
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
        WITH bump AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows) x ORDER BY 1) a
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
        WITH bump AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows UNION ALL SELECT account_id FROM new_rows) x ORDER BY 1) a
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
        WITH bump AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows) x ORDER BY 1) a
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
        WITH bump AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 1::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows) x ORDER BY 1) a
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
        WITH bump AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 1::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows UNION ALL SELECT account_id FROM new_rows) x ORDER BY 1) a
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
        WITH bump AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 1::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows) x ORDER BY 1) a
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

const DOWN = [
  `
    CREATE OR REPLACE FUNCTION analytics_rollup_sessions() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
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
  `DROP TRIGGER trees_analytics_version_upd ON trees`,
  `DROP TRIGGER trees_analytics_version_del ON trees`,
  `DROP TRIGGER users_analytics_version_upd ON users`,
  `DROP TRIGGER users_analytics_version_del ON users`,
  `DROP TRIGGER tree_nodes_analytics_version_upd ON tree_nodes`,
  `DROP TRIGGER tree_nodes_analytics_version_del ON tree_nodes`,
  `DROP FUNCTION analytics_bump_version_of_row()`,
  `DROP TABLE analytics_versions`,
  `DROP SEQUENCE analytics_version_seq`,
];
