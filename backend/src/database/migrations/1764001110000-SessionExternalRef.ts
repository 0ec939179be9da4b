import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ticket a session belongs to: the caller's reference (e.g. INC0012345) and a link to it.
 * Found again by exact reference within an account, so the index leads with the tenant and
 * holds only sessions that have one.
 */
export class SessionExternalRef1764001110000 implements MigrationInterface {
  name = 'SessionExternalRef1764001110000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE sessions
        ADD COLUMN external_ref text CHECK (char_length(external_ref) BETWEEN 1 AND 200),
        ADD COLUMN external_url text CHECK (char_length(external_url) <= 2000 AND external_url ~* '^https?://')`);
    await queryRunner.query(
      `CREATE INDEX sessions_external_ref_idx ON sessions (account_id, external_ref) WHERE external_ref IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX sessions_external_ref_idx`);
    await queryRunner.query(`ALTER TABLE sessions DROP COLUMN external_url, DROP COLUMN external_ref`);
  }
}
