import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenant keys: every tenant table's primary key and unique constraints lead with account_id, and
 * every foreign key between tenant tables carries it — FOREIGN KEY (account_id, tree_id)
 * REFERENCES trees (account_id, id) — so no row can point into another account, whatever the
 * code does. Before this, ids were one key space across accounts: a client-chosen node id that
 * another account had just written was taken over by an upsert (issue 20). Now the same id in two
 * accounts is two rows. It is also the rule a schema distributed by account_id (Citus) must meet;
 * test/integration/tenant-keys.integration-spec.ts checks it in the catalog for every table.
 *
 * Plain SQL, frozen: runs on PostgreSQL 15 and 18 (ON DELETE SET NULL (column) needs 15).
 *
 * Data: nothing is rewritten but one repair. A database that ran into the takeover can hold votes
 * and flows naming a node that now belongs to another account; such a node is re-created in the
 * account that names it as a removed placeholder, so the new keys hold and every vote is kept.
 */
const TENANT_TABLES = ['users', 'step_library', 'trees', 'tree_nodes', 'sessions', 'session_ratings', 'step_ratings'];

/** The foreign keys between tenant tables, with their delete actions (unchanged by this migration). */
const FOREIGN_KEYS: [table: string, column: string, target: string, onDelete: 'CASCADE' | 'SET NULL'][] = [
  ['step_library', 'created_by', 'users', 'SET NULL'],
  ['trees', 'created_by', 'users', 'SET NULL'],
  ['tree_nodes', 'tree_id', 'trees', 'CASCADE'],
  ['tree_nodes', 'step_id', 'step_library', 'SET NULL'],
  ['sessions', 'tree_id', 'trees', 'CASCADE'],
  ['sessions', 'user_id', 'users', 'CASCADE'],
  ['session_ratings', 'session_id', 'sessions', 'CASCADE'],
  ['session_ratings', 'user_id', 'users', 'CASCADE'],
  ['session_ratings', 'tree_id', 'trees', 'CASCADE'],
  ['step_ratings', 'session_id', 'sessions', 'CASCADE'],
  ['step_ratings', 'tree_id', 'trees', 'CASCADE'],
  ['step_ratings', 'node_id', 'tree_nodes', 'CASCADE'],
  ['step_ratings', 'step_id', 'step_library', 'SET NULL'],
  ['step_ratings', 'user_id', 'users', 'CASCADE'],
];

export class TenantKeys1764001000000 implements MigrationInterface {
  name = 'TenantKeys1764001000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Long-running writers of the old shape must not interleave with the key swap.
    await queryRunner.query(`LOCK TABLE ${TENANT_TABLES.join(', ')} IN ACCESS EXCLUSIVE MODE`);

    // Every foreign key between tenant tables goes (they hang on the single-column keys); the
    // ones to accounts(id) stay: account_id -> accounts.id is already the tenant key.
    await queryRunner.query(`
      DO $$
      DECLARE fk record;
      BEGIN
        FOR fk IN
          SELECT c.conrelid::regclass AS tbl, c.conname
            FROM pg_constraint c
           WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
             AND c.confrelid IN (${TENANT_TABLES.map((table) => `'${table}'::regclass`).join(', ')})
        LOOP
          EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tbl, fk.conname);
        END LOOP;
      END $$`);

    for (const table of TENANT_TABLES) {
      await queryRunner.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey, ADD CONSTRAINT ${table}_pkey PRIMARY KEY (account_id, id)`,
      );
    }
    await queryRunner.query(`
      ALTER TABLE session_ratings DROP CONSTRAINT session_ratings_session_key,
        ADD CONSTRAINT session_ratings_session_key UNIQUE (account_id, session_id)`);
    await queryRunner.query(`
      ALTER TABLE step_ratings DROP CONSTRAINT step_ratings_session_node_key,
        ADD CONSTRAINT step_ratings_session_node_key UNIQUE (account_id, session_id, node_id)`);

    // The repair (see above): nodes named by votes or as a flow's start in an account that no
    // longer holds them.
    await queryRunner.query(`
      INSERT INTO tree_nodes (account_id, id, tree_id, type, title, body, options, position, removed_at)
      SELECT DISTINCT ON (r.account_id, r.node_id) r.account_id, r.node_id, r.tree_id, r.type,
             '(lost: taken over by another account before migration TenantKeys)', '', '[]'::jsonb, 0, now()
        FROM (SELECT account_id, node_id, tree_id, 'step' AS type, 0 AS preference FROM step_ratings
              UNION ALL
              SELECT account_id, start_node_id, id, 'question', 1 FROM trees) r
        LEFT JOIN tree_nodes n ON n.account_id = r.account_id AND n.id = r.node_id
       WHERE n.id IS NULL
       ORDER BY r.account_id, r.node_id, r.preference, r.tree_id`);

    // The foreign keys again, each carrying account_id; same actions as before. SET NULL names
    // its column, so account_id (part of the key, NOT NULL) stays.
    for (const [table, column, target, onDelete] of FOREIGN_KEYS) {
      const action = onDelete === 'SET NULL' ? `SET NULL (${column})` : onDelete;
      await queryRunner.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_fkey FOREIGN KEY (account_id, ${column}) REFERENCES ${target} (account_id, id) ON DELETE ${action}`,
      );
    }
    // New: a flow's start node is a node of its own account. Deferred, since a flow is written
    // before its nodes. (sessions.current_node_id gets none: every start and answer would lock the
    // node's row for the check, on the hottest write path; it is set from the flow's own nodes.)
    await queryRunner.query(`
      ALTER TABLE trees ADD CONSTRAINT trees_start_node_id_fkey FOREIGN KEY (account_id, start_node_id)
        REFERENCES tree_nodes (account_id, id) DEFERRABLE INITIALLY DEFERRED`);

    // Indexes the SET NULL actions of step deletes read, tenant-first like every other index.
    await queryRunner.query(`DROP INDEX tree_nodes_step_idx`);
    await queryRunner.query(
      `CREATE INDEX tree_nodes_step_idx ON tree_nodes (account_id, step_id) WHERE step_id IS NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX step_ratings_step_helpful_idx`);
    await queryRunner.query(
      `CREATE INDEX step_ratings_step_helpful_idx ON step_ratings (account_id, step_id, was_helpful) WHERE step_id IS NOT NULL`,
    );
  }

  /** Back to one key space; refused (by the unique keys) once an id is used in two accounts. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX step_ratings_step_helpful_idx`);
    await queryRunner.query(
      `CREATE INDEX step_ratings_step_helpful_idx ON step_ratings (step_id, was_helpful) WHERE step_id IS NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX tree_nodes_step_idx`);
    await queryRunner.query(`CREATE INDEX tree_nodes_step_idx ON tree_nodes (step_id) WHERE step_id IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE trees DROP CONSTRAINT trees_start_node_id_fkey`);
    for (const [table, column] of FOREIGN_KEYS)
      await queryRunner.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_fkey`);
    await queryRunner.query(`
      ALTER TABLE step_ratings DROP CONSTRAINT step_ratings_session_node_key,
        ADD CONSTRAINT step_ratings_session_node_key UNIQUE (session_id, node_id)`);
    await queryRunner.query(`
      ALTER TABLE session_ratings DROP CONSTRAINT session_ratings_session_key,
        ADD CONSTRAINT session_ratings_session_key UNIQUE (session_id)`);
    for (const table of TENANT_TABLES) {
      await queryRunner.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey, ADD CONSTRAINT ${table}_pkey PRIMARY KEY (id)`,
      );
    }
    for (const [table, column, target, onDelete] of FOREIGN_KEYS) {
      await queryRunner.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_fkey FOREIGN KEY (${column}) REFERENCES ${target} (id) ON DELETE ${onDelete}`,
      );
    }
  }
}
