import { AnalyticsWindow } from '../../analytics-window';
import { RecentCommentDto } from '../../dto/analytics-response.dto';
import { AnalyticsScope, scopeWhere, SqlParams, SqlRunner } from '../sql';

export const RECENT_COMMENTS_LIMIT = 10;

/**
 * The newest ratings with a comment given in the window.
 *
 * Why this shape: newest-first off the ratings of the scope in the window's UTC range, cut at
 * 10 in SQL. When the reader may not see who wrote them, the name is not even selected:
 * it never leaves the database, so no later mapping can leak it.
 */
export async function queryRecentComments(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
  options: { withNames: boolean },
): Promise<RecentCommentDto[]> {
  const p = new SqlParams();
  const where = scopeWhere('r', scope, p);
  const names = options.withNames
    ? { column: 'u.name', join: `LEFT JOIN users u ON u.id = r.user_id AND u.account_id = ${p.add(scope.accountId)}` }
    : { column: 'NULL::text', join: '' };
  const rows: { session_id: string; rating: number; comment: string; user_name: string | null; created_at: Date }[] =
    await db.query(
      `
    SELECT r.session_id, r.rating, r.comment, ${names.column} AS user_name, r.created_at
      FROM session_ratings r
      ${names.join}
     WHERE ${where} AND r.created_at >= ${p.add(window.start)} AND r.created_at < ${p.add(window.end)}
       AND r.comment IS NOT NULL AND r.comment <> ''
     ORDER BY r.created_at DESC, r.id DESC
     LIMIT ${RECENT_COMMENTS_LIMIT}`,
      p.values,
    );
  return rows.map((row) => ({
    session_id: row.session_id,
    rating: row.rating,
    comment: row.comment,
    user_name: row.user_name,
    created_at: new Date(row.created_at).toISOString(),
  }));
}
