/**
 * The rollup journal: what a write adds to the rollups, written in the write's own transaction
 * as the changed rows themselves (one journal row per row written, +1 for new rows, -1 for old
 * ones), and added into the rollup tables later, many writes at a time (rollup-fold.ts).
 *
 * Why: upserting every rollup a completion touches (≈ 15 rows over eight tables) in the
 * completion's own statement cost ≈ 1 ms of PostgreSQL per completion, on rows that every
 * writer of an account shares, so an account's writes queued behind one another. A journal
 * row is an append that nobody else waits on; a fold of a thousand writes touches each shared
 * rollup row once.
 *
 * Nothing is ever approximate: a reader adds the journal's rows to the rollup tables' rows in
 * the same snapshot (rollupRelation), and a fold moves rows from the journal into the tables in
 * one transaction, so every snapshot sees each write exactly once, folded or not.
 *
 * Each journal table has the columns of its source table the rollup facts read (rollup-schema.ts),
 * with their types, plus `sign`.
 */

export interface Journal {
  /** The table whose writes it records. */
  source: 'sessions' | 'session_ratings' | 'step_ratings';
  table: string;
  /** The source columns the facts read. */
  columns: readonly string[];
}

export const SESSIONS_JOURNAL: Journal = {
  source: 'sessions',
  table: 'analytics_journal_sessions',
  // path: time per node (migration NodeTimeRollups); journal rows written before it have none and add no node times.
  columns: [
    'account_id',
    'id',
    'user_id',
    'tree_id',
    'current_node_id',
    'started_at',
    'completed_at',
    'outcome',
    'path',
  ],
};
export const RATINGS_JOURNAL: Journal = {
  source: 'session_ratings',
  table: 'analytics_journal_session_ratings',
  columns: ['account_id', 'session_id', 'user_id', 'tree_id', 'rating', 'created_at'],
};
export const VOTES_JOURNAL: Journal = {
  source: 'step_ratings',
  table: 'analytics_journal_step_ratings',
  columns: ['account_id', 'tree_id', 'node_id', 'was_helpful', 'created_at'],
};
export const JOURNALS = [SESSIONS_JOURNAL, RATINGS_JOURNAL, VOTES_JOURNAL];

/** Holds folds off (and waits for a running one) until the caller's transaction ends. */
export const LOCK_JOURNALS_SQL = `LOCK TABLE ${JOURNALS.map(({ table }) => table).join(', ')} IN EXCLUSIVE MODE`;

/** Empties the journals (rollup:rebuild, which recounts the rollups from the raw tables). */
export const CLEAR_JOURNALS_SQL = JOURNALS.map(({ table }) => `DELETE FROM ${table}`);

/** Reclaims the journals' dead rows; skips a journal another vacuum holds (any instance may run it). */
export const VACUUM_JOURNALS_SQL = `VACUUM (SKIP_LOCKED) ${JOURNALS.map(({ table }) => table).join(', ')}`;

/** A trigger's journal rows: its transition tables' rows, -1 for old_rows, +1 for new_rows. */
export function journalInsertSql({ table, columns }: Journal, relations: ('old_rows' | 'new_rows')[]): string {
  const list = columns.join(', ');
  const selects = relations.map((relation) => `SELECT ${list}, ${relation === 'old_rows' ? -1 : 1} FROM ${relation}`);
  return `INSERT INTO ${table} (${list}, sign) ${selects.join(' UNION ALL ')}`;
}

/** SQL: does the account `accountIdSql` refers to have journal rows in this snapshot? */
export const journalPendingSql = (accountIdSql: string) =>
  `(${JOURNALS.map(({ table }) => `EXISTS (SELECT 1 FROM ${table} WHERE account_id = ${accountIdSql})`).join(' OR ')})`;
