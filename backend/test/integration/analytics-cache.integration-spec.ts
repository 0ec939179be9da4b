import { Client } from 'pg';

import { analyticsWindow } from '../../src/analytics/report/analytics-window';
import { ClosedDaysCache } from '../../src/analytics/report/closed-days';
import { LIVE_SECTIONS } from '../../src/analytics/report/sections/sections';
import { PRUNE_VERSIONS_SQL, VersionChannel, versionOfSql } from '../../src/analytics/rollup/analytics-version';
import { addUser, auth, createFlow, flowPayload, Login, registerAccount, startAtStep } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Reports are served again while the account's analytics version holds (ReportCache): every
 * change a report shows must move it, whoever writes it — the API, another process's SQL, a
 * rename — and concurrent writers must not queue on it.
 */
describe('analytics report cache', () => {
  let t: TestApp;
  let admin: Login;
  let engineer: Login;
  let flow: Awaited<ReturnType<typeof createFlow>>;
  let other: Login;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await registerAccount(t, 'Cache Co');
    engineer = await addUser(t, admin);
    flow = await createFlow(t, admin, { name: 'Printer' });
    other = await registerAccount(t, 'Other Co');
  });
  afterAll(() => t.close());

  const team = async (as = admin) =>
    (await t.http.get('/api/v1/analytics/team?period=7d').set(auth(as.token)).expect(200)).body;
  const flowReport = async () =>
    (await t.http.get(`/api/v1/analytics/flows/${flow.tree.id}?period=7d`).set(auth(admin.token)).expect(200)).body;

  async function finishedSession(owner: Login, outcome = 'resolved'): Promise<string> {
    const body = await startAtStep(t, owner, flow);
    await t.http.post(`/api/v1/sessions/${body.id}/complete`).set(auth(owner.token)).send({ outcome }).expect(200);
    return body.id;
  }

  /** A second database connection: another API instance, a script, a migration. */
  async function otherConnection<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  it('answers a repeated request with identical figures', async () => {
    await finishedSession(engineer);
    const first = await team();
    expect(first.summary.total_sessions).toBe(1);
    expect(await team()).toEqual(first);
  });

  it('shows writes made outside this process in the next response', async () => {
    const before = (await team()).summary;
    const sessionId = await finishedSession(engineer, 'escalated');
    expect((await team()).summary.total_sessions).toBe(before.total_sessions + 1);

    await otherConnection((client) =>
      client.query(`UPDATE sessions SET outcome = 'workaround' WHERE id = $1`, [sessionId]),
    );
    const moved = (await team()).summary.outcome_breakdown;
    expect(moved.workaround).toBe(before.outcome_breakdown.workaround + 1);
    expect(moved.escalated).toBe(before.outcome_breakdown.escalated);

    await otherConnection((client) => client.query('DELETE FROM sessions WHERE id = $1', [sessionId]));
    expect((await team()).summary).toEqual(before);
  });

  it('shows renamed flows, engineers and steps in the next response', async () => {
    await team();
    await flowReport();
    // The same flow under a new name, its nodes keeping their ids.
    const fresh = flowPayload({ name: 'Printer (office)' });
    let body = JSON.stringify(fresh.body);
    for (const key of Object.keys(fresh.ids) as (keyof typeof fresh.ids)[])
      body = body.split(fresh.ids[key]).join(flow.ids[key]);
    await t.http.put(`/api/v1/trees/${flow.tree.id}`).set(auth(admin.token)).send(JSON.parse(body)).expect(200);
    await t.http
      .patch(`/api/v1/users/${engineer.user.id}`)
      .set(auth(admin.token))
      .send({ name: 'Renamed Engineer' })
      .expect(200);

    const after = await team();
    expect(after.top_flows.map((row: { name: string }) => row.name)).toEqual(['Printer (office)']);
    expect(after.top_engineers.map((row: { name: string }) => row.name)).toContain('Renamed Engineer');

    const sessionId = await finishedSession(engineer);
    await t.http
      .put(`/api/v1/sessions/${sessionId}/nodes/${flow.ids.step}/feedback`)
      .set(auth(engineer.token))
      .send({ was_helpful: true })
      .expect(201);
    expect((await flowReport()).step_feedback[0].node_title).toBe('Restart the print spooler');
    await t.dataSource.query(`UPDATE tree_nodes SET title = 'Restart the print service' WHERE id = $1`, [
      flow.ids.step,
    ]);
    expect((await flowReport()).step_feedback[0].node_title).toBe('Restart the print service');
  });

  it("lets a step vote move the flow report's version, not the team report's", async () => {
    const version = async (channels: VersionChannel[]) =>
      (await t.dataSource.query(`SELECT ${versionOfSql('$1::uuid', channels)} AS v`, [admin.user.account_id]))[0]
        .v as string;
    const sessionId = await finishedSession(engineer);
    const [team1, flow1] = [await version(['sessions']), await version(['sessions', 'steps'])];
    const votesBefore = (await flowReport()).step_feedback.reduce(
      (n: number, row: { helpful_no: number }) => n + row.helpful_no,
      0,
    );
    await t.http
      .put(`/api/v1/sessions/${sessionId}/nodes/${flow.ids.step}/feedback`)
      .set(auth(engineer.token))
      .send({ was_helpful: false })
      .expect(201);
    expect(await version(['sessions'])).toBe(team1);
    expect(await version(['sessions', 'steps'])).not.toBe(flow1);
    const votesAfter = (await flowReport()).step_feedback.reduce(
      (n: number, row: { helpful_no: number }) => n + row.helpful_no,
      0,
    );
    expect(votesAfter).toBe(votesBefore + 1);
  });

  it('keeps each account to its own reports', async () => {
    const mine = await team();
    const theirs = await team(other);
    expect(theirs.account_id).toBe(other.user.account_id);
    expect(theirs.summary.total_sessions).toBe(0);
    expect(mine.summary.total_sessions).toBeGreaterThan(0);
  });

  it('lets concurrent writers of one account commit without waiting on each other', async () => {
    const before = await team();
    await otherConnection(async (first) =>
      otherConnection(async (second) => {
        await first.query('BEGIN');
        await first.query(`UPDATE trees SET name = 'Printer (first)' WHERE id = $1`, [flow.tree.id]);
        // The first transaction holds its own version row until it ends; a second writer of the
        // same account must not wait for it: any lock wait fails here.
        await second.query(`SET lock_timeout = '2s'`);
        await second.query(`UPDATE users SET name = 'Second Writer' WHERE id = $1`, [engineer.user.id]);
        await first.query('COMMIT');
      }),
    );
    const after = await team();
    expect(after.top_flows.map((row: { name: string }) => row.name)).toEqual(['Printer (first)']);
    expect(after.top_engineers.map((row: { name: string }) => row.name)).toContain('Second Writer');
    expect(after.summary).toEqual(before.summary);
  });

  it('never brings back an earlier version when pruning: a write made before the prune shows after it', async () => {
    await t.dataSource.query(PRUNE_VERSIONS_SQL);
    const cached = await team();
    expect(cached.summary.outcome_breakdown.resolved).toBeGreaterThan(0);
    // Written by a connection that then ends; no report is read until its row is pruned.
    await otherConnection((client) =>
      client.query(`UPDATE sessions SET outcome = 'unresolved' WHERE account_id = $1 AND outcome = 'resolved'`, [
        admin.user.account_id,
      ]),
    );
    await t.dataSource.query(PRUNE_VERSIONS_SQL);
    const after = await team();
    expect(after.summary.outcome_breakdown.resolved).toBe(0);
    expect(after.summary.outcome_breakdown.unresolved).toBe(
      cached.summary.outcome_breakdown.unresolved + cached.summary.outcome_breakdown.resolved,
    );
  });

  it('prunes the versions of exited backends and still shows the next write', async () => {
    const accountId = admin.user.account_id;
    await otherConnection((client) =>
      client.query(`UPDATE sessions SET outcome = 'resolved' WHERE account_id = $1 AND outcome = 'unresolved'`, [
        accountId,
      ]),
    );
    const rows = async () =>
      Number(
        (await t.dataSource.query('SELECT count(*) FROM analytics_versions WHERE account_id = $1', [accountId]))[0]
          .count,
      );
    const before = await rows();
    const cached = await team();
    await t.dataSource.query(PRUNE_VERSIONS_SQL);
    // The ended connections' rows are gone; this process's pooled connections' rows stay.
    expect(await rows()).toBeLessThan(before);
    await finishedSession(engineer, 'unresolved');
    const after = await team();
    expect(after.summary.total_sessions).toBe(cached.summary.total_sessions + 1);
    expect(after.summary.outcome_breakdown.unresolved).toBe(cached.summary.outcome_breakdown.unresolved + 1);
  });

  describe('closed days', () => {
    const version = async (channels: VersionChannel[]) =>
      (await t.dataSource.query(`SELECT ${versionOfSql('$1::uuid', channels)} AS v`, [admin.user.account_id]))[0]
        .v as string;
    const team30 = async () =>
      (await t.http.get('/api/v1/analytics/team?period=30d').set(auth(admin.token)).expect(200)).body;
    /** A running session of the engineer, started `days` ago. */
    async function runningSince(days: number): Promise<string> {
      const { body } = await t.http
        .post('/api/v1/sessions')
        .set(auth(engineer.token))
        .send({ tree_id: flow.tree.id })
        .expect(201);
      await t.dataSource.query(`UPDATE sessions SET started_at = now() - $2 * interval '1 day' WHERE id = $1`, [
        body.id,
        days,
      ]);
      return body.id;
    }

    it('keeps the sums of closed days through writes to today', async () => {
      await runningSince(10);
      const past = await version(['past']);
      const before = await team30();
      expect(t.app.get(ClosedDaysCache).size).toBeGreaterThan(0);
      await finishedSession(engineer, 'workaround');
      // Today's write moved the report's version, not the closed days'.
      expect(await version(['past'])).toBe(past);
      const after = await team30();
      expect(after.summary.total_sessions).toBe(before.summary.total_sessions + 1);
      expect(after.summary.outcome_breakdown.workaround).toBe(before.summary.outcome_breakdown.workaround + 1);
    });

    /** The figures of a team report as live aggregation over the raw tables computes them now, for the report's window. */
    async function liveTeam(report: { window: { from: string; to: string; tz: string } }) {
      const { from, to, tz } = report.window;
      const window = analyticsWindow({ from, to, tz, now: new Date() });
      const scope = { accountId: admin.user.account_id };
      const q = LIVE_SECTIONS;
      return t.dataSource.transaction('REPEATABLE READ', async (db) => ({
        summary: await q.summary(db, scope, window),
        time_series: await q.timeSeries(db, scope, window),
        top_flows: await q.topFlows(db, scope, window),
        top_engineers: await q.topEngineers(db, scope, window),
      }));
    }
    /** Reads the team report and checks it against live aggregation: a stale cached report fails here. */
    async function team30Live() {
      const report = await team30();
      const { summary, time_series, top_flows, top_engineers } = report;
      expect({ summary, time_series, top_flows, top_engineers }).toEqual(await liveTeam(report));
      return report;
    }

    it('shows a write to a closed day in the next response: a completion, a rating, a delete', async () => {
      const sessionId = await runningSince(12);
      const before = await team30Live();
      const past = await version(['past']);
      await t.http
        .post(`/api/v1/sessions/${sessionId}/complete`)
        .set(auth(engineer.token))
        .send({ outcome: 'escalated' })
        .expect(200);
      expect(await version(['past'])).not.toBe(past);
      const completed = await team30Live();
      expect(completed.summary.completed_sessions).toBe(before.summary.completed_sessions + 1);
      expect(completed.summary.outcome_breakdown.escalated).toBe(before.summary.outcome_breakdown.escalated + 1);
      expect(completed.time_series.reduce((n: number, day: { escalated: number }) => n + day.escalated, 0)).toBe(
        completed.summary.outcome_breakdown.escalated,
      );

      // A rating made today counts today (read, so the report with it is what the cache holds)…
      await t.http.post(`/api/v1/sessions/${sessionId}/rate`).set(auth(engineer.token)).send({ rating: 2 }).expect(201);
      const rated = await team30Live();
      expect(rated.summary.rating_count).toBe(completed.summary.rating_count + 1);
      // …moved back by another process to a day before the window, it no longer counts.
      await otherConnection((client) =>
        client.query(`UPDATE session_ratings SET created_at = now() - interval '40 days' WHERE session_id = $1`, [
          sessionId,
        ]),
      );
      const movedBack = await team30Live();
      expect(movedBack.summary.rating_count).toBe(completed.summary.rating_count);

      await otherConnection((client) => client.query('DELETE FROM sessions WHERE id = $1', [sessionId]));
      const deleted = await team30Live();
      expect(deleted.summary.total_sessions).toBe(before.summary.total_sessions - 1);
      expect(deleted.summary.outcome_breakdown.escalated).toBe(before.summary.outcome_breakdown.escalated);
    });
  });
});
