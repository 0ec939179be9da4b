/**
 * Shared plumbing of the analytics queries. Every query is one statement that starts from
 * account_id (the leading column of every tenant index, and the distribution key should the
 * tables ever be sharded by tenant), narrows by the window's UTC instants, and only then
 * groups: the scoping stays in SQL, never in JavaScript.
 */
import { pastNodeSql } from '../../../trees/node-history';

/** What runs a statement: a DataSource or the EntityManager of a transaction. */
export interface SqlRunner {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, parameters?: unknown[]): Promise<any>;
  /**
   * Set by a runner that serves one response in one snapshot (ReadBatch): the results of
   * statements already sent, so sections asking the same read it once.
   */
  readonly sent?: Map<string, Promise<unknown[]>>;
}

/** Whose figures: always one account, optionally one engineer and/or one flow of it. */
export interface AnalyticsScope {
  accountId: string;
  userId?: string;
  treeId?: string;
  /**
   * Only sessions started on this version of the flow (sessions.tree_version), and the ratings
   * and votes of those sessions. Live sections only: the rollups are not keyed by version.
   */
  treeVersion?: number;
  /**
   * True when this snapshot holds no rollup journal rows of the account (rollup-journal.ts), so
   * the rollup tables alone are exact and the journal need not be read.
   */
  folded?: boolean;
}

/** Positional parameters ($1, $2 …) collected while a statement is written. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * `alias.account_id = $n`, then the optional engineer, flow and flow version filters. sessions,
 * session_ratings and step_ratings all carry account_id, user_id and tree_id, so one helper
 * scopes them all, and each filter matches an index that leads with account_id.
 */
export function scopeWhere(alias: string, scope: AnalyticsScope, params: SqlParams): string {
  const where = [`${alias}.account_id = ${params.add(scope.accountId)}`];
  if (scope.userId) where.push(`${alias}.user_id = ${params.add(scope.userId)}`);
  if (scope.treeId) where.push(`${alias}.tree_id = ${params.add(scope.treeId)}`);
  if (scope.treeVersion !== undefined) {
    const version = params.add(scope.treeVersion);
    // Ratings and votes carry their session, not its version: the session (by primary key) says.
    where.push(
      alias === 's'
        ? `s.tree_version = ${version}`
        : `EXISTS (SELECT 1 FROM sessions vs WHERE vs.account_id = ${alias}.account_id AND vs.id = ${alias}.session_id AND vs.tree_version = ${version})`,
    );
  }
  return where.join(' AND ');
}

/**
 * The flow's nodes to join for their titles and types: tree_nodes, or for a version's report
 * (scope.treeVersion) the nodes as they were in that version (trees/node-history.ts).
 */
export function nodesOfScope(scope: AnalyticsScope, params: SqlParams): string {
  if (scope.treeVersion === undefined) return 'tree_nodes';
  const past = pastNodeSql('h.title, h.type', 'v.account_id', 'v.id', params.add(scope.treeVersion));
  return `(SELECT v.account_id, v.id, v.step_id, coalesce(p.title, v.title) AS title, coalesce(p.type, v.type) AS type
      FROM tree_nodes v LEFT JOIN LATERAL (${past}) p ON true
     WHERE v.account_id = ${params.add(scope.accountId)} AND v.tree_id = ${params.add(scope.treeId)})`;
}

/** Seconds from start to completion of a session row aliased `s` (NULL while running). */
export const DURATION_SECONDS = 'extract(epoch FROM s.completed_at - s.started_at)::float8';

/** Per-outcome counts of sessions aliased `s`, as int columns named after the outcome. */
export const OUTCOME_COUNTS = `
  count(*) FILTER (WHERE s.outcome = 'resolved')::int AS resolved,
  count(*) FILTER (WHERE s.outcome = 'escalated')::int AS escalated,
  count(*) FILTER (WHERE s.outcome = 'workaround')::int AS workaround,
  count(*) FILTER (WHERE s.outcome = 'unresolved')::int AS unresolved`;

export interface OutcomeCounts {
  resolved: number;
  escalated: number;
  workaround: number;
  unresolved: number;
}

export const outcomeCounts = (row: OutcomeCounts): OutcomeCounts => ({
  resolved: row.resolved,
  escalated: row.escalated,
  workaround: row.workaround,
  unresolved: row.unresolved,
});

/** A node's title for a report, also when the node has since been deleted outright. */
export const REMOVED_NODE_TITLE = '(removed step)';
