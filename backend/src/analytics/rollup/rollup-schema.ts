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
 *
 * Sums and counts only, never averages, so any set of buckets re-adds exactly.
 *
 * The same "facts" SQL feeds the triggers (over the statement's transition tables, +1 for new
 * rows, -1 for old ones), `rollup:rebuild` (over the raw tables) and `rollup:verify`, so the
 * three cannot drift apart. Migrations install the trigger functions from this code as it is when
 * they run: a database migrated earlier keeps the old bodies until a new migration re-installs
 * them (rollupTriggerFunctionsSql, as AnalyticsVersions does).
 */

import { bumpVersionsSql, VersionChannel } from './analytics-version';
import { Journal, journalInsertSql, RATINGS_JOURNAL, SESSIONS_JOURNAL, VOTES_JOURNAL } from './rollup-journal';

export const ZERO_UUID = '00000000-0000-0000-0000-000000000000';
export const SHARDS = 4;

export type Grain = 'hour' | 'day';
export const GRAINS: Grain[] = ['hour', 'day'];

export const SESSION_ROLLUP_COUNTERS = [
  'sessions', 'completed', 'resolved', 'escalated', 'workaround', 'unresolved', 'duration_us',
  'ratings', 'rating_sum', 'r1', 'r2', 'r3', 'r4', 'r5',
] as const;
export const NODE_ROLLUP_COUNTERS = [
  'unfinished', 'ended', 'resolved', 'escalated', 'workaround', 'unresolved', 'helpful_yes', 'helpful_no',
] as const;

export const sessionRollupTable = (grain: Grain) => (grain === 'hour' ? 'analytics_rollup_hourly' : 'analytics_rollup_daily');
export const nodeRollupTable = (grain: Grain) => (grain === 'hour' ? 'analytics_node_rollup_hourly' : 'analytics_node_rollup_daily');

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

/** Duration facts grouped per bucket and minute or second, in key order; zero groups dropped. */
export function groupedDurations(facts: string[], resolution: Resolution, grain: Grain): string {
  const expressions: Record<string, string> = {
    bucket: `date_trunc('${grain}', f.ts, 'UTC') AS bucket`,
    minute: 'floor(f.second / 60.0)::int AS minute',
    second: 'f.second',
  };
  const keys = durationKey(resolution, grain).map((key) => expressions[key] ?? `f.${key}`);
  return `SELECT ${keys.join(', ')}, sum(f.n)::bigint AS n
    FROM (${facts.join('\n    UNION ALL\n    ')}) f
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5`;
}

/** Adds grouped duration facts, in the table's key order (index appends; one lock order for all writers). */
export function upsertDurations(facts: string[], resolution: Resolution, grain: Grain): string {
  const keys = durationKey(resolution, grain).join(', ');
  return `INSERT INTO ${durationTable(resolution, grain)} AS r (${keys}, n)
  ${groupedDurations(facts, resolution, grain)}
  ON CONFLICT (${keys}) DO UPDATE SET n = r.n + EXCLUDED.n`;
}

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

export function createRollupTablesSql(): string[] {
  const statements: string[] = [];
  for (const grain of GRAINS) {
    const sessionTable = sessionRollupTable(grain);
    statements.push(`CREATE TABLE ${sessionTable} (
      account_id uuid NOT NULL, user_id uuid NOT NULL, tree_id uuid NOT NULL, bucket timestamptz NOT NULL, shard smallint NOT NULL,
      ${SESSION_ROLLUP_COUNTERS.map((c) => `${c} bigint NOT NULL DEFAULT 0`).join(', ')},
      PRIMARY KEY (account_id, user_id, tree_id, bucket, shard))`);
    // Rankings read one level across all flows (or engineers) for a bucket range.
    statements.push(`CREATE INDEX ${sessionTable}_user_bucket_idx ON ${sessionTable} (account_id, user_id, bucket)`);
    statements.push(`CREATE INDEX ${sessionTable}_tree_bucket_idx ON ${sessionTable} (account_id, tree_id, bucket)`);
    // Histogram reads are index-only scans: the count is INCLUDEd in the key's index.
    const minutes = durationTable('minute', grain);
    statements.push(`CREATE TABLE ${minutes} (
      account_id uuid NOT NULL, user_id uuid NOT NULL, tree_id uuid NOT NULL, bucket timestamptz NOT NULL, minute integer NOT NULL,
      n bigint NOT NULL DEFAULT 0, PRIMARY KEY (account_id, user_id, tree_id, bucket, minute) INCLUDE (n))`);
    const seconds = durationTable('second', grain);
    statements.push(`CREATE TABLE ${seconds} (
      account_id uuid NOT NULL, user_id uuid NOT NULL, tree_id uuid NOT NULL, second integer NOT NULL, bucket timestamptz NOT NULL,
      n bigint NOT NULL DEFAULT 0, PRIMARY KEY (account_id, user_id, tree_id, second, bucket) INCLUDE (n))`);
    const nodeTable = nodeRollupTable(grain);
    statements.push(`CREATE TABLE ${nodeTable} (
      account_id uuid NOT NULL, tree_id uuid NOT NULL, node_id uuid NOT NULL, bucket timestamptz NOT NULL,
      ${NODE_ROLLUP_COUNTERS.map((c) => `${c} bigint NOT NULL DEFAULT 0`).join(', ')},
      PRIMARY KEY (account_id, tree_id, node_id, bucket))`);
  }
  return statements;
}

/**
 * A statement's rollup deltas, one upsert per rollup table, and `bumps` (data-modifying
 * statements) riding along as CTEs of the first upsert: no statement more per write.
 */
function upsertAll(sessionFactSql: string[], nodeFactSql: string[], durationFactSql: string[] = [], bumps: string[] = []): string {
  const parts: string[] = [];
  if (sessionFactSql.length) for (const grain of GRAINS) parts.push(upsertFacts(sessionFactSql, grain, 'session'));
  if (nodeFactSql.length) for (const grain of GRAINS) parts.push(upsertFacts(nodeFactSql, grain, 'node'));
  for (const resolution of ['minute', 'second'] as const) {
    if (durationFactSql.length) for (const grain of GRAINS) parts.push(upsertDurations(durationFactSql, resolution, grain));
  }
  if (bumps.length) parts[0] = `WITH ${bumps.map((bump, i) => `bump${i} AS (${bump} RETURNING 1)`).join(', ')}\n  ${parts[0]}`;
  return parts.map((part) => `${part};`).join('\n    ');
}

/** The fact SQL one source's rows give each rollup family they count in. */
interface RowFacts {
  session?: string;
  node?: string;
  duration?: string;
}

/** A statement-level trigger's transition tables. */
type Relation = 'old_rows' | 'new_rows';
const NEW: FactSource = { relation: 'new_rows', sign: 1 };
const OLD: FactSource = { relation: 'old_rows', sign: -1 };

/** The accounts of `relation`'s rows whose bucket instant `ts` lies before the writer's UTC day. */
const pastAccounts = (relation: string, ts: string) =>
  `SELECT account_id FROM ${relation} WHERE ${ts} < date_trunc('day', now(), 'UTC')`;

/**
 * The trigger functions: each statement's rollup deltas and the accounts' analytics versions
 * (analytics-version.ts), all in the write's own transaction. With `journal` (migration
 * RollupJournal on), the deltas are the statement's rows appended to the rollup journal
 * (rollup-journal.ts), added to the rollups later by a fold; without it (the bodies as they
 * were before), the rollup rows themselves are upserted. CREATE OR REPLACE, so a later
 * migration can install a new body over the old one. `bumpPast: false` gives the bodies from
 * before the 'past' channel (migration ClosedDaysVersion's down).
 */
export function rollupTriggerFunctionsSql({
  bumpVersions = true,
  bumpPast = true,
  journal = false,
}: { bumpVersions?: boolean; bumpPast?: boolean; journal?: boolean } = {}): string[] {
  /** The version bumps of a statement over `relations`, whose rows are bucketed by `ts`. */
  const bumps = (relations: Relation[], ts: string, channel: VersionChannel = 'sessions') => {
    if (!bumpVersions) return [];
    const accounts = relations.map((relation) => `SELECT account_id FROM ${relation}`).join(' UNION ALL ');
    const past = relations.map((relation) => pastAccounts(relation, ts)).join(' UNION ALL ');
    return bumpPast ? [bumpVersionsSql(accounts, channel), bumpVersionsSql(past, 'past')] : [bumpVersionsSql(accounts, channel)];
  };
  /**
   * A statement's deltas over `relations` (rows bucketed by `ts`): its rows appended to `target`,
   * or the rollup rows `facts` makes of them upserted, with the version bumps riding along.
   */
  const deltas = (target: Journal, relations: Relation[], ts: string, facts: (source: FactSource) => RowFacts, channel?: VersionChannel) => {
    const versionBumps = bumps(relations, ts, channel);
    if (journal) {
      const ctes = versionBumps.length ? `WITH ${versionBumps.map((bump, i) => `bump${i} AS (${bump} RETURNING 1)`).join(', ')}\n  ` : '';
      return `${ctes}${journalInsertSql(target, relations)};`;
    }
    const made = relations.map((relation) => facts(relation === 'old_rows' ? OLD : NEW));
    const of = (family: keyof RowFacts) => made.flatMap((rowFacts) => rowFacts[family] ?? []);
    return upsertAll(of('session'), of('node'), of('duration'), versionBumps);
  };
  /** The bodies for INSERT, UPDATE and DELETE. */
  const bodies = (target: Journal, ts: string, facts: (source: FactSource) => RowFacts, channel?: VersionChannel): [string, string, string] => [
    deltas(target, ['new_rows'], ts, facts, channel),
    deltas(target, ['old_rows', 'new_rows'], ts, facts, channel),
    deltas(target, ['old_rows'], ts, facts, channel),
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
    fn('analytics_rollup_sessions', bodies(SESSIONS_JOURNAL, 'started_at', (source) => ({
      session: sessionFacts(source),
      node: nodeSessionFacts(source),
      duration: durationFacts(source),
    }))),
    fn('analytics_rollup_session_ratings', bodies(RATINGS_JOURNAL, 'created_at', (source) => ({ session: ratingFacts(source) }))),
    // Votes only show in flow reports: their own channel leaves team and personal reports cached.
    fn('analytics_rollup_step_ratings', bodies(VOTES_JOURNAL, 'created_at', (source) => ({ node: voteFacts(source) }), 'steps')),
  ];
}

/** Statement-level triggers over transition tables: one set-based delta per statement. */
export function createRollupTriggersSql(options: { bumpVersions?: boolean } = {}): string[] {
  const triggers = (table: string, fnName: string) => [
    `CREATE TRIGGER ${table}_rollup_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fnName}()`,
    `CREATE TRIGGER ${table}_rollup_upd AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fnName}()`,
    `CREATE TRIGGER ${table}_rollup_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fnName}()`,
  ];
  return [
    ...rollupTriggerFunctionsSql(options),
    ...triggers('sessions', 'analytics_rollup_sessions'),
    ...triggers('session_ratings', 'analytics_rollup_session_ratings'),
    ...triggers('step_ratings', 'analytics_rollup_step_ratings'),
  ];
}

export const DROP_ROLLUPS_SQL = [
  'DROP TRIGGER sessions_rollup_ins ON sessions', 'DROP TRIGGER sessions_rollup_upd ON sessions', 'DROP TRIGGER sessions_rollup_del ON sessions',
  'DROP TRIGGER session_ratings_rollup_ins ON session_ratings', 'DROP TRIGGER session_ratings_rollup_upd ON session_ratings',
  'DROP TRIGGER session_ratings_rollup_del ON session_ratings',
  'DROP TRIGGER step_ratings_rollup_ins ON step_ratings', 'DROP TRIGGER step_ratings_rollup_upd ON step_ratings',
  'DROP TRIGGER step_ratings_rollup_del ON step_ratings',
  'DROP FUNCTION analytics_rollup_sessions()', 'DROP FUNCTION analytics_rollup_session_ratings()', 'DROP FUNCTION analytics_rollup_step_ratings()',
  'DROP TABLE analytics_rollup_hourly', 'DROP TABLE analytics_rollup_daily',
  'DROP TABLE analytics_node_rollup_hourly', 'DROP TABLE analytics_node_rollup_daily',
  'DROP TABLE analytics_duration_minutes_hourly', 'DROP TABLE analytics_duration_minutes_daily',
  'DROP TABLE analytics_duration_seconds_hourly', 'DROP TABLE analytics_duration_seconds_daily',
];
