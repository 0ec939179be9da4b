import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, isAdmin } from '../common/auth-user';
import { InputColumn } from '../database/write-coalescing/coalesced-input';
import { runCoalescedStatement } from '../database/write-coalescing/coalesced-statement';
import { WriteCoalescer } from '../database/write-coalescing/write-coalescer';
import { NodeResponseDto } from '../trees/dto/tree-response.dto';
import { TreeNode } from '../trees/tree-node.entity';
import { CompleteSessionDto, DecisionDto, ListSessionsQueryDto } from './dto/session-body.dto';
import { SESSION_COUNT_LIMIT, SessionPageDto, SessionResponseDto, SessionSummaryDto } from './dto/session-response.dto';
import { Session } from './session.entity';

interface SessionRow {
  id: string;
  tree_id: string;
  tree_name: string;
  user_id: string;
  user_name: string;
  started_at: Date;
  completed_at: Date | null;
  outcome: Session['outcome'];
  notes: string | null;
  current_node_id: string | null;
  path: Session['path'];
  rating: number | null;
  external_ref: string | null;
  external_url: string | null;
}

const SESSION_COLUMNS = `s.id, s.tree_id, t.name AS tree_name, s.user_id, u.name AS user_name, s.started_at,
         s.completed_at, s.outcome, s.notes, s.current_node_id, s.path, r.rating, s.external_ref, s.external_url`;
/** Sessions (or rows shaped like them, see sessionDetailSelect) with their flow, engineer and rating. */
const sessionFrom = (source = 'sessions') => `${source} s
    JOIN trees t ON t.id = s.tree_id AND t.account_id = s.account_id
    JOIN users u ON u.id = s.user_id AND u.account_id = s.account_id
    LEFT JOIN session_ratings r ON r.account_id = s.account_id AND r.session_id = s.id`;

/** Sessions with their flow's and engineer's names; every read starts from the caller's account. */
const SESSION_SELECT = `SELECT ${SESSION_COLUMNS} FROM ${sessionFrom()}`;

/**
 * SESSION_SELECT plus the flow's nodes the session stands at or passed through, shaped as API
 * nodes, over `source` (the sessions table, or the rows an UPDATE … RETURNING s.* just wrote).
 * The batch statements compute it as a MATERIALIZED CTE, once per written row: joined as a
 * subquery, the prepared statement's generic plan (which guesses one row per CTE) re-ran it,
 * nodes and all, for every call of the batch, N² per statement.
 */
const sessionDetailSelect = (source: string) => `
  SELECT ${SESSION_COLUMNS},
         (SELECT coalesce(json_agg(json_build_object('id', n.id, 'type', n.type, 'title', n.title, 'body', n.body,
                   'help_text', n.help_text, 'step_id', n.step_id, 'options', n.options, 'position', n.position)), '[]')
            FROM tree_nodes n
           WHERE n.account_id = s.account_id AND n.tree_id = s.tree_id
             AND (n.id = s.current_node_id OR n.id IN (SELECT (e ->> 'node_id')::uuid FROM jsonb_array_elements(s.path) e))) AS nodes
    FROM ${sessionFrom(source)}`;

type SessionDetailRow = SessionRow & { nodes: NodeResponseDto[] };

interface StartCall {
  caller: AuthUser;
  treeId: string;
  /** The new session's id. */
  id: string;
  ticket: SessionTicket;
}

/** The ticket a session belongs to, as its starter named it. */
export interface SessionTicket {
  externalRef: string | null;
  externalUrl: string | null;
}

/** The flow's status, and the new session if one was started (id undefined otherwise). */
type StartRow = Partial<SessionDetailRow> & { idx: number; tree_status: string | null };

interface CompleteCall {
  caller: AuthUser;
  id: string;
  outcome: string;
  notes: string | null;
}

/** The session's engineer, and the finished session if this call finished it (id undefined otherwise). */
type CompleteRow = Partial<SessionDetailRow> & { idx: number; owner_id: string | null };

const NOT_THE_ENGINEER = 'Only the session’s engineer can do this';
/**
 * A session's path grows by one entry per answer; a flow may loop ("try again"), so without a cap
 * one session could grow its row (and every read of it) without bound.
 */
export const MAX_PATH_STEPS = 200;
const ALREADY_COMPLETED = 'This session is already completed';

@Injectable()
export class SessionsService {
  /** Concurrent starts of an account go to the database together. */
  private readonly starts = new WriteCoalescer<StartCall, StartRow | undefined>((calls, accountId) => this.startAll(calls, accountId), {
    tenant: (call) => call.caller.accountId,
  });
  /** Concurrent completions of an account go to the database together; two of one session never share a statement. */
  private readonly completions = new WriteCoalescer<CompleteCall, CompleteRow | undefined>((calls, accountId) => this.completeAll(calls, accountId), {
    tenant: (call) => call.caller.accountId,
    key: (call) => call.id,
  });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Starts a session on a published flow; the flow's use is counted in the same statement. */
  async start(caller: AuthUser, treeId: string, ticket: SessionTicket): Promise<SessionResponseDto> {
    const row = await this.starts.run({ caller, treeId, id: randomUUID(), ticket });
    if (!row?.id) {
      if (!row?.tree_status || (row.tree_status === 'draft' && !isAdmin(caller))) throw new NotFoundException('Flow not found');
      throw new BadRequestException(`Only published flows can be run; this one is ${row.tree_status}`);
    }
    return toDetail(row as SessionDetailRow);
  }

  /**
   * Starts in one statement: each published flow's usage_count goes up once by its number of
   * starts (one lock of its row per statement), the sessions are inserted at its start node and
   * returned as the API shows them. Ids are chosen here, so each row finds its caller.
   */
  private async startAll(calls: StartCall[], accountId: string): Promise<(StartRow | undefined)[]> {
    const columns: Record<string, InputColumn<StartCall>> = {
      id: ['uuid', (c) => c.id],
      tree_id: ['uuid', (c) => c.treeId],
      user_id: ['uuid', (c) => c.caller.id],
      external_ref: ['text', (c) => c.ticket.externalRef],
      external_url: ['text', (c) => c.ticket.externalUrl],
    };
    return runCoalescedStatement<StartCall, StartRow>(this.dataSource, 'rf_start', { calls, accountId, columns }, (input, account) =>
      `WITH input AS (${input}),
       counted AS (
         UPDATE trees t SET usage_count = t.usage_count + c.n
           FROM (SELECT tree_id, count(*)::int AS n FROM input GROUP BY 1 ORDER BY 1) c
          WHERE t.account_id = ${account} AND t.id = c.tree_id AND t.status = 'published'
         RETURNING t.id, t.start_node_id
       ), started AS (
         INSERT INTO sessions (id, account_id, tree_id, user_id, current_node_id, path, external_ref, external_url)
         SELECT i.id, ${account}, c.id, i.user_id, c.start_node_id, '[]'::jsonb, i.external_ref, i.external_url
           FROM input i JOIN counted c ON c.id = i.tree_id
          ORDER BY i.idx
         RETURNING *
       ), detail AS MATERIALIZED (${sessionDetailSelect('started')})
       SELECT i.idx, f.status AS tree_status, d.*
         FROM input i LEFT JOIN trees f ON f.account_id = ${account} AND f.id = i.tree_id
         LEFT JOIN detail d ON d.id = i.id`,
    );
  }

  async list(caller: AuthUser, query: ListSessionsQueryDto): Promise<SessionPageDto> {
    const { filter, params } = listFilter(caller, query);
    // Counted up to the limit only: counting every match cost a request time in proportion to the
    // caller's sessions (26 ms at 150,000 of one engineer), read on every page. In started_at
    // order, so PostgreSQL walks the index the page itself reads.
    const [{ counted }]: { counted: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS counted FROM (SELECT 1 FROM sessions s WHERE ${filter} ORDER BY s.started_at DESC LIMIT ${SESSION_COUNT_LIMIT + 1}) matching`,
      params,
    );
    const rows: SessionRow[] = await this.dataSource.query(
      `${SESSION_SELECT} WHERE ${filter} ORDER BY s.started_at DESC, s.id LIMIT ${query.limit ?? 50} OFFSET ${query.offset ?? 0}`,
      params,
    );
    return { items: rows.map(toSummary), total: Math.min(counted, SESSION_COUNT_LIMIT), total_exact: counted <= SESSION_COUNT_LIMIT };
  }

  /**
   * Every session the list's filters match (not a page), newest first, read in slices along
   * (started_at, id) so memory stays flat however many there are.
   */
  async *listAll(caller: AuthUser, query: ListSessionsQueryDto, slice = 1000): AsyncGenerator<SessionSummaryDto[]> {
    const { filter, params } = listFilter(caller, query);
    const n = params.length;
    let after: [string, string] | null = null;
    for (;;) {
      // started_at as text for the next slice's bound: a JS Date would drop its microseconds.
      const rows: (SessionRow & { started_key: string })[] = await this.dataSource.query(
        `SELECT ${SESSION_COLUMNS}, s.started_at::text AS started_key FROM ${sessionFrom()}
          WHERE ${filter} ${after ? `AND (s.started_at, s.id) < ($${n + 1}::timestamptz, $${n + 2}::uuid)` : ''}
          ORDER BY s.started_at DESC, s.id DESC LIMIT ${slice}`,
        after ? [...params, ...after] : params,
      );
      if (rows.length) yield rows.map(toSummary);
      if (rows.length < slice) return;
      const last = rows[rows.length - 1];
      after = [last.started_key, last.id];
    }
  }

  /** The session's engineer and the account's admins may read it; one statement with the nodes it shows. */
  async get(caller: AuthUser, id: string, manager: EntityManager = this.dataSource.manager): Promise<SessionResponseDto> {
    const [row]: SessionDetailRow[] = await manager.query(`${sessionDetailSelect('sessions')} WHERE s.account_id = $1 AND s.id = $2`, [
      caller.accountId,
      id,
    ]);
    if (!row) throw new NotFoundException('Session not found');
    if (row.user_id !== caller.id && !isAdmin(caller)) throw new ForbiddenException('This is another engineer’s session');
    return toDetail(row);
  }

  /** Moves along the chosen option. The row lock makes concurrent answers to one node apply once. */
  async decide(caller: AuthUser, id: string, dto: DecisionDto): Promise<SessionResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.lockOwn(manager, caller, id);
      if (session.path.length >= MAX_PATH_STEPS) {
        throw new ConflictException(
          `This session has taken ${MAX_PATH_STEPS} steps, the most one session may (the flow loops); go back or finish it`,
        );
      }
      if (session.currentNodeId !== dto.node_id.toLowerCase()) {
        throw new ConflictException('That node is no longer the current step of this session; reload it');
      }
      const node = await manager
        .getRepository(TreeNode)
        .findOneBy({ id: session.currentNodeId, accountId: caller.accountId });
      const option = node?.options.find((o) => o.id === dto.option_id.toLowerCase());
      if (!node || !option) throw new UnprocessableEntityException('option_id must be one of the current node’s options');

      session.path = [...session.path, { node_id: node.id, option_id: option.id, at: new Date().toISOString() }];
      session.currentNodeId = option.next_node_id;
      await manager.getRepository(Session).save(session);
      return this.get(caller, id, manager);
    });
  }

  async back(caller: AuthUser, id: string): Promise<SessionResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.lockOwn(manager, caller, id);
      const last = session.path[session.path.length - 1];
      if (!last) throw new ConflictException('There is no earlier step to go back to');
      session.path = session.path.slice(0, -1);
      session.currentNodeId = last.node_id;
      await manager.getRepository(Session).save(session);
      return this.get(caller, id, manager);
    });
  }

  /** Finishes the caller's own running session; of two concurrent completions the second gets 409. */
  async complete(caller: AuthUser, id: string, dto: CompleteSessionDto): Promise<SessionResponseDto> {
    const row = await this.completions.run({ caller, id, outcome: dto.outcome, notes: dto.notes?.trim() || null });
    if (!row?.owner_id) throw new NotFoundException('Session not found');
    if (row.owner_id !== caller.id) throw new ForbiddenException(NOT_THE_ENGINEER);
    if (!row.id) throw new ConflictException(ALREADY_COMPLETED);
    return toDetail(row as SessionDetailRow);
  }

  /**
   * Completions in one statement: a conditional UPDATE (a session already completed, re-checked
   * under the row lock, is left alone) that also returns each finished session as the API shows it.
   */
  private async completeAll(calls: CompleteCall[], accountId: string): Promise<(CompleteRow | undefined)[]> {
    const columns: Record<string, InputColumn<CompleteCall>> = {
      session_id: ['uuid', (c) => c.id],
      user_id: ['uuid', (c) => c.caller.id],
      outcome: ['text', (c) => c.outcome],
      notes: ['text', (c) => c.notes],
    };
    return runCoalescedStatement<CompleteCall, CompleteRow>(this.dataSource, 'rf_complete', { calls, accountId, columns }, (input, account) =>
      `WITH input AS (${input}),
       target AS (
         SELECT i.idx, s.id, s.user_id FROM input i JOIN sessions s ON s.account_id = ${account} AND s.id = i.session_id
       ), done AS (
         UPDATE sessions s SET completed_at = now(), outcome = i.outcome, notes = i.notes
           FROM input i JOIN target t USING (idx)
          WHERE s.account_id = ${account} AND s.id = t.id AND t.user_id = i.user_id AND s.completed_at IS NULL
         RETURNING s.*
       ), detail AS MATERIALIZED (${sessionDetailSelect('done')})
       SELECT i.idx, t.user_id AS owner_id, d.*
         FROM input i LEFT JOIN target t USING (idx) LEFT JOIN detail d ON d.id = t.id`,
    );
  }

  /**
   * Locks the session row for a change by its own engineer. Admins may read but not drive
   * someone else's session; a finished session cannot change.
   */
  private async lockOwn(manager: EntityManager, caller: AuthUser, id: string): Promise<Session> {
    const session = await manager
      .getRepository(Session)
      .createQueryBuilder('session')
      .setLock('pessimistic_write')
      .where('session.id = :id AND session.accountId = :accountId', { id, accountId: caller.accountId })
      .getOne();
    if (!session) throw new NotFoundException('Session not found');
    if (session.userId !== caller.id) throw new ForbiddenException(NOT_THE_ENGINEER);
    if (session.completedAt) throw new ConflictException(ALREADY_COMPLETED);
    return session;
  }
}

/** A session with its current node and path as the API shows them. */
function toDetail(row: SessionDetailRow): SessionResponseDto {
  // Removed nodes are included: a path may cross nodes an author has since taken out.
  const byId = new Map(row.nodes.map((node) => [node.id, node]));
  const current = row.current_node_id ? byId.get(row.current_node_id) : undefined;
  return {
    ...toSummary(row),
    current_node: current ? { ...current, options: current.options.map(({ id, label, next_node_id }) => ({ id, label, next_node_id })) } : null,
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

/**
 * The list's WHERE clause, from the caller's account. Engineers see their own sessions; admins
 * their own too unless they ask for all (or one engineer's) — except a ticket lookup
 * (external_ref), which searches everything the caller may see.
 */
function listFilter(caller: AuthUser, query: ListSessionsQueryDto): { filter: string; params: unknown[] } {
  const params: unknown[] = [caller.accountId];
  const where = ['s.account_id = $1'];
  const everyone = isAdmin(caller) && (query.all === 'true' || !!query.user_id || query.external_ref !== undefined);
  if (!everyone) {
    params.push(caller.id);
    where.push(`s.user_id = $${params.length}`);
  } else if (query.user_id) {
    params.push(query.user_id);
    where.push(`s.user_id = $${params.length}`);
  }
  if (query.tree_id) {
    params.push(query.tree_id);
    where.push(`s.tree_id = $${params.length}`);
  }
  if (query.external_ref !== undefined) {
    params.push(query.external_ref);
    where.push(`s.external_ref = $${params.length}`);
  }
  if (query.status) where.push(query.status === 'active' ? 's.completed_at IS NULL' : 's.completed_at IS NOT NULL');
  return { filter: where.join(' AND '), params };
}
