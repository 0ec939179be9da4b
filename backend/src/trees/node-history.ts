/**
 * What a flow's nodes were before an edit (tree_node_history): an edit that changes a node's
 * title, type or options first keeps the old ones, until the version it makes. A node's content
 * in version N of its flow is then the earliest such row with until_version > N, else its
 * current content; so a session, or a version's report, shows what its engineers saw.
 */
import { EntityManager } from 'typeorm';

import { TreeNode } from './tree-node.entity';

/**
 * SQL (no parentheses: a scalar subquery or a LATERAL join wraps it): `select`, over the row
 * tree_node_history keeps of node `node` (account `account`) for version `version` of its flow,
 * aliased h. No row when the node is in that version as it is now, or `version` is NULL (a
 * session whose version is unknown): callers fall back to the current content.
 */
export function pastNodeSql(select: string, account: string, node: string, version: string): string {
  return `SELECT ${select} FROM tree_node_history h
     WHERE h.account_id = ${account} AND h.node_id = ${node} AND h.until_version > ${version}
     ORDER BY h.until_version LIMIT 1`;
}

/**
 * Keeps the content of the flow's nodes that `incoming` changes, as it was until `newVersion`.
 * Run before the nodes are written, under the flow's lock (the edit's transaction).
 */
export async function keepChangedNodes(
  manager: EntityManager,
  accountId: string,
  treeId: string,
  newVersion: number,
  incoming: Partial<TreeNode>[],
): Promise<void> {
  await manager.query(
    `INSERT INTO tree_node_history (account_id, tree_id, node_id, until_version, type, title, options)
     SELECT n.account_id, n.tree_id, n.id, $3, n.type, n.title, n.options
       FROM tree_nodes n
       JOIN jsonb_to_recordset($4::jsonb) AS i(id uuid, type text, title text, options jsonb) ON i.id = n.id
      WHERE n.account_id = $1 AND n.tree_id = $2
        AND (n.type, n.title, n.options) IS DISTINCT FROM (i.type, i.title, i.options)`,
    [
      accountId,
      treeId,
      newVersion,
      JSON.stringify(incoming.map(({ id, type, title, options }) => ({ id, type, title, options }))),
    ],
  );
}
