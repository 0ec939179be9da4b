/** A flow's nodes as the node tables of a report name and order them. */
import { DropOffRowDto } from '../../dto/analytics-response.dto';
import { AnalyticsScope, SqlRunner } from '../sql';
import { queryOnce } from './rollup-reads';

export interface FlowNode {
  id: string;
  title: string;
  type: DropOffRowDto['node_type'];
  step_id: string | null;
}

export interface FlowNodes {
  /** The node, or undefined for one since deleted outright. */
  get(nodeId: string): FlowNode | undefined;
  /** As ORDER BY n.title, node_id over a LEFT JOIN: titled nodes in PostgreSQL's order, deleted ones last by id. */
  byTitle(a: string, b: string): number;
}

/** The scope's flow's nodes in PostgreSQL's order of their titles (collation included); read once per report. */
export async function flowNodes(db: SqlRunner, scope: AnalyticsScope): Promise<FlowNodes> {
  const nodes = (await queryOnce(
    db,
    `SELECT id, title, type, step_id FROM tree_nodes WHERE account_id = $1 AND tree_id = $2 ORDER BY title, id`,
    [scope.accountId, scope.treeId],
  )) as FlowNode[];
  const byId = new Map(nodes.map((node, rank) => [node.id, { node, rank }]));
  return {
    get: (nodeId) => byId.get(nodeId)?.node,
    byTitle: (a, b) => {
      const [x, y] = [byId.get(a), byId.get(b)];
      if (x && y) return x.rank - y.rank;
      if (x || y) return x ? -1 : 1;
      return a < b ? -1 : a > b ? 1 : 0;
    },
  };
}
