import fc from 'fast-check';

import { round } from '../../src/analytics/report/sections/analytics-math';
import { addUser, auth, createFlow, flowPayload, Login, registerAccount } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Time per node and flow versions, against oracles computed here from the rows this test wrote:
 * node_times (visits, median and p90 of whole seconds from reaching a node to answering it) in
 * a whole-hour zone (rollup sections) and a :30 zone (live sections), the per-version figures of
 * GET /analytics/flows/:id/versions, version=N on flow analytics, and the refusals.
 */
describe('flow analytics: time per node and versions', () => {
  let t: TestApp;
  let admin: Login;
  let engineer: Login;
  let stranger: Login;
  let flow: Awaited<ReturnType<typeof createFlow>>;
  const DAY = 86_400_000;
  const now = Date.now();

  interface Written {
    id: string;
    version: number | null;
    started: number;
    completed: number | null;
    rating: number | null;
    /** [node_id, answered at (ms, or null for an entry without `at`)] */
    path: [string, number | null][];
  }
  const written: Written[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await registerAccount(t, 'Versions Co');
    engineer = await addUser(t, admin);
    stranger = await registerAccount(t, 'Stranger Co');
    flow = await createFlow(t, admin, { name: 'Printer' });
  });
  afterAll(() => t.close());

  /** Writes sessions straight to the table (started_at and `at` are chosen, to the millisecond). */
  async function insert(rows: Written[]): Promise<void> {
    for (const row of rows) {
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO sessions (account_id, tree_id, user_id, started_at, completed_at, outcome, current_node_id, path, tree_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) RETURNING id`,
        [
          admin.user.account_id,
          flow.tree.id,
          engineer.user.id,
          new Date(row.started),
          row.completed === null ? null : new Date(row.completed),
          row.completed === null ? null : 'resolved',
          flow.ids.fixed,
          JSON.stringify(
            row.path.map(([node_id, at]) => ({
              node_id,
              option_id: node_id,
              ...(at === null ? {} : { at: new Date(at).toISOString() }),
            })),
          ),
          row.version,
        ],
      );
      row.id = id;
      if (row.rating !== null) {
        await t.dataSource.query(
          `INSERT INTO session_ratings (account_id, session_id, user_id, tree_id, rating, created_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [admin.user.account_id, id, engineer.user.id, flow.tree.id, row.rating, new Date(row.completed as number)],
        );
      }
      written.push(row);
    }
  }

  /** percentile_cont over whole seconds, 1 decimal (what the API promises). */
  function percentile(sorted: number[], p: number): number {
    const position = p * (sorted.length - 1);
    const lo = Math.floor(position);
    const hi = Math.ceil(position);
    return Math.round((sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo)) * 10) / 10;
  }

  /** The oracle: node_times of the written sessions started in [start, end), optionally of one version. */
  function expectedNodeTimes(start: number, end: number, version?: number) {
    const seconds = new Map<string, number[]>();
    for (const row of written) {
      if (row.started < start || row.started >= end) continue;
      if (version !== undefined && row.version !== version) continue;
      row.path.forEach(([node, at], i) => {
        const reached = i === 0 ? row.started : row.path[i - 1][1];
        if (at === null || reached === null) return;
        const list = seconds.get(node) ?? [];
        list.push(Math.max(0, Math.floor((at - reached) / 1000)));
        seconds.set(node, list);
      });
    }
    const titles: Record<string, [string, string]> = {
      [flow.ids.question]: ['Is the printer on the network?', 'question'],
      [flow.ids.step]: ['Restart the print spooler', 'step'],
    };
    return [...seconds.entries()]
      .map(([node_id, list]) => {
        const sorted = [...list].sort((a, b) => a - b);
        return {
          node_id,
          node_title: titles[node_id][0],
          type: titles[node_id][1],
          visits: list.length,
          median_seconds: percentile(sorted, 0.5),
          p90_seconds: percentile(sorted, 0.9),
        };
      })
      .sort((a, b) => b.visits - a.visits || a.node_title.localeCompare(b.node_title));
  }

  const get = (path: string, who: Login = admin) => t.http.get(`/api/v1/analytics/${path}`).set(auth(who.token));

  /** Random sessions of the flow: paths through question and step (sometimes answered twice), gaps to the ms. */
  const sessionsArbitrary = fc.array(
    fc.record({
      startedDaysAgo: fc.integer({ min: 0, max: 45 * 24 * 60 }).map((minutes) => minutes / (24 * 60)),
      gaps: fc.array(fc.integer({ min: 0, max: 900_000 }), { maxLength: 4 }),
      completed: fc.boolean(),
      rating: fc.option(fc.integer({ min: 1, max: 5 })),
      missingAt: fc.option(fc.nat(3), { freq: 6 }),
    }),
    { minLength: 5, maxLength: 25 },
  );

  function toWritten(
    version: number | null,
    s: {
      startedDaysAgo: number;
      gaps: number[];
      completed: boolean;
      rating: number | null;
      missingAt: number | null;
    },
  ): Written {
    // Whole milliseconds, an hour or more ago, so that every answer lies in the past.
    const started = Math.floor(now - s.startedDaysAgo * DAY - 3_600_000 - (s.gaps.length ? 3_600_000 : 0));
    let at = started;
    const nodes = [flow.ids.question, flow.ids.step, flow.ids.step, flow.ids.question];
    const path: Written['path'] = s.gaps.map((gap, i) => {
      at += gap;
      return [nodes[i], s.missingAt === i ? null : at];
    });
    const completed = s.completed ? at + 1234 : null;
    return { id: '', version, started, completed, rating: completed === null ? null : s.rating, path };
  }

  it('answers node_times exactly, live and from the rollups alike, for random paths', async () => {
    await fc.assert(
      fc.asyncProperty(sessionsArbitrary, async (sessions) => {
        await insert(sessions.map((s) => toWritten(1, s)));
        for (const tz of ['Europe/Berlin', 'Asia/Kolkata']) {
          const body = (await get(`flows/${flow.tree.id}?period=30d&tz=${tz}`).expect(200)).body;
          const start = Date.parse(body.window.start);
          const end = Date.parse(body.window.end);
          expect(body.version).toBeNull();
          expect(body.node_times).toEqual(expectedNodeTimes(start, end));
        }
      }),
      { numRuns: 4 },
    );
  });

  it('keeps an edited flow’s old nodes readable, and reports per version', async () => {
    // Version 2 drops the step: the question now leads straight to the solutions.
    const { body } = flowPayload({ name: 'Printer' });
    const question = body.nodes[0];
    await t.http
      .put(`/api/v1/trees/${flow.tree.id}`)
      .set(auth(admin.token))
      .send({
        ...body,
        version: 1,
        start_node_id: flow.ids.question,
        nodes: [
          {
            ...question,
            id: flow.ids.question,
            options: [
              { label: 'Fixed', next_node_id: flow.ids.fixed },
              { label: 'Escalate', next_node_id: flow.ids.escalate },
            ],
          },
          { id: flow.ids.fixed, type: 'solution', title: 'Printing works again' },
          { id: flow.ids.escalate, type: 'solution', title: 'Escalate to the print team' },
        ],
      })
      .expect(200);
    await insert(
      [
        { startedDaysAgo: 1, gaps: [5_000], completed: true, rating: 5, missingAt: null },
        { startedDaysAgo: 2, gaps: [65_500], completed: true, rating: 2, missingAt: null },
        { startedDaysAgo: 2.5, gaps: [1_000], completed: false, rating: null, missingAt: null },
      ].map((s) => toWritten(2, s)),
    );
    await insert([toWritten(null, { startedDaysAgo: 3, gaps: [], completed: true, rating: 4, missingAt: null })]);

    // Oracle: every written session by version, all time, with the summary's definitions.
    const expected = [2, 1].map((version) => {
      const rows = written.filter((row) => row.version === version);
      const done = rows.filter((row) => row.completed !== null);
      const seconds = done.map((row) => ((row.completed as number) - row.started) / 1000).sort((a, b) => a - b);
      const rated = rows.filter((row) => row.rating !== null).map((row) => row.rating as number);
      const middle = seconds.length ? (seconds[(seconds.length - 1) >> 1] + seconds[seconds.length >> 1]) / 2 : 0;
      return {
        version,
        first_session_at: new Date(Math.min(...rows.map((row) => row.started))).toISOString(),
        sessions: rows.length,
        completed_sessions: done.length,
        completion_rate: round(done.length / rows.length, 3),
        avg_duration_minutes: done.length ? round(seconds.reduce((a, b) => a + b, 0) / done.length / 60, 1) : 0,
        median_duration_minutes: round(middle / 60, 1),
        avg_csat: rated.length ? round(rated.reduce((a, b) => a + b, 0) / rated.length, 1) : null,
        csat_score: rated.length ? round(rated.filter((r) => r >= 4).length / rated.length, 3) : null,
        ratings: rated.length,
      };
    });
    const versions = (await get(`flows/${flow.tree.id}/versions`).expect(200)).body;
    expect(versions).toEqual({
      tree_id: flow.tree.id,
      name: 'Printer',
      current_version: 2,
      unknown_version_sessions: 1,
      versions: expected,
    });
    // Engineers read it as they read the flow's analytics.
    await get(`flows/${flow.tree.id}/versions`, engineer).expect(200);

    for (const version of [1, 2]) {
      const report = (await get(`flows/${flow.tree.id}?period=30d&tz=Europe/Berlin&version=${version}`).expect(200))
        .body;
      const start = Date.parse(report.window.start);
      const end = Date.parse(report.window.end);
      const inWindow = written.filter((row) => row.version === version && row.started >= start && row.started < end);
      expect(report.version).toBe(version);
      expect(report.summary.total_sessions).toBe(inWindow.length);
      expect(report.summary.completed_sessions).toBe(inWindow.filter((row) => row.completed !== null).length);
      // The step removed in version 2 keeps its title in version 1's report.
      expect(report.node_times).toEqual(expectedNodeTimes(start, end, version));
      const ratedInWindow = written.filter(
        (row) =>
          row.version === version &&
          row.rating !== null &&
          (row.completed as number) >= start &&
          (row.completed as number) < end,
      );
      expect(report.summary.rating_count).toBe(ratedInWindow.length);
    }
    expect(
      (await get(`flows/${flow.tree.id}?period=30d&tz=Europe/Berlin&version=1`).expect(200)).body.node_times,
    ).toContainEqual(expect.objectContaining({ node_id: flow.ids.step, node_title: 'Restart the print spooler' }));
  });

  it('refuses a version the flow never had (422 naming version) and other accounts’ flows (404)', async () => {
    for (const version of ['0', '-1', '1.5', 'abc', '3', '99999999999']) {
      const res = await get(`flows/${flow.tree.id}?version=${version}`).expect(422);
      expect(JSON.stringify(res.body.message)).toContain('version');
    }
    await get(`flows/${flow.tree.id}`, stranger).expect(404);
    await get(`flows/${flow.tree.id}/versions`, stranger).expect(404);
    await get(`flows/${flow.tree.id}?version=1`, stranger).expect(404);
    await get('flows/not-a-uuid/versions').expect(404);
  });

  it('answers 422 naming a query parameter the versions report does not take (no window, no CSV)', async () => {
    for (const query of ['period=30d', 'format=csv', 'foo=bar']) {
      const res = await get(`flows/${flow.tree.id}/versions?${query}`).expect(422);
      expect(res.body.message).toEqual([`property ${query.split('=')[0]} should not exist`]);
    }
  });
});
