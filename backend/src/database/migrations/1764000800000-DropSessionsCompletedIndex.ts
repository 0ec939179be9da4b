import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drops sessions_completed_idx: no query reads completed_at without an account and a start
 * range (the tenant-first indexes serve those), and it cost every session start an index entry
 * and made every completion a non-HOT update (completed_at was indexed).
 */
export class DropSessionsCompletedIndex1764000800000 implements MigrationInterface {
  name = 'DropSessionsCompletedIndex1764000800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX sessions_completed_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX sessions_completed_idx ON sessions (completed_at)`);
  }
}
