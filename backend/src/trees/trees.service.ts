import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuthUser, isAdmin } from '../common/auth-user';
import { LibraryStep } from '../steps/library-step.entity';
import { TreeBodyDto } from './dto/tree-body.dto';
import { validateFlowGraph } from './flow-graph';
import { TreeNode } from './tree-node.entity';
import { Tree, TreeStatus } from './tree.entity';

export interface TreeWithNodes {
  tree: Tree;
  nodes: TreeNode[];
}

@Injectable()
export class TreesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    return this.dataSource.transaction(async (manager) => {
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
      const taken = await manager.getRepository(TreeNode).countBy({ id: In(dto.nodes.map((n) => n.id.toLowerCase())) });
      if (taken) throw new ConflictException('A node id of this payload is already used by another flow; use fresh UUIDs');
      await manager.getRepository(TreeNode).insert(this.toNodes(caller, tree.id, dto));
      return this.get(caller, tree.id, manager);
    });
  }

  /**
   * Replaces a flow's content. Nodes left out are marked removed, not deleted, so past
   * sessions and their feedback keep their references. A stale `version` answers 409.
   */
  async update(caller: AuthUser, id: string, dto: TreeBodyDto): Promise<TreeWithNodes> {
    return this.dataSource.transaction(async (manager) => {
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

      const nodeRepo = manager.getRepository(TreeNode);
      const incoming = this.toNodes(caller, tree.id, dto);
      const foreign = await nodeRepo
        .createQueryBuilder('node')
        .where('node.id IN (:...ids) AND node.treeId <> :treeId', { ids: incoming.map((n) => n.id), treeId: tree.id })
        .getCount();
      if (foreign) throw new ConflictException('A node id of this payload is already used by another flow; use fresh UUIDs');

      await nodeRepo.upsert(incoming, ['id']);
      await nodeRepo
        .createQueryBuilder()
        .update()
        .set({ removedAt: () => 'now()' })
        .where('tree_id = :treeId AND removed_at IS NULL AND id NOT IN (:...ids)', {
          treeId: tree.id,
          ids: incoming.map((n) => n.id),
        })
        .execute();

      Object.assign(tree, {
        name: dto.name,
        description: dto.description ?? tree.description,
        kind: dto.kind ?? tree.kind,
        status: dto.status ?? tree.status,
        startNodeId: dto.start_node_id.toLowerCase(),
        version: tree.version + 1,
      });
      await trees.save(tree);
      return this.get(caller, tree.id, manager);
    });
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
