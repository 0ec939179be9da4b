import { AnalyticsWindow } from '../../analytics-window';
import { StepFeedbackRowDto } from '../../dto/analytics-response.dto';
import { rate } from '../analytics-math';
import { AnalyticsScope, nodesOfScope, REMOVED_NODE_TITLE, scopeWhere, SqlParams, SqlRunner } from '../sql';

interface VoteRow {
  node_id: string;
  node_title: string | null;
  step_id: string | null;
  helpful_yes: number;
  helpful_no: number;
}

/**
 * Thumbs per node that got votes in the window, worst helpful rate first.
 *
 * Why this shape: votes are grouped off step_ratings' (account_id, tree_id, node_id,
 * created_at) index in one pass (FILTER splits yes/no); node titles are joined to the groups
 * only, tenant-checked by account_id, and removed nodes keep their title (they are soft-
 * deleted). Ties: more votes first (the surer verdict), then title.
 */
export async function queryStepFeedback(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
): Promise<StepFeedbackRowDto[]> {
  const p = new SqlParams();
  const where = scopeWhere('v', scope, p);
  const account = p.add(scope.accountId);
  const rows: VoteRow[] = await db.query(
    `
    WITH votes AS (
      SELECT v.node_id,
             count(*) FILTER (WHERE v.was_helpful)::int AS helpful_yes,
             count(*) FILTER (WHERE NOT v.was_helpful)::int AS helpful_no
        FROM step_ratings v
       WHERE ${where} AND v.created_at >= ${p.add(window.start)} AND v.created_at < ${p.add(window.end)}
       GROUP BY v.node_id
    )
    SELECT votes.node_id, n.title AS node_title, n.step_id, votes.helpful_yes, votes.helpful_no
      FROM votes
      LEFT JOIN ${nodesOfScope(scope, p)} n ON n.id = votes.node_id AND n.account_id = ${account}
     ORDER BY votes.helpful_yes::float8 / (votes.helpful_yes + votes.helpful_no),
              votes.helpful_yes + votes.helpful_no DESC, n.title, votes.node_id`,
    p.values,
  );
  return rows.map((row) => ({
    node_id: row.node_id,
    node_title: row.node_title ?? REMOVED_NODE_TITLE,
    step_id: row.step_id,
    helpful_yes: row.helpful_yes,
    helpful_no: row.helpful_no,
    helpful_rate: rate(row.helpful_yes, row.helpful_yes + row.helpful_no),
  }));
}
