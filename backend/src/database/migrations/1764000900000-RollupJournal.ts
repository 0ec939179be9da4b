import { MigrationInterface, QueryRunner } from 'typeorm';
import { DROP_JOURNAL_ROWS_FUNCTIONS_SQL, foldJournal, journalRowsFunctionsSql } from '../../analytics/rollup/rollup-fold';
import { createJournalTablesSql, DROP_JOURNAL_TABLES_SQL, LOCK_JOURNALS_SQL } from '../../analytics/rollup/rollup-journal';
import { rollupTriggerFunctionsSql } from '../../analytics/rollup/rollup-schema';

/**
 * The rollup journal (analytics/rollup/rollup-journal.ts): the trigger functions re-installed to
 * append each write's rows to the journal instead of upserting the rollups, which a fold adds
 * in later, and the functions readers read one account's journal through. Down folds what the
 * journal holds first, so the rollups lose nothing.
 */
export class RollupJournal1764000900000 implements MigrationInterface {
  name = 'RollupJournal1764000900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of createJournalTablesSql()) await queryRunner.query(sql);
    for (const sql of journalRowsFunctionsSql()) await queryRunner.query(sql);
    for (const sql of rollupTriggerFunctionsSql({ journal: true })) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // A running fold finishes first, and none starts until the journal is gone.
    await queryRunner.query(LOCK_JOURNALS_SQL);
    for (const sql of rollupTriggerFunctionsSql()) await queryRunner.query(sql);
    await foldJournal(queryRunner);
    for (const sql of DROP_JOURNAL_ROWS_FUNCTIONS_SQL) await queryRunner.query(sql);
    for (const sql of DROP_JOURNAL_TABLES_SQL) await queryRunner.query(sql);
  }
}
