import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenant-first access paths for the analytics reads of session_ratings: per flow and per
 * engineer over time. (The sessions side is already served by sessions_tree_idx and
 * sessions_account_user_idx, both led by account_id.)
 */
export class AnalyticsIndexes1764000200000 implements MigrationInterface {
  name = 'AnalyticsIndexes1764000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX session_ratings_account_tree_created_idx ON session_ratings (account_id, tree_id, created_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX session_ratings_account_user_created_idx ON session_ratings (account_id, user_id, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX session_ratings_account_user_created_idx`);
    await queryRunner.query(`DROP INDEX session_ratings_account_tree_created_idx`);
  }
}
