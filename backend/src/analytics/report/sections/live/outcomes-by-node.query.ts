import { AnalyticsWindow } from '../../analytics-window';
import { OutcomesByNodeRowDto } from '../../dto/analytics-response.dto';
import {
  AnalyticsScope,
  nodesOfScope,
  OUTCOME_COUNTS,
  OutcomeCounts,
  outcomeCounts,
  REMOVED_NODE_TITLE,
  scopeWhere,
  SqlParams,
  SqlRunner,
} from '../sql';

interface EndRow extends OutcomeCounts {
  node_id: string;
  node_title: string | null;
  node_type: OutcomesByNodeRowDto['node_type'];
  sessions: number;
}

/**
 * Which nodes completed sessions ended at, and with what outcome: node × outcome in one row
 * per node, most sessions first.
 *
 * Why this shape: the same (account_id, tree_id, started_at) range as drop_off, the
 * completed ones grouped by their final node (current_node_id stays where the engineer
 * finished) with one FILTER per outcome; titles joined to the groups only.
 */
export async function queryOutcomesByNode(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
): Promise<OutcomesByNodeRowDto[]> {
  const p = new SqlParams();
  const where = scopeWhere('s', scope, p);
  const account = p.add(scope.accountId);
  const rows: EndRow[] = await db.query(
    `
    WITH ends AS (
      SELECT s.current_node_id AS node_id, count(*)::int AS sessions, ${OUTCOME_COUNTS}
        FROM sessions s
       WHERE ${where} AND s.started_at >= ${p.add(window.start)} AND s.started_at < ${p.add(window.end)}
         AND s.completed_at IS NOT NULL AND s.current_node_id IS NOT NULL
       GROUP BY s.current_node_id
    )
    SELECT e.*, n.title AS node_title, n.type AS node_type
      FROM ends e
      LEFT JOIN ${nodesOfScope(scope, p)} n ON n.id = e.node_id AND n.account_id = ${account}
     ORDER BY e.sessions DESC, n.title, e.node_id`,
    p.values,
  );
  return rows.map((row) => ({
    node_id: row.node_id,
    node_title: row.node_title ?? REMOVED_NODE_TITLE,
    node_type: row.node_type,
    sessions: row.sessions,
    ...outcomeCounts(row),
  }));
}
