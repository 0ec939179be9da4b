/** The CSAT distribution from the rollups: the window's count of each score. */
import { AnalyticsWindow } from '../../analytics-window';
import { ClosedDays } from '../../closed-days';
import { CsatDistributionDto } from '../../dto/analytics-response.dto';
import { AnalyticsScope, SqlRunner } from '../sql';
import { journalOf, levelWhere, SESSIONS, totals } from './rollup-reads';

export async function rollupCsatDistribution(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
  closed?: ClosedDays,
): Promise<CsatDistributionDto> {
  const sums = await totals(
    db,
    { family: SESSIONS, where: (p) => levelWhere(scope, p), groupBy: [], journal: journalOf(scope) },
    window.start,
    window.end,
    closed,
  );
  return { '1': sums.r1, '2': sums.r2, '3': sums.r3, '4': sums.r4, '5': sums.r5 };
}
