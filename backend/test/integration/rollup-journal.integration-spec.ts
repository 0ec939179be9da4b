import { Client } from 'pg';

import { foldJournal } from '../../src/analytics/rollup/rollup-fold';
import { RollupJournalFolder } from '../../src/analytics/rollup/rollup-journal-folder';
import { verifyRollups } from '../../src/analytics/rollup/rollup-recount';
import { ZERO_UUID } from '../../src/analytics/rollup/rollup-schema';
import { addUser, auth, createFlow, Login, registerAccount, startAtStep } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Writes reach the rollups through the journal (analytics/rollup/rollup-journal.ts): appended in
 * the write's transaction, folded into the rollup tables later. Reports and rollup:verify are
 * the same before and after a fold, concurrent folds lose nothing, and the API folds on its own.
 * (Every analytics endpoint against live aggregation, with the journal part folded: the
 * property test of rollup.integration-spec.ts.)
 */
describe('rollup journal', () => {
  let t: TestApp;
  let admin: Login;
  let engineer: Login;
  let flow: Awaited<ReturnType<typeof createFlow>>;
  let folder: RollupJournalFolder;

  beforeAll(async () => {
    // Every report computed, never served again: a report read after a fold comes from the tables.
    process.env.ANALYTICS_CACHE_ENTRIES = '0';
    try {
      t = await createTestApp();
    } finally {
      delete process.env.ANALYTICS_CACHE_ENTRIES;
    }
    admin = await registerAccount(t);
    engineer = await addUser(t, admin);
    flow = await createFlow(t, admin);
    folder = t.app.get(RollupJournalFolder);
  });
  afterAll(() => t.close());

  /** Runs `work` with the API's folder stopped (a fold in flight finishes first), then starts it again. */
  async function withoutFolder(work: () => Promise<void>): Promise<void> {
    await folder.onApplicationShutdown();
    try {
      await work();
    } finally {
      folder.onApplicationBootstrap();
    }
  }

  /** Sessions started, completed, rated and voted on through the API. */
  async function finishedSessions(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = (await startAtStep(t, engineer, flow)).id;
      await t.http
        .post(`/api/v1/sessions/${id}/complete`)
        .set(auth(engineer.token))
        .send({ outcome: i % 2 ? 'resolved' : 'escalated' })
        .expect(200);
      await t.http
        .post(`/api/v1/sessions/${id}/rate`)
        .set(auth(engineer.token))
        .send({ rating: 1 + (i % 5) })
        .expect(201);
      await t.http
        .put(`/api/v1/sessions/${id}/nodes/${flow.ids.step}/feedback`)
        .set(auth(engineer.token))
        .send({ was_helpful: i % 3 === 0 })
        .expect(201);
      ids.push(id);
    }
    return ids;
  }

  const journalRows = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*) FROM analytics_journal_sessions)::int AS sessions, (SELECT count(*) FROM analytics_journal_session_ratings)::int AS ratings,
                (SELECT count(*) FROM analytics_journal_step_ratings)::int AS votes`,
      )
    )[0] as { sessions: number; ratings: number; votes: number };

  const reports = async () => {
    const team = await t.http.get('/api/v1/analytics/team?period=30d').set(auth(admin.token)).expect(200);
    const flowReport = await t.http
      .get(`/api/v1/analytics/flows/${flow.tree.id}?period=30d`)
      .set(auth(admin.token))
      .expect(200);
    return { team: team.body, flow: flowReport.body };
  };

  /** The sessions list's totals for filters the rollups count. */
  const listTotals = async () => {
    const total = async (who: Login, query: string) =>
      (await t.http.get(`/api/v1/sessions?limit=1&${query}`).set(auth(who.token)).expect(200)).body.total as number;
    const node = `all=true&tree_id=${flow.tree.id}`;
    return {
      mine: await total(engineer, ''),
      completed: await total(admin, 'all=true&period=30d&status=completed'),
      escalated: await total(admin, 'all=true&period=30d&outcome=escalated'),
      endedAtStep: await total(admin, `${node}&ended_at_node_id=${flow.ids.step}`),
      stoppedAtStep: await total(admin, `${node}&stopped_at_node_id=${flow.ids.step}`),
    };
  };

  const expectExact = async () => {
    const { total, differences } = await t.dataSource.transaction('REPEATABLE READ', (manager) =>
      verifyRollups(manager),
    );
    expect({ total, differences }).toEqual({ total: 0, differences: [] });
  };

  /** The account's completed sessions as the daily rollup table itself holds them (journal not included). */
  const completedInTable = async () =>
    Number(
      (
        await t.dataSource.query(
          `SELECT coalesce(sum(completed), 0)::int AS n FROM analytics_rollup_daily WHERE account_id = $1 AND user_id = $2 AND tree_id = $2`,
          [admin.user.account_id, ZERO_UUID],
        )
      )[0].n,
    );

  it('a write waits in the journal until a fold; reports read it there and set a fold going, with the same figures', async () => {
    await withoutFolder(async () => {
      const before = await completedInTable();
      await finishedSessions(3);
      // Start, the answer to reach the step and the completion (each an old row and a new one), rating, vote:
      // all in the journal, none in the tables yet.
      expect(await journalRows()).toEqual({ sessions: 15, ratings: 3, votes: 3 });
      expect(await completedInTable()).toBe(before);
      await expectExact();

      // While another transaction holds the journal rows, folds skip them: the reports read them from the journal.
      const blocker = new Client({ connectionString: t.databaseUrl });
      await blocker.connect();
      let unfolded: Awaited<ReturnType<typeof reports>>;
      try {
        await blocker.query('BEGIN');
        for (const table of [
          'analytics_journal_sessions',
          'analytics_journal_session_ratings',
          'analytics_journal_step_ratings',
        ]) {
          await blocker.query(`SELECT 1 FROM ${table} FOR UPDATE`);
        }
        unfolded = await reports();
        // The sessions list counts these filters from the rollups (SessionCountsService): the journal too.
        expect(await listTotals()).toEqual({ mine: 3, completed: 3, escalated: 2, endedAtStep: 3, stoppedAtStep: 0 });
        expect(await journalRows()).toEqual({ sessions: 15, ratings: 3, votes: 3 });
      } finally {
        await blocker.query('ROLLBACK');
        await blocker.end();
      }
      expect(unfolded.team.summary.completed_sessions).toBe(3);
      expect(unfolded.team.summary.rating_count).toBe(3);
      expect(unfolded.flow.step_feedback[0]).toEqual(expect.objectContaining({ helpful_yes: 1, helpful_no: 2 }));

      // With the folder stopped, only the fold a report sets going moves the rows into the tables.
      expect(await reports()).toEqual(unfolded);
      await eventually(
        'the fold a report set going',
        async () => Object.values(await journalRows()).every((n) => n === 0),
        5_000,
      );
      expect(await completedInTable()).toBe(before + 3);
      expect(await reports()).toEqual(unfolded);
      expect(await listTotals()).toEqual({ mine: 3, completed: 3, escalated: 2, endedAtStep: 3, stoppedAtStep: 0 });
      await expectExact();
    });
  });

  it('concurrent folds take disjoint rows and lose none', async () => {
    await withoutFolder(async () => {
      await finishedSessions(12);
      const folded = await Promise.all([
        foldJournal(t.dataSource, 2),
        foldJournal(t.dataSource, 3),
        foldJournal(t.dataSource, 5),
        foldJournal(t.dataSource),
      ]);
      expect(folded.reduce((a, b) => a + b, 0)).toBe(12 * 7);
      expect(await journalRows()).toEqual({ sessions: 0, ratings: 0, votes: 0 });
      await expectExact();
    });
  });

  /** Polls `check` every 50 ms until it holds, for at most `ms`. */
  async function eventually(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
    for (const started = Date.now(); !(await check());) {
      if (Date.now() - started > ms) throw new Error(`${what} did not happen within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('the API folds the journal on its own, and vacuums what it folded', async () => {
    const size = async () =>
      Number((await t.dataSource.query(`SELECT pg_relation_size('analytics_journal_sessions') AS n`))[0].n);
    await withoutFolder(async () => {
      await finishedSessions(2);
      expect(await size()).toBeGreaterThan(0);
    });
    await eventually('the fold', async () => Object.values(await journalRows()).every((n) => n === 0), 5_000);
    await expectExact();
    // Folded rows stay in the table's pages until a vacuum, which the folder runs (and which truncates the emptied table).
    await eventually('the vacuum', async () => (await size()) === 0, 8_000);
  }, 20_000);
});
