import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { InputColumn } from '../database/write-coalescing/coalesced-input';
import { runCoalescedStatement } from '../database/write-coalescing/coalesced-statement';
import { WriteCoalescer } from '../database/write-coalescing/write-coalescer';
import { NodeResponseDto } from '../trees/dto/tree-response.dto';
import { NodeOption } from '../trees/tree-node.entity';
import { Outcome, PathEntry } from './session.entity';

/**
 * Every statement about sessions, and the rows they return. The service decides what a caller
 * may do and what the API answers; here is only how it is read and written. Every statement
 * starts from the account (the leading column of every session key and index).
 */

/** A session with its flow's and engineer's names and its rating, as the list and the detail read it. */
export interface SessionRow {
  id: string;
  tree_id: string;
  tree_name: string;
  user_id: string;
  user_name: string;
  started_at: Date;
  completed_at: Date | null;
  outcome: Outcome | null;
  notes: string | null;
  current_node_id: string | null;
  path: PathEntry[];
  rating: number | null;
  external_ref: string | null;
  external_url: string | null;
}

/** A session and the flow's nodes it stands at or passed through, shaped as API nodes. */
export type SessionDetailRow = SessionRow & { nodes: NodeResponseDto[] };

/** The ticket a session belongs to, as its starter named it. */
export interface SessionTicket {
  externalRef: string | null;
  externalUrl: string | null;
}

export interface StartCall {
  accountId: string;
  userId: string;
  treeId: string;
  /** The new session's id. */
  id: string;
  ticket: SessionTicket;
}

/** The flow's status, and the new session if one was started (id undefined otherwise). */
export type StartRow = Partial<SessionDetailRow> & { idx: number; tree_status: string | null };

export interface CompleteCall {
  accountId: string;
  userId: string;
  id: string;
  outcome: string;
  notes: string | null;
}

/** The session's engineer, and the finished session if this call finished it (id undefined otherwise). */
export type CompleteRow = Partial<SessionDetailRow> & { idx: number; owner_id: string | null };

/** A session locked for a change of its position: who runs it, whether it is finished, where it stands. */
export interface SessionProgressRow {
  user_id: string;
  completed_at: Date | null;
  current_node_id: string | null;
  path: PathEntry[];
}

/** Which sessions a list shows, already narrowed to what the caller may see (SessionsService). */
export interface SessionListFilter {
  accountId: string;
  /** Only this engineer's sessions. */
  userId?: string;
  treeId?: string;
  externalRef?: string;
  status?: 'active' | 'completed';
}

const SESSION_COLUMNS = `s.id, s.tree_id, t.name AS tree_name, s.user_id, u.name AS user_name, s.started_at,
         s.completed_at, s.outcome, s.notes, s.current_node_id, s.path, r.rating, s.external_ref, s.external_url`;
/** Sessions (or rows shaped like them, see sessionDetailSelect) with their flow, engineer and rating. */
const sessionFrom = (source = 'sessions') => `${source} s
    JOIN trees t ON t.id = s.tree_id AND t.account_id = s.account_id
    JOIN users u ON u.id = s.user_id AND u.account_id = s.account_id
    LEFT JOIN session_ratings r ON r.account_id = s.account_id AND r.session_id = s.id`;

/**
 * SESSION_COLUMNS plus the flow's nodes the session stands at or passed through, shaped as API
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

/** The list's WHERE clause and its parameters, from the account. */
function listWhere(filter: SessionListFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [filter.accountId];
  const where = ['s.account_id = $1'];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  if (filter.userId) add((p) => `s.user_id = ${p}`, filter.userId);
  if (filter.treeId) add((p) => `s.tree_id = ${p}`, filter.treeId);
  if (filter.externalRef !== undefined) add((p) => `s.external_ref = ${p}`, filter.externalRef);
  if (filter.status) where.push(filter.status === 'active' ? 's.completed_at IS NULL' : 's.completed_at IS NOT NULL');
  return { where: where.join(' AND '), params };
}

@Injectable()
export class SessionsRepository {
  /** Concurrent starts of an account go to the database together. */
  private readonly starts = new WriteCoalescer<StartCall, StartRow | undefined>(
    (calls, accountId) => this.startAll(calls, accountId),
    {
      tenant: (call) => call.accountId,
    },
  );
  /** Concurrent completions of an account go to the database together; two of one session never share a statement. */
  private readonly completions = new WriteCoalescer<CompleteCall, CompleteRow | undefined>(
    (calls, accountId) => this.completeAll(calls, accountId),
    { tenant: (call) => call.accountId, key: (call) => call.id },
  );

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Starts a session on a published flow of the account; undefined id when the flow is not published. */
  start(call: StartCall): Promise<StartRow | undefined> {
    return this.starts.run(call);
  }

  /**
   * Starts in one statement: each published flow's usage_count goes up once by its number of
   * starts (one lock of its row per statement), the sessions are inserted at its start node and
   * returned as the API shows them. Ids are chosen by the caller, so each row finds its call.
   */
  private startAll(calls: StartCall[], accountId: string): Promise<(StartRow | undefined)[]> {
    const columns: Record<string, InputColumn<StartCall>> = {
      id: ['uuid', (c) => c.id],
      tree_id: ['uuid', (c) => c.treeId],
      user_id: ['uuid', (c) => c.userId],
      external_ref: ['text', (c) => c.ticket.externalRef],
      external_url: ['text', (c) => c.ticket.externalUrl],
    };
    return runCoalescedStatement<StartCall, StartRow>(
      this.dataSource,
      'rf_start',
      { calls, accountId, columns },
      (input, account) =>
        `WITH input AS (${input}),
       counted AS (
         UPDATE trees t SET usage_count = t.usage_count + c.n
           FROM (SELECT tree_id, count(*)::int AS n FROM input GROUP BY 1 ORDER BY 1) c
          WHERE t.account_id = ${account} AND t.id = c.tree_id AND t.status = 'published'
         RETURNING t.id, t.start_node_id, t.version
       ), started AS (
         INSERT INTO sessions (id, account_id, tree_id, user_id, current_node_id, path, external_ref, external_url, tree_version)
         SELECT i.id, ${account}, c.id, i.user_id, c.start_node_id, '[]'::jsonb, i.external_ref, i.external_url, c.version
           FROM input i JOIN counted c ON c.id = i.tree_id
          ORDER BY i.idx
         RETURNING *
       ), detail AS MATERIALIZED (${sessionDetailSelect('started')})
       SELECT i.idx, f.status AS tree_status, d.*
         FROM input i LEFT JOIN trees f ON f.account_id = ${account} AND f.id = i.tree_id
         LEFT JOIN detail d ON d.id = i.id`,
    );
  }

  /** Finishes a running session of its engineer; owner_id null for an unknown session, id undefined when it was not finished here. */
  complete(call: CompleteCall): Promise<CompleteRow | undefined> {
    return this.completions.run(call);
  }

  /**
   * Completions in one statement: a conditional UPDATE (a session already completed, re-checked
   * under the row lock, is left alone) that also returns each finished session as the API shows it.
   */
  private completeAll(calls: CompleteCall[], accountId: string): Promise<(CompleteRow | undefined)[]> {
    const columns: Record<string, InputColumn<CompleteCall>> = {
      session_id: ['uuid', (c) => c.id],
      user_id: ['uuid', (c) => c.userId],
      outcome: ['text', (c) => c.outcome],
      notes: ['text', (c) => c.notes],
    };
    return runCoalescedStatement<CompleteCall, CompleteRow>(
      this.dataSource,
      'rf_complete',
      { calls, accountId, columns },
      (input, account) =>
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

  /** One session with the nodes it shows, in one statement; `db` is a transaction's manager when inside one. */
  async findDetail(
    accountId: string,
    id: string,
    db: EntityManager = this.dataSource.manager,
  ): Promise<SessionDetailRow | undefined> {
    const [row]: SessionDetailRow[] = await db.query(
      `${sessionDetailSelect('sessions')} WHERE s.account_id = $1 AND s.id = $2`,
      [accountId, id],
    );
    return row;
  }

  /** Who runs the session (for the checks of a read by someone else); undefined when the account has no such session. */
  async findOwner(accountId: string, id: string): Promise<string | undefined> {
    const [row]: { user_id: string }[] = await this.dataSource.query(
      `SELECT user_id FROM sessions WHERE account_id = $1 AND id = $2`,
      [accountId, id],
    );
    return row?.user_id;
  }

  /**
   * Changes where a running session stands, in one transaction: the row is locked (concurrent
   * answers to one node apply once), `change` decides from what it holds (and may throw), the new
   * position is written, and the session is read back as the API shows it. Undefined when the
   * account has no such session.
   */
  async changeProgress(
    accountId: string,
    id: string,
    change: (
      session: SessionProgressRow,
      db: { nodeOptions(nodeId: string): Promise<NodeOption[] | undefined> },
    ) => Promise<Pick<SessionProgressRow, 'current_node_id' | 'path'>>,
  ): Promise<SessionDetailRow | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const [session]: SessionProgressRow[] = await manager.query(
        `SELECT user_id, completed_at, current_node_id, path FROM sessions WHERE account_id = $1 AND id = $2 FOR UPDATE`,
        [accountId, id],
      );
      if (!session) return undefined;
      const next = await change(session, {
        nodeOptions: async (nodeId) => {
          const [node]: { options: NodeOption[] }[] = await manager.query(
            `SELECT options FROM tree_nodes WHERE account_id = $1 AND id = $2`,
            [accountId, nodeId],
          );
          return node?.options;
        },
      });
      await manager.query(
        `UPDATE sessions SET current_node_id = $3, path = $4::jsonb WHERE account_id = $1 AND id = $2`,
        [accountId, id, next.current_node_id, JSON.stringify(next.path)],
      );
      return this.findDetail(accountId, id, manager);
    });
  }

  /** A page of the list, newest first, and how many sessions match in all. */
  /** A page of the filter's sessions and their number, counted up to `countLimit` + 1. */
  async page(
    filter: SessionListFilter,
    limit: number,
    offset: number,
    countLimit: number,
  ): Promise<{ rows: SessionRow[]; counted: number }> {
    const { where, params } = listWhere(filter);
    // Counted up to the limit only: counting every match cost a request time in proportion to the
    // caller's sessions (26 ms at 150,000 of one engineer), read on every page. In started_at
    // order, so PostgreSQL walks the index the page itself reads.
    const [{ counted }]: { counted: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS counted FROM (SELECT 1 FROM sessions s WHERE ${where} ORDER BY s.started_at DESC LIMIT ${countLimit + 1}) matching`,
      params,
    );
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT ${SESSION_COLUMNS} FROM ${sessionFrom()} WHERE ${where} ORDER BY s.started_at DESC, s.id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { rows, counted };
  }

  /**
   * Every session the filter matches (not a page), newest first, read in slices along
   * (started_at, id) so memory stays flat however many there are.
   */
  async *all(filter: SessionListFilter, slice = 1000): AsyncGenerator<SessionRow[]> {
    const { where, params } = listWhere(filter);
    const n = params.length;
    let after: [string, string] | null = null;
    for (;;) {
      // started_at as text for the next slice's bound: a JS Date would drop its microseconds.
      const rows: (SessionRow & { started_key: string })[] = await this.dataSource.query(
        `SELECT ${SESSION_COLUMNS}, s.started_at::text AS started_key FROM ${sessionFrom()}
          WHERE ${where} ${after ? `AND (s.started_at, s.id) < ($${n + 1}::timestamptz, $${n + 2}::uuid)` : ''}
          ORDER BY s.started_at DESC, s.id DESC LIMIT ${slice}`,
        after ? [...params, ...after] : params,
      );
      if (rows.length) yield rows;
      if (rows.length < slice) return;
      const last = rows[rows.length - 1];
      after = [last.started_key, last.id];
    }
  }
}
