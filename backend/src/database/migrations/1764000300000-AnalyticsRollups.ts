import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exact analytics rollups: hourly and daily UTC buckets of counts and sums, keyed tenant-first,
 * kept by statement-level triggers in the same transaction as every write to sessions,
 * session_ratings and step_ratings; backfilled here from whatever the tables already hold.
 * Later migrations replace the trigger functions (AnalyticsVersions, ClosedDaysVersion,
 * RollupJournal).
 *
 * Frozen SQL, exactly what this migration issued in the first landed version (a51a82d), where it
 * was the newest migration. It used to build its statements with analytics/rollup/, whose later
 * changes made it issue other ones (functions created with OR REPLACE and in another order, the
 * backfill in two phases); scripts/frozen-migrations.mjs checks the text against that commit.
 */
export class AnalyticsRollups1764000300000 implements MigrationInterface {
  name = 'AnalyticsRollups1764000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of UP) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of DOWN) await queryRunner.query(sql);
  }
}

// Frozen SQL (see the class comment): never edit it, a change to the schema is a new migration.

const UP = [
  `CREATE TABLE analytics_rollup_hourly (
      account_id uuid NOT NULL, user_id uuid NOT NULL, tree_id uuid NOT NULL, bucket timestamptz NOT NULL, shard smallint NOT NULL,
      sessions bigint NOT NULL DEFAULT 0, completed bigint NOT NULL DEFAULT 0, resolved bigint NOT NULL DEFAULT 0, escalated bigint NOT NULL DEFAULT 0, workaround bigint NOT NULL DEFAULT 0, unresolved bigint NOT NULL DEFAULT 0, duration_us bigint NOT NULL DEFAULT 0, ratings bigint NOT NULL DEFAULT 0, rating_sum bigint NOT NULL DEFAULT 0, r1 bigint NOT NULL DEFAULT 0, r2 bigint NOT NULL DEFAULT 0, r3 bigint NOT NULL DEFAULT 0, r4 bigint NOT NULL DEFAULT 0, r5 bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (account_id, user_id, tree_id, bucket, shard))`,
  `CREATE INDEX analytics_rollup_hourly_user_bucket_idx ON analytics_rollup_hourly (account_id, user_id, bucket)`,
  `CREATE INDEX analytics_rollup_hourly_tree_bucket_idx ON analytics_rollup_hourly (account_id, tree_id, bucket)`,
  `CREATE TABLE analytics_duration_minutes_hourly (
      account_id uuid NOT NULL, user_id uuid NOT NULL, tree_id uuid NOT NULL, bucket timestamptz NOT NULL, minute integer NOT NULL,
      n bigint NOT NULL DEFAULT 0, PRIMARY KEY (account_id, user_id, tree_id, bucket, minute) INCLUDE (n))`,
  `CREATE TABLE analytics_duration_seconds_hourly (
      account_id uuid NOT NULL, user_id uuid NOT NULL, tree_id uuid NOT NULL, second integer NOT NULL, bucket timestamptz NOT NULL,
      n bigint NOT NULL DEFAULT 0, PRIMARY KEY (account_id, user_id, tree_id, second, bucket) INCLUDE (n))`,
  `CREATE TABLE analytics_node_rollup_hourly (
      account_id uuid NOT NULL, tree_id uuid NOT NULL, node_id uuid NOT NULL, bucket timestamptz NOT NULL,
      unfinished bigint NOT NULL DEFAULT 0, ended bigint NOT NULL DEFAULT 0, resolved bigint NOT NULL DEFAULT 0, escalated bigint NOT NULL DEFAULT 0, workaround bigint NOT NULL DEFAULT 0, unresolved bigint NOT NULL DEFAULT 0, helpful_yes bigint NOT NULL DEFAULT 0, helpful_no bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (account_id, tree_id, node_id, bucket))`,
  `CREATE TABLE analytics_rollup_daily (
      account_id uuid NOT NULL, user_id uuid NOT NULL, tree_id uuid NOT NULL, bucket timestamptz NOT NULL, shard smallint NOT NULL,
      sessions bigint NOT NULL DEFAULT 0, completed bigint NOT NULL DEFAULT 0, resolved bigint NOT NULL DEFAULT 0, escalated bigint NOT NULL DEFAULT 0, workaround bigint NOT NULL DEFAULT 0, unresolved bigint NOT NULL DEFAULT 0, duration_us bigint NOT NULL DEFAULT 0, ratings bigint NOT NULL DEFAULT 0, rating_sum bigint NOT NULL DEFAULT 0, r1 bigint NOT NULL DEFAULT 0, r2 bigint NOT NULL DEFAULT 0, r3 bigint NOT NULL DEFAULT 0, r4 bigint NOT NULL DEFAULT 0, r5 bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (account_id, user_id, tree_id, bucket, shard))`,
  `CREATE INDEX analytics_rollup_daily_user_bucket_idx ON analytics_rollup_daily (account_id, user_id, bucket)`,
  `CREATE INDEX analytics_rollup_daily_tree_bucket_idx ON analytics_rollup_daily (account_id, tree_id, bucket)`,
  `CREATE TABLE analytics_duration_minutes_daily (
      account_id uuid NOT NULL, user_id uuid NOT NULL, tree_id uuid NOT NULL, bucket timestamptz NOT NULL, minute integer NOT NULL,
      n bigint NOT NULL DEFAULT 0, PRIMARY KEY (account_id, user_id, tree_id, bucket, minute) INCLUDE (n))`,
  `CREATE TABLE analytics_duration_seconds_daily (
      account_id uuid NOT NULL, user_id uuid NOT NULL, tree_id uuid NOT NULL, second integer NOT NULL, bucket timestamptz NOT NULL,
      n bigint NOT NULL DEFAULT 0, PRIMARY KEY (account_id, user_id, tree_id, second, bucket) INCLUDE (n))`,
  `CREATE TABLE analytics_node_rollup_daily (
      account_id uuid NOT NULL, tree_id uuid NOT NULL, node_id uuid NOT NULL, bucket timestamptz NOT NULL,
      unfinished bigint NOT NULL DEFAULT 0, ended bigint NOT NULL DEFAULT 0, resolved bigint NOT NULL DEFAULT 0, escalated bigint NOT NULL DEFAULT 0, workaround bigint NOT NULL DEFAULT 0, unresolved bigint NOT NULL DEFAULT 0, helpful_yes bigint NOT NULL DEFAULT 0, helpful_no bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (account_id, tree_id, node_id, bucket))`,
  `
    CREATE FUNCTION analytics_rollup_sessions() RETURNS trigger LANGUAGE plpgsql AS $fn$
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
    INSERT INTO analytics_duration_seconds_hourly AS r (account_id, user_id, tree_id, second, bucket, n)
  SELECT f.account_id, f.user_id, f.tree_id, f.second, date_trunc('hour', f.ts, 'UTC') AS bucket, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, 1 AS n
    FROM new_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, second, bucket) DO UPDATE SET n = r.n + EXCLUDED.n;
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
    INSERT INTO analytics_duration_seconds_hourly AS r (account_id, user_id, tree_id, second, bucket, n)
  SELECT f.account_id, f.user_id, f.tree_id, f.second, date_trunc('hour', f.ts, 'UTC') AS bucket, sum(f.n)::bigint AS n
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
    INSERT INTO analytics_duration_seconds_hourly AS r (account_id, user_id, tree_id, second, bucket, n)
  SELECT f.account_id, f.user_id, f.tree_id, f.second, date_trunc('hour', f.ts, 'UTC') AS bucket, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, -1 AS n
    FROM old_rows s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, second, bucket) DO UPDATE SET n = r.n + EXCLUDED.n;
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
  `CREATE TRIGGER sessions_rollup_ins AFTER INSERT ON sessions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_sessions()`,
  `CREATE TRIGGER sessions_rollup_upd AFTER UPDATE ON sessions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_sessions()`,
  `CREATE TRIGGER sessions_rollup_del AFTER DELETE ON sessions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_sessions()`,
  `
    CREATE FUNCTION analytics_rollup_session_ratings() RETURNS trigger LANGUAGE plpgsql AS $fn$
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
  `CREATE TRIGGER session_ratings_rollup_ins AFTER INSERT ON session_ratings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_session_ratings()`,
  `CREATE TRIGGER session_ratings_rollup_upd AFTER UPDATE ON session_ratings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_session_ratings()`,
  `CREATE TRIGGER session_ratings_rollup_del AFTER DELETE ON session_ratings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_session_ratings()`,
  `
    CREATE FUNCTION analytics_rollup_step_ratings() RETURNS trigger LANGUAGE plpgsql AS $fn$
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
  `CREATE TRIGGER step_ratings_rollup_ins AFTER INSERT ON step_ratings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_step_ratings()`,
  `CREATE TRIGGER step_ratings_rollup_upd AFTER UPDATE ON step_ratings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_step_ratings()`,
  `CREATE TRIGGER step_ratings_rollup_del AFTER DELETE ON step_ratings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_step_ratings()`,
  `LOCK TABLE sessions, session_ratings, step_ratings IN SHARE MODE`,
  `DELETE FROM analytics_rollup_hourly`,
  `DELETE FROM analytics_node_rollup_hourly`,
  `INSERT INTO analytics_rollup_hourly AS r (account_id, user_id, tree_id, bucket, shard, sessions, completed, resolved, escalated, workaround, unresolved, duration_us, ratings, rating_sum, r1, r2, r3, r4, r5)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, f.shard, sum(f.sessions)::bigint AS sessions, sum(f.completed)::bigint AS completed, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.duration_us)::bigint AS duration_us, sum(f.ratings)::bigint AS ratings, sum(f.rating_sum)::bigint AS rating_sum, sum(f.r1)::bigint AS r1, sum(f.r2)::bigint AS r2, sum(f.r3)::bigint AS r3, sum(f.r4)::bigint AS r4, sum(f.r5)::bigint AS r5
    FROM (SELECT s.account_id, k.user_id, k.tree_id, k.shard, s.started_at AS ts,
      1 AS sessions, 1 * (s.completed_at IS NOT NULL)::int AS completed,
      1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, 1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, 1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      1 * coalesce((extract(epoch FROM s.completed_at - s.started_at) * 1000000)::bigint, 0) AS duration_us,
      0 AS ratings, 0 AS rating_sum, 0 AS r1, 0 AS r2, 0 AS r3, 0 AS r4, 0 AS r5
    FROM sessions s CROSS JOIN LATERAL (VALUES
      (s.user_id, s.tree_id, 0::smallint), (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(s.id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)
    UNION ALL
    SELECT r.account_id, k.user_id, k.tree_id, k.shard, r.created_at AS ts,
      0 AS sessions, 0 AS completed, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved, 0::bigint AS duration_us,
      1 AS ratings, 1 * r.rating AS rating_sum, 1 * (r.rating = 1)::int AS r1, 1 * (r.rating = 2)::int AS r2, 1 * (r.rating = 3)::int AS r3, 1 * (r.rating = 4)::int AS r4, 1 * (r.rating = 5)::int AS r5
    FROM session_ratings r CROSS JOIN LATERAL (VALUES
      (r.user_id, r.tree_id, 0::smallint), (r.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, r.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(r.session_id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)) f
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(f.sessions) <> 0 OR sum(f.completed) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.duration_us) <> 0 OR sum(f.ratings) <> 0 OR sum(f.rating_sum) <> 0 OR sum(f.r1) <> 0 OR sum(f.r2) <> 0 OR sum(f.r3) <> 0 OR sum(f.r4) <> 0 OR sum(f.r5) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, shard) DO UPDATE SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, duration_us = r.duration_us + EXCLUDED.duration_us, ratings = r.ratings + EXCLUDED.ratings, rating_sum = r.rating_sum + EXCLUDED.rating_sum, r1 = r.r1 + EXCLUDED.r1, r2 = r.r2 + EXCLUDED.r2, r3 = r.r3 + EXCLUDED.r3, r4 = r.r4 + EXCLUDED.r4, r5 = r.r5 + EXCLUDED.r5`,
  `INSERT INTO analytics_node_rollup_hourly AS r (account_id, tree_id, node_id, bucket, unfinished, ended, resolved, escalated, workaround, unresolved, helpful_yes, helpful_no)
  SELECT f.account_id, f.tree_id, f.node_id, date_trunc('hour', f.ts, 'UTC') AS bucket, sum(f.unfinished)::bigint AS unfinished, sum(f.ended)::bigint AS ended, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.helpful_yes)::bigint AS helpful_yes, sum(f.helpful_no)::bigint AS helpful_no
    FROM (SELECT s.account_id, s.tree_id, s.current_node_id AS node_id, s.started_at AS ts,
      1 * (s.completed_at IS NULL)::int AS unfinished, 1 * (s.completed_at IS NOT NULL)::int AS ended,
      1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, 1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, 1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      0 AS helpful_yes, 0 AS helpful_no
    FROM sessions s WHERE s.current_node_id IS NOT NULL
    UNION ALL
    SELECT v.account_id, v.tree_id, v.node_id, v.created_at AS ts,
      0 AS unfinished, 0 AS ended, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved,
      1 * v.was_helpful::int AS helpful_yes, 1 * (NOT v.was_helpful)::int AS helpful_no
    FROM step_ratings v) f
   GROUP BY 1, 2, 3, 4
  HAVING sum(f.unfinished) <> 0 OR sum(f.ended) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.helpful_yes) <> 0 OR sum(f.helpful_no) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (account_id, tree_id, node_id, bucket) DO UPDATE SET unfinished = r.unfinished + EXCLUDED.unfinished, ended = r.ended + EXCLUDED.ended, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, helpful_yes = r.helpful_yes + EXCLUDED.helpful_yes, helpful_no = r.helpful_no + EXCLUDED.helpful_no`,
  `DELETE FROM analytics_duration_minutes_hourly`,
  `INSERT INTO analytics_duration_minutes_hourly AS r (account_id, user_id, tree_id, bucket, minute, n)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('hour', f.ts, 'UTC') AS bucket, floor(f.second / 60.0)::int AS minute, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, 1 AS n
    FROM sessions s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, minute) DO UPDATE SET n = r.n + EXCLUDED.n`,
  `DELETE FROM analytics_duration_seconds_hourly`,
  `INSERT INTO analytics_duration_seconds_hourly AS r (account_id, user_id, tree_id, second, bucket, n)
  SELECT f.account_id, f.user_id, f.tree_id, f.second, date_trunc('hour', f.ts, 'UTC') AS bucket, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, 1 AS n
    FROM sessions s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, second, bucket) DO UPDATE SET n = r.n + EXCLUDED.n`,
  `DELETE FROM analytics_rollup_daily`,
  `DELETE FROM analytics_node_rollup_daily`,
  `INSERT INTO analytics_rollup_daily AS r (account_id, user_id, tree_id, bucket, shard, sessions, completed, resolved, escalated, workaround, unresolved, duration_us, ratings, rating_sum, r1, r2, r3, r4, r5)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('day', f.ts, 'UTC') AS bucket, f.shard, sum(f.sessions)::bigint AS sessions, sum(f.completed)::bigint AS completed, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.duration_us)::bigint AS duration_us, sum(f.ratings)::bigint AS ratings, sum(f.rating_sum)::bigint AS rating_sum, sum(f.r1)::bigint AS r1, sum(f.r2)::bigint AS r2, sum(f.r3)::bigint AS r3, sum(f.r4)::bigint AS r4, sum(f.r5)::bigint AS r5
    FROM (SELECT s.account_id, k.user_id, k.tree_id, k.shard, s.started_at AS ts,
      1 AS sessions, 1 * (s.completed_at IS NOT NULL)::int AS completed,
      1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, 1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, 1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      1 * coalesce((extract(epoch FROM s.completed_at - s.started_at) * 1000000)::bigint, 0) AS duration_us,
      0 AS ratings, 0 AS rating_sum, 0 AS r1, 0 AS r2, 0 AS r3, 0 AS r4, 0 AS r5
    FROM sessions s CROSS JOIN LATERAL (VALUES
      (s.user_id, s.tree_id, 0::smallint), (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(s.id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)
    UNION ALL
    SELECT r.account_id, k.user_id, k.tree_id, k.shard, r.created_at AS ts,
      0 AS sessions, 0 AS completed, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved, 0::bigint AS duration_us,
      1 AS ratings, 1 * r.rating AS rating_sum, 1 * (r.rating = 1)::int AS r1, 1 * (r.rating = 2)::int AS r2, 1 * (r.rating = 3)::int AS r3, 1 * (r.rating = 4)::int AS r4, 1 * (r.rating = 5)::int AS r5
    FROM session_ratings r CROSS JOIN LATERAL (VALUES
      (r.user_id, r.tree_id, 0::smallint), (r.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, r.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(r.session_id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)) f
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(f.sessions) <> 0 OR sum(f.completed) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.duration_us) <> 0 OR sum(f.ratings) <> 0 OR sum(f.rating_sum) <> 0 OR sum(f.r1) <> 0 OR sum(f.r2) <> 0 OR sum(f.r3) <> 0 OR sum(f.r4) <> 0 OR sum(f.r5) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, shard) DO UPDATE SET sessions = r.sessions + EXCLUDED.sessions, completed = r.completed + EXCLUDED.completed, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, duration_us = r.duration_us + EXCLUDED.duration_us, ratings = r.ratings + EXCLUDED.ratings, rating_sum = r.rating_sum + EXCLUDED.rating_sum, r1 = r.r1 + EXCLUDED.r1, r2 = r.r2 + EXCLUDED.r2, r3 = r.r3 + EXCLUDED.r3, r4 = r.r4 + EXCLUDED.r4, r5 = r.r5 + EXCLUDED.r5`,
  `INSERT INTO analytics_node_rollup_daily AS r (account_id, tree_id, node_id, bucket, unfinished, ended, resolved, escalated, workaround, unresolved, helpful_yes, helpful_no)
  SELECT f.account_id, f.tree_id, f.node_id, date_trunc('day', f.ts, 'UTC') AS bucket, sum(f.unfinished)::bigint AS unfinished, sum(f.ended)::bigint AS ended, sum(f.resolved)::bigint AS resolved, sum(f.escalated)::bigint AS escalated, sum(f.workaround)::bigint AS workaround, sum(f.unresolved)::bigint AS unresolved, sum(f.helpful_yes)::bigint AS helpful_yes, sum(f.helpful_no)::bigint AS helpful_no
    FROM (SELECT s.account_id, s.tree_id, s.current_node_id AS node_id, s.started_at AS ts,
      1 * (s.completed_at IS NULL)::int AS unfinished, 1 * (s.completed_at IS NOT NULL)::int AS ended,
      1 * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, 1 * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      1 * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, 1 * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      0 AS helpful_yes, 0 AS helpful_no
    FROM sessions s WHERE s.current_node_id IS NOT NULL
    UNION ALL
    SELECT v.account_id, v.tree_id, v.node_id, v.created_at AS ts,
      0 AS unfinished, 0 AS ended, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved,
      1 * v.was_helpful::int AS helpful_yes, 1 * (NOT v.was_helpful)::int AS helpful_no
    FROM step_ratings v) f
   GROUP BY 1, 2, 3, 4
  HAVING sum(f.unfinished) <> 0 OR sum(f.ended) <> 0 OR sum(f.resolved) <> 0 OR sum(f.escalated) <> 0 OR sum(f.workaround) <> 0 OR sum(f.unresolved) <> 0 OR sum(f.helpful_yes) <> 0 OR sum(f.helpful_no) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (account_id, tree_id, node_id, bucket) DO UPDATE SET unfinished = r.unfinished + EXCLUDED.unfinished, ended = r.ended + EXCLUDED.ended, resolved = r.resolved + EXCLUDED.resolved, escalated = r.escalated + EXCLUDED.escalated, workaround = r.workaround + EXCLUDED.workaround, unresolved = r.unresolved + EXCLUDED.unresolved, helpful_yes = r.helpful_yes + EXCLUDED.helpful_yes, helpful_no = r.helpful_no + EXCLUDED.helpful_no`,
  `DELETE FROM analytics_duration_minutes_daily`,
  `INSERT INTO analytics_duration_minutes_daily AS r (account_id, user_id, tree_id, bucket, minute, n)
  SELECT f.account_id, f.user_id, f.tree_id, date_trunc('day', f.ts, 'UTC') AS bucket, floor(f.second / 60.0)::int AS minute, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, 1 AS n
    FROM sessions s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, bucket, minute) DO UPDATE SET n = r.n + EXCLUDED.n`,
  `DELETE FROM analytics_duration_seconds_daily`,
  `INSERT INTO analytics_duration_seconds_daily AS r (account_id, user_id, tree_id, second, bucket, n)
  SELECT f.account_id, f.user_id, f.tree_id, f.second, date_trunc('day', f.ts, 'UTC') AS bucket, sum(f.n)::bigint AS n
    FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, 1 AS n
    FROM sessions s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, user_id, tree_id, second, bucket) DO UPDATE SET n = r.n + EXCLUDED.n`,
];

const DOWN = [
  `DROP TRIGGER sessions_rollup_ins ON sessions`,
  `DROP TRIGGER sessions_rollup_upd ON sessions`,
  `DROP TRIGGER sessions_rollup_del ON sessions`,
  `DROP TRIGGER session_ratings_rollup_ins ON session_ratings`,
  `DROP TRIGGER session_ratings_rollup_upd ON session_ratings`,
  `DROP TRIGGER session_ratings_rollup_del ON session_ratings`,
  `DROP TRIGGER step_ratings_rollup_ins ON step_ratings`,
  `DROP TRIGGER step_ratings_rollup_upd ON step_ratings`,
  `DROP TRIGGER step_ratings_rollup_del ON step_ratings`,
  `DROP FUNCTION analytics_rollup_sessions()`,
  `DROP FUNCTION analytics_rollup_session_ratings()`,
  `DROP FUNCTION analytics_rollup_step_ratings()`,
  `DROP TABLE analytics_rollup_hourly`,
  `DROP TABLE analytics_rollup_daily`,
  `DROP TABLE analytics_node_rollup_hourly`,
  `DROP TABLE analytics_node_rollup_daily`,
  `DROP TABLE analytics_duration_minutes_hourly`,
  `DROP TABLE analytics_duration_minutes_daily`,
  `DROP TABLE analytics_duration_seconds_hourly`,
  `DROP TABLE analytics_duration_seconds_daily`,
];
