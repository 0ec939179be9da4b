import { FlowVersionRowDto } from '../../dto/analytics-response.dto';
import { averageMinutes, averageOrNull, minutes, rate } from '../analytics-math';
import { DURATION_SECONDS, SqlRunner } from '../sql';

interface VersionRow {
  version: number | null;
  first_session_at: Date;
  total: number;
  completed: number;
  duration_seconds: number;
  median_seconds: number | null;
  ratings: number;
  rating_sum: number;
  satisfied: number;
}

export interface FlowVersions {
  versions: FlowVersionRowDto[];
  /** Sessions whose version is not recorded (tree_version NULL). */
  unknown: number;
}

/**
 * A flow's figures per version its sessions started on, all time: one pass over the flow's
 * sessions off (account_id, tree_id, started_at), one over its ratings joined to their session
 * by primary key for the version. The figures are the summary's (summary.query.ts, toFigures),
 * except that ratings count with the session they rate, whenever given. Sessions of an unknown
 * version (NULL) come back as one count.
 */
export async function queryFlowVersions(db: SqlRunner, accountId: string, treeId: string): Promise<FlowVersions> {
  const rows: VersionRow[] = await db.query(
    `
    WITH by_version AS (
      SELECT s.tree_version AS version, min(s.started_at) AS first_session_at,
             count(*)::int AS total,
             count(*) FILTER (WHERE s.completed_at IS NOT NULL)::int AS completed,
             coalesce(sum(${DURATION_SECONDS}), 0)::float8 AS duration_seconds,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DURATION_SECONDS}) AS median_seconds
        FROM sessions s
       WHERE s.account_id = $1 AND s.tree_id = $2
       GROUP BY s.tree_version
    ), ratings_by_version AS (
      SELECT s.tree_version AS version, count(*)::int AS ratings, sum(r.rating)::int AS rating_sum,
             count(*) FILTER (WHERE r.rating >= 4)::int AS satisfied
        FROM session_ratings r
        JOIN sessions s ON s.account_id = r.account_id AND s.id = r.session_id
       WHERE r.account_id = $1 AND r.tree_id = $2
       GROUP BY s.tree_version
    )
    SELECT v.version, v.first_session_at, v.total, v.completed, v.duration_seconds, v.median_seconds,
           coalesce(r.ratings, 0) AS ratings, coalesce(r.rating_sum, 0) AS rating_sum,
           coalesce(r.satisfied, 0) AS satisfied
      FROM by_version v
      LEFT JOIN ratings_by_version r ON r.version IS NOT DISTINCT FROM v.version
     ORDER BY v.version DESC NULLS LAST`,
    [accountId, treeId],
  );
  return {
    versions: rows.filter((row) => row.version !== null).map(toVersionRow),
    unknown: rows.find((row) => row.version === null)?.total ?? 0,
  };
}

function toVersionRow(row: VersionRow): FlowVersionRowDto {
  return {
    version: row.version as number,
    first_session_at: new Date(row.first_session_at).toISOString(),
    sessions: row.total,
    completed_sessions: row.completed,
    completion_rate: rate(row.completed, row.total),
    avg_duration_minutes: averageMinutes(row.duration_seconds, row.completed),
    median_duration_minutes: minutes(row.median_seconds),
    avg_csat: averageOrNull(row.rating_sum, row.ratings),
    csat_score: row.ratings > 0 ? rate(row.satisfied, row.ratings) : null,
    ratings: row.ratings,
  };
}
