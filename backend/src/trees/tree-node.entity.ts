import { Column, Entity, PrimaryColumn } from 'typeorm';

export const NODE_TYPES = ['question', 'step', 'solution'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface NodeOption {
  id: string;
  label: string;
  next_node_id: string;
}

/**
 * One node of a flow. Ids are chosen by the client so a flow's payload can link nodes
 * before they exist. Nodes dropped by an edit are marked removed, never deleted: sessions
 * and their feedback keep pointing at what they visited.
 */
@Entity({ name: 'tree_nodes' })
export class TreeNode {
  /** The tenant leads the key (migration TenantKeys): the same id in another account is another node. */
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tree_id', type: 'uuid' })
  treeId: string;

  @Column({ type: 'text' })
  type: NodeType;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  body: string;

  @Column({ name: 'help_text', type: 'text', nullable: true })
  helpText: string | null;

  @Column({ name: 'step_id', type: 'uuid', nullable: true })
  stepId: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  options: NodeOption[];

  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;
}
