import { MigrationInterface, QueryRunner } from 'typeorm';

const EVENTS = [
  ['ins', 'INSERT', 'REFERENCING NEW TABLE AS new_rows'],
  ['upd', 'UPDATE', 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['del', 'DELETE', 'REFERENCING OLD TABLE AS old_rows'],
] as const;

/**
 * Adds a statement's votes (+1) and removed votes (-1) to their library steps' counters; the
 * tenant key leads, as everywhere (a single-tenant router statement should the tables be
 * distributed by account_id, see docs/scaling.md).
 */
const tally = (sources: string[]) => `
  UPDATE step_library l
     SET helpful_yes = l.helpful_yes + d.yes, helpful_no = l.helpful_no + d.no
    FROM (SELECT account_id, step_id, sum(yes) AS yes, sum(no) AS no
            FROM (${sources.join(' UNION ALL ')}) v
           WHERE step_id IS NOT NULL GROUP BY account_id, step_id) d
   WHERE l.account_id = d.account_id AND l.id = d.step_id AND (d.yes <> 0 OR d.no <> 0);`;
const NEW_VOTES = `SELECT account_id, step_id, was_helpful::int AS yes, (NOT was_helpful)::int AS no FROM new_rows`;
const OLD_VOTES = `SELECT account_id, step_id, -was_helpful::int AS yes, -(NOT was_helpful)::int AS no FROM old_rows`;

/** Sets every library step's counters to its stored votes (a bulk loader that ran without triggers needs it too). */
export const RECOUNT_VOTE_COUNTERS_SQL = `
  UPDATE step_library l
     SET helpful_yes = coalesce(c.yes, 0), helpful_no = coalesce(c.no, 0)
    FROM step_library l2
    LEFT JOIN (SELECT step_id, count(*) FILTER (WHERE was_helpful)::int AS yes, count(*) FILTER (WHERE NOT was_helpful)::int AS no
                 FROM step_ratings WHERE step_id IS NOT NULL GROUP BY step_id) c ON c.step_id = l2.id
   WHERE l.id = l2.id AND (l.helpful_yes, l.helpful_no) IS DISTINCT FROM (coalesce(c.yes, 0), coalesce(c.no, 0))`;

/**
 * step_library.helpful_yes / helpful_no kept by statement triggers on step_ratings instead of
 * by the services, so every write path (API, seeders, SQL, cascades) counts alike. The
 * trigger's UPDATE runs after the vote rows are locked and written, with a fresh snapshot
 * (READ COMMITTED): each increment starts from the latest committed counts, so concurrent vote
 * changes cannot trip the counters' CHECK (>= 0) with a stale value. Named "tally" to fire
 * after the "rollup" triggers (same event, alphabetical order): the hot step_library row is
 * locked for as short a time as possible before commit.
 */
export class StepVoteCounters1764000400000 implements MigrationInterface {
  name = 'StepVoteCounters1764000400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION step_library_tally_votes() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${tally([NEW_VOTES])}
        ELSIF TG_OP = 'UPDATE' THEN ${tally([OLD_VOTES, NEW_VOTES])}
        ELSE ${tally([OLD_VOTES])}
        END IF;
        RETURN NULL;
      END $fn$`);
    for (const [suffix, event, referencing] of EVENTS) {
      await queryRunner.query(
        `CREATE TRIGGER step_ratings_tally_${suffix} AFTER ${event} ON step_ratings ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION step_library_tally_votes()`,
      );
    }
    // Start from the truth, whatever wrote the counters before.
    await queryRunner.query(RECOUNT_VOTE_COUNTERS_SQL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [suffix] of EVENTS) await queryRunner.query(`DROP TRIGGER step_ratings_tally_${suffix} ON step_ratings`);
    await queryRunner.query(`DROP FUNCTION step_library_tally_votes()`);
  }
}
