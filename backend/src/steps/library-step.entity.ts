import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A reusable step of the account's step library; flows point at it from their step nodes. */
@Entity({ name: 'step_library' })
export class LibraryStep {
  /** The tenant leads every key (migration TenantKeys): ids are unique within an account. */
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  instructions: string;

  /** Running totals of step feedback, kept exact by atomic updates in the feedback transaction. */
  @Column({ name: 'helpful_yes', type: 'integer', default: 0 })
  helpfulYes: number;

  @Column({ name: 'helpful_no', type: 'integer', default: 0 })
  helpfulNo: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
