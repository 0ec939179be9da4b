import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { SqlRunner } from '../analytics/report/sections/sql';
import { InputColumn } from '../database/write-coalescing/coalesced-input';
import { runCoalescedStatement } from '../database/write-coalescing/coalesced-statement';
import { WriteCoalescer } from '../database/write-coalescing/write-coalescer';
import { NodeResponseDto } from '../trees/dto/tree-response.dto';
import { pastNodeSql } from '../trees/node-history';
import { NodeOption } from '../trees/tree-node.entity';
import { outboxCte, queuedCount, WebhookOutbox } from '../webhooks/webhook-outbox';
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
  /** A Date, or milliseconds since the epoch where a statement reads them so (the CSV's, EXPORT_COLUMNS). */
  started_at: Date | number;
  completed_at: Date | number | null;
  outcome: Outcome | null;
  notes: string | null;
  current_node_id: string | null;
  path: PathEntry[];
  rating: number | null;
  external_ref: string | null;
  external_url: string | null;
  tree_version: number | null;
  comment: string | null;
  steps_answered: number;
  /** Read by the list (joined); the detail finds it among its nodes. */
  current_node_title?: string | null;
}

/** A step vote of a session, as the detail reads it. */
export interface SessionVoteRow {
  node_id: string;
  was_helpful: boolean;
  at: string;
}

/** A node's title, type and options in the session's version, where an edit since changed them (node-history.ts). */
export type PastNode = Pick<NodeResponseDto, 'type' | 'title' | 'options'>;

/**
 * A session and the flow's nodes it stands at or passed through, shaped as API nodes, each with
 * what it was in the session's version if an edit since changed it.
 */
export type SessionDetailRow = SessionRow & {
  nodes: (NodeResponseDto & { past: PastNode | null })[];
  votes: SessionVoteRow[];
};

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
  /** Completed with one of these outcomes. */
  outcomes?: string[];
  /**
   * UTC instants [start, end) of an analytics window. They bound what the figure drilled from
   * counts: the session's start, or the rating's (rating filters) and the vote's (vote filters)
   * own time, as the CSAT and step-feedback figures count them.
   */
  window?: { start: Date; end: Date };
  stoppedAtNodeId?: string;
  endedAtNodeId?: string;
  visitedNodeId?: string;
  voteNodeId?: string;
  /** true: a helpful vote; false: an unhelpful one. */
  voteHelpful?: boolean;
  rating?: number;
  ratingMin?: number;
  ratingMax?: number;
  /** true: rated with a non-empty comment; false: not. */
  hasComment?: boolean;
  treeVersion?: number;
}

/** How a list is ordered: the key's SQL, its type for a cursor's value, and the direction. */
export interface SessionOrder {
  key: 'started_at' | 'duration' | 'rating';
  descending: boolean;
}

/** Where a page starts: after the row with this sort key (as text; null sorts last) and id. */
export interface SessionCursor {
  key: string | null;
  id: string;
}

const ORDER_KEYS: Record<SessionOrder['key'], { sql: string; type: string; nullable: boolean }> = {
  started_at: { sql: 's.started_at', type: 'timestamptz', nullable: false },
  duration: { sql: '(s.completed_at - s.started_at)', type: 'interval', nullable: true },
  rating: { sql: 'r.rating', type: 'smallint', nullable: true },
};

const SESSION_COLUMNS = `s.id, s.tree_id, t.name AS tree_name, s.user_id, u.name AS user_name, s.started_at,
         s.completed_at, s.outcome, s.notes, s.current_node_id, s.path, r.rating, s.external_ref, s.external_url,
         s.tree_version, r.comment, jsonb_array_length(s.path) AS steps_answered`;
/** SESSION_COLUMNS but the path (a list shows steps_answered, not the path, and parsing it cost the CSV). */
const LIST_COLUMNS = SESSION_COLUMNS.replace('s.path, ', '');
/**
 * LIST_COLUMNS with the two instants as milliseconds since the epoch (floor, as the driver's Date
 * keeps them): the same values once made Dates, without parsing two timestamps a row as text,
 * which was a large part of the CSV's cost per row.
 */
const EXPORT_COLUMNS = LIST_COLUMNS.replace(
  's.started_at,\n         s.completed_at,',
  `floor(extract(epoch FROM s.started_at) * 1000)::float8 AS started_at,
         floor(extract(epoch FROM s.completed_at) * 1000)::float8 AS completed_at,`,
);
/**
 * The title of the node a session stands at (joined as cn): its current one while the session
 * runs (the runner shows the flow as it is now), the one it had in the session's version once
 * the session ended there.
 */
const CURRENT_NODE_TITLE = `CASE WHEN s.completed_at IS NULL THEN cn.title
         ELSE coalesce((${pastNodeSql('h.title', 's.account_id', 's.current_node_id', 's.tree_version')}), cn.title) END AS current_node_title`;
/** What the detail reads of a node's past (PastNode), over tree_node_history h. */
const PAST_NODE = `json_build_object('type', h.type, 'title', h.title, 'options', h.options)`;
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
                   'help_text', n.help_text, 'step_id', n.step_id, 'options', n.options, 'position', n.position,
                   'past', (${pastNodeSql(PAST_NODE, 'n.account_id', 'n.id', 's.tree_version')}))), '[]')
            FROM tree_nodes n
           WHERE n.account_id = s.account_id AND n.tree_id = s.tree_id
             AND (n.id = s.current_node_id OR n.id IN (SELECT (e ->> 'node_id')::uuid FROM jsonb_array_elements(s.path) e))) AS nodes,
         (SELECT coalesce(json_agg(json_build_object('node_id', v.node_id, 'was_helpful', v.was_helpful, 'at', v.updated_at)), '[]')
            FROM step_ratings v
           WHERE v.account_id = s.account_id AND v.session_id = s.id) AS votes
    FROM ${sessionFrom(source)}`;

/** Whether the filter asks for a rating or a vote (the window then bounds their time, not the start). */
function eventFilters(filter: SessionListFilter): { rated: boolean; voted: boolean } {
  return {
    rated:
      filter.rating !== undefined ||
      filter.ratingMin !== undefined ||
      filter.ratingMax !== undefined ||
      filter.hasComment === true,
    voted: filter.voteNodeId !== undefined || filter.voteHelpful !== undefined,
  };
}

/**
 * The list's WHERE clause over `sessions s` and its parameters, from the account. Ratings and
 * votes are matched with EXISTS, so a count reads no join it does not need.
 */
function listWhere(filter: SessionListFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [filter.accountId];
  const where = ['s.account_id = $1'];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.userId) where.push(`s.user_id = ${p(filter.userId)}`);
  if (filter.treeId) where.push(`s.tree_id = ${p(filter.treeId)}`);
  if (filter.externalRef !== undefined) where.push(`s.external_ref = ${p(filter.externalRef)}`);
  if (filter.treeVersion !== undefined) where.push(`s.tree_version = ${p(filter.treeVersion)}`);
  if (filter.status) where.push(filter.status === 'active' ? 's.completed_at IS NULL' : 's.completed_at IS NOT NULL');
  if (filter.outcomes) where.push(`s.outcome = ANY(${p(filter.outcomes)}::text[])`);

  // A node belongs to one flow: naming its flow lets the (account_id, tree_id, started_at) index narrow.
  const nodeFlow = (node: string) =>
    `s.tree_id = (SELECT n.tree_id FROM tree_nodes n WHERE n.account_id = $1 AND n.id = ${node})`;
  if (filter.stoppedAtNodeId) {
    const node = p(filter.stoppedAtNodeId);
    where.push(`s.completed_at IS NULL AND s.current_node_id = ${node}`, nodeFlow(node));
  }
  if (filter.endedAtNodeId) {
    const node = p(filter.endedAtNodeId);
    where.push(`s.completed_at IS NOT NULL AND s.current_node_id = ${node}`, nodeFlow(node));
  }
  if (filter.visitedNodeId) {
    const node = p(filter.visitedNodeId);
    where.push(
      `(s.current_node_id = ${node}::uuid OR s.path @> jsonb_build_array(jsonb_build_object('node_id', ${node}::text)))`,
      nodeFlow(node),
    );
  }

  const range = filter.window && { start: p(filter.window.start), end: p(filter.window.end) };
  const inRange = (column: string) => (range ? ` AND ${column} >= ${range.start} AND ${column} < ${range.end}` : '');
  const { rated, voted } = eventFilters(filter);
  if (rated) {
    const conditions = [''];
    if (filter.rating !== undefined) conditions.push(`fr.rating = ${p(filter.rating)}`);
    if (filter.ratingMin !== undefined) conditions.push(`fr.rating >= ${p(filter.ratingMin)}`);
    if (filter.ratingMax !== undefined) conditions.push(`fr.rating <= ${p(filter.ratingMax)}`);
    if (filter.hasComment) conditions.push(`fr.comment <> ''`);
    where.push(
      `EXISTS (SELECT 1 FROM session_ratings fr WHERE fr.account_id = s.account_id AND fr.session_id = s.id${conditions.join(' AND ')}${inRange('fr.created_at')})`,
    );
  } else if (filter.hasComment === false) {
    where.push(
      `NOT EXISTS (SELECT 1 FROM session_ratings fr WHERE fr.account_id = s.account_id AND fr.session_id = s.id AND fr.comment <> '')`,
    );
  }
  if (voted) {
    const conditions = [''];
    if (filter.voteNodeId !== undefined) conditions.push(`v.node_id = ${p(filter.voteNodeId)}`);
    if (filter.voteHelpful !== undefined) conditions.push(`v.was_helpful = ${p(filter.voteHelpful)}`);
    where.push(
      `EXISTS (SELECT 1 FROM step_ratings v WHERE v.account_id = s.account_id AND v.session_id = s.id${conditions.join(' AND ')}${inRange('v.created_at')})`,
    );
  }
  // Without a rating or vote filter the window bounds the session's start, as every session figure does.
  if (range && !rated && !voted) where.push(`s.started_at >= ${range.start} AND s.started_at < ${range.end}`);
  return { where: where.join(' AND '), params };
}

/** ORDER BY, and the condition of the rows after a cursor, for an order (ids break ties, in the key's direction). */
function listOrder(
  order: SessionOrder,
  cursor: SessionCursor | undefined,
  params: unknown[],
  sortMatches = false,
): { orderBy: string; after: string } {
  const { sql, type, nullable } = ORDER_KEYS[order.key];
  const dir = order.descending ? 'DESC' : 'ASC';
  const cmp = order.descending ? '<' : '>';
  // NULL keys (running sessions' duration, unrated sessions' rating) come last either way.
  // sortMatches: order by an expression no index has, so the planner finds the matches its best
  // way and sorts them, instead of walking the started_at index until a page of sparse matches.
  const orderKey = sortMatches && order.key === 'started_at' ? `(${sql} + interval '0 s')` : sql;
  const orderBy = `${nullable ? `(${sql} IS NULL), ` : ''}${orderKey} ${dir}, s.id ${dir}`;
  if (!cursor) return { orderBy, after: '' };
  params.push(cursor.id);
  const id = `$${params.length}::uuid`;
  if (cursor.key === null) return { orderBy, after: ` AND ${sql} IS NULL AND s.id ${cmp} ${id}` };
  params.push(cursor.key);
  const key = `$${params.length}::${type}`;
  // The bound `key <=` (or `>=`) lets the index range start at the cursor; the OR alone is a filter
  // over every row before it (each CSV slice re-read the ones already sent: quadratic).
  const bound = nullable ? '' : ` AND ${sql} ${cmp}= ${key}`;
  return {
    orderBy,
    after: `${bound} AND (${nullable ? `${sql} IS NULL OR ` : ''}${sql} ${cmp} ${key} OR (${sql} = ${key} AND s.id ${cmp} ${id}))`,
  };
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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: WebhookOutbox,
  ) {}

  /** Starts a session on a published flow of the account; undefined id when the flow is not published. */
  start(call: StartCall): Promise<StartRow | undefined> {
    return this.starts.run(call);
  }

  /**
   * Starts in one statement: each published flow's usage_count goes up once by its number of
   * starts (one lock of its row per statement), the sessions are inserted at its start node and
   * returned as the API shows them. Ids are chosen by the caller, so each row finds its call.
   * The session.started deliveries are queued by the same statement (webhooks/webhook-outbox.ts).
   */
  private async startAll(calls: StartCall[], accountId: string): Promise<(StartRow | undefined)[]> {
    const columns: Record<string, InputColumn<StartCall>> = {
      id: ['uuid', (c) => c.id],
      tree_id: ['uuid', (c) => c.treeId],
      user_id: ['uuid', (c) => c.userId],
      external_ref: ['text', (c) => c.ticket.externalRef],
      external_url: ['text', (c) => c.ticket.externalUrl],
    };
    const rows = await runCoalescedStatement<StartCall, StartRow>(
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
       ), detail AS MATERIALIZED (${sessionDetailSelect('started')}),
       ${outboxCte('queued', 'session.started', account, 'detail d', 'to_jsonb(d)')}
       SELECT i.idx, f.status AS tree_status, d.*, ${queuedCount('queued')}
         FROM input i LEFT JOIN trees f ON f.account_id = ${account} AND f.id = i.tree_id
         LEFT JOIN detail d ON d.id = i.id`,
    );
    this.outbox.queued(rows);
    return rows;
  }

  /** Finishes a running session of its engineer; owner_id null for an unknown session, id undefined when it was not finished here. */
  complete(call: CompleteCall): Promise<CompleteRow | undefined> {
    return this.completions.run(call);
  }

  /**
   * Completions in one statement: a conditional UPDATE (a session already completed, re-checked
   * under the row lock, is left alone) that also returns each finished session as the API shows it,
   * and queues its session.completed deliveries (webhooks/webhook-outbox.ts).
   */
  private async completeAll(calls: CompleteCall[], accountId: string): Promise<(CompleteRow | undefined)[]> {
    const columns: Record<string, InputColumn<CompleteCall>> = {
      session_id: ['uuid', (c) => c.id],
      user_id: ['uuid', (c) => c.userId],
      outcome: ['text', (c) => c.outcome],
      notes: ['text', (c) => c.notes],
    };
    const rows = await runCoalescedStatement<CompleteCall, CompleteRow>(
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
       ), detail AS MATERIALIZED (${sessionDetailSelect('done')}),
       ${outboxCte('queued', 'session.completed', account, 'detail d', 'to_jsonb(d)')}
       SELECT i.idx, t.user_id AS owner_id, d.*, ${queuedCount('queued')}
         FROM input i LEFT JOIN target t USING (idx) LEFT JOIN detail d ON d.id = t.id`,
    );
    this.outbox.queued(rows);
    return rows;
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

  /** What the analytics window reads time zone names with (AnalyticsContextService.window). */
  get runner(): SqlRunner {
    return this.dataSource;
  }

  /** The account's time zone, which counts a window's days unless the request names one. */
  async accountTimezone(accountId: string): Promise<string> {
    const [row]: { timezone: string }[] = await this.dataSource.query(`SELECT timezone FROM accounts WHERE id = $1`, [
      accountId,
    ]);
    return row?.timezone ?? 'UTC';
  }

  /** How many sessions the filter matches, exactly. */
  async count(filter: SessionListFilter): Promise<number> {
    const { where, params } = listWhere(filter);
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM sessions s WHERE ${where}`,
      params,
    );
    return n;
  }

  /**
   * A page of the filter's sessions in `order`: after `cursor` (keyset) or from `offset`,
   * and one row more than `limit` when more follow. sort_key is the row's key as text (a JS
   * Date would drop started_at's microseconds), for the next cursor.
   */
  async page(
    filter: SessionListFilter,
    order: SessionOrder,
    page: { limit: number; offset?: number; cursor?: SessionCursor },
  ): Promise<(Omit<SessionRow, 'path'> & { sort_key: string | null })[]> {
    const { where, params } = listWhere(filter);
    // A window over ratings' or votes' own time leaves the start unbounded: their matches are few
    // among the account's sessions (a CSAT bar: 533 of 100,000; 498 ms walking the index, 28 ms sorted).
    const { rated, voted } = eventFilters(filter);
    const { orderBy, after } = listOrder(order, page.cursor, params, !!filter.window && (rated || voted));
    return this.dataSource.query(
      `SELECT ${LIST_COLUMNS}, ${CURRENT_NODE_TITLE}, ${ORDER_KEYS[order.key].sql}::text AS sort_key
         FROM ${sessionFrom()}
         LEFT JOIN tree_nodes cn ON cn.account_id = s.account_id AND cn.id = s.current_node_id
        WHERE ${where}${after}
        ORDER BY ${orderBy} LIMIT ${page.limit + 1}${page.offset ? ` OFFSET ${page.offset}` : ''}`,
      params,
    );
  }

  /**
   * Every session the filter matches (not a page), in `order`, as one statement read through a
   * cursor in slices, so memory stays flat however many there are (two slices at most: the one
   * being written out and the next, fetched meanwhile). One statement, planned for all its rows
   * (cursor_tuple_fraction 1: hash joins and one sort), instead of keyset pages each walking the
   * index and looking up every row's rating: the 90-day export of the 1M-session bench account
   * took PostgreSQL ≈ 20 µs a row as pages, ≈ 5 µs as one statement. Read in a REPEATABLE READ,
   * READ ONLY transaction on a connection of its own, held until the last slice is read or the
   * reader stops (a client that hangs up rolls it back).
   */
  async *all(filter: SessionListFilter, order: SessionOrder, slice = 5000): AsyncGenerator<Omit<SessionRow, 'path'>[]> {
    const { where, params } = listWhere(filter);
    const { rated, voted } = eventFilters(filter);
    const { orderBy } = listOrder(order, undefined, params, !!filter.window && (rated || voted));
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let open = false;
    let next: Promise<Omit<SessionRow, 'path'>[]> | undefined;
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      open = true;
      await runner.query('SET LOCAL cursor_tuple_fraction = 1');
      await runner.query(
        `DECLARE sessions_export NO SCROLL CURSOR FOR
         SELECT ${EXPORT_COLUMNS}, ${CURRENT_NODE_TITLE}
           FROM ${sessionFrom()}
           LEFT JOIN tree_nodes cn ON cn.account_id = s.account_id AND cn.id = s.current_node_id
          WHERE ${where}
          ORDER BY ${orderBy}`,
        params,
      );
      const fetch = (): Promise<Omit<SessionRow, 'path'>[]> => runner.query(`FETCH ${slice} FROM sessions_export`);
      next = fetch();
      while (next) {
        const rows: Omit<SessionRow, 'path'>[] = await next;
        // Asked for now, so PostgreSQL reads the next slice while this one is written out.
        next = rows.length === slice ? fetch() : undefined;
        if (rows.length) yield rows;
      }
      await runner.query('COMMIT');
      open = false;
    } finally {
      // A reader that stopped early leaves the slice fetched ahead unread: its failure is nobody's.
      void next?.catch(() => undefined);
      if (open) await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }
}
