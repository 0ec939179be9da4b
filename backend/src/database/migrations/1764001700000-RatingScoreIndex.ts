import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A CSAT bar's drill-down (`GET /sessions?rating=1&period=30d`: sessions rated 1 in the window)
 * read every rating of the account to find those of one score in the window: a sequential scan
 * of session_ratings (281,526 rows at 1M sessions; 14.5 ms of the page's 40 ms in EXPLAIN
 * ANALYZE). By account, score and time, with the session, it reads the window's ratings of that
 * score alone. Ratings are written once and never updated, so its cost is one entry per rating.
 *
 * Frozen SQL; never edit it, a change to the schema is a new migration.
 */
export class RatingScoreIndex1764001700000 implements MigrationInterface {
  name = 'RatingScoreIndex1764001700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX session_ratings_score_idx ON session_ratings (account_id, rating, created_at) INCLUDE (session_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX session_ratings_score_idx`);
  }
}
