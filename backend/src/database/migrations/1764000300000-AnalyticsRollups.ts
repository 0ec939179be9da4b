import { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildRollups } from '../../analytics/rollup/rollup-recount';
import { createRollupTablesSql, createRollupTriggersSql, DROP_ROLLUPS_SQL } from '../../analytics/rollup/rollup-schema';

/**
 * Exact analytics rollups (see analytics/rollup/rollup-schema.ts): hourly and daily UTC buckets
 * of counts and sums, keyed tenant-first, kept by statement-level triggers in the same
 * transaction as every write to sessions, session_ratings and step_ratings; backfilled here
 * from whatever the tables already hold. Plus the covering index the live median reads.
 */
export class AnalyticsRollups1764000300000 implements MigrationInterface {
  name = 'AnalyticsRollups1764000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of createRollupTablesSql()) await queryRunner.query(sql);
    // As it was when it landed: the version bump came with AnalyticsVersions, which re-installs the functions.
    for (const sql of createRollupTriggersSql({ bumpVersions: false })) await queryRunner.query(sql);
    await rebuildRollups(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of DROP_ROLLUPS_SQL) await queryRunner.query(sql);
  }
}
