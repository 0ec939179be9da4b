/** Top flows and top engineers from the rollups. */
import { ZERO_UUID } from '../../../rollup/rollup-schema';
import { AnalyticsWindow } from '../../analytics-window';
import { ClosedDays } from '../../closed-days';
import { RankedFiguresDto } from '../../dto/analytics-response.dto';
import { averageMinutes, averageOrNull, rate } from '../analytics-math';
import { TOP_LIMIT } from '../live/ranked.query';
import { AnalyticsScope, SqlParams, SqlRunner } from '../sql';
import { groupedSums, journalOf, nameOrder, sessionFigures, SESSIONS } from './rollup-reads';

/** Top 10 flows or engineers: per-key sums of the (engineer, flow) or (engineer, all) levels. */
export async function rollupRanked(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
  key: 'tree_id' | 'user_id',
  closed?: ClosedDays,
): Promise<(RankedFiguresDto & { id: string })[]> {
  // Flows: the scope's engineer (or all) × every real flow. Engineers: every real engineer × all flows.
  const where = (p: SqlParams) =>
    key === 'tree_id'
      ? `r.account_id = ${p.add(scope.accountId)} AND r.user_id = ${p.add(scope.userId ?? ZERO_UUID)} AND r.tree_id <> ${p.add(ZERO_UUID)}`
      : `r.account_id = ${p.add(scope.accountId)} AND r.tree_id = ${p.add(ZERO_UUID)} AND ${scope.userId ? `r.user_id = ${p.add(scope.userId)}` : `r.user_id <> ${p.add(ZERO_UUID)}`}`;
  const [sums, names] = await Promise.all([
    groupedSums(
      db,
      { family: SESSIONS, where, groupBy: [key], journal: journalOf(scope) },
      window.start,
      window.end,
      closed,
    ),
    nameOrder(db, key === 'tree_id' ? 'trees' : 'users', scope.accountId),
  ]);
  // As ORDER BY total DESC, name, id LIMIT 10 over the named ids with sessions.
  const ranked = [...sums]
    .map(([id, counters]) => ({ id, ...sessionFigures(counters), named: names.get(id) }))
    .filter((row) => row.total > 0 && row.named)
    .sort((a, b) => b.total - a.total || (a.named?.rank ?? 0) - (b.named?.rank ?? 0))
    .slice(0, TOP_LIMIT);
  return ranked.map((row) => ({
    id: row.id,
    name: row.named?.name as string,
    sessions: row.total,
    completed_sessions: row.completed,
    completion_rate: rate(row.completed, row.total),
    avg_duration_minutes: averageMinutes(row.duration_seconds, row.completed),
    rating_count: row.ratings,
    avg_csat: averageOrNull(row.rating_sum, row.ratings),
  }));
}
