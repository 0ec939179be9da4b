import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const OUTCOMES = ['resolved', 'escalated', 'workaround', 'unresolved'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface PathEntry {
  node_id: string;
  option_id: string;
  at: string;
}

/** One engineer's run through a flow. */
@Entity({ name: 'sessions' })
export class Session {
  /** The tenant leads every key (migration TenantKeys): ids are unique within an account. */
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tree_id', type: 'uuid' })
  treeId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome: Outcome | null;

  @Column({ name: 'current_node_id', type: 'uuid', nullable: true })
  currentNodeId: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  path: PathEntry[];

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** The flow's version when the session started; null for older sessions whose version is unknown. */
  @Column({ name: 'tree_version', type: 'int', nullable: true })
  treeVersion: number | null;
}
