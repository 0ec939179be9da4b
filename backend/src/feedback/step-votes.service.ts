import { ConflictException, ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../common/auth-user';
import { InputColumn } from '../database/write-coalescing/coalesced-input';
import { runCoalescedStatement } from '../database/write-coalescing/coalesced-statement';
import { WriteCoalescer } from '../database/write-coalescing/write-coalescer';
import { StepVote } from './step-vote.entity';
import { FeedbackResultDto, SessionVoteDto } from './dto/feedback.dto';
import { NOT_YOURS, sessionForFeedback } from './session-access';

/** How a vote names its node: by its id, or by the library step it uses. */
type NodeRef = 'node' | 'library-step';

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

/** Who may vote on what: the caller must be the session `t`'s engineer; only step nodes `n` it reached take votes. */
const allowed = (caller: string) => `t.user_id = ${caller} AND n.type = 'step' AND n.reached`;

interface CheckRow {
  user_id: string | null;
  node_id: string | null;
  node_type: string | null;
  step_id: string | null;
  reached: boolean | null;
}

interface VoteCall {
  caller: AuthUser;
  sessionId: string;
  /** The node's id, or the library step's. */
  ref: string;
  wasHelpful: boolean;
}

type VoteRow = CheckRow & { idx: number; inserted: boolean | null; step_known: boolean };

/** Votes batch per account; two on one session never share a statement. */
const VOTE_BATCHING = { tenant: (call: VoteCall) => call.caller.accountId, key: (call: VoteCall) => call.sessionId };

/**
 * Thumbs up/down on step nodes. Each vote, change or retraction is one statement: the unique
 * (session, node) index decides concurrent votes (ON CONFLICT). The library step's counters
 * follow from triggers on step_ratings (migration StepVoteCounters), in the same transaction.
 */
@Injectable()
export class StepVotesService {
  /** Concurrent votes go to the database together. */
  private readonly batchers: Record<NodeRef, WriteCoalescer<VoteCall, VoteRow | undefined>> = {
    node: new WriteCoalescer((calls, accountId) => this.voteAll('node', calls, accountId), VOTE_BATCHING),
    'library-step': new WriteCoalescer((calls, accountId) => this.voteAll('library-step', calls, accountId), VOTE_BATCHING),
  };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A vote on a library step: it lands on the node of the session's flow that uses the step. */
  async voteOnLibraryStep(caller: AuthUser, stepId: string, sessionId: string, wasHelpful: boolean): Promise<FeedbackResultDto> {
    return this.vote(caller, sessionId, 'library-step', stepId, wasHelpful);
  }

  async voteOnNode(caller: AuthUser, sessionId: string, nodeId: string, wasHelpful: boolean): Promise<FeedbackResultDto> {
    return this.vote(caller, sessionId, 'node', nodeId, wasHelpful);
  }

  /** Takes a vote back; answering 204 also when there was none keeps a UI toggle idempotent. */
  async retract(caller: AuthUser, sessionId: string, nodeId: string): Promise<void> {
    const [row]: CheckRow[] = await this.dataSource.query(
      `WITH ${RETRACT_TARGET},
       gone AS (
         DELETE FROM step_ratings v USING target t, node n
          WHERE v.account_id = $1 AND v.session_id = t.id AND v.node_id = n.id AND ${allowed('$4')}
       )
       SELECT t.user_id, n.id AS node_id, n.type AS node_type, n.step_id, n.reached FROM target t LEFT JOIN node n ON true`,
      [caller.accountId, sessionId, nodeId, caller.id],
    );
    this.check(caller, row);
  }

  async listForSession(caller: AuthUser, sessionId: string): Promise<SessionVoteDto[]> {
    await sessionForFeedback(this.dataSource.manager, caller, sessionId);
    const votes = await this.dataSource
      .getRepository(StepVote)
      .find({ where: { sessionId, accountId: caller.accountId }, order: { createdAt: 'ASC' } });
    return votes.map((vote) => ({
      node_id: vote.nodeId,
      step_id: vote.stepId,
      was_helpful: vote.wasHelpful,
      updated_at: vote.updatedAt.toISOString(),
    }));
  }

  /** Records or changes a vote, answering as the API does for a vote that broke a rule. */
  private async vote(caller: AuthUser, sessionId: string, ref: NodeRef, key: string, wasHelpful: boolean): Promise<FeedbackResultDto> {
    const row = await this.batchers[ref].run({ caller, sessionId, ref: key, wasHelpful });
    if (ref === 'library-step' && !row?.step_known) throw new NotFoundException('Step not found');
    this.check(caller, row, ref);
    return {
      step_id: row.step_id,
      node_id: row.node_id as string,
      session_id: sessionId,
      was_helpful: wasHelpful,
      // No row back: the same vote was already there, which is an update that changed nothing.
      status: row.inserted ? 'created' : 'updated',
    };
  }

  /**
   * Votes in one statement. ON CONFLICT … DO UPDATE … WHERE changed touches a row only when
   * the vote flips; `xmax = 0` in RETURNING tells a fresh insert from such an update.
   */
  private async voteAll(ref: NodeRef, calls: VoteCall[], accountId: string): Promise<(VoteRow | undefined)[]> {
    const columns: Record<string, InputColumn<VoteCall>> = {
      session_id: ['uuid', (c) => c.sessionId],
      ref: ['uuid', (c) => c.ref],
      user_id: ['uuid', (c) => c.caller.id],
      was_helpful: ['boolean', (c) => c.wasHelpful],
    };
    return runCoalescedStatement<VoteCall, VoteRow>(this.dataSource, `rf_vote_${ref}`, { calls, accountId, columns }, (input, account) =>
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
         RETURNING v.session_id, v.node_id, (v.xmax = 0) AS inserted
       )
       SELECT i.idx, t.user_id, n.id AS node_id, n.type AS node_type, n.step_id, n.reached, vote.inserted,
              ${ref === 'library-step' ? `EXISTS (SELECT 1 FROM step_library l WHERE l.account_id = ${account} AND l.id = i.ref)` : 'true'} AS step_known
         FROM input i LEFT JOIN target t USING (idx) LEFT JOIN node n USING (idx)
         LEFT JOIN vote ON vote.session_id = t.id AND vote.node_id = n.id`,
    );
  }

  /** The answer for a vote statement that wrote nothing because a rule said no, in the API's order. */
  private check<Row extends CheckRow>(caller: AuthUser, row: Row | undefined, ref: NodeRef = 'node'): asserts row is Row {
    if (!row?.user_id) throw new NotFoundException('Session not found');
    if (row.user_id !== caller.id) throw new ForbiddenException(NOT_YOURS);
    if (!row.node_id && ref === 'library-step') throw new UnprocessableEntityException('step_id is not used by this session’s flow');
    if (!row.node_id) throw new NotFoundException('Node not found in this session’s flow');
    if (row.node_type !== 'step') throw new UnprocessableEntityException('node_id must be a step node: only steps take feedback');
    if (!row.reached) throw new ConflictException('This session has not reached that step: vote on steps it stands at or went through');
  }
}
