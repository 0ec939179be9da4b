import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sessions list's drop-off drill-down (`stopped_at_node_id`: unfinished sessions now at a
 * node) walked every session of the node's flow in the window to find the few standing at the
 * node: 47,626 rows read for 1,908 matches in a 30-day window of the 1M-session bench account,
 * 244 ms in EXPLAIN ANALYZE, p95 199 ms over HTTP. This partial index holds only unfinished
 * sessions, by node, in the list's order (started_at, then id): the same page reads its 51 entries
 * and stops (0.4 ms; without `id` it read all 1,908 and sorted them, 9 ms).
 *
 * Its cost on writes: an answer (decide, back) of an unfinished session moves it to another node,
 * a new entry here; a completion takes it out of the predicate. Neither update was HOT before
 * (263 of 32,000 session updates in the bench), so each already wrote a new entry in every index
 * of sessions; this adds one more for an answer and none for a completion.
 *
 * Frozen SQL; never edit it, a change to the schema is a new migration.
 */
export class UnfinishedSessionsNodeIndex1764001500000 implements MigrationInterface {
  name = 'UnfinishedSessionsNodeIndex1764001500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX sessions_unfinished_node_idx ON sessions (account_id, current_node_id, started_at, id) WHERE completed_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX sessions_unfinished_node_idx`);
  }
}
