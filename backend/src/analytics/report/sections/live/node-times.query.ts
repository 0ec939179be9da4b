import { AnalyticsWindow } from '../../analytics-window';
import { NodeTimeRowDto } from '../../dto/analytics-response.dto';
import { AnalyticsScope, nodesOfScope, REMOVED_NODE_TITLE, scopeWhere, SqlParams, SqlRunner } from '../sql';

/**
 * Time per node: for each answer in the paths of the window's sessions, the whole seconds
 * (floor) from reaching the node to answering it. A node is reached when the session starts
 * (the first answer) or when the previous answer was given; an answer is a path entry and its
 * `at`. Going back drops the last entry, so a node answered again after a back counts from the
 * answer before it. An entry without `at` (none written by the API) is left out, and so is the
 * answer after it (its node's arrival is unknown); a clock step backwards counts 0. Per node:
 * visits (answers), and percentile_cont 0.5 and 0.9 over the whole seconds, 1 decimal.
 *
 * Why live for both section sets: the rollups do not hold paths (their journal records the
 * columns the other sections read). The statement reads the window's sessions of one flow off
 * (account_id, tree_id, started_at) and expands only their paths into narrow (node, seconds)
 * rows (MATERIALIZED: the sort then carries 20-byte rows, not the path entries), and sorts
 * them once per node for both percentiles. It costs time proportional to the window's answers:
 * see docs/performance.md (the 20% target is not met by this live read).
 */
export async function queryNodeTimes(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
): Promise<NodeTimeRowDto[]> {
  const p = new SqlParams();
  const where = scopeWhere('s', scope, p);
  const account = p.add(scope.accountId);
  const rows: (Omit<NodeTimeRowDto, 'node_title'> & { node_title: string | null })[] = await db.query(
    `
    WITH answers AS MATERIALIZED (
      SELECT (e.entry ->> 'node_id')::uuid AS node_id,
             floor(extract(epoch FROM (e.entry ->> 'at')::timestamptz
               - CASE WHEN e.i = 1 THEN s.started_at ELSE (s.path -> (e.i - 2)::int ->> 'at')::timestamptz END))::int AS seconds
        FROM sessions s
       CROSS JOIN LATERAL jsonb_array_elements(s.path) WITH ORDINALITY AS e(entry, i)
       WHERE ${where} AND s.started_at >= ${p.add(window.start)} AND s.started_at < ${p.add(window.end)}
    ), per_node AS (
      SELECT a.node_id, count(*)::int AS visits,
             percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY greatest(0, a.seconds)) AS percentiles
        FROM answers a
       WHERE a.seconds IS NOT NULL
       GROUP BY a.node_id
    )
    SELECT t.node_id, n.title AS node_title, n.type, t.visits,
           round(t.percentiles[1]::numeric, 1)::float8 AS median_seconds,
           round(t.percentiles[2]::numeric, 1)::float8 AS p90_seconds
      FROM per_node t
      LEFT JOIN ${nodesOfScope(scope, p)} n ON n.id = t.node_id AND n.account_id = ${account}
     ORDER BY t.visits DESC, n.title, t.node_id`,
    p.values,
  );
  return rows.map((row) => ({ ...row, node_title: row.node_title ?? REMOVED_NODE_TITLE }));
}
