/** The flow report's node tables from the node rollup: step feedback, drop-off, outcomes by node. */
import { NODE_ROLLUP_COUNTERS } from '../../../rollup/rollup-schema';
import { AnalyticsWindow } from '../../analytics-window';
import { ClosedDays } from '../../closed-days';
import { DropOffRowDto, OutcomesByNodeRowDto, StepFeedbackRowDto } from '../../dto/analytics-response.dto';
import { rate } from '../analytics-math';
import { AnalyticsScope, REMOVED_NODE_TITLE, SqlParams, SqlRunner } from '../sql';
import { flowNodes } from './flow-nodes';
import { groupedSums, journalOf, NODES } from './rollup-reads';

type NodeRow = Record<(typeof NODE_ROLLUP_COUNTERS)[number], number> & {
  node_id: string;
  node_title: string | null;
  node_type: DropOffRowDto['node_type'];
  step_id: string | null;
};

/**
 * Per-node sums of the flow's node rollup in the window that pass `keep`, with the node's
 * title and type (none for a node since deleted), in the order `compare` gives, then by title
 * (PostgreSQL's order, deleted nodes last), then node id.
 */
async function nodeSums(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
  closed: ClosedDays | undefined,
  keep: (row: NodeRow) => boolean,
  compare: (a: NodeRow, b: NodeRow) => number,
): Promise<NodeRow[]> {
  const where = (p: SqlParams) => `r.account_id = ${p.add(scope.accountId)} AND r.tree_id = ${p.add(scope.treeId)}`;
  const [sums, nodes] = await Promise.all([
    groupedSums(
      db,
      { family: NODES, where, groupBy: ['node_id'], journal: journalOf(scope) },
      window.start,
      window.end,
      closed,
    ),
    flowNodes(db, scope),
  ]);
  return [...sums]
    .map(([nodeId, counters]): NodeRow => {
      const node = nodes.get(nodeId);
      return {
        ...(counters as NodeRow),
        node_id: nodeId,
        node_title: node?.title ?? null,
        node_type: node?.type ?? null,
        step_id: node?.step_id ?? null,
      };
    })
    .filter(keep)
    .sort((a, b) => compare(a, b) || nodes.byTitle(a.node_id, b.node_id));
}

export async function rollupStepFeedback(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
  closed?: ClosedDays,
): Promise<StepFeedbackRowDto[]> {
  const votes = (row: NodeRow) => row.helpful_yes + row.helpful_no;
  const rows = await nodeSums(
    db,
    scope,
    window,
    closed,
    (row) => votes(row) > 0,
    (a, b) => a.helpful_yes / votes(a) - b.helpful_yes / votes(b) || votes(b) - votes(a),
  );
  return rows.map((row) => ({
    node_id: row.node_id,
    node_title: row.node_title ?? REMOVED_NODE_TITLE,
    step_id: row.step_id,
    helpful_yes: row.helpful_yes,
    helpful_no: row.helpful_no,
    helpful_rate: rate(row.helpful_yes, votes(row)),
  }));
}

export async function rollupDropOff(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
  closed?: ClosedDays,
): Promise<DropOffRowDto[]> {
  const rows = await nodeSums(
    db,
    scope,
    window,
    closed,
    (row) => row.unfinished > 0,
    (a, b) => b.unfinished - a.unfinished,
  );
  return rows.map((row) => ({
    node_id: row.node_id,
    node_title: row.node_title ?? REMOVED_NODE_TITLE,
    node_type: row.node_type,
    sessions: row.unfinished,
  }));
}

export async function rollupOutcomesByNode(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
  closed?: ClosedDays,
): Promise<OutcomesByNodeRowDto[]> {
  const rows = await nodeSums(
    db,
    scope,
    window,
    closed,
    (row) => row.ended > 0,
    (a, b) => b.ended - a.ended,
  );
  return rows.map((row) => ({
    node_id: row.node_id,
    node_title: row.node_title ?? REMOVED_NODE_TITLE,
    node_type: row.node_type,
    sessions: row.ended,
    resolved: row.resolved,
    escalated: row.escalated,
    workaround: row.workaround,
    unresolved: row.unresolved,
  }));
}
