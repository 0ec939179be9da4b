/**
 * How many sessions a sessions-list filter matches, from the rollups: the list's `total` for the
 * filters an analytics figure drills into (window, engineer, flow, status, outcomes, the node a
 * session stopped or ended at, a rating score). A count over the raw rows grows with the matches (323,390 in a
 * 30-day window of the 1M-session account: ≈ 65 ms; every session an engineer ever started, for
 * "My sessions"); the rollups answer from a few hundred rows whatever the volume, and are the
 * figure the drill-down came from, so the two agree by construction.
 */
import { OUTCOMES } from '../../../../sessions/session.entity';
import { ClosedDays } from '../../closed-days';
import { AnalyticsScope, SqlParams, SqlRunner } from '../sql';
import { HOUR_MS, journalOf, levelWhere, NODES, SESSIONS, totals } from './rollup-reads';

/** The filters a rollup count can answer; anything else is counted over the raw rows. */
export interface RollupSessionCountQuery {
  accountId: string;
  userId?: string;
  treeId?: string;
  /** active: not completed. */
  status?: 'active' | 'completed';
  /** Completed with one of these outcomes. */
  outcomes?: string[];
  /** Sessions started in [start, end); all of them without. */
  window?: { start: Date; end: Date };
  /** Unfinished sessions now at this node. */
  stoppedAtNodeId?: string;
  /** Completed sessions that ended at this node. */
  endedAtNodeId?: string;
  /** Rated this score, at least, at most: the window then bounds the rating's time (a CSAT bar). */
  rating?: number;
  ratingMin?: number;
  ratingMax?: number;
}

/** "All time" for a list without a window: whole UTC days on both sides, wider than any session's start. */
const ALL_TIME = { start: new Date('1970-01-01T00:00:00Z'), end: new Date('9999-01-01T00:00:00Z') };
const OUTCOME_COUNTERS = new Set<string>(OUTCOMES);

/**
 * The count, or undefined when the rollups cannot answer it: a window whose edges are not whole
 * UTC hours (zones at :30/:45 offsets), or a node filter with an engineer (the node rollup has
 * no engineer level). Filters that contradict each other count 0, as the rows' own check
 * (completed_at IS NULL exactly when outcome IS NULL) makes the raw count.
 */
export async function rollupSessionCount(
  db: SqlRunner,
  query: RollupSessionCountQuery & Pick<AnalyticsScope, 'folded'>,
  closed?: ClosedDays,
): Promise<number | undefined> {
  const { start, end } = query.window ?? ALL_TIME;
  if (start.getTime() % HOUR_MS !== 0 || end.getTime() % HOUR_MS !== 0) return undefined;
  const outcomes = query.outcomes && [...new Set(query.outcomes)];
  if (outcomes?.some((outcome) => !OUTCOME_COUNTERS.has(outcome))) return undefined;
  const byOutcome = (sums: Record<string, number>) =>
    (outcomes as string[]).reduce((sum, outcome) => sum + sums[outcome], 0);
  const journal = journalOf({ accountId: query.accountId, folded: query.folded });

  const rated = query.rating !== undefined || query.ratingMin !== undefined || query.ratingMax !== undefined;
  const node = query.stoppedAtNodeId ?? query.endedAtNodeId;
  if (node !== undefined) {
    const stopped = query.stoppedAtNodeId !== undefined;
    if (query.userId || rated) return undefined;
    if (query.stoppedAtNodeId && query.endedAtNodeId) return 0;
    if (stopped ? query.status === 'completed' || outcomes : query.status === 'active') return 0;
    // As the list: the node's flow, read now (a deleted node matches nothing), and the flow filter if any.
    const [row] = (await db.query(`SELECT tree_id FROM tree_nodes WHERE account_id = $1 AND id = $2`, [
      query.accountId,
      node,
    ])) as { tree_id: string }[];
    if (!row || (query.treeId !== undefined && row.tree_id !== query.treeId)) return 0;
    const where = (p: SqlParams) =>
      `r.account_id = ${p.add(query.accountId)} AND r.tree_id = ${p.add(row.tree_id)} AND r.node_id = ${p.add(node)}`;
    const sums = await totals(db, { family: NODES, where, groupBy: [], journal }, start, end, closed);
    return stopped ? sums.unfinished : outcomes ? byOutcome(sums) : sums.ended;
  }

  if (rated) {
    // Only finished sessions are rated, by their engineer, once: the session level counts each
    // rating by its own time, per score (r1 … r5), as the list matches ratings in the window.
    if (outcomes) return undefined;
    if (query.status === 'active') return 0;
    const scores = [1, 2, 3, 4, 5].filter(
      (score) =>
        (query.rating === undefined || score === query.rating) &&
        (query.ratingMin === undefined || score >= query.ratingMin) &&
        (query.ratingMax === undefined || score <= query.ratingMax),
    );
    const where = (p: SqlParams) =>
      levelWhere({ accountId: query.accountId, userId: query.userId, treeId: query.treeId }, p);
    const sums = await totals(db, { family: SESSIONS, where, groupBy: [], journal }, start, end, closed);
    return scores.reduce((sum, score) => sum + sums[`r${score}`], 0);
  }

  if (query.status === 'active' && outcomes) return 0;
  // The (engineer or all, flow or all) level, every stripe of it.
  const where = (p: SqlParams) =>
    levelWhere({ accountId: query.accountId, userId: query.userId, treeId: query.treeId }, p);
  const sums = await totals(db, { family: SESSIONS, where, groupBy: [], journal }, start, end, closed);
  if (outcomes) return byOutcome(sums);
  if (query.status === 'completed') return sums.completed;
  return query.status === 'active' ? sums.sessions - sums.completed : sums.sessions;
}
