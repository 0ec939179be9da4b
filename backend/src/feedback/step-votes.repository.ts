import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { InputColumn } from '../database/write-coalescing/coalesced-input';
import { runCoalescedStatement } from '../database/write-coalescing/coalesced-statement';
import { WriteCoalescer } from '../database/write-coalescing/write-coalescer';
import { outboxCte, queuedCount, WebhookOutbox } from '../webhooks/webhook-outbox';

/**
 * Every statement about votes on steps (table step_ratings), and the rows they return. A vote
 * statement checks, under the rows' locks, what StepVotesService's rules say a vote needs (the
 * caller runs the session, the node is a step of its flow the session reached) and writes only then; the row it
 * returns tells the service which check failed, so the service answers and the database decides races.
 */

/** How a vote names its node: by its id, or by the library step it uses. */
export type NodeRef = 'node' | 'library-step';

/** What a vote or retraction found: the session's engineer, and the node (null where there was none). */
export interface VoteCheckRow {
  user_id: string | null;
  node_id: string | null;
  node_type: string | null;
  step_id: string | null;
  /** Whether the session reached the node (stands there or went through it). */
  reached: boolean | null;
}

export interface VoteCall {
  accountId: string;
  userId: string;
  sessionId: string;
  /** The node's id, or the library step's. */
  ref: string;
  wasHelpful: boolean;
}

/** The checks, whether the vote was a new row (null: not written or unchanged), and whether a library step was known. */
export type VoteRow = VoteCheckRow & { idx: number; inserted: boolean | null; step_known: boolean };

/** A vote of a session as the API lists it. */
export interface SessionVoteRow {
  node_id: string;
  step_id: string | null;
  was_helpful: boolean;
  updated_at: Date;
}

/** Has the session `t` reached the node `n`: it stands there, or its path went through it? */
const REACHED = `(n.id = t.current_node_id OR t.path @> jsonb_build_array(jsonb_build_object('node_id', n.id::text)))`;

/** The node a vote is about, among the nodes `n` of the session `t`'s flow; `ref` is the id the caller gave. */
const PICK_NODE: Record<NodeRef, (ref: string) => string> = {
  node: (ref) => `n.id = ${ref}`,
  // Several nodes may reuse one step: prefer one this session visited, then the first by position.
  'library-step': (ref) => `n.step_id = ${ref}
            ORDER BY ${REACHED} DESC, n.position
            LIMIT 1`,
};

/** The session ($2) and node ($3) a retraction is about, in the caller's account ($1). */
const RETRACT_TARGET = `
  target AS (SELECT s.id, s.tree_id, s.user_id FROM sessions s WHERE s.account_id = $1 AND s.id = $2),
  -- Taking a vote back is allowed wherever the vote is (reached: true).
  node AS (SELECT n.id, n.type, n.step_id, true AS reached FROM tree_nodes n JOIN target t ON n.tree_id = t.tree_id
            WHERE n.account_id = $1 AND ${PICK_NODE.node('$3')})`;

/** Which votes may be written: the caller must be the session `t`'s engineer; only step nodes `n` it reached take votes. */
const allowed = (caller: string) => `t.user_id = ${caller} AND n.type = 'step' AND n.reached`;

/** A step.feedback event's data: the vote `v` as the API answers it, and what happened to it. */
const voteEvent = (v: string, status: string, wasHelpful = `${v}.was_helpful`) =>
  `jsonb_build_object('session_id', ${v}.session_id, 'node_id', ${v}.node_id, 'step_id', ${v}.step_id,
                      'was_helpful', ${wasHelpful}, 'status', ${status})`;

/** Votes batch per account; two on one session never share a statement. */
const VOTE_BATCHING = { tenant: (call: VoteCall) => call.accountId, key: (call: VoteCall) => call.sessionId };

@Injectable()
export class StepVotesRepository {
  /** Concurrent votes go to the database together. */
  private readonly votes: Record<NodeRef, WriteCoalescer<VoteCall, VoteRow | undefined>> = {
    node: new WriteCoalescer((calls, accountId) => this.voteAll('node', calls, accountId), VOTE_BATCHING),
    'library-step': new WriteCoalescer(
      (calls, accountId) => this.voteAll('library-step', calls, accountId),
      VOTE_BATCHING,
    ),
  };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: WebhookOutbox,
  ) {}

  /** Records or changes a vote on the node `call.ref` names (by its id or its library step's). */
  vote(ref: NodeRef, call: VoteCall): Promise<VoteRow | undefined> {
    return this.votes[ref].run(call);
  }

  /**
   * Votes in one statement. ON CONFLICT … DO UPDATE … WHERE changed touches a row only when
   * the vote flips; `xmax = 0` in RETURNING tells a fresh insert from such an update. A vote
   * written (not one left as it was) queues its step.feedback deliveries in the same statement.
   */
  private async voteAll(ref: NodeRef, calls: VoteCall[], accountId: string): Promise<(VoteRow | undefined)[]> {
    const columns: Record<string, InputColumn<VoteCall>> = {
      session_id: ['uuid', (c) => c.sessionId],
      ref: ['uuid', (c) => c.ref],
      user_id: ['uuid', (c) => c.userId],
      was_helpful: ['boolean', (c) => c.wasHelpful],
    };
    const rows = await runCoalescedStatement<VoteCall, VoteRow>(
      this.dataSource,
      `rf_vote_${ref}`,
      { calls, accountId, columns },
      (input, account) =>
        `WITH input AS (${input}),
       target AS (
         SELECT i.idx, s.id, s.tree_id, s.user_id, s.current_node_id, s.path
           FROM input i JOIN sessions s ON s.account_id = ${account} AND s.id = i.session_id
       ),
       node AS (
         SELECT t.idx, n.* FROM target t JOIN input i USING (idx)
           CROSS JOIN LATERAL (SELECT n.id, n.type, n.step_id, ${REACHED} AS reached FROM tree_nodes n
                                WHERE n.account_id = ${account} AND n.tree_id = t.tree_id AND ${PICK_NODE[ref]('i.ref')}) n
       ),
       vote AS (
         INSERT INTO step_ratings AS v (account_id, session_id, tree_id, node_id, step_id, user_id, was_helpful)
         SELECT ${account}, t.id, t.tree_id, n.id, n.step_id, i.user_id, i.was_helpful
           FROM input i JOIN target t USING (idx) JOIN node n USING (idx)
          WHERE ${allowed('i.user_id')}
          ORDER BY t.id, n.id
         ON CONFLICT (account_id, session_id, node_id) DO UPDATE SET was_helpful = EXCLUDED.was_helpful, updated_at = now()
           WHERE v.was_helpful IS DISTINCT FROM EXCLUDED.was_helpful
         RETURNING v.session_id, v.node_id, v.step_id, v.was_helpful, (v.xmax = 0) AS inserted
       ),
       ${outboxCte('queued', 'step.feedback', account, 'vote v', voteEvent('v', `CASE WHEN v.inserted THEN 'created' ELSE 'updated' END`))}
       SELECT i.idx, t.user_id, n.id AS node_id, n.type AS node_type, n.step_id, n.reached, vote.inserted, ${queuedCount('queued')},
              ${ref === 'library-step' ? `EXISTS (SELECT 1 FROM step_library l WHERE l.account_id = ${account} AND l.id = i.ref)` : 'true'} AS step_known
         FROM input i LEFT JOIN target t USING (idx) LEFT JOIN node n USING (idx)
         LEFT JOIN vote ON vote.session_id = t.id AND vote.node_id = n.id`,
    );
    this.outbox.queued(rows);
    return rows;
  }

  /** Takes the caller's vote on a node of the session back, if the rules allow it; the row tells what was found. */
  async retract(
    accountId: string,
    userId: string,
    sessionId: string,
    nodeId: string,
  ): Promise<VoteCheckRow | undefined> {
    const [row]: (VoteCheckRow & { webhook_events: number })[] = await this.dataSource.query(
      `WITH ${RETRACT_TARGET},
       gone AS (
         DELETE FROM step_ratings v USING target t, node n
          WHERE v.account_id = $1 AND v.session_id = t.id AND v.node_id = n.id AND ${allowed('$4')}
         RETURNING v.session_id, v.node_id, v.step_id
       ),
       ${outboxCte('queued', 'step.feedback', '$1::uuid', 'gone v', voteEvent('v', `'removed'`, 'NULL::boolean'))}
       SELECT t.user_id, n.id AS node_id, n.type AS node_type, n.step_id, n.reached, ${queuedCount('queued')}
         FROM target t LEFT JOIN node n ON true`,
      [accountId, sessionId, nodeId, userId],
    );
    this.outbox.queued([row]);
    return row;
  }

  /** The votes given in a session, oldest first. */
  findBySession(accountId: string, sessionId: string): Promise<SessionVoteRow[]> {
    return this.dataSource.query(
      `SELECT node_id, step_id, was_helpful, updated_at FROM step_ratings WHERE account_id = $1 AND session_id = $2 ORDER BY created_at`,
      [accountId, sessionId],
    );
  }
}
