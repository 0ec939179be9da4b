import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The flow version a session started on (trees.version at its start), so a flow's figures can be
 * read per version and an edit judged. New sessions get it from the start statement.
 *
 * Existing sessions: only what is known is written. A flow's version is bumped (and its
 * updated_at set, in the same transaction) by every edit and by archiving, so a session that
 * started at or after the flow's last change ran the flow's current version, and a flow still at
 * version 1 was never edited, so all its sessions ran version 1. Every other existing session
 * started before some later edit and which version it ran is not recorded anywhere: it stays NULL
 * (unknown) rather than being credited to a version it did not run.
 *
 * The backfill changes no column the analytics rollups read, so the sessions' rollup trigger is
 * left out of it (it would journal every session twice, -1 and +1, for a net change of nothing).
 */
export class SessionTreeVersion1764001300000 implements MigrationInterface {
  name = 'SessionTreeVersion1764001300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sessions ADD COLUMN tree_version integer CHECK (tree_version >= 1)`);
    await queryRunner.query(`ALTER TABLE sessions DISABLE TRIGGER sessions_rollup_upd`);
    await queryRunner.query(`
      UPDATE sessions s SET tree_version = t.version
        FROM trees t
       WHERE t.account_id = s.account_id AND t.id = s.tree_id
         AND (t.version = 1 OR s.started_at >= t.updated_at)`);
    await queryRunner.query(`ALTER TABLE sessions ENABLE TRIGGER sessions_rollup_upd`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sessions DROP COLUMN tree_version`);
  }
}
