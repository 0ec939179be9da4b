import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-tier feedback: one CSAT rating per finished session, and a thumbs vote per step node
 * per session. Indexes serve the analytics queries (by tree and by account over time).
 */
export class Feedback1764000100000 implements MigrationInterface {
  name = 'Feedback1764000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE session_ratings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        tree_id uuid NOT NULL REFERENCES trees(id) ON DELETE CASCADE,
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment text CHECK (char_length(comment) <= 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT session_ratings_session_key UNIQUE (session_id)
      )`);
    await queryRunner.query(`CREATE INDEX session_ratings_tree_created_idx ON session_ratings (tree_id, created_at)`);
    await queryRunner.query(
      `CREATE INDEX session_ratings_account_created_idx ON session_ratings (account_id, created_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE step_ratings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        tree_id uuid NOT NULL REFERENCES trees(id) ON DELETE CASCADE,
        node_id uuid NOT NULL REFERENCES tree_nodes(id) ON DELETE CASCADE,
        step_id uuid REFERENCES step_library(id) ON DELETE SET NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        was_helpful boolean NOT NULL,
        rating smallint CHECK (rating BETWEEN 1 AND 5),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT step_ratings_session_node_key UNIQUE (session_id, node_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX step_ratings_step_helpful_idx ON step_ratings (step_id, was_helpful) WHERE step_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX step_ratings_tree_node_idx ON step_ratings (account_id, tree_id, node_id, created_at)`,
    );

    await queryRunner.query(`CREATE INDEX sessions_completed_idx ON sessions (completed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX sessions_completed_idx`);
    await queryRunner.query(`DROP TABLE step_ratings`);
    await queryRunner.query(`DROP TABLE session_ratings`);
  }
}
