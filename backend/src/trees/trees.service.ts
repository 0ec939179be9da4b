import { randomUUID } from 'node:crypto';
import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';

import { AuthUser, isAdmin } from '../common/auth-user';
import { LibraryStep } from '../steps/library-step.entity';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { TreeBodyDto } from './dto/tree-body.dto';
import { TreeResponseDto } from './dto/tree-response.dto';
import { validateFlowGraph } from './flow-graph';
import { keepChangedNodes } from './node-history';
import { TreeNode } from './tree-node.entity';
import { Tree, TreeStatus } from './tree.entity';

/** What an edit may change of a node that stays in its flow. */
const NODE_CONTENT_COLUMNS = ['type', 'title', 'body', 'help_text', 'step_id', 'options', 'position', 'removed_at'];

export interface TreeWithNodes {
  tree: Tree;
  nodes: TreeNode[];
}

@Injectable()
export class TreesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: WebhookOutbox,
  ) {}

  /** Engineers see published flows; admins see drafts and published, or any status they ask for. */
  list(caller: AuthUser, status?: TreeStatus): Promise<Tree[]> {
    const statuses: TreeStatus[] = isAdmin(caller)
      ? status
        ? [status]
        : ['draft', 'published']
      : status && status !== 'published'
        ? []
        : ['published'];
    if (!statuses.length) return Promise.resolve([]);
    return this.dataSource.getRepository(Tree).find({
      where: { accountId: caller.accountId, status: In(statuses) },
      order: { name: 'ASC' },
    });
  }

  async get(caller: AuthUser, id: string, manager: EntityManager = this.dataSource.manager): Promise<TreeWithNodes> {
    const tree = await manager.getRepository(Tree).findOneBy({ id, accountId: caller.accountId });
    // Drafts are work in progress: only admins see them.
    if (!tree || (tree.status === 'draft' && !isAdmin(caller))) throw new NotFoundException('Flow not found');
    const nodes = await manager.getRepository(TreeNode).find({
      where: { treeId: tree.id, accountId: caller.accountId, removedAt: IsNull() },
      order: { position: 'ASC' },
    });
    return { tree, nodes };
  }

  async create(caller: AuthUser, dto: TreeBodyDto): Promise<TreeWithNodes> {
    let queued = 0;
    const created = await this.dataSource.transaction(async (manager) => {
      await this.check(manager, caller, dto);
      const tree = await manager.getRepository(Tree).save(
        manager.getRepository(Tree).create({
          accountId: caller.accountId,
          name: dto.name,
          description: dto.description ?? '',
          kind: dto.kind ?? 'decision',
          status: dto.status ?? 'draft',
          startNodeId: dto.start_node_id.toLowerCase(),
          createdBy: caller.id,
        }),
      );
      await this.writeNodes(manager, this.toNodes(caller, tree.id, dto));
      const result = await this.get(caller, tree.id, manager);
      if (tree.status === 'published') queued = await this.published(manager, caller, result);
      return result;
    });
    if (queued) this.outbox.wake();
    return created;
  }

  /** Queues flow.published in the transaction that publishes, the flow as GET /trees/{id} answers it. */
  private published(manager: EntityManager, caller: AuthUser, flow: TreeWithNodes): Promise<number> {
    return this.outbox.queueIn(
      manager,
      caller.accountId,
      'flow.published',
      TreeResponseDto.withNodes(flow.tree, flow.nodes),
    );
  }

  /**
   * Replaces a flow's content. Nodes left out are marked removed, not deleted, so past
   * sessions and their feedback keep their references. A stale `version` answers 409.
   */
  async update(caller: AuthUser, id: string, dto: TreeBodyDto): Promise<TreeWithNodes> {
    let queued = 0;
    const updated = await this.dataSource.transaction(async (manager) => {
      const trees = manager.getRepository(Tree);
      const tree = await trees
        .createQueryBuilder('tree')
        .setLock('pessimistic_write')
        .where('tree.id = :id AND tree.accountId = :accountId', { id, accountId: caller.accountId })
        .getOne();
      if (!tree) throw new NotFoundException('Flow not found');
      if (dto.version !== undefined && dto.version !== tree.version) {
        throw new ConflictException(
          `This flow was changed by someone else (you edited version ${dto.version}, it is now ${tree.version}); reload and apply your edit again`,
        );
      }
      await this.check(manager, caller, dto);

      const incoming = this.toNodes(caller, tree.id, dto);
      await keepChangedNodes(manager, caller.accountId, tree.id, tree.version + 1, incoming);
      await this.writeNodes(manager, incoming);
      await manager
        .getRepository(TreeNode)
        .createQueryBuilder()
        .update()
        .set({ removedAt: () => 'now()' })
        .where('account_id = :accountId AND tree_id = :treeId AND removed_at IS NULL AND id NOT IN (:...ids)', {
          accountId: caller.accountId,
          treeId: tree.id,
          ids: incoming.map((n) => n.id),
        })
        .execute();

      const wasPublished = tree.status === 'published';
      Object.assign(tree, {
        name: dto.name,
        description: dto.description ?? tree.description,
        kind: dto.kind ?? tree.kind,
        status: dto.status ?? tree.status,
        startNodeId: dto.start_node_id.toLowerCase(),
        version: tree.version + 1,
      });
      await trees.save(tree);
      const result = await this.get(caller, tree.id, manager);
      // A draft (or archived flow) going live; edits of a live flow are not a new publication.
      if (tree.status === 'published' && !wasPublished) queued = await this.published(manager, caller, result);
      return result;
    });
    if (queued) this.outbox.wake();
    return updated;
  }

  async archive(caller: AuthUser, id: string): Promise<TreeWithNodes> {
    const result = await this.dataSource
      .getRepository(Tree)
      .createQueryBuilder()
      .update()
      .set({ status: 'archived', version: () => 'version + 1' })
      .where('id = :id AND account_id = :accountId', { id, accountId: caller.accountId })
      .execute();
    if (!result.affected) throw new NotFoundException('Flow not found');
    return this.get(caller, id);
  }

  /**
   * Inserts a flow's nodes, or updates those it already has, in one statement. Node ids are chosen
   * by clients and unique per account (the key is (account_id, id)): an id another account uses
   * is simply another row. An id another flow of the same account uses is left alone by the
   * conflict clause's condition, which PostgreSQL checks under the row's lock, so two concurrent
   * edits naming one new id cannot both take it: the one that finds it taken answers 409.
   */
  private async writeNodes(manager: EntityManager, nodes: Partial<TreeNode>[]): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(TreeNode)
      .values(nodes)
      .orUpdate(NODE_CONTENT_COLUMNS, ['account_id', 'id'], {
        overwriteCondition: { where: 'tree_nodes.tree_id = EXCLUDED.tree_id' },
      })
      .returning(['id'])
      .execute();
    if (result.raw.length !== nodes.length) {
      throw new ConflictException('A node id of this payload is already used by another flow; use fresh UUIDs');
    }
  }

  private async check(manager: EntityManager, caller: AuthUser, dto: TreeBodyDto): Promise<void> {
    const errors = validateFlowGraph(dto.start_node_id, dto.nodes, dto.status ?? 'draft');
    const stepIds = [...new Set(dto.nodes.map((n) => n.step_id?.toLowerCase()).filter((s): s is string => !!s))];
    if (stepIds.length) {
      const found = await manager
        .getRepository(LibraryStep)
        .find({ select: { id: true }, where: { accountId: caller.accountId, id: In(stepIds) } });
      const known = new Set(found.map((s) => s.id));
      dto.nodes.forEach((node, index) => {
        if (node.step_id && !known.has(node.step_id.toLowerCase())) {
          errors.push(`nodes.${index}.step_id must name a step of your step library`);
        }
      });
    }
    if (errors.length) throw new UnprocessableEntityException(errors);
  }

  private toNodes(caller: AuthUser, treeId: string, dto: TreeBodyDto): Partial<TreeNode>[] {
    return dto.nodes.map((node, position) => ({
      id: node.id.toLowerCase(),
      accountId: caller.accountId,
      treeId,
      type: node.type,
      title: node.title,
      body: node.body ?? '',
      helpText: node.help_text ?? null,
      stepId: node.step_id?.toLowerCase() ?? null,
      options: (node.options ?? []).map((option) => ({
        id: option.id?.toLowerCase() ?? randomUUID(),
        label: option.label,
        next_node_id: option.next_node_id.toLowerCase(),
      })),
      position,
      removedAt: null,
    }));
  }
}
