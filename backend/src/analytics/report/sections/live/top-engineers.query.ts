import { AnalyticsWindow } from '../../analytics-window';
import { TopEngineerDto } from '../../dto/analytics-response.dto';
import { AnalyticsScope, SqlRunner } from '../sql';
import { queryRanked } from './ranked.query';

/** The 10 engineers with the most sessions in the window (see queryRanked for the shape). */
export async function queryTopEngineers(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
): Promise<TopEngineerDto[]> {
  const rows = await queryRanked(db, scope, window, { key: 'user_id', table: 'users' });
  return rows.map(({ id, ...figures }) => ({ user_id: id, ...figures }));
}
