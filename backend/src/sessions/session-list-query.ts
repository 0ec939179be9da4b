import { ForbiddenException, UnprocessableEntityException } from '@nestjs/common';

import { RollupSessionCountQuery } from '../analytics/report/session-counts.service';
import { AuthUser, isAdmin } from '../common/auth-user';
import { ListSessionsQueryDto, SessionSort } from './dto/list-sessions-query.dto';
import { SessionCursor, SessionListFilter, SessionOrder } from './sessions.repository';

/**
 * What a GET /sessions query asks for, turned into the repository's filter, order and cursor:
 * who may see what, and an opaque cursor that cannot put bad values into SQL.
 */

/**
 * Which sessions a list shows, from the caller's account. Engineers see their own sessions and
 * are refused (403) another engineer's or the whole account's; admins see their own too unless
 * they ask for all (or one engineer's), except a ticket lookup (external_ref), which searches
 * everything the caller may see.
 */
export function visibleSessions(
  caller: AuthUser,
  query: ListSessionsQueryDto,
  window?: { start: Date; end: Date },
): SessionListFilter {
  const admin = isAdmin(caller);
  if (!admin && query.all === 'true') throw new ForbiddenException('Only team admins can list all sessions (all=true)');
  if (!admin && query.user_id && query.user_id.toLowerCase() !== caller.id)
    throw new ForbiddenException('Only team admins can list another engineer’s sessions (user_id)');
  const everyone = admin && (query.all === 'true' || !!query.user_id || query.external_ref !== undefined);
  return {
    accountId: caller.accountId,
    userId: everyone ? query.user_id?.toLowerCase() : caller.id,
    treeId: query.tree_id?.toLowerCase(),
    externalRef: query.external_ref,
    status: query.status === undefined ? undefined : query.status === 'completed' ? 'completed' : 'active',
    outcomes: query.outcome?.split(',').map((outcome) => outcome.trim()),
    window,
    stoppedAtNodeId: query.stopped_at_node_id?.toLowerCase(),
    endedAtNodeId: query.ended_at_node_id?.toLowerCase(),
    visitedNodeId: query.visited_node_id?.toLowerCase(),
    voteNodeId: query.vote_node_id?.toLowerCase(),
    voteHelpful: query.vote === undefined ? undefined : query.vote === 'helpful',
    rating: query.rating,
    ratingMin: query.rating_min,
    ratingMax: query.rating_max,
    hasComment: query.has_comment === undefined ? undefined : query.has_comment === 'true',
    treeVersion: query.tree_version,
  };
}

/** The filters the analytics rollups count (SessionCountsService); a filter naming any other is counted over the rows. */
const ROLLUP_COUNTED = new Set<keyof SessionListFilter>([
  'accountId',
  'userId',
  'treeId',
  'status',
  'outcomes',
  'window',
  'stoppedAtNodeId',
  'endedAtNodeId',
  'rating',
  'ratingMin',
  'ratingMax',
]);

/** The filter as a rollup count's query, when it names only what the rollups keep. */
export function rollupCountable(filter: SessionListFilter): RollupSessionCountQuery | undefined {
  const named = (Object.keys(filter) as (keyof SessionListFilter)[]).filter((key) => filter[key] !== undefined);
  return named.every((key) => ROLLUP_COUNTED.has(key)) ? (filter as RollupSessionCountQuery) : undefined;
}

export function listOrder(sort: SessionSort = '-started_at'): SessionOrder {
  const descending = sort.startsWith('-');
  return { key: (descending ? sort.slice(1) : sort) as SessionOrder['key'], descending };
}

const CURSOR_MESSAGE = 'cursor must be a next_cursor of this list with the same sort';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The sort keys as PostgreSQL writes them as text (timestamptz, interval, smallint). */
const KEY_FORMS: Record<SessionOrder['key'], RegExp> = {
  started_at: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/,
  duration: /^(-?\d+ days? ?)?(-?\d{2,}:\d{2}:\d{2}(\.\d{1,6})?)?$/,
  rating: /^[1-5]$/,
};

export function encodeCursor(sort: SessionSort, cursor: SessionCursor): string {
  return Buffer.from(JSON.stringify([sort, cursor.key, cursor.id])).toString('base64url');
}

/** The cursor a next_cursor holds; 422 for anything else, or one made under another sort. */
export function decodeCursor(sort: SessionSort, value: string): SessionCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw new UnprocessableEntityException([CURSOR_MESSAGE]);
  }
  const order = listOrder(sort);
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== sort ||
    typeof parsed[2] !== 'string' ||
    !UUID.test(parsed[2]) ||
    !(
      (parsed[1] === null && order.key !== 'started_at') ||
      (typeof parsed[1] === 'string' && parsed[1] !== '' && KEY_FORMS[order.key].test(parsed[1]))
    )
  )
    throw new UnprocessableEntityException([CURSOR_MESSAGE]);
  return { key: parsed[1] as string | null, id: parsed[2] };
}
