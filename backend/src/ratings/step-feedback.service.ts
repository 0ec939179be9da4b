import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth-user';
import { Session } from '../sessions/session.entity';
import { LibraryStep } from '../steps/library-step.entity';
import { TreeNode } from '../trees/tree-node.entity';
import { FeedbackResultDto, SessionVoteDto } from './dto/rating.dto';
import { sessionForFeedback } from './session-access';
import { StepRating } from './step-rating.entity';

/**
 * Thumbs up/down on step nodes. Every write locks the session row first, so the read of an
 * earlier vote and the write of the new one cannot interleave with another vote of the same
 * session; library counters move by atomic increments, so no update is lost across sessions.
 */
@Injectable()
export class StepFeedbackService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A vote on a library step: it lands on the node of the session's flow that uses the step. */
  async voteOnLibraryStep(caller: AuthUser, stepId: string, sessionId: string, wasHelpful: boolean): Promise<FeedbackResultDto> {
    const step = await this.dataSource.getRepository(LibraryStep).findOneBy({ id: stepId, accountId: caller.accountId });
    if (!step) throw new NotFoundException('Step not found');
    return this.dataSource.transaction(async (manager) => {
      const session = await sessionForFeedback(manager, caller, sessionId, { own: true, lock: true });
      const nodes = await manager.getRepository(TreeNode).find({
        where: { treeId: session.treeId, accountId: caller.accountId, stepId: step.id },
        order: { position: 'ASC' },
      });
      if (!nodes.length) throw new UnprocessableEntityException('step_id is not used by this session’s flow');
      // Several nodes may reuse one step: prefer the one this session actually visited.
      const visited = new Set([...session.path.map((entry) => entry.node_id), session.currentNodeId]);
      const node = nodes.find((candidate) => visited.has(candidate.id)) ?? nodes[0];
      return this.vote(manager, caller, session, node, wasHelpful);
    });
  }

  async voteOnNode(caller: AuthUser, sessionId: string, nodeId: string, wasHelpful: boolean): Promise<FeedbackResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const session = await sessionForFeedback(manager, caller, sessionId, { own: true, lock: true });
      const node = await this.stepNodeOf(manager, session, nodeId);
      return this.vote(manager, caller, session, node, wasHelpful);
    });
  }

  /** Takes a vote back; answering 204 also when there was none keeps a UI toggle idempotent. */
  async retract(caller: AuthUser, sessionId: string, nodeId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const session = await sessionForFeedback(manager, caller, sessionId, { own: true, lock: true });
      const node = await this.stepNodeOf(manager, session, nodeId);
      const existing = await manager.getRepository(StepRating).findOneBy({ sessionId: session.id, nodeId: node.id });
      if (!existing) return;
      await manager.getRepository(StepRating).delete({ id: existing.id });
      if (existing.stepId) await this.moveCounters(manager, existing.stepId, existing.wasHelpful, -1);
    });
  }

  async listForSession(caller: AuthUser, sessionId: string): Promise<SessionVoteDto[]> {
    await sessionForFeedback(this.dataSource.manager, caller, sessionId, { own: false });
    const votes = await this.dataSource
      .getRepository(StepRating)
      .find({ where: { sessionId, accountId: caller.accountId }, order: { createdAt: 'ASC' } });
    return votes.map((vote) => ({
      node_id: vote.nodeId,
      step_id: vote.stepId,
      was_helpful: vote.wasHelpful,
      updated_at: vote.updatedAt.toISOString(),
    }));
  }

  private async stepNodeOf(manager: EntityManager, session: Session, nodeId: string): Promise<TreeNode> {
    const node = await manager.getRepository(TreeNode).findOneBy({ id: nodeId, treeId: session.treeId, accountId: session.accountId });
    if (!node) throw new NotFoundException('Node not found in this session’s flow');
    if (node.type !== 'step') throw new UnprocessableEntityException('node_id must be a step node: only steps take feedback');
    return node;
  }

  private async vote(
    manager: EntityManager,
    caller: AuthUser,
    session: Session,
    node: TreeNode,
    wasHelpful: boolean,
  ): Promise<FeedbackResultDto> {
    const votes = manager.getRepository(StepRating);
    const existing = await votes.findOneBy({ sessionId: session.id, nodeId: node.id });
    const result = { step_id: node.stepId, node_id: node.id, session_id: session.id, was_helpful: wasHelpful };

    if (!existing) {
      await votes.insert({
        accountId: caller.accountId,
        sessionId: session.id,
        treeId: session.treeId,
        nodeId: node.id,
        stepId: node.stepId,
        userId: caller.id,
        wasHelpful,
      });
      if (node.stepId) await this.moveCounters(manager, node.stepId, wasHelpful, +1);
      return { ...result, status: 'created' };
    }

    if (existing.wasHelpful !== wasHelpful) {
      await votes.update({ id: existing.id }, { wasHelpful });
      if (existing.stepId) {
        await this.moveCounters(manager, existing.stepId, existing.wasHelpful, -1);
        await this.moveCounters(manager, existing.stepId, wasHelpful, +1);
      }
    }
    return { ...result, status: 'updated' };
  }

  private async moveCounters(manager: EntityManager, stepId: string, helpful: boolean, delta: 1 | -1): Promise<void> {
    const column = helpful ? 'helpful_yes' : 'helpful_no';
    await manager.query(`UPDATE step_library SET ${column} = ${column} + $1 WHERE id = $2`, [delta, stepId]);
  }
}
