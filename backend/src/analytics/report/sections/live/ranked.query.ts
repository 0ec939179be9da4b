import { AnalyticsWindow } from '../../analytics-window';
import { RankedFiguresDto } from '../../dto/analytics-response.dto';
import { averageMinutes, averageOrNull, rate } from '../analytics-math';
import { AnalyticsScope, DURATION_SECONDS, scopeWhere, SqlParams, SqlRunner } from '../sql';

export const TOP_LIMIT = 10;

interface Dimension {
  /** Column of sessions and session_ratings that is grouped by. */
  key: 'tree_id' | 'user_id';
  /** Table holding the name; it carries account_id too. */
  table: 'trees' | 'users';
}

interface RankedRow {
  id: string;
  name: string;
  sessions: number;
  completed: number;
  duration_seconds: number;
  ratings: number;
  rating_sum: number;
}

/**
 * Top 10 flows or engineers of the window by sessions, then name.
 *
 * Why this shape: sessions are grouped straight off the (account_id, started_at) range, the
 * names are joined only to the groups (tenant-checked by account_id), the top 10 are cut
 * before ratings are read, and ratings are then read for those 10 keys only — by their own
 * created_at, like everywhere else. Counts and sums only; averages are derived in JS.
 */
export async function queryRanked(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
  dimension: Dimension,
): Promise<(RankedFiguresDto & { id: string })[]> {
  const p = new SqlParams();
  const from = p.add(window.start);
  const to = p.add(window.end);
  const account = p.add(scope.accountId);
  const sessionsWhere = scopeWhere('s', scope, p);
  const ratingsWhere = scopeWhere('r', scope, p);
  const { key, table } = dimension;

  const rows: RankedRow[] = await db.query(
    `
    WITH grouped AS (
      SELECT s.${key} AS id,
             count(*)::int AS sessions,
             count(*) FILTER (WHERE s.completed_at IS NOT NULL)::int AS completed,
             coalesce(sum(${DURATION_SECONDS}), 0)::float8 AS duration_seconds
        FROM sessions s
       WHERE ${sessionsWhere} AND s.started_at >= ${from} AND s.started_at < ${to}
       GROUP BY s.${key}
    ), top AS (
      SELECT g.*, n.name
        FROM grouped g
        JOIN ${table} n ON n.id = g.id AND n.account_id = ${account}
       ORDER BY g.sessions DESC, n.name, g.id
       LIMIT ${TOP_LIMIT}
    ), ratings AS (
      SELECT r.${key} AS id, count(*)::int AS ratings, sum(r.rating)::int AS rating_sum
        FROM session_ratings r
       WHERE ${ratingsWhere} AND r.${key} IN (SELECT id FROM top)
         AND r.created_at >= ${from} AND r.created_at < ${to}
       GROUP BY r.${key}
    )
    SELECT top.id, top.name, top.sessions, top.completed, top.duration_seconds,
           coalesce(ratings.ratings, 0) AS ratings, coalesce(ratings.rating_sum, 0) AS rating_sum
      FROM top
      LEFT JOIN ratings USING (id)
     ORDER BY top.sessions DESC, top.name, top.id`,
    p.values,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    sessions: row.sessions,
    completed_sessions: row.completed,
    completion_rate: rate(row.completed, row.sessions),
    avg_duration_minutes: averageMinutes(row.duration_seconds, row.completed),
    rating_count: row.ratings,
    avg_csat: averageOrNull(row.rating_sum, row.ratings),
  }));
}
