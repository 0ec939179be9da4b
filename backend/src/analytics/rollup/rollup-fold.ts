/**
 * The rollup journal (rollup-journal.ts) seen as rollup rows: how a reader adds it to a rollup
 * table, and the fold that moves it into the tables.
 */
import { RATINGS_JOURNAL, SESSIONS_JOURNAL, VOTES_JOURNAL } from './rollup-journal';
import type { RollupDb } from './rollup-recount';
import {
  durationFacts,
  durationTable,
  FactSource,
  Grain,
  GRAINS,
  NODE_ROLLUP_COUNTERS,
  nodeRollupTable,
  nodeSessionFacts,
  nodeTimeFacts,
  nodeTimeTable,
  ratingFacts,
  Resolution,
  SESSION_ROLLUP_COUNTERS,
  sessionFacts,
  sessionRollupTable,
  upsertDurations,
  upsertFacts,
  upsertNodeTimes,
  voteFacts,
} from './rollup-schema';

/** The rows of a rollup table: the session or node family, or a duration or node time histogram at a resolution. */
export type RollupKind = 'session' | 'node' | Resolution | `node_${Resolution}`;

/** The rollup table of a kind at a grain. */
export const rollupTable = (kind: RollupKind, grain: Grain) => {
  if (kind === 'session') return sessionRollupTable(grain);
  if (kind === 'node') return nodeRollupTable(grain);
  if (kind === 'node_minute' || kind === 'node_second') return nodeTimeTable(nodeTimeResolution(kind), grain);
  return durationTable(kind, grain);
};

/** The resolution of a node time kind. */
export const nodeTimeResolution = (kind: `node_${Resolution}`): Resolution =>
  kind === 'node_minute' ? 'minute' : 'second';

/** The facts of journal-shaped relations (the journals, or the rows a fold took out of them), per kind. */
function journalFacts(relations: { sessions: string; ratings: string; votes: string }): Record<RollupKind, string[]> {
  const rows = (relation: string): FactSource => ({ relation, sign: 'row' });
  return {
    session: [sessionFacts(rows(relations.sessions)), ratingFacts(rows(relations.ratings))],
    node: [nodeSessionFacts(rows(relations.sessions)), voteFacts(rows(relations.votes))],
    minute: [durationFacts(rows(relations.sessions))],
    second: [durationFacts(rows(relations.sessions))],
    node_minute: [nodeTimeFacts(rows(relations.sessions))],
    node_second: [nodeTimeFacts(rows(relations.sessions))],
  };
}

const JOURNAL_FACTS = journalFacts({
  sessions: SESSIONS_JOURNAL.table,
  ratings: RATINGS_JOURNAL.table,
  votes: VOTES_JOURNAL.table,
});

/** A kind's rollup columns as readers name them (report/sections/from-rollups/rollup-reads.ts), with their types. */
const READ_COLUMNS: Record<RollupKind, [string, string][]> = {
  session: [
    ['account_id', 'uuid'],
    ['user_id', 'uuid'],
    ['tree_id', 'uuid'],
    ['bucket', 'timestamptz'],
    ['shard', 'smallint'],
    ...SESSION_ROLLUP_COUNTERS.map((c): [string, string] => [c, 'bigint']),
  ],
  node: [
    ['account_id', 'uuid'],
    ['tree_id', 'uuid'],
    ['node_id', 'uuid'],
    ['bucket', 'timestamptz'],
    ...NODE_ROLLUP_COUNTERS.map((c): [string, string] => [c, 'bigint']),
  ],
  minute: [
    ['account_id', 'uuid'],
    ['user_id', 'uuid'],
    ['tree_id', 'uuid'],
    ['bucket', 'timestamptz'],
    ['minute', 'integer'],
    ['n', 'bigint'],
  ],
  second: [
    ['account_id', 'uuid'],
    ['user_id', 'uuid'],
    ['tree_id', 'uuid'],
    ['bucket', 'timestamptz'],
    ['second', 'integer'],
    ['n', 'bigint'],
  ],
  node_minute: [
    ['account_id', 'uuid'],
    ['tree_id', 'uuid'],
    ['node_id', 'uuid'],
    ['bucket', 'timestamptz'],
    ['minute', 'integer'],
    ['n', 'bigint'],
  ],
  node_second: [
    ['account_id', 'uuid'],
    ['tree_id', 'uuid'],
    ['node_id', 'uuid'],
    ['bucket', 'timestamptz'],
    ['second', 'integer'],
    ['n', 'bigint'],
  ],
};
const KINDS = Object.keys(READ_COLUMNS) as RollupKind[];

/** A kind's rollup columns as readers name them, in one order. */
export const rollupColumns = (kind: RollupKind): string[] => READ_COLUMNS[kind].map(([name]) => name);

/**
 * The journal's facts of `kind` as rollup rows at `grainSql` (a literal or a parameter), typed
 * as the table's columns: a UNION ALL whose branches differ in a column's type takes no filter
 * on that column, and every reader filters on the keys.
 */
function journalRowsSql(kind: RollupKind, grainSql: string, columns: readonly string[], facts: string[]): string {
  const types = new Map(READ_COLUMNS[kind]);
  const select = columns.map((column) => {
    if (column === 'bucket') return `date_trunc(${grainSql}, f.ts, 'UTC') AS bucket`;
    if (column === 'minute') return 'floor(f.second / 60.0)::int AS minute';
    // Counters are summed as integers in the facts; the tables hold them as bigint.
    return types.get(column) === 'bigint' ? `f.${column}::bigint AS ${column}` : `f.${column}`;
  });
  return `SELECT ${select.join(', ')} FROM (${facts.join(' UNION ALL ')}) f`;
}

const journalRowsFunction = (kind: RollupKind) => `analytics_journal_rows_${kind}`;

/**
 * One account's journal as rollup rows of a kind, at a grain ('hour' or 'day'): a PL/pgSQL
 * function, so each connection plans its query once. Inlined into every rollup read instead,
 * the journal's facts cost each statement ≈ 0.45 ms more planning and 0.4 ms more execution
 * (measured at 1M sessions), about doubling a report's database time while writes go on.
 */
export function journalRowsFunctionsSql(): string[] {
  return KINDS.map((kind) => {
    const ofAccount = (journal: { table: string }) => `(SELECT * FROM ${journal.table} WHERE account_id = account)`;
    const facts = journalFacts({
      sessions: ofAccount(SESSIONS_JOURNAL),
      ratings: ofAccount(RATINGS_JOURNAL),
      votes: ofAccount(VOTES_JOURNAL),
    })[kind];
    const columns = READ_COLUMNS[kind];
    return `CREATE OR REPLACE FUNCTION ${journalRowsFunction(kind)}(account uuid, grain text)
      RETURNS TABLE (${columns.map(([name, type]) => `${name} ${type}`).join(', ')})
      LANGUAGE plpgsql STABLE ROWS 10 AS $fn$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY ${journalRowsSql(kind, 'grain', rollupColumns(kind), facts)};
      END $fn$`;
  });
}

/**
 * A rollup table at `grain` as readers must see it: its rows plus the journal's not yet folded,
 * as `columns` (the table's own names). `accountSql` (a parameter) limits the journal to one
 * account, read through journalRowsFunctionsSql; without it (rollup:verify) every account's
 * journal rows are inlined. The journal's facts are not grouped: whoever reads sums per key.
 */
export function rollupRelation(
  kind: RollupKind,
  grain: Grain,
  columns: readonly string[],
  accountSql?: string,
): string {
  const journal = accountSql
    ? `SELECT ${columns.join(', ')} FROM ${journalRowsFunction(kind)}(${accountSql}, '${grain}')`
    : journalRowsSql(kind, `'${grain}'`, columns, JOURNAL_FACTS[kind]);
  return `(SELECT ${columns.join(', ')} FROM ${rollupTable(kind, grain)} UNION ALL ${journal})`;
}

/** How many journal rows of each table one fold statement takes at most. */
export const FOLD_LIMIT = 5000;

/**
 * One fold: takes up to `limit` rows of each journal (rows another fold holds are skipped, so
 * folds never wait on each other's journal rows) and adds their facts to every rollup table, in
 * one statement and so one transaction. The upserts run in one order (hourly before daily,
 * sessions, nodes, minutes, seconds, node minutes, node seconds) with rows in key order, as the triggers' did, so
 * concurrent folds lock shared rollup rows in one order and cannot deadlock. Answers how many
 * rows it took of each journal.
 */
export function foldJournalSql(limit = FOLD_LIMIT): string {
  const taken = { sessions: 'taken_sessions', ratings: 'taken_ratings', votes: 'taken_votes' };
  const take = (name: string, table: string) =>
    `${name} AS (DELETE FROM ${table} WHERE ctid = ANY (ARRAY (SELECT ctid FROM ${table} FOR UPDATE SKIP LOCKED LIMIT ${limit})) RETURNING *)`;
  const facts = journalFacts(taken);
  const upserts: string[] = [];
  for (const family of ['session', 'node'] as const)
    for (const grain of GRAINS) upserts.push(upsertFacts(facts[family], grain, family));
  for (const resolution of ['minute', 'second'] as const)
    for (const grain of GRAINS) upserts.push(upsertDurations(facts[resolution], resolution, grain));
  for (const resolution of ['minute', 'second'] as const)
    for (const grain of GRAINS) upserts.push(upsertNodeTimes(facts[`node_${resolution}`], resolution, grain));
  const ctes = [
    take(taken.sessions, SESSIONS_JOURNAL.table),
    take(taken.ratings, RATINGS_JOURNAL.table),
    take(taken.votes, VOTES_JOURNAL.table),
    ...upserts.map((upsert, i) => `add${i} AS (${upsert})`),
  ];
  return `WITH ${ctes.join(',\n')}
  SELECT (SELECT count(*) FROM ${taken.sessions})::int AS sessions, (SELECT count(*) FROM ${taken.ratings})::int AS ratings,
         (SELECT count(*) FROM ${taken.votes})::int AS votes`;
}

/** Folds until a fold takes less than a full load from every journal; answers the rows folded. */
export async function foldJournal(db: RollupDb, limit = FOLD_LIMIT): Promise<number> {
  let folded = 0;
  for (;;) {
    const [row]: { sessions: number; ratings: number; votes: number }[] = await db.query(foldJournalSql(limit));
    folded += row.sessions + row.ratings + row.votes;
    if (row.sessions < limit && row.ratings < limit && row.votes < limit) return folded;
  }
}
