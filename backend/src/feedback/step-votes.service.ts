import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';

import { AuthUser } from '../common/auth-user';
import { FeedbackResultDto, SessionVoteDto } from './dto/feedback.dto';
import { NOT_YOURS, SessionFeedbackAccess } from './session-feedback-access';
import { NodeRef, StepVotesRepository, VoteCheckRow } from './step-votes.repository';

/**
 * Thumbs up/down on step nodes. Each vote, change or retraction is one statement
 * (StepVotesRepository): the unique (session, node) index decides concurrent votes (ON
 * CONFLICT). The library step's counters follow from triggers on step_ratings (migration
 * StepVoteCounters), in the same transaction. The rules (only the session's engineer votes,
 * only on step nodes of its flow the session reached) are checked by the statement, where the
 * rows are locked, and answered here.
 */
@Injectable()
export class StepVotesService {
  constructor(
    private readonly votes: StepVotesRepository,
    private readonly access: SessionFeedbackAccess,
  ) {}

  /** A vote on a library step: it lands on the node of the session's flow that uses the step. */
  async voteOnLibraryStep(
    caller: AuthUser,
    stepId: string,
    sessionId: string,
    wasHelpful: boolean,
  ): Promise<FeedbackResultDto> {
    return this.vote(caller, sessionId, 'library-step', stepId, wasHelpful);
  }

  async voteOnNode(
    caller: AuthUser,
    sessionId: string,
    nodeId: string,
    wasHelpful: boolean,
  ): Promise<FeedbackResultDto> {
    return this.vote(caller, sessionId, 'node', nodeId, wasHelpful);
  }

  /** Takes a vote back; answering 204 also when there was none keeps a UI toggle idempotent. */
  async retract(caller: AuthUser, sessionId: string, nodeId: string): Promise<void> {
    const row = await this.votes.retract(caller.accountId, caller.id, sessionId, nodeId);
    this.check(caller, row);
  }

  async listForSession(caller: AuthUser, sessionId: string): Promise<SessionVoteDto[]> {
    await this.access.checkReadable(caller, sessionId);
    const votes = await this.votes.findBySession(caller.accountId, sessionId);
    return votes.map((vote) => ({
      node_id: vote.node_id,
      step_id: vote.step_id,
      was_helpful: vote.was_helpful,
      updated_at: vote.updated_at.toISOString(),
    }));
  }

  /** Records or changes a vote, answering as the API does for a vote that broke a rule. */
  private async vote(
    caller: AuthUser,
    sessionId: string,
    ref: NodeRef,
    key: string,
    wasHelpful: boolean,
  ): Promise<FeedbackResultDto> {
    const row = await this.votes.vote(ref, {
      accountId: caller.accountId,
      userId: caller.id,
      sessionId,
      ref: key,
      wasHelpful,
    });
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

  /** The answer for a vote statement that wrote nothing because a rule said no, in the API's order. */
  private check<Row extends VoteCheckRow>(
    caller: AuthUser,
    row: Row | undefined,
    ref: NodeRef = 'node',
  ): asserts row is Row {
    if (!row?.user_id) throw new NotFoundException('Session not found');
    if (row.user_id !== caller.id) throw new ForbiddenException(NOT_YOURS);
    if (!row.node_id && ref === 'library-step')
      throw new UnprocessableEntityException('step_id is not used by this session’s flow');
    if (!row.node_id) throw new NotFoundException('Node not found in this session’s flow');
    if (row.node_type !== 'step')
      throw new UnprocessableEntityException('node_id must be a step node: only steps take feedback');
    if (!row.reached)
      throw new ConflictException('This session has not reached that step: vote on steps it stands at or went through');
  }
}
