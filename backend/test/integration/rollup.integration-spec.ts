import fc from 'fast-check';

import { addDays, analyticsWindow, localDate } from '../../src/analytics/report/analytics-window';
import { LIVE_SECTIONS } from '../../src/analytics/report/sections/sections';
import { SqlRunner } from '../../src/analytics/report/sections/sql';
import { foldJournal, foldJournalSql } from '../../src/analytics/rollup/rollup-fold';
import { rebuildRollups, verifyRollups } from '../../src/analytics/rollup/rollup-recount';
import { addUser, auth, createFlow, FlowIds, Login, registerAccount, startAtStep } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The analytics rollups are exact: after random sessions, completions, ratings, votes, vote
 * changes and retractions through the API (and moves of those rows across hours and days, so
 * the triggers' UPDATE path re-buckets them), every analytics endpoint answers exactly what a
 * live aggregation over the raw tables computes, and rollup:verify finds no difference — also
 * after concurrent writes. And a write shows in the very next analytics response.
 */
describe('analytics rollups (exactness)', () => {
  let t: TestApp;
  let admin: Login;
  let engineers: Login[];
  let flows: { ids: FlowIds; tree: { id: string } }[];
  const OUTCOMES = ['resolved', 'escalated', 'workaround', 'unresolved'] as const;

  interface Tracked {
    id: string;
    owner: Login;
    flow: { ids: FlowIds; tree: { id: string } };
    /** What the API should have stored for it: the model the statuses and row counts are checked against. */
    completed: boolean;
    rated: boolean;
    voted: boolean;
  }
  const sessions: Tracked[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await registerAccount(t, 'Rollup Co');
    engineers = [admin, await addUser(t, admin), await addUser(t, admin)];
    flows = [
      await createFlow(t, admin),
      await createFlow(t, admin, { name: 'VPN' }),
      await createFlow(t, admin, { name: 'Mail' }),
    ];
    await t.dataSource.query(`UPDATE accounts SET timezone = 'Europe/Berlin' WHERE id = $1`, [admin.user.account_id]);
  });
  afterAll(() => t.close());

  /** A session standing at its flow's step (where votes are taken). */
  async function start(owner: Login, flow: Tracked['flow']): Promise<Tracked> {
    const tracked = {
      id: (await startAtStep(t, owner, flow)).id,
      owner,
      flow,
      completed: false,
      rated: false,
      voted: false,
    };
    sessions.push(tracked);
    return tracked;
  }

  /** The live-aggregation figures of one response, in one snapshot. */
  function live<T>(work: (db: SqlRunner) => Promise<T>): Promise<T> {
    return t.dataSource.transaction('REPEATABLE READ', (manager) => work(manager));
  }

  /** Every endpoint, in a whole-hour zone (rollups), a :30 zone (live fallback) and UTC, against live aggregation. */
  async function expectAllEndpointsExact(): Promise<void> {
    const accountId = admin.user.account_id;
    for (const tz of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC']) {
      const to = localDate(new Date(), tz);
      const from = addDays(to, -119);
      const query = `from=${from}&to=${to}&tz=${tz}`;
      const window = analyticsWindow({ from, to, tz, now: new Date() });
      const q = LIVE_SECTIONS;

      const team = (await t.http.get(`/api/v1/analytics/team?${query}`).set(auth(admin.token)).expect(200)).body;
      const scope = { accountId };
      expect({
        summary: team.summary,
        time_series: team.time_series,
        top_flows: team.top_flows,
        top_engineers: team.top_engineers,
      }).toEqual(
        await live(async (db) => ({
          summary: await q.summary(db, scope, window),
          time_series: await q.timeSeries(db, scope, window),
          top_flows: await q.topFlows(db, scope, window),
          top_engineers: await q.topEngineers(db, scope, window),
        })),
      );

      const engineer = engineers[1];
      const mine = (await t.http.get(`/api/v1/analytics/me?${query}`).set(auth(engineer.token)).expect(200)).body;
      const filtered = (
        await t.http
          .get(`/api/v1/analytics/team?${query}&engineer_id=${engineer.user.id}`)
          .set(auth(admin.token))
          .expect(200)
      ).body;
      const engineerScope = { accountId, userId: engineer.user.id };
      const expectedMine = await live(async (db) => ({
        summary: await q.summary(db, engineerScope, window),
        time_series: await q.timeSeries(db, engineerScope, window),
        top_flows: await q.topFlows(db, engineerScope, window),
      }));
      expect({ summary: mine.summary, time_series: mine.time_series, top_flows: mine.top_flows }).toEqual(expectedMine);
      expect({ summary: filtered.summary, time_series: filtered.time_series, top_flows: filtered.top_flows }).toEqual(
        expectedMine,
      );

      for (const flow of flows) {
        const body = (
          await t.http.get(`/api/v1/analytics/flows/${flow.tree.id}?${query}`).set(auth(admin.token)).expect(200)
        ).body;
        const flowScope = { accountId, treeId: flow.tree.id };
        expect({
          summary: body.summary,
          time_series: body.time_series,
          csat_distribution: body.csat_distribution,
          step_feedback: body.step_feedback,
          drop_off: body.drop_off,
          outcomes_by_node: body.outcomes_by_node,
          node_times: body.node_times,
        }).toEqual(
          await live(async (db) => ({
            summary: await q.summary(db, flowScope, window),
            time_series: await q.timeSeries(db, flowScope, window),
            csat_distribution: await q.csatDistribution(db, flowScope, window),
            step_feedback: await q.stepFeedback(db, flowScope, window),
            drop_off: await q.dropOff(db, flowScope, window),
            outcomes_by_node: await q.outcomesByNode(db, flowScope, window),
            node_times: await q.nodeTimes(db, flowScope, window),
          })),
        );
      }
    }
  }

  async function expectRollupsVerify(): Promise<void> {
    const { total, differences } = await t.dataSource.transaction('REPEATABLE READ', (manager) =>
      verifyRollups(manager),
    );
    expect({ total, differences }).toEqual({ total: 0, differences: [] });
  }

  const op = fc.record({
    kind: fc.constantFrom(
      'start',
      'start',
      'complete',
      'complete',
      'rate',
      'vote',
      'vote',
      'retract',
      'decide',
      'move',
      'fold',
    ),
    who: fc.nat(),
    which: fc.nat(),
    value: fc.nat(),
    helpful: fc.boolean(),
    // Where a moved session lands: up to 110 days back, to the second (crosses hours, days, DST).
    secondsAgo: fc.integer({ min: 0, max: 110 * 86_400 }),
    durationSeconds: fc.integer({ min: 1, max: 4 * 3600 }),
  });

  it('matches live aggregation on every endpoint after random writes, edits and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        for (const o of ops) {
          const owner = engineers[o.who % engineers.length];
          const target = sessions.length ? sessions[o.which % sessions.length] : undefined;
          if (o.kind === 'fold') {
            // One fold of a few rows; the API folds every 200 ms as well, so figures are checked half folded.
            await t.dataSource.query(foldJournalSql(1 + (o.value % 4)));
            continue;
          }
          if (o.kind === 'start' || !target) {
            await start(owner, flows[o.which % flows.length]);
            continue;
          }
          const http = t.http;
          const as = auth(target.owner.token);
          // Each write answers as the model says, so a run whose writes failed cannot pass as
          // "rollups and live aggregation agree" over nothing.
          switch (o.kind) {
            case 'complete':
              await http
                .post(`/api/v1/sessions/${target.id}/complete`)
                .set(as)
                .send({ outcome: OUTCOMES[o.value % 4] })
                .expect(target.completed ? 409 : 200);
              target.completed = true;
              break;
            case 'rate':
              await http
                .post(`/api/v1/sessions/${target.id}/rate`)
                .set(as)
                .send({ rating: 1 + (o.value % 5) })
                .expect(!target.completed ? 400 : target.rated ? 409 : 201);
              target.rated ||= target.completed;
              break;
            case 'vote':
              await http
                .put(`/api/v1/sessions/${target.id}/nodes/${target.flow.ids.step}/feedback`)
                .set(as)
                .send({ was_helpful: o.helpful })
                .expect(target.voted ? 200 : 201);
              target.voted = true;
              break;
            case 'retract':
              await http
                .delete(`/api/v1/sessions/${target.id}/nodes/${target.flow.ids.step}/feedback`)
                .set(as)
                .expect(204);
              target.voted = false;
              break;
            case 'decide': {
              const current = (await http.get(`/api/v1/sessions/${target.id}`).set(as).expect(200)).body;
              const option =
                current.current_node?.options?.[o.value % Math.max(1, current.current_node.options.length)];
              if (option) {
                await http
                  .post(`/api/v1/sessions/${target.id}/decisions`)
                  .set(as)
                  .send({ node_id: current.current_node.id, option_id: option.id })
                  .expect(target.completed ? 409 : 200);
              }
              break;
            }
            case 'move': {
              // Rows move across buckets (whole seconds, so the median has nothing to truncate).
              const [, moved] = await t.dataSource.query(
                `UPDATE sessions SET started_at = date_trunc('second', now()) - $2 * interval '1 second',
                        completed_at = CASE WHEN completed_at IS NOT NULL THEN date_trunc('second', now()) - $2 * interval '1 second' + $3 * interval '1 second' END
                  WHERE id = $1`,
                [target.id, o.secondsAgo, o.durationSeconds],
              );
              expect(moved).toBe(1);
              const [, ratings] = await t.dataSource.query(
                `UPDATE session_ratings SET created_at = now() - $2 * interval '1 second' WHERE session_id = $1`,
                [target.id, o.secondsAgo / 2],
              );
              expect(ratings).toBe(target.rated ? 1 : 0);
              const [, votes] = await t.dataSource.query(
                `UPDATE step_ratings SET created_at = now() - $2 * interval '1 second' WHERE session_id = $1`,
                [target.id, o.secondsAgo / 3],
              );
              expect(votes).toBe(target.voted ? 1 : 0);
              break;
            }
          }
        }
        // The rows written are the model's, one for one.
        const [stored] = await t.dataSource.query(
          `SELECT (SELECT count(*) FROM sessions WHERE account_id = $1)::int AS sessions,
                  (SELECT count(*) FROM sessions WHERE account_id = $1 AND completed_at IS NOT NULL)::int AS completed,
                  (SELECT count(*) FROM session_ratings WHERE account_id = $1)::int AS ratings,
                  (SELECT count(*) FROM step_ratings WHERE account_id = $1)::int AS votes`,
          [admin.user.account_id],
        );
        expect(stored).toEqual({
          sessions: sessions.length,
          completed: sessions.filter((s) => s.completed).length,
          ratings: sessions.filter((s) => s.rated).length,
          votes: sessions.filter((s) => s.voted).length,
        });
        // Sessions completed through the API last milliseconds: keep durations whole seconds.
        await t.dataSource.query(
          `UPDATE sessions SET completed_at = date_trunc('second', completed_at) + (started_at - date_trunc('second', started_at))
                                   WHERE account_id = $1 AND completed_at IS NOT NULL AND completed_at <> date_trunc('second', completed_at) + (started_at - date_trunc('second', started_at))`,
          [admin.user.account_id],
        );
        await expectRollupsVerify();
        await expectAllEndpointsExact();
      }),
      { seed: 20261124, numRuns: 8, endOnFailure: true },
    );
  }, 240_000);

  it('stays exact after concurrent completions, ratings, votes and retractions', async () => {
    const started = await Promise.all(Array.from({ length: 24 }, (_, i) => start(engineers[i % 3], flows[i % 3])));
    await Promise.all(
      started.map((s, i) =>
        t.http
          .post(`/api/v1/sessions/${s.id}/complete`)
          .set(auth(s.owner.token))
          .send({ outcome: OUTCOMES[i % 4] }),
      ),
    );
    await Promise.all(
      started.flatMap((s, i) => [
        t.http
          .post(`/api/v1/sessions/${s.id}/rate`)
          .set(auth(s.owner.token))
          .send({ rating: 1 + (i % 5) }),
        t.http.post(`/api/v1/sessions/${s.id}/rate`).set(auth(s.owner.token)).send({ rating: 5 }), // one of the two wins
        t.http
          .put(`/api/v1/sessions/${s.id}/nodes/${s.flow.ids.step}/feedback`)
          .set(auth(s.owner.token))
          .send({ was_helpful: i % 2 === 0 }),
        t.http
          .put(`/api/v1/sessions/${s.id}/nodes/${s.flow.ids.step}/feedback`)
          .set(auth(s.owner.token))
          .send({ was_helpful: i % 3 === 0 }),
      ]),
    );
    await Promise.all(
      started
        .filter((_, i) => i % 4 === 0)
        .map((s) =>
          t.http.delete(`/api/v1/sessions/${s.id}/nodes/${s.flow.ids.step}/feedback`).set(auth(s.owner.token)),
        ),
    );
    await expectRollupsVerify();
    const [counts] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM session_ratings WHERE session_id = ANY($1::uuid[]))::int AS ratings,
              (SELECT count(*) FROM sessions WHERE id = ANY($1::uuid[]) AND completed_at IS NOT NULL)::int AS completed`,
      [started.map((s) => s.id)],
    );
    expect(counts).toEqual({ ratings: 24, completed: 24 });
  });

  it('shows a completion and a rating in the very next analytics response', async () => {
    const read = async () =>
      (await t.http.get('/api/v1/analytics/team?period=7d').set(auth(admin.token)).expect(200)).body.summary;
    const before = await read();
    const s = await start(engineers[2], flows[0]);
    expect((await read()).total_sessions).toBe(before.total_sessions + 1);
    await t.http
      .post(`/api/v1/sessions/${s.id}/complete`)
      .set(auth(s.owner.token))
      .send({ outcome: 'resolved' })
      .expect(200);
    const completed = await read();
    expect(completed.completed_sessions).toBe(before.completed_sessions + 1);
    expect(completed.outcome_breakdown.resolved).toBe(before.outcome_breakdown.resolved + 1);
    await t.http.post(`/api/v1/sessions/${s.id}/rate`).set(auth(s.owner.token)).send({ rating: 4 }).expect(201);
    expect((await read()).rating_count).toBe(before.rating_count + 1);
    const flow = async () =>
      (await t.http.get(`/api/v1/analytics/flows/${flows[0].tree.id}?period=7d`).set(auth(admin.token)).expect(200))
        .body;
    const votesBefore = (await flow()).step_feedback.reduce(
      (n: number, row: { helpful_yes: number }) => n + row.helpful_yes,
      0,
    );
    await t.http
      .put(`/api/v1/sessions/${s.id}/nodes/${flows[0].ids.step}/feedback`)
      .set(auth(s.owner.token))
      .send({ was_helpful: true });
    expect(
      (await flow()).step_feedback.reduce((n: number, row: { helpful_yes: number }) => n + row.helpful_yes, 0),
    ).toBe(votesBefore + 1);
  });

  it('verify names a corrupted bucket in each family, and rebuild repairs it', async () => {
    await start(engineers[0], flows[0]).then((s) =>
      t.http
        .post(`/api/v1/sessions/${s.id}/complete`)
        .set(auth(s.owner.token))
        .send({ outcome: 'resolved' })
        .expect(200),
    );
    await foldJournal(t.dataSource);
    await t.dataSource.query(
      `UPDATE analytics_rollup_daily SET sessions = sessions + 1 WHERE ctid = (SELECT min(ctid) FROM analytics_rollup_daily)`,
    );
    await t.dataSource.query(
      `UPDATE analytics_duration_seconds_hourly SET n = n + 2 WHERE ctid = (SELECT min(ctid) FROM analytics_duration_seconds_hourly)`,
    );

    const { total, differences } = await t.dataSource.transaction('REPEATABLE READ', (manager) =>
      verifyRollups(manager),
    );
    expect(total).toBe(2);
    expect(differences).toEqual([
      expect.objectContaining({
        table: 'analytics_rollup_daily',
        expected: expect.objectContaining({ sessions: expect.any(Number) }),
      }),
      expect.objectContaining({ table: 'analytics_duration_seconds_hourly' }),
    ]);
    const [daily, seconds] = differences;
    expect(daily.actual.sessions - daily.expected.sessions).toBe(1);
    expect(seconds.actual.n - seconds.expected.n).toBe(2);

    await t.dataSource.transaction((manager) => rebuildRollups(manager));
    await expectRollupsVerify();
  });
});
