import { AnalyticsWindow } from '../../analytics-window';
import { DropOffRowDto } from '../../dto/analytics-response.dto';
import { AnalyticsScope, nodesOfScope, REMOVED_NODE_TITLE, scopeWhere, SqlParams, SqlRunner } from '../sql';

/**
 * Where the window's unfinished sessions stand: per node, most first.
 *
 * Why this shape: the window's sessions of the flow come off (account_id, tree_id,
 * started_at); the not-completed ones are grouped by current_node_id, and the node's title
 * and type are joined to the groups only (tenant-checked, removed nodes included).
 */
export async function queryDropOff(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
): Promise<DropOffRowDto[]> {
  const p = new SqlParams();
  const where = scopeWhere('s', scope, p);
  const account = p.add(scope.accountId);
  const rows: {
    node_id: string;
    node_title: string | null;
    node_type: DropOffRowDto['node_type'];
    sessions: number;
  }[] = await db.query(
    `
    WITH unfinished AS (
      SELECT s.current_node_id AS node_id, count(*)::int AS sessions
        FROM sessions s
       WHERE ${where} AND s.started_at >= ${p.add(window.start)} AND s.started_at < ${p.add(window.end)}
         AND s.completed_at IS NULL AND s.current_node_id IS NOT NULL
       GROUP BY s.current_node_id
    )
    SELECT u.node_id, n.title AS node_title, n.type AS node_type, u.sessions
      FROM unfinished u
      LEFT JOIN ${nodesOfScope(scope, p)} n ON n.id = u.node_id AND n.account_id = ${account}
     ORDER BY u.sessions DESC, n.title, u.node_id`,
    p.values,
  );
  return rows.map((row) => ({ ...row, node_title: row.node_title ?? REMOVED_NODE_TITLE }));
}
