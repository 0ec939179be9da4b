import { AnalyticsWindow } from '../../analytics-window';
import { CsatDistributionDto } from '../../dto/analytics-response.dto';
import { AnalyticsScope, scopeWhere, SqlParams, SqlRunner } from '../sql';

/**
 * How many ratings of each score were given in the window.
 *
 * Why this shape: one pass over the scope's ratings in the UTC range of the window, with a
 * FILTER per score, so the five counts come back as one row (always one row, zeros included).
 */
export async function queryCsatDistribution(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
): Promise<CsatDistributionDto> {
  const p = new SqlParams();
  const where = scopeWhere('r', scope, p);
  const [row]: { s1: number; s2: number; s3: number; s4: number; s5: number }[] = await db.query(
    `
    SELECT count(*) FILTER (WHERE r.rating = 1)::int AS s1,
           count(*) FILTER (WHERE r.rating = 2)::int AS s2,
           count(*) FILTER (WHERE r.rating = 3)::int AS s3,
           count(*) FILTER (WHERE r.rating = 4)::int AS s4,
           count(*) FILTER (WHERE r.rating = 5)::int AS s5
      FROM session_ratings r
     WHERE ${where} AND r.created_at >= ${p.add(window.start)} AND r.created_at < ${p.add(window.end)}`,
    p.values,
  );
  return { '1': row.s1, '2': row.s2, '3': row.s3, '4': row.s4, '5': row.s5 };
}
