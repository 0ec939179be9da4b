import { randomUUID } from 'node:crypto';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';

import { AnalyticsContextService } from '../analytics/report/analytics-context.service';
import { SessionCountsService } from '../analytics/report/session-counts.service';
import { AuthUser, isAdmin } from '../common/auth-user';
import { ListSessionsQueryDto } from './dto/list-sessions-query.dto';
import { CompleteSessionDto, DecisionDto } from './dto/session-body.dto';
import { SessionPageDto, SessionResponseDto, SessionSummaryDto } from './dto/session-response.dto';
import { decodeCursor, encodeCursor, listOrder, rollupCountable, visibleSessions } from './session-list-query';
import {
  SessionDetailRow,
  SessionListFilter,
  SessionProgressRow,
  SessionRow,
  SessionsRepository,
  SessionTicket,
} from './sessions.repository';

export type { SessionTicket } from './sessions.repository';

const NOT_THE_ENGINEER = 'Only the session’s engineer can do this';
/**
 * A session's path grows by one entry per answer; a flow may loop ("try again"), so without a cap
 * one session could grow its row (and every read of it) without bound.
 */
export const MAX_PATH_STEPS = 200;
const ALREADY_COMPLETED = 'This session is already completed';

/**
 * The rules of running a session: who may start, read, drive and finish one, and what the API
 * answers. Every statement is SessionsRepository's.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly windows: AnalyticsContextService,
    private readonly counts: SessionCountsService,
  ) {}

  /** Starts a session on a published flow; the flow's use is counted in the same statement. */
  async start(caller: AuthUser, treeId: string, ticket: SessionTicket): Promise<SessionResponseDto> {
    const row = await this.sessions.start({
      accountId: caller.accountId,
      userId: caller.id,
      treeId,
      id: randomUUID(),
      ticket,
    });
    if (!row?.id) {
      if (!row?.tree_status || (row.tree_status === 'draft' && !isAdmin(caller)))
        throw new NotFoundException('Flow not found');
      throw new BadRequestException(`Only published flows can be run; this one is ${row.tree_status}`);
    }
    return toDetail(row as SessionDetailRow);
  }

  /** A page of the filtered list and the exact number of matches; after `cursor`, or from `offset`. */
  async list(caller: AuthUser, query: ListSessionsQueryDto): Promise<SessionPageDto> {
    if (query.cursor !== undefined && query.offset !== undefined)
      throw new UnprocessableEntityException(['offset cannot be combined with cursor']);
    const sort = query.sort ?? '-started_at';
    const cursor = query.cursor === undefined ? undefined : decodeCursor(sort, query.cursor);
    const filter = await this.filter(caller, query);
    const limit = query.limit ?? 50;
    const [rows, total] = await Promise.all([
      this.sessions.page(filter, listOrder(sort), { limit, offset: query.offset, cursor }),
      this.total(filter),
    ]);
    const more = rows.length > limit;
    if (more) rows.pop();
    const last = rows[rows.length - 1];
    return {
      items: rows.map(toSummary),
      total,
      next_cursor: more && last ? encodeCursor(sort, { key: last.sort_key, id: last.id }) : null,
    };
  }

  /**
   * The exact number of matches: from the analytics rollups when they keep it (the figure a
   * drill-down comes from, read from a few hundred rows however many sessions match), else
   * counted over the sessions.
   */
  private async total(filter: SessionListFilter): Promise<number> {
    const countable = rollupCountable(filter);
    return (countable && (await this.counts.count(countable))) ?? this.sessions.count(filter);
  }

  /** Every session the list's filters match (not a page), in the list's order, in slices. */
  async *listAll(caller: AuthUser, query: ListSessionsQueryDto, slice = 5000): AsyncGenerator<SessionSummaryDto[]> {
    const filter = await this.filter(caller, query);
    for await (const rows of this.sessions.all(filter, listOrder(query.sort), slice)) yield rows.map(toSummary);
  }

  /** The caller's filter, with the window analytics would count for the same period or dates and tz. */
  private async filter(caller: AuthUser, query: ListSessionsQueryDto): Promise<SessionListFilter> {
    const visible = visibleSessions(caller, query);
    if (query.period === undefined && query.from === undefined) return visible;
    const db = this.sessions.runner;
    const window = await this.windows.window(db, query, await this.sessions.accountTimezone(caller.accountId));
    return { ...visible, window: { start: window.start, end: window.end } };
  }

  /** The session's engineer and the account's admins may read it; one statement with the nodes it shows. */
  async get(caller: AuthUser, id: string): Promise<SessionResponseDto> {
    const row = await this.sessions.findDetail(caller.accountId, id);
    if (!row) throw new NotFoundException('Session not found');
    if (row.user_id !== caller.id && !isAdmin(caller))
      throw new ForbiddenException('This is another engineer’s session');
    return toDetail(row);
  }

  /** Moves along the chosen option. The row lock makes concurrent answers to one node apply once. */
  async decide(caller: AuthUser, id: string, dto: DecisionDto): Promise<SessionResponseDto> {
    return this.changeOwn(caller, id, async (session, db) => {
      if (session.path.length >= MAX_PATH_STEPS) {
        throw new ConflictException(
          `This session has taken ${MAX_PATH_STEPS} steps, the most one session may (the flow loops); go back or finish it`,
        );
      }
      if (session.current_node_id !== dto.node_id.toLowerCase()) {
        throw new ConflictException('That node is no longer the current step of this session; reload it');
      }
      const options = await db.nodeOptions(session.current_node_id);
      const option = options?.find((o) => o.id === dto.option_id.toLowerCase());
      if (!option) throw new UnprocessableEntityException('option_id must be one of the current node’s options');
      return {
        path: [
          ...session.path,
          { node_id: session.current_node_id, option_id: option.id, at: new Date().toISOString() },
        ],
        current_node_id: option.next_node_id,
      };
    });
  }

  async back(caller: AuthUser, id: string): Promise<SessionResponseDto> {
    return this.changeOwn(caller, id, async (session) => {
      const last = session.path[session.path.length - 1];
      if (!last) throw new ConflictException('There is no earlier step to go back to');
      return { path: session.path.slice(0, -1), current_node_id: last.node_id };
    });
  }

  /** Finishes the caller's own running session; of two concurrent completions the second gets 409. */
  async complete(caller: AuthUser, id: string, dto: CompleteSessionDto): Promise<SessionResponseDto> {
    const row = await this.sessions.complete({
      accountId: caller.accountId,
      userId: caller.id,
      id,
      outcome: dto.outcome,
      notes: dto.notes?.trim() || null,
    });
    if (!row?.owner_id) throw new NotFoundException('Session not found');
    if (row.owner_id !== caller.id) throw new ForbiddenException(NOT_THE_ENGINEER);
    if (!row.id) throw new ConflictException(ALREADY_COMPLETED);
    return toDetail(row as SessionDetailRow);
  }

  /**
   * A change of where a running session stands, by its own engineer: admins may read but not
   * drive someone else's session; a finished session cannot change.
   */
  private async changeOwn(
    caller: AuthUser,
    id: string,
    change: Parameters<SessionsRepository['changeProgress']>[2],
  ): Promise<SessionResponseDto> {
    const row = await this.sessions.changeProgress(caller.accountId, id, (session: SessionProgressRow, db) => {
      if (session.user_id !== caller.id) throw new ForbiddenException(NOT_THE_ENGINEER);
      if (session.completed_at) throw new ConflictException(ALREADY_COMPLETED);
      return change(session, db);
    });
    if (!row) throw new NotFoundException('Session not found');
    return toDetail(row);
  }
}

/**
 * A session with its current node and path as the API shows them. What the session went
 * through (its path, votes and the node it ended at) is named as it was in the session's version
 * of the flow; the node a running session stands at, as it is now (the runner shows it so).
 */
export function toDetail(row: SessionDetailRow): SessionResponseDto {
  // Removed nodes are included: a path may cross nodes an author has since taken out.
  const byId = new Map(row.nodes.map(({ past, ...node }) => [node.id, { node, seen: past ?? node }]));
  const current = row.current_node_id ? byId.get(row.current_node_id)?.node : undefined;
  const seen = (nodeId: string) => byId.get(nodeId)?.seen;
  const currentTitle = row.current_node_id
    ? ((row.completed_at ? seen(row.current_node_id) : current)?.title ?? REMOVED_STEP)
    : null;
  return {
    ...toSummary(row),
    current_node: current
      ? { ...current, options: current.options.map(({ id, label, next_node_id }) => ({ id, label, next_node_id })) }
      : null,
    current_node_title: currentTitle,
    ended_at_node_title: row.completed_at ? currentTitle : null,
    path: row.path.map((entry, i) => {
      const node = seen(entry.node_id);
      // Reached at the previous answer (or the start); the answer is when it was left.
      const reached = i === 0 ? new Date(row.started_at).getTime() : Date.parse(row.path[i - 1].at);
      return {
        ...entry,
        node_title: node?.title ?? REMOVED_STEP,
        option_label: node?.options.find((o) => o.id === entry.option_id)?.label ?? '(removed option)',
        seconds: Math.round(Date.parse(entry.at) - reached) / 1000,
      };
    }),
    votes: [...(row.votes ?? [])]
      .sort((a, b) => pathIndex(row, a.node_id) - pathIndex(row, b.node_id))
      .map((vote) => ({
        node_id: vote.node_id,
        node_title: seen(vote.node_id)?.title ?? REMOVED_STEP,
        vote: vote.was_helpful ? 'helpful' : 'unhelpful',
        at: new Date(vote.at).toISOString(),
      })),
  };
}

const REMOVED_STEP = '(removed step)';

/** Where a node first stands on the session's path (after the path when it is only the current node). */
function pathIndex(row: SessionRow, nodeId: string): number {
  const index = row.path.findIndex((entry) => entry.node_id === nodeId);
  return index === -1 ? row.path.length : index;
}

function toSummary(row: Omit<SessionRow, 'path'>): SessionSummaryDto {
  const started = new Date(row.started_at);
  const completed = row.completed_at ? new Date(row.completed_at) : null;
  return {
    id: row.id,
    tree_id: row.tree_id,
    tree_name: row.tree_name,
    user_id: row.user_id,
    user_name: row.user_name,
    started_at: started.toISOString(),
    completed_at: completed?.toISOString() ?? null,
    outcome: row.outcome,
    notes: row.notes,
    current_node_id: row.current_node_id,
    duration_minutes: completed ? Math.round((completed.getTime() - started.getTime()) / 6000) / 10 : null,
    rating: row.rating,
    external_ref: row.external_ref,
    external_url: row.external_url,
    tree_version: row.tree_version,
    duration_seconds: completed ? (completed.getTime() - started.getTime()) / 1000 : null,
    current_node_title: row.current_node_id ? (row.current_node_title ?? REMOVED_STEP) : null,
    ended_at_node_id: completed ? row.current_node_id : null,
    ended_at_node_title: completed && row.current_node_id ? (row.current_node_title ?? REMOVED_STEP) : null,
    steps_answered: row.steps_answered,
    comment: row.comment,
  };
}
