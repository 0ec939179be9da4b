/**
 * Time per node from the node time histograms (rollup-schema.ts, nodeTimeFacts), with the same
 * figures as live/node-times.query.ts: per node, the answers (visits) and percentile_cont 0.5 and
 * 0.9 of their whole seconds, 1 decimal. The window's per-minute counts of the flow's nodes (a
 * few thousand rows, however many sessions) give the visits and the minutes each percentile falls
 * in; only those minutes are then read per second (histogram-median.ts).
 */
import { AnalyticsWindow } from '../../analytics-window';
import { ClosedDays } from '../../closed-days';
import { NodeTimeRowDto } from '../../dto/analytics-response.dto';
import { AnalyticsScope, REMOVED_NODE_TITLE, SqlParams, SqlRunner } from '../sql';
import { flowNodes } from './flow-nodes';
import { Middle, ranksOf, roundedAsNumeric, valueAtMiddle } from './histogram-median';
import { groupedSums, histogramBins, journalOf, NODE_MINUTES, NODE_SECONDS } from './rollup-reads';

const PERCENTILES = [0.5, 0.9] as const;

export async function rollupNodeTimes(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
  closed?: ClosedDays,
): Promise<NodeTimeRowDto[]> {
  const flow = (p: SqlParams) => `r.account_id = ${p.add(scope.accountId)} AND r.tree_id = ${p.add(scope.treeId)}`;
  const journal = journalOf(scope);
  const [minutes, nodes] = await Promise.all([
    groupedSums(
      db,
      { family: NODE_MINUTES, where: flow, groupBy: ['node_id', 'minute'], journal },
      window.start,
      window.end,
      closed,
    ),
    // Read once per report with the other node tables.
    flowNodes(db, scope),
  ]);

  // Each node's minute bins, ascending.
  const binsOf = new Map<string, [number, number][]>();
  for (const [key, { n }] of minutes) {
    if (n === 0) continue;
    const [nodeId, minute] = key.split('\u0000');
    const bins = binsOf.get(nodeId) ?? [];
    bins.push([Number(minute), n]);
    binsOf.set(nodeId, bins);
  }
  const rows = await Promise.all(
    [...binsOf].map(async ([nodeId, bins]) => {
      bins.sort((a, b) => a[0] - b[0]);
      const [median, p90] = await Promise.all(
        PERCENTILES.map((percentile) =>
          percentileOf(db, scope, window, closed, journal, nodeId, ranksOf(bins, percentile)),
        ),
      );
      return { nodeId, visits: bins.reduce((sum, [, n]) => sum + n, 0), median, p90 };
    }),
  );

  return rows
    .sort((a, b) => b.visits - a.visits || nodes.byTitle(a.nodeId, b.nodeId))
    .map(({ nodeId, visits, median, p90 }) => ({
      node_id: nodeId,
      node_title: nodes.get(nodeId)?.title ?? REMOVED_NODE_TITLE,
      type: nodes.get(nodeId)?.type ?? null,
      visits,
      median_seconds: roundedAsNumeric(median),
      p90_seconds: roundedAsNumeric(p90),
    }));
}

/** A percentile of one node's seconds: the seconds of the minutes holding its ranks, read alone. */
async function percentileOf(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
  closed: ClosedDays | undefined,
  journal: string | undefined,
  nodeId: string,
  ranks: Middle | null,
): Promise<number> {
  if (!ranks) throw new Error(`node ${nodeId} has minute bins but no ranks`);
  const where = (p: SqlParams) =>
    `r.account_id = ${p.add(scope.accountId)} AND r.tree_id = ${p.add(scope.treeId)} AND r.node_id = ${p.add(nodeId)}` +
    ` AND r.second >= ${p.add(ranks.first * 60)} AND r.second < ${p.add(ranks.last * 60 + 60)}`;
  const seconds = histogramBins(
    await groupedSums(
      db,
      { family: NODE_SECONDS, where, groupBy: ['second'], journal },
      window.start,
      window.end,
      closed,
    ),
  );
  const value = valueAtMiddle(seconds, ranks);
  if (value === null)
    throw new Error(`node ${nodeId}: the seconds of minutes ${ranks.first}–${ranks.last} miss its ranks`);
  return value;
}
