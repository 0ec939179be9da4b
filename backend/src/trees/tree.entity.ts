import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const TREE_KINDS = ['decision', 'procedural'] as const;
export type TreeKind = (typeof TREE_KINDS)[number];
export const TREE_STATUSES = ['draft', 'published', 'archived'] as const;
export type TreeStatus = (typeof TREE_STATUSES)[number];

/** A troubleshooting flow. Its nodes live in tree_nodes. */
@Entity({ name: 'trees' })
export class Tree {
  /** The tenant leads every key (migration TenantKeys): ids are unique within an account. */
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', default: 'decision' })
  kind: TreeKind;

  @Column({ type: 'text', default: 'draft' })
  status: TreeStatus;

  @Column({ name: 'start_node_id', type: 'uuid' })
  startNodeId: string;

  @Column({ name: 'usage_count', type: 'integer', default: 0 })
  usageCount: number;

  /** Bumped on every edit; a PUT naming an older version is refused with 409 (no lost edits). */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
