/**
 * An account's analytics version: a value that changes with every committed write that can
 * change one of the account's reports, so a report computed at one version can be served again
 * while the version stays the same (see report/report-cache.ts).
 *
 * - One row per (account, channel, backend): each write statement sets its connection's row to
 *   the next value of a global sequence, in the write's own transaction. Rows are per PostgreSQL
 *   backend so concurrent writers never wait on one another's version row (no hot row, no lock
 *   cycles with the rollup rows). Values come from a sequence, so no row ever takes a value it,
 *   or any other row, had before: a version string never comes back once the data moved on.
 * - The version is the values of the rows a report depends on, sorted: any committed bump
 *   changes it. Rows of backends that have exited are pruned now and then (PRUNE_VERSIONS_SQL),
 *   which sets the (account, channel)'s row of backend 0 to a fresh value: dropping a row alone
 *   could bring back an earlier version string while the data has moved on since.
 * - Two channels, because step votes (the most frequent write) only show in flow reports:
 *   'sessions' (sessions, their ratings, flow and user names) feeds every report; 'steps' (step
 *   votes, node titles) only the flow report. So a vote leaves team and personal reports cached.
 * - A third, 'past', moves only with writes that reach a rollup bucket before the writer's own
 *   UTC day (a session started days ago completed or moved, an old vote changed, a delete): the
 *   sums of closed days are kept under it (report/closed-days.ts).
 * - No foreign key to accounts: deleting an account cascades into rows whose triggers bump it
 *   in the same statement. Rows of a deleted account go with their backends (PRUNE_VERSIONS_SQL).
 *   Backend 0 is never a real backend: it holds what the pruned rows stood for.
 * - The window is not part of it: a report is cached per window.
 */

export const VERSION_TABLE = 'analytics_versions';
export const VERSION_SEQUENCE = 'analytics_version_seq';

export const VERSION_CHANNELS = { sessions: 0, steps: 1, past: 2 } as const;
export type VersionChannel = keyof typeof VERSION_CHANNELS;

/**
 * Sets this connection's version row, in `channel` (a channel name, or SQL yielding its number),
 * of every account in `accounts` (SQL yielding account_id).
 */
export function bumpVersionsSql(accounts: string, channel: VersionChannel | { sql: string }): string {
  const channelSql = typeof channel === 'string' ? `${VERSION_CHANNELS[channel]}::smallint` : channel.sql;
  return `INSERT INTO ${VERSION_TABLE} AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, ${channelSql}, pg_backend_pid(), nextval('${VERSION_SEQUENCE}')
      FROM (SELECT DISTINCT account_id FROM (${accounts}) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version`;
}

/** The version of the account `accountIdSql` refers to, over `channels` (a text; '' before any write). */
export function versionOfSql(accountIdSql: string, channels: VersionChannel[]): string {
  const numbers = channels.map((channel) => VERSION_CHANNELS[channel]).join(', ');
  return `(SELECT coalesce(string_agg(v.version::text, '.' ORDER BY v.version), '') FROM ${VERSION_TABLE} v
            WHERE v.account_id = ${accountIdSql} AND v.channel IN (${numbers}))`;
}

/**
 * Drops the rows of backends that are gone, and moves each version they were part of to a value
 * never used before (backend 0's row), so the version still changes and never repeats. Rows of
 * deleted accounts go, backend 0's included.
 */
export const PRUNE_VERSIONS_SQL = `WITH gone AS (
    DELETE FROM ${VERSION_TABLE} v
     WHERE CASE WHEN v.backend_pid = 0 THEN NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = v.account_id)
                ELSE NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = v.backend_pid) END
    RETURNING v.account_id, v.channel
  )
  INSERT INTO ${VERSION_TABLE} AS v (account_id, channel, backend_pid, version)
  SELECT g.account_id, g.channel, 0, nextval('${VERSION_SEQUENCE}')
    FROM (SELECT DISTINCT account_id, channel FROM gone ORDER BY 1, 2) g
   WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.id = g.account_id)
  ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version`;

/** Every account's version moves (after a rollup rebuild, which rewrites the rollups beneath the reports). */
export const BUMP_ALL_VERSIONS_SQL = (Object.keys(VERSION_CHANNELS) as VersionChannel[]).map((channel) =>
  bumpVersionsSql('SELECT id AS account_id FROM accounts', channel),
);
