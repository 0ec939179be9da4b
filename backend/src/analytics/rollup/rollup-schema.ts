/**
 * The analytics rollups: what they hold and how every raw row contributes to them.
 *
 * Two families, each at two grains (UTC hour and UTC day buckets), keyed tenant-first:
 *
 *  - analytics_rollup_{hourly,daily} (account_id, user_id, tree_id, bucket, shard): sessions by
 *    started_at (counts per outcome, summed duration in microseconds) and session ratings by
 *    their own created_at (count, sum, one count per score). Every row is counted at four levels:
 *    (engineer, flow), (engineer, all flows), (all engineers, flow), (all, all), "all" being the
 *    zero uuid. The (all, all) level, which every write of an account touches, is striped over
 *    SHARDS rows per bucket so concurrent writes do not queue on one row lock; reads sum them.
 *  - analytics_node_rollup_{hourly,daily} (account_id, tree_id, node_id, bucket): sessions by
 *    started_at and the node they stand at (unfinished, or ended there with an outcome), and
 *    step votes by their created_at (yes/no).
 *  - analytics_duration_{minutes,seconds}_{hourly,daily}: a histogram of completed sessions'
 *    durations in whole seconds, by started_at, for the median (see durationFacts).
 *  - analytics_node_time_{minutes,seconds}_{hourly,daily}: a histogram per node of the whole
 *    seconds from reaching a node to answering it, by the session's started_at, for time per
 *    node's visits, median and p90 (see nodeTimeFacts).
 *
 * Sums and counts only, never averages, so any set of buckets re-adds exactly.
 *
 * The same "facts" SQL feeds the fold (over the journal's rows, rollup-fold.ts), `rollup:rebuild`
 * (over the raw tables) and `rollup:verify`, so the three cannot drift apart. The tables and the
 * trigger functions are made by the migrations, which hold their SQL literally (frozen as they
 * landed); backend/sql/schema.sql shows the result. rollupTriggerFunctionsSql below builds the
 * functions the running code expects, and the schema test checks the two agree.
 */

import { bumpVersionsSql, VersionChannel } from './analytics-version';
import { Journal, journalInsertSql, RATINGS_JOURNAL, SESSIONS_JOURNAL, VOTES_JOURNAL } from './rollup-journal';

export const ZERO_UUID = '00000000-0000-0000-0000-000000000000';
export const SHARDS = 4;

export type Grain = 'hour' | 'day';
export const GRAINS: Grain[] = ['hour', 'day'];

export const SESSION_ROLLUP_COUNTERS = [
  'sessions',
  'completed',
  'resolved',
  'escalated',
  'workaround',
  'unresolved',
  'duration_us',
  'ratings',
  'rating_sum',
  'r1',
  'r2',
  'r3',
  'r4',
  'r5',
] as const;
export const NODE_ROLLUP_COUNTERS = [
  'unfinished',
  'ended',
  'resolved',
  'escalated',
  'workaround',
  'unresolved',
  'helpful_yes',
  'helpful_no',
] as const;

export const sessionRollupTable = (grain: Grain) =>
  grain === 'hour' ? 'analytics_rollup_hourly' : 'analytics_rollup_daily';
export const nodeRollupTable = (grain: Grain) =>
  grain === 'hour' ? 'analytics_node_rollup_hourly' : 'analytics_node_rollup_daily';

export const SESSION_KEYS = ['account_id', 'user_id', 'tree_id', 'bucket', 'shard'];
export const NODE_KEYS = ['account_id', 'tree_id', 'node_id', 'bucket'];

/**
 * One relation of rows (a table, a transition table or a journal) and the sign its rows count
 * with: a constant, or 'row' for a journal's own `sign` column.
 */
export interface FactSource {
  relation: string;
  sign: 1 | -1 | 'row';
}

/** The SQL of a source's sign for rows of alias `alias`. */
const signOf = ({ sign }: FactSource, alias: string) => (sign === 'row' ? `${alias}.sign` : String(sign));

const shardOf = (column: string) => `(abs(hashtext(${column}::text)) % ${SHARDS})::smallint`;
const levels = (alias: string, shard: string) => `CROSS JOIN LATERAL (VALUES
      (${alias}.user_id, ${alias}.tree_id, 0::smallint), (${alias}.user_id, '${ZERO_UUID}'::uuid, 0::smallint),
      ('${ZERO_UUID}'::uuid, ${alias}.tree_id, 0::smallint), ('${ZERO_UUID}'::uuid, '${ZERO_UUID}'::uuid, ${shard})
    ) AS k(user_id, tree_id, shard)`;

/** Session rows → session rollup facts (ts = started_at). */
export function sessionFacts(source: FactSource): string {
  const { relation } = source;
  const sign = signOf(source, 's');
  const n = (condition: string) => `${sign} * (${condition})::int`;
  return `SELECT s.account_id, k.user_id, k.tree_id, k.shard, s.started_at AS ts,
      ${sign} AS sessions, ${n('s.completed_at IS NOT NULL')} AS completed,
      ${n("s.outcome IS NOT DISTINCT FROM 'resolved'")} AS resolved, ${n("s.outcome IS NOT DISTINCT FROM 'escalated'")} AS escalated,
      ${n("s.outcome IS NOT DISTINCT FROM 'workaround'")} AS workaround, ${n("s.outcome IS NOT DISTINCT FROM 'unresolved'")} AS unresolved,
      ${sign} * coalesce((extract(epoch FROM s.completed_at - s.started_at) * 1000000)::bigint, 0) AS duration_us,
      0 AS ratings, 0 AS rating_sum, 0 AS r1, 0 AS r2, 0 AS r3, 0 AS r4, 0 AS r5
    FROM ${relation} s ${levels('s', shardOf('s.id'))}`;
}

/** Session rating rows → session rollup facts (ts = the rating's created_at). */
export function ratingFacts(source: FactSource): string {
  const { relation } = source;
  const sign = signOf(source, 'r');
  const n = (score: number) => `${sign} * (r.rating = ${score})::int`;
  return `SELECT r.account_id, k.user_id, k.tree_id, k.shard, r.created_at AS ts,
      0 AS sessions, 0 AS completed, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved, 0::bigint AS duration_us,
      ${sign} AS ratings, ${sign} * r.rating AS rating_sum, ${n(1)} AS r1, ${n(2)} AS r2, ${n(3)} AS r3, ${n(4)} AS r4, ${n(5)} AS r5
    FROM ${relation} r ${levels('r', shardOf('r.session_id'))}`;
}

/** Session rows → node rollup facts: where each session stands or ended (ts = started_at). */
export function nodeSessionFacts(source: FactSource): string {
  const { relation } = source;
  const sign = signOf(source, 's');
  const n = (condition: string) => `${sign} * (${condition})::int`;
  return `SELECT s.account_id, s.tree_id, s.current_node_id AS node_id, s.started_at AS ts,
      ${n('s.completed_at IS NULL')} AS unfinished, ${n('s.completed_at IS NOT NULL')} AS ended,
      ${n("s.outcome IS NOT DISTINCT FROM 'resolved'")} AS resolved, ${n("s.outcome IS NOT DISTINCT FROM 'escalated'")} AS escalated,
      ${n("s.outcome IS NOT DISTINCT FROM 'workaround'")} AS workaround, ${n("s.outcome IS NOT DISTINCT FROM 'unresolved'")} AS unresolved,
      0 AS helpful_yes, 0 AS helpful_no
    FROM ${relation} s WHERE s.current_node_id IS NOT NULL`;
}

/** Step vote rows → node rollup facts (ts = the vote's created_at). */
export function voteFacts(source: FactSource): string {
  const { relation } = source;
  const sign = signOf(source, 'v');
  return `SELECT v.account_id, v.tree_id, v.node_id, v.created_at AS ts,
      0 AS unfinished, 0 AS ended, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved,
      ${sign} * v.was_helpful::int AS helpful_yes, ${sign} * (NOT v.was_helpful)::int AS helpful_no
    FROM ${relation} v`;
}

/**
 * Completed session rows → duration histogram facts, whole seconds (floor), at the three levels
 * a median is asked for: (engineer, all), (all, flow), (all, all). Two resolutions: minutes
 * (to find the minute holding the middle rank) and seconds (to read inside that minute only).
 */
export function durationFacts(source: FactSource): string {
  const { relation } = source;
  const sign = signOf(source, 's');
  return `SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, ${sign} AS n
    FROM ${relation} s CROSS JOIN LATERAL (VALUES
      (s.user_id, '${ZERO_UUID}'::uuid), ('${ZERO_UUID}'::uuid, s.tree_id), ('${ZERO_UUID}'::uuid, '${ZERO_UUID}'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL`;
}

export type Resolution = 'minute' | 'second';
export const durationTable = (resolution: Resolution, grain: Grain) =>
  `analytics_duration_${resolution}s_${grain === 'hour' ? 'hourly' : 'daily'}`;

/**
 * A duration table's key, in its primary key's order: the hourly per-second table is keyed
 * bucket-first (migration HourlySecondsKey), the others as they were created.
 */
export function durationKey(resolution: Resolution, grain: Grain): string[] {
  return resolution === 'second' && grain === 'day'
    ? ['account_id', 'user_id', 'tree_id', 'second', 'bucket']
    : ['account_id', 'user_id', 'tree_id', 'bucket', resolution];
}

/**
 * Session rows → time per node facts: one per answer (path entry), the whole seconds (floor)
 * from reaching its node to answering it, at its session's started_at, as
 * report/sections/live/node-times.query.ts counts them: a node is reached at the start (the
 * first answer) or at the previous answer; an answer without `at`, or after one without, is
 * left out; a clock step backwards counts 0. A decide journals the old path (-1) and the new
 * (+1): the same entries cancel, so a fold adds only the new answer (a back, only its removal).
 */
export function nodeTimeFacts(source: FactSource): string {
  const { relation } = source;
  const sign = signOf(source, 's');
  return `SELECT a.account_id, a.tree_id, a.node_id, a.ts, greatest(0, a.second) AS second, a.n
    FROM (SELECT s.account_id, s.tree_id, (e.entry ->> 'node_id')::uuid AS node_id, s.started_at AS ts,
            floor(extract(epoch FROM (e.entry ->> 'at')::timestamptz
              - CASE WHEN e.i = 1 THEN s.started_at ELSE (s.path -> (e.i - 2)::int ->> 'at')::timestamptz END))::int AS second,
            ${sign} AS n
       FROM ${relation} s CROSS JOIN LATERAL jsonb_array_elements(s.path) WITH ORDINALITY AS e(entry, i)) a
   WHERE a.second IS NOT NULL`;
}

export const nodeTimeTable = (resolution: Resolution, grain: Grain) =>
  `analytics_node_time_${resolution}s_${grain === 'hour' ? 'hourly' : 'daily'}`;

/**
 * A node time table's key, in its primary key's order: a flow's minutes are read over a range of
 * buckets (bucket before node), the daily seconds for a few minutes of one node (second before
 * bucket), the hourly seconds only for a window's edge hours (bucket first).
 */
export function nodeTimeKey(resolution: Resolution, grain: Grain): string[] {
  return resolution === 'second' && grain === 'day'
    ? ['account_id', 'tree_id', 'node_id', 'second', 'bucket']
    : ['account_id', 'tree_id', 'bucket', 'node_id', resolution];
}

/** A histogram's facts grouped per its key (bucket and minute computed), in key order; zero groups dropped. */
function groupedHistogram(facts: string[], key: string[], grain: Grain): string {
  const expressions: Record<string, string> = {
    bucket: `date_trunc('${grain}', f.ts, 'UTC') AS bucket`,
    minute: 'floor(f.second / 60.0)::int AS minute',
    second: 'f.second',
  };
  const keys = key.map((column) => expressions[column] ?? `f.${column}`);
  const positions = keys.map((_, i) => i + 1).join(', ');
  return `SELECT ${keys.join(', ')}, sum(f.n)::bigint AS n
    FROM (${facts.join('\n    UNION ALL\n    ')}) f
   GROUP BY ${positions} HAVING sum(f.n) <> 0 ORDER BY ${positions}`;
}

/** Adds grouped histogram facts, in the table's key order (index appends; one lock order for all writers). */
function upsertHistogram(table: string, facts: string[], key: string[], grain: Grain): string {
  const keys = key.join(', ');
  return `INSERT INTO ${table} AS r (${keys}, n)
  ${groupedHistogram(facts, key, grain)}
  ON CONFLICT (${keys}) DO UPDATE SET n = r.n + EXCLUDED.n`;
}

/** Duration facts grouped per bucket and minute or second, in key order; zero groups dropped. */
export const groupedDurations = (facts: string[], resolution: Resolution, grain: Grain): string =>
  groupedHistogram(facts, durationKey(resolution, grain), grain);

/** Adds grouped duration facts. */
export const upsertDurations = (facts: string[], resolution: Resolution, grain: Grain): string =>
  upsertHistogram(durationTable(resolution, grain), facts, durationKey(resolution, grain), grain);

/** Node time facts grouped per bucket, node and minute or second, in key order; zero groups dropped. */
export const groupedNodeTimes = (facts: string[], resolution: Resolution, grain: Grain): string =>
  groupedHistogram(facts, nodeTimeKey(resolution, grain), grain);

/** Adds grouped node time facts. */
export const upsertNodeTimes = (facts: string[], resolution: Resolution, grain: Grain): string =>
  upsertHistogram(nodeTimeTable(resolution, grain), facts, nodeTimeKey(resolution, grain), grain);

/** Facts summed per bucket of a grain; all-zero groups (e.g. a step taken, nothing counted) dropped. */
export function groupedFacts(facts: string[], grain: Grain, family: 'session' | 'node', withShard = true): string {
  const counters = family === 'session' ? SESSION_ROLLUP_COUNTERS : NODE_ROLLUP_COUNTERS;
  const keys = (family === 'session' ? SESSION_KEYS : NODE_KEYS).filter((key) => withShard || key !== 'shard');
  const select = keys.map((key) => (key === 'bucket' ? `date_trunc('${grain}', f.ts, 'UTC') AS bucket` : `f.${key}`));
  return `SELECT ${select.join(', ')}, ${counters.map((c) => `sum(f.${c})::bigint AS ${c}`).join(', ')}
    FROM (${facts.join('\n    UNION ALL\n    ')}) f
   GROUP BY ${keys.map((_, i) => i + 1).join(', ')}
  HAVING ${counters.map((c) => `sum(f.${c}) <> 0`).join(' OR ')}
   ORDER BY ${keys.map((_, i) => i + 1).join(', ')}`;
}

/**
 * Adds grouped facts to a rollup table. Rows are inserted in key order, so concurrent writers
 * lock shared rollup rows in one global order (hourly before daily, session before node
 * family) and cannot deadlock.
 */
export function upsertFacts(facts: string[], grain: Grain, family: 'session' | 'node'): string {
  const table = family === 'session' ? sessionRollupTable(grain) : nodeRollupTable(grain);
  const counters = family === 'session' ? SESSION_ROLLUP_COUNTERS : NODE_ROLLUP_COUNTERS;
  const keys = family === 'session' ? SESSION_KEYS : NODE_KEYS;
  return `INSERT INTO ${table} AS r (${[...keys, ...counters].join(', ')})
  ${groupedFacts(facts, grain, family)}
  ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${counters.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')}`;
}

/** A statement-level trigger's transition tables. */
type Relation = 'old_rows' | 'new_rows';

/** The accounts of `relation`'s rows whose bucket instant `ts` lies before the writer's UTC day. */
const pastAccounts = (relation: string, ts: string) =>
  `SELECT account_id FROM ${relation} WHERE ${ts} < date_trunc('day', now(), 'UTC')`;

/**
 * The trigger functions as the running code expects them (installed by migration RollupJournal):
 * each statement appends its rows to the rollup journal (rollup-journal.ts), added to the rollups
 * later by a fold, and moves the accounts' analytics versions (analytics-version.ts), all in the
 * write's own transaction. The migrations hold these bodies as literal SQL; a change here needs a
 * migration that installs the new bodies (CREATE OR REPLACE), and until then the schema test
 * fails (it installs these over a migrated database and expects the schema unchanged).
 */
export function rollupTriggerFunctionsSql(): string[] {
  /** The version bumps of a statement over `relations`, whose rows are bucketed by `ts`. */
  const bumps = (relations: Relation[], ts: string, channel: VersionChannel) => {
    const accounts = relations.map((relation) => `SELECT account_id FROM ${relation}`).join(' UNION ALL ');
    const past = relations.map((relation) => pastAccounts(relation, ts)).join(' UNION ALL ');
    return [bumpVersionsSql(accounts, channel), bumpVersionsSql(past, 'past')];
  };
  /** A statement's rows over `relations` appended to `target`, with the version bumps riding along as CTEs. */
  const deltas = (target: Journal, relations: Relation[], ts: string, channel: VersionChannel) => {
    const ctes = bumps(relations, ts, channel).map((bump, i) => `bump${i} AS (${bump} RETURNING 1)`);
    return `WITH ${ctes.join(', ')}\n  ${journalInsertSql(target, relations)};`;
  };
  /** The bodies for INSERT, UPDATE and DELETE. */
  const bodies = (target: Journal, ts: string, channel: VersionChannel = 'sessions'): [string, string, string] => [
    deltas(target, ['new_rows'], ts, channel),
    deltas(target, ['old_rows', 'new_rows'], ts, channel),
    deltas(target, ['old_rows'], ts, channel),
  ];
  const fn = (name: string, [insert, update, del]: [string, string, string]) => `
    CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${insert}
      ELSIF TG_OP = 'UPDATE' THEN
        ${update}
      ELSE
        ${del}
      END IF;
      RETURN NULL;
    END $fn$`;
  return [
    fn('analytics_rollup_sessions', bodies(SESSIONS_JOURNAL, 'started_at')),
    fn('analytics_rollup_session_ratings', bodies(RATINGS_JOURNAL, 'created_at')),
    // Votes only show in flow reports: their own channel leaves team and personal reports cached.
    fn('analytics_rollup_step_ratings', bodies(VOTES_JOURNAL, 'created_at', 'steps')),
  ];
}
