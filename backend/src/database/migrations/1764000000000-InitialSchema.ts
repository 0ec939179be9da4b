import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Core schema: tenants, users, step library, flows and sessions.
 * Every tenant-owned table carries account_id and leads its indexes with it, so the schema
 * can later be distributed by tenant. Plain SQL that runs on PostgreSQL 15 and 18.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        timezone text NOT NULL DEFAULT 'UTC',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('super_admin', 'team_admin', 'engineer')),
        is_active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email))`);
    await queryRunner.query(`CREATE INDEX users_account_idx ON users (account_id, name)`);

    await queryRunner.query(`
      CREATE TABLE step_library (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        title text NOT NULL,
        instructions text NOT NULL DEFAULT '',
        helpful_yes integer NOT NULL DEFAULT 0 CHECK (helpful_yes >= 0),
        helpful_no integer NOT NULL DEFAULT 0 CHECK (helpful_no >= 0),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX step_library_account_idx ON step_library (account_id, title)`);

    await queryRunner.query(`
      CREATE TABLE trees (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        kind text NOT NULL DEFAULT 'decision' CHECK (kind IN ('decision', 'procedural')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
        start_node_id uuid NOT NULL,
        usage_count integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX trees_account_status_idx ON trees (account_id, status, name)`);

    await queryRunner.query(`
      CREATE TABLE tree_nodes (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        tree_id uuid NOT NULL REFERENCES trees(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('question', 'step', 'solution')),
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        help_text text,
        step_id uuid REFERENCES step_library(id) ON DELETE SET NULL,
        options jsonb NOT NULL DEFAULT '[]',
        position integer NOT NULL DEFAULT 0,
        removed_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX tree_nodes_tree_idx ON tree_nodes (account_id, tree_id, position)`);
    await queryRunner.query(`CREATE INDEX tree_nodes_step_idx ON tree_nodes (step_id) WHERE step_id IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        tree_id uuid NOT NULL REFERENCES trees(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        started_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        outcome text CHECK (outcome IN ('resolved', 'escalated', 'workaround', 'unresolved')),
        current_node_id uuid,
        path jsonb NOT NULL DEFAULT '[]',
        notes text,
        CHECK ((completed_at IS NULL) = (outcome IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX sessions_account_started_idx ON sessions (account_id, started_at)`);
    await queryRunner.query(
      `CREATE INDEX sessions_account_user_idx ON sessions (account_id, user_id, started_at DESC)`,
    );
    await queryRunner.query(`CREATE INDEX sessions_tree_idx ON sessions (account_id, tree_id, started_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sessions`);
    await queryRunner.query(`DROP TABLE tree_nodes`);
    await queryRunner.query(`DROP TABLE trees`);
    await queryRunner.query(`DROP TABLE step_library`);
    await queryRunner.query(`DROP TABLE users`);
    await queryRunner.query(`DROP TABLE accounts`);
  }
}
