import { MigrationInterface, QueryRunner } from 'typeorm';
import { createVersionSchemaSql, dropVersionSchemaSql } from '../../analytics/rollup/analytics-version';
import { rollupTriggerFunctionsSql } from '../../analytics/rollup/rollup-schema';

/**
 * Per-account analytics versions (analytics/rollup/analytics-version.ts), so a report can be
 * served again until a write changes what it shows: the table, the name triggers, and the
 * rollup trigger functions re-installed with the version bump at their end.
 */
export class AnalyticsVersions1764000600000 implements MigrationInterface {
  name = 'AnalyticsVersions1764000600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of createVersionSchemaSql()) await queryRunner.query(sql);
    for (const sql of rollupTriggerFunctionsSql()) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of rollupTriggerFunctionsSql({ bumpVersions: false })) await queryRunner.query(sql);
    for (const sql of dropVersionSchemaSql()) await queryRunner.query(sql);
  }
}
