import { AnalyticsWindow } from '../../analytics-window';
import { SummaryDto, SummaryFiguresDto } from '../../dto/analytics-response.dto';
import { averageMinutes, averageOrNull, minutes, rate } from '../analytics-math';
import {
  AnalyticsScope,
  DURATION_SECONDS,
  OUTCOME_COUNTS,
  OutcomeCounts,
  outcomeCounts,
  scopeWhere,
  SqlParams,
  SqlRunner,
} from '../sql';

export interface SummaryRow extends OutcomeCounts {
  which: 'current' | 'previous';
  total: number;
  completed: number;
  duration_seconds: number;
  median_seconds: number | null;
  ratings: number;
  rating_sum: number;
  satisfied: number;
}

/**
 * Summary of the window and of the window before it, in one statement.
 *
 * Why this shape: both windows are one contiguous UTC range [previousStart, end) on
 * (account_id, started_at) — or (account_id, user_id | tree_id, started_at) when filtered —
 * so each table is read once, and `which` splits the rows into the two windows in that one
 * pass (GROUP BY + FILTER), instead of four round trips. Only counts and sums leave the
 * database (plus the median, which no sum can give), so a daily rollup can later answer the
 * same columns exactly. Ratings count by their own created_at, sessions by started_at.
 */
export async function querySummary(db: SqlRunner, scope: AnalyticsScope, window: AnalyticsWindow): Promise<SummaryDto> {
  const p = new SqlParams();
  const from = p.add(window.previousStart);
  const split = p.add(window.start);
  const to = p.add(window.end);
  const sessionsWhere = scopeWhere('s', scope, p);
  const ratingsWhere = scopeWhere('r', scope, p);

  const rows: SummaryRow[] = await db.query(
    `
    WITH sessions_by_window AS (
      SELECT CASE WHEN s.started_at >= ${split} THEN 'current' ELSE 'previous' END AS which,
             count(*)::int AS total,
             count(*) FILTER (WHERE s.completed_at IS NOT NULL)::int AS completed,
             ${OUTCOME_COUNTS},
             coalesce(sum(${DURATION_SECONDS}), 0)::float8 AS duration_seconds,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DURATION_SECONDS}) AS median_seconds
        FROM sessions s
       WHERE ${sessionsWhere} AND s.started_at >= ${from} AND s.started_at < ${to}
       GROUP BY 1
    ), ratings_by_window AS (
      SELECT CASE WHEN r.created_at >= ${split} THEN 'current' ELSE 'previous' END AS which,
             count(*)::int AS ratings,
             sum(r.rating)::int AS rating_sum,
             count(*) FILTER (WHERE r.rating >= 4)::int AS satisfied
        FROM session_ratings r
       WHERE ${ratingsWhere} AND r.created_at >= ${from} AND r.created_at < ${to}
       GROUP BY 1
    )
    SELECT w.which,
           coalesce(s.total, 0) AS total, coalesce(s.completed, 0) AS completed,
           coalesce(s.resolved, 0) AS resolved, coalesce(s.escalated, 0) AS escalated,
           coalesce(s.workaround, 0) AS workaround, coalesce(s.unresolved, 0) AS unresolved,
           coalesce(s.duration_seconds, 0) AS duration_seconds, s.median_seconds,
           coalesce(r.ratings, 0) AS ratings, coalesce(r.rating_sum, 0) AS rating_sum,
           coalesce(r.satisfied, 0) AS satisfied
      FROM (VALUES ('current'), ('previous')) AS w(which)
      LEFT JOIN sessions_by_window s USING (which)
      LEFT JOIN ratings_by_window r USING (which)`,
    p.values,
  );
  const figures = (which: SummaryRow['which']) => toFigures(rows.find((row) => row.which === which) as SummaryRow);
  return { ...figures('current'), previous: figures('previous') };
}

export function toFigures(row: SummaryRow): SummaryFiguresDto {
  return {
    total_sessions: row.total,
    completed_sessions: row.completed,
    completion_rate: rate(row.completed, row.total),
    avg_duration_minutes: averageMinutes(row.duration_seconds, row.completed),
    median_duration_minutes: minutes(row.median_seconds),
    outcome_breakdown: outcomeCounts(row),
    rating_count: row.ratings,
    avg_csat: averageOrNull(row.rating_sum, row.ratings),
    csat_score: row.ratings > 0 ? rate(row.satisfied, row.ratings) : null,
    response_rate: Math.min(1, rate(row.ratings, row.completed)),
  };
}
