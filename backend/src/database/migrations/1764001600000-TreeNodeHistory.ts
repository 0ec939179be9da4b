import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a flow's nodes were called before an edit, so a session or a version's report shows the
 * titles and option labels its engineers saw: a row per node and edit that changed its title,
 * type or options, holding the content it had until `until_version` (the version the edit
 * made). The content in version N is the earliest row with until_version > N, else the node's
 * current one. Nothing to backfill: an edit made before this migration is not known, and
 * those versions show the current content, as before.
 *
 * Keys carry account_id like every tenant table; the rows go with their node's flow.
 *
 * Frozen SQL; never edit it, a change to the schema is a new migration.
 */
export class TreeNodeHistory1764001600000 implements MigrationInterface {
  name = 'TreeNodeHistory1764001600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE tree_node_history (
        account_id uuid NOT NULL,
        tree_id uuid NOT NULL,
        node_id uuid NOT NULL,
        until_version integer NOT NULL CHECK (until_version >= 2),
        type text NOT NULL,
        title text NOT NULL,
        options jsonb NOT NULL,
        PRIMARY KEY (account_id, node_id, until_version),
        FOREIGN KEY (account_id, tree_id) REFERENCES trees (account_id, id) ON DELETE CASCADE,
        FOREIGN KEY (account_id, node_id) REFERENCES tree_nodes (account_id, id) ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE tree_node_history`);
  }
}
