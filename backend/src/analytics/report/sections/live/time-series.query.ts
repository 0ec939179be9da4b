import { AnalyticsWindow } from '../../analytics-window';
import { TimeSeriesPointDto } from '../../dto/analytics-response.dto';
import { averageOrNull } from '../analytics-math';
import { AnalyticsScope, OUTCOME_COUNTS, OutcomeCounts, outcomeCounts, scopeWhere, SqlParams, SqlRunner } from '../sql';

interface PointRow extends OutcomeCounts {
  date: string;
  sessions: number;
  completed: number;
  ratings: number;
  rating_sum: number;
}

/**
 * One point per local day of the window, zero-filled.
 *
 * Why this shape: the days come from generate_series over the window's local dates, so a
 * day without sessions still has its point. Sessions and ratings are first narrowed by the
 * window's UTC instants (an index range on account_id + time, which a daily rollup keyed by
 * (account_id, day) can later replace) and only then bucketed by their local date in tz,
 * `(started_at AT TIME ZONE tz)::date`; the window's instants are that date's midnights, so
 * every row in the range lands on one of the generated days.
 */
export async function queryTimeSeries(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
): Promise<TimeSeriesPointDto[]> {
  const p = new SqlParams();
  const firstDay = p.add(window.from);
  const dayCount = p.add(window.days.length);
  const tz = p.add(window.tz);
  const from = p.add(window.start);
  const to = p.add(window.end);
  const sessionsWhere = scopeWhere('s', scope, p);
  const ratingsWhere = scopeWhere('r', scope, p);

  const rows: PointRow[] = await db.query(
    `
    WITH days AS (
      SELECT ${firstDay}::date + i AS day FROM generate_series(0, ${dayCount}::int - 1) AS i
    ), sessions_by_day AS (
      SELECT (s.started_at AT TIME ZONE ${tz})::date AS day,
             count(*)::int AS sessions,
             count(*) FILTER (WHERE s.completed_at IS NOT NULL)::int AS completed,
             ${OUTCOME_COUNTS}
        FROM sessions s
       WHERE ${sessionsWhere} AND s.started_at >= ${from} AND s.started_at < ${to}
       GROUP BY 1
    ), ratings_by_day AS (
      SELECT (r.created_at AT TIME ZONE ${tz})::date AS day, count(*)::int AS ratings, sum(r.rating)::int AS rating_sum
        FROM session_ratings r
       WHERE ${ratingsWhere} AND r.created_at >= ${from} AND r.created_at < ${to}
       GROUP BY 1
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS date,
           coalesce(s.sessions, 0) AS sessions, coalesce(s.completed, 0) AS completed,
           coalesce(s.resolved, 0) AS resolved, coalesce(s.escalated, 0) AS escalated,
           coalesce(s.workaround, 0) AS workaround, coalesce(s.unresolved, 0) AS unresolved,
           coalesce(r.ratings, 0) AS ratings, coalesce(r.rating_sum, 0) AS rating_sum
      FROM days d
      LEFT JOIN sessions_by_day s USING (day)
      LEFT JOIN ratings_by_day r USING (day)
     ORDER BY d.day`,
    p.values,
  );
  return rows.map((row) => ({
    date: row.date,
    sessions: row.sessions,
    completed: row.completed,
    ...outcomeCounts(row),
    rating_count: row.ratings,
    avg_csat: averageOrNull(row.rating_sum, row.ratings),
  }));
}
