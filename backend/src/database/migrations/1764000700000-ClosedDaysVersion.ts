import { MigrationInterface, QueryRunner } from 'typeorm';
import { VERSION_CHANNELS, VERSION_TABLE } from '../../analytics/rollup/analytics-version';
import { rollupTriggerFunctionsSql } from '../../analytics/rollup/rollup-schema';

/**
 * The 'past' analytics version channel (analytics/rollup/closed-days.ts): the rollup trigger
 * functions re-installed so that a write reaching a bucket before its own UTC day also moves
 * its account's 'past' version. No schema change: the channel is a value in analytics_versions.
 */
export class ClosedDaysVersion1764000700000 implements MigrationInterface {
  name = 'ClosedDaysVersion1764000700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of rollupTriggerFunctionsSql()) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of rollupTriggerFunctionsSql({ bumpPast: false })) await queryRunner.query(sql);
    await queryRunner.query(`DELETE FROM ${VERSION_TABLE} WHERE channel = ${VERSION_CHANNELS.past}`);
  }
}
