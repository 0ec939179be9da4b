import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The login limits' counters, shared by every API instance (common/throttling/shared-throttler-storage.ts):
 * one row per limited key (a hash of the route, the IP or e-mail address, and the limit's name),
 * a fixed window and, once over the limit, a block. UNLOGGED: counters need no crash safety or
 * replication, and skip the WAL. Not a tenant table: keys are not an account's data.
 */
export class RateLimits1764001020000 implements MigrationInterface {
  name = 'RateLimits1764001020000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNLOGGED TABLE rate_limits (
        key text PRIMARY KEY,
        hits integer NOT NULL,
        window_ends timestamptz NOT NULL,
        blocked_until timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE rate_limits`);
  }
}
