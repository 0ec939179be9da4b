import { AnalyticsWindow } from '../../analytics-window';
import { TopFlowDto } from '../../dto/analytics-response.dto';
import { AnalyticsScope, SqlRunner } from '../sql';
import { queryRanked } from './ranked.query';

/** The 10 flows with the most sessions in the window (see queryRanked for the shape). */
export async function queryTopFlows(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
): Promise<TopFlowDto[]> {
  const rows = await queryRanked(db, scope, window, { key: 'tree_id', table: 'trees' });
  return rows.map(({ id, ...figures }) => ({ tree_id: id, ...figures }));
}
