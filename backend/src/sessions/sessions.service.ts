import { randomUUID } from 'node:crypto';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';

import { AuthUser, isAdmin } from '../common/auth-user';
import { CompleteSessionDto, DecisionDto, ListSessionsQueryDto } from './dto/session-body.dto';
import { SESSION_COUNT_LIMIT, SessionPageDto, SessionResponseDto, SessionSummaryDto } from './dto/session-response.dto';
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
  constructor(private readonly sessions: SessionsRepository) {}

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

  async list(caller: AuthUser, query: ListSessionsQueryDto): Promise<SessionPageDto> {
    const { rows, counted } = await this.sessions.page(
      visibleSessions(caller, query),
      query.limit ?? 50,
      query.offset ?? 0,
      SESSION_COUNT_LIMIT,
    );
    return {
      items: rows.map(toSummary),
      total: Math.min(counted, SESSION_COUNT_LIMIT),
      total_exact: counted <= SESSION_COUNT_LIMIT,
    };
  }

  /** Every session the list's filters match (not a page), newest first, in slices. */
  async *listAll(caller: AuthUser, query: ListSessionsQueryDto, slice = 1000): AsyncGenerator<SessionSummaryDto[]> {
    for await (const rows of this.sessions.all(visibleSessions(caller, query), slice)) yield rows.map(toSummary);
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
 * Which sessions a list shows, from the caller's account. Engineers see their own sessions;
 * admins their own too unless they ask for all (or one engineer's) — except a ticket lookup
 * (external_ref), which searches everything the caller may see.
 */
function visibleSessions(caller: AuthUser, query: ListSessionsQueryDto): SessionListFilter {
  const everyone = isAdmin(caller) && (query.all === 'true' || !!query.user_id || query.external_ref !== undefined);
  return {
    accountId: caller.accountId,
    userId: everyone ? query.user_id : caller.id,
    treeId: query.tree_id,
    externalRef: query.external_ref,
    status: query.status,
  };
}

/** A session with its current node and path as the API shows them. */
export function toDetail(row: SessionDetailRow): SessionResponseDto {
  // Removed nodes are included: a path may cross nodes an author has since taken out.
  const byId = new Map(row.nodes.map((node) => [node.id, node]));
  const current = row.current_node_id ? byId.get(row.current_node_id) : undefined;
  return {
    ...toSummary(row),
    current_node: current
      ? { ...current, options: current.options.map(({ id, label, next_node_id }) => ({ id, label, next_node_id })) }
      : null,
    path: row.path.map((entry) => {
      const node = byId.get(entry.node_id);
      return {
        ...entry,
        node_title: node?.title ?? '(removed step)',
        option_label: node?.options.find((o) => o.id === entry.option_id)?.label ?? '(removed option)',
      };
    }),
  };
}

function toSummary(row: SessionRow): SessionSummaryDto {
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
  };
}
