import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A thumbs up/down on one step node within one session. */
@Entity({ name: 'step_ratings' })
export class StepVote {
  /** The tenant leads every key (migration TenantKeys): ids are unique within an account. */
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'tree_id', type: 'uuid' })
  treeId: string;

  @Column({ name: 'node_id', type: 'uuid' })
  nodeId: string;

  /** The library step the node uses, if any: its helpful counters follow these votes. */
  @Column({ name: 'step_id', type: 'uuid', nullable: true })
  stepId: string | null;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'was_helpful', type: 'boolean' })
  wasHelpful: boolean;

  /** Legacy 1–5 score from the seed design; new votes leave it null. */
  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
