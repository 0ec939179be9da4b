import { randomUUID } from 'node:crypto';

import { startOfLocalDay } from '../../src/analytics/report/analytics-window';
import { addUser, auth, createFlow, Login, registerAccount } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * A fixture of known sessions, ratings and votes at fixed instants, read back through the
 * analytics endpoints with a fixed from/to, so every number is exact and known in advance.
 *
 * Account A counts its days in America/New_York. The window 2026-03-01 … 2026-03-10 spans
 * the spring-forward change of 8 March: it starts at 05:00 UTC (EST) and ends at 04:00 UTC
 * (EDT) on 11 March. The previous window is 2026-02-19 … 2026-02-28.
 */
const RANGE = 'from=2026-03-01&to=2026-03-10';
const DAYS = [
  '2026-03-01',
  '2026-03-02',
  '2026-03-03',
  '2026-03-04',
  '2026-03-05',
  '2026-03-06',
  '2026-03-07',
  '2026-03-08',
  '2026-03-09',
  '2026-03-10',
];
const HYPERLINK = '=HYPERLINK("http://evil.example","click")';
const QUOTED = 'Clear, "quick"\nfix';

const zeroFigures = {
  total_sessions: 0,
  completed_sessions: 0,
  completion_rate: 0,
  avg_duration_minutes: 0,
  median_duration_minutes: 0,
  outcome_breakdown: { resolved: 0, escalated: 0, workaround: 0, unresolved: 0 },
  rating_count: 0,
  avg_csat: null,
  csat_score: null,
  response_rate: 0,
};
const point = (date: string, over: Record<string, unknown> = {}) => ({
  date,
  sessions: 0,
  completed: 0,
  resolved: 0,
  escalated: 0,
  workaround: 0,
  unresolved: 0,
  rating_count: 0,
  avg_csat: null,
  ...over,
});

describe('analytics API', () => {
  let t: TestApp;
  let admin: Login;
  let e1: Login;
  let e2: Login;
  let other: Login;
  let otherEngineer: Login;
  let libraryStepId: string;
  let f1: { id: string; question: string; stepA: string; stepB: string; fixed: string; escalate: string };
  let f2: Awaited<ReturnType<typeof createFlow>>;
  let otherFlow: Awaited<ReturnType<typeof createFlow>>;

  const get = (path: string, who: Login) => t.http.get(`/api/v1/analytics/${path}`).set(auth(who.token));

  async function insertSession(o: {
    account?: string;
    tree: string;
    user: Login;
    started: string;
    minutes?: number;
    outcome?: string;
    node: string;
  }): Promise<string> {
    const started = new Date(o.started);
    const completed = o.minutes === undefined ? null : new Date(started.getTime() + o.minutes * 60_000);
    const [row] = await t.dataSource.query(
      `INSERT INTO sessions (account_id, tree_id, user_id, started_at, completed_at, outcome, current_node_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [o.account ?? o.user.user.account_id, o.tree, o.user.user.id, started, completed, o.outcome ?? null, o.node],
    );
    return row.id;
  }

  async function rate(
    session: string,
    tree: string,
    user: Login,
    rating: number,
    at: string,
    comment: string | null = null,
  ) {
    await t.dataSource.query(
      `INSERT INTO session_ratings (account_id, session_id, user_id, tree_id, rating, comment, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [user.user.account_id, session, user.user.id, tree, rating, comment, new Date(at)],
    );
  }

  async function vote(session: string, node: string, user: Login, helpful: boolean, at: string) {
    await t.dataSource.query(
      `INSERT INTO step_ratings (account_id, session_id, tree_id, node_id, user_id, was_helpful, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
      [user.user.account_id, session, f1.id, node, user.user.id, helpful, new Date(at)],
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await registerAccount(t, 'Acme');
    e1 = await addUser(t, admin);
    e2 = await addUser(t, admin);
    await t.dataSource.query(`UPDATE accounts SET timezone = 'America/New_York' WHERE id = $1`, [
      admin.user.account_id,
    ]);

    libraryStepId = (
      await t.http.post('/api/v1/steps').set(auth(admin.token)).send({ title: 'Reset the VPN profile' }).expect(201)
    ).body.id;
    const ids = {
      question: randomUUID(),
      stepA: randomUUID(),
      stepB: randomUUID(),
      fixed: randomUUID(),
      escalate: randomUUID(),
    };
    const created = await t.http
      .post('/api/v1/trees')
      .set(auth(admin.token))
      .send({
        name: 'VPN will not connect',
        kind: 'decision',
        status: 'published',
        start_node_id: ids.question,
        nodes: [
          {
            id: ids.question,
            type: 'question',
            title: 'Does the VPN client start?',
            options: [
              { label: 'Yes', next_node_id: ids.stepA },
              { label: 'No', next_node_id: ids.escalate },
            ],
          },
          {
            id: ids.stepA,
            type: 'step',
            title: 'Reset the VPN profile',
            step_id: libraryStepId,
            options: [{ label: 'Done', next_node_id: ids.stepB }],
          },
          {
            id: ids.stepB,
            type: 'step',
            title: 'Renew the certificate',
            options: [
              { label: 'Fixed', next_node_id: ids.fixed },
              { label: 'Still broken', next_node_id: ids.escalate },
            ],
          },
          { id: ids.fixed, type: 'solution', title: 'VPN connects' },
          { id: ids.escalate, type: 'solution', title: 'Escalate to networking' },
        ],
      })
      .expect(201);
    f1 = { id: created.body.id, ...ids };
    f2 = await createFlow(t, admin);

    // The window (America/New_York): [2026-03-01T05:00Z, 2026-03-11T04:00Z).
    const s1 = await insertSession({
      tree: f1.id,
      user: e1,
      started: '2026-03-02T02:00:00Z',
      minutes: 10,
      outcome: 'resolved',
      node: f1.fixed,
    }); // 1 Mar 21:00 EST
    const s2 = await insertSession({
      tree: f1.id,
      user: e1,
      started: '2026-03-02T15:00:00Z',
      minutes: 20,
      outcome: 'escalated',
      node: f1.escalate,
    });
    const s3 = await insertSession({
      tree: f1.id,
      user: e2,
      started: '2026-03-05T12:00:00Z',
      minutes: 30,
      outcome: 'resolved',
      node: f1.fixed,
    });
    await insertSession({ tree: f1.id, user: e2, started: '2026-03-05T13:00:00Z', node: f1.stepA });
    await insertSession({ tree: f1.id, user: e1, started: '2026-03-09T03:30:00Z', node: f1.stepA }); // 8 Mar 23:30 EDT
    await insertSession({ tree: f1.id, user: e2, started: '2026-03-10T10:00:00Z', node: f1.question });
    await insertSession({
      tree: f2.tree.id,
      user: e1,
      started: '2026-03-06T09:00:00Z',
      minutes: 40,
      outcome: 'workaround',
      node: f2.ids.fixed,
    });
    const s8 = await insertSession({
      tree: f2.tree.id,
      user: admin,
      started: '2026-03-11T03:59:00Z',
      minutes: 6,
      outcome: 'unresolved',
      node: f2.ids.escalate,
    }); // 10 Mar 23:59 EDT
    await insertSession({
      tree: f1.id,
      user: e1,
      started: '2026-03-11T04:00:00Z',
      minutes: 5,
      outcome: 'resolved',
      node: f1.fixed,
    }); // 11 Mar 00:00 EDT: after the window
    // The previous window: [2026-02-19T05:00Z, 2026-03-01T05:00Z).
    const p1 = await insertSession({
      tree: f1.id,
      user: e1,
      started: '2026-02-20T12:00:00Z',
      minutes: 15,
      outcome: 'resolved',
      node: f1.fixed,
    });
    const p2 = await insertSession({
      tree: f1.id,
      user: e2,
      started: '2026-03-01T04:59:00Z',
      minutes: 5,
      outcome: 'escalated',
      node: f1.escalate,
    }); // 28 Feb 23:59 EST
    await insertSession({
      tree: f1.id,
      user: e1,
      started: '2026-02-19T04:59:00Z',
      minutes: 12,
      outcome: 'resolved',
      node: f1.fixed,
    }); // before both windows

    await rate(s1, f1.id, e1, 5, '2026-03-02T02:15:00Z', QUOTED);
    await rate(s2, f1.id, e1, 2, '2026-03-02T15:30:00Z', HYPERLINK);
    await rate(s3, f1.id, e2, 4, '2026-03-05T13:00:00Z');
    await rate(s8, f2.tree.id, admin, 3, '2026-03-11T04:10:00Z', 'Given after the window'); // counts by when it was given
    await rate(p1, f1.id, e1, 5, '2026-02-20T12:20:00Z', 'Previous window');
    await rate(p2, f1.id, e2, 1, '2026-03-01T05:10:00Z', 'Too long'); // session in the previous window, rating in this one

    await vote(s1, f1.stepA, e1, true, '2026-03-02T02:05:00Z');
    await vote(s2, f1.stepA, e1, false, '2026-03-02T15:10:00Z');
    await vote(s3, f1.stepA, e2, true, '2026-03-05T12:10:00Z');
    await vote(s2, f1.stepB, e1, false, '2026-03-02T15:12:00Z');
    await vote(s3, f1.stepB, e2, true, '2026-03-05T12:20:00Z');
    await vote(p1, f1.stepB, e1, false, '2026-02-20T12:05:00Z'); // previous window: not counted

    // Account B, busy in the same window: none of it may show up in A's figures.
    other = await registerAccount(t, 'Beta');
    otherEngineer = await addUser(t, other);
    otherFlow = await createFlow(t, other);
    for (const started of ['2026-03-02T15:00:00Z', '2026-03-05T12:00:00Z', '2026-03-09T12:00:00Z']) {
      const id = await insertSession({
        tree: otherFlow.tree.id,
        user: otherEngineer,
        started,
        minutes: 3,
        outcome: 'resolved',
        node: otherFlow.ids.fixed,
      });
      await rate(id, otherFlow.tree.id, otherEngineer, 1, started.replace('00:00Z', '30:00Z'), 'Beta secret');
    }
  });
  afterAll(() => t.close());

  describe('team', () => {
    it('summarises the window and the previous one exactly', async () => {
      const res = await get(`team?${RANGE}`, admin).expect(200);
      expect(res.body.account_id).toBe(admin.user.account_id);
      expect(res.body.engineer_id).toBeNull();
      expect(res.body.window).toEqual({
        period: 'custom',
        tz: 'America/New_York',
        from: '2026-03-01',
        to: '2026-03-10',
        start: '2026-03-01T05:00:00.000Z',
        end: '2026-03-11T04:00:00.000Z',
        previous_from: '2026-02-19',
        previous_to: '2026-02-28',
      });
      expect(res.body.summary).toEqual({
        total_sessions: 8,
        completed_sessions: 5,
        completion_rate: 0.625,
        avg_duration_minutes: 21.2, // (10 + 20 + 30 + 40 + 6) / 5
        median_duration_minutes: 20,
        outcome_breakdown: { resolved: 2, escalated: 1, workaround: 1, unresolved: 1 },
        rating_count: 4, // 5, 2, 4 and the 1 given on 1 March for a February session; not the one given after the window
        avg_csat: 3,
        csat_score: 0.5,
        response_rate: 0.8,
        previous: {
          total_sessions: 2,
          completed_sessions: 2,
          completion_rate: 1,
          avg_duration_minutes: 10,
          median_duration_minutes: 10,
          outcome_breakdown: { resolved: 1, escalated: 1, workaround: 0, unresolved: 0 },
          rating_count: 1,
          avg_csat: 5,
          csat_score: 1,
          response_rate: 0.5,
        },
      });
    });

    it('gives one zero-filled point per local day, across midnight and the DST change', async () => {
      const res = await get(`team?${RANGE}`, admin).expect(200);
      expect(res.body.time_series).toEqual([
        // 02:00 UTC on 2 March is 21:00 on 1 March in New York; so is the rating at 05:10 UTC.
        point('2026-03-01', { sessions: 1, completed: 1, resolved: 1, rating_count: 2, avg_csat: 3 }),
        point('2026-03-02', { sessions: 1, completed: 1, escalated: 1, rating_count: 1, avg_csat: 2 }),
        point('2026-03-03'),
        point('2026-03-04'),
        point('2026-03-05', { sessions: 2, completed: 1, resolved: 1, rating_count: 1, avg_csat: 4 }),
        point('2026-03-06', { sessions: 1, completed: 1, workaround: 1 }),
        point('2026-03-07'),
        point('2026-03-08', { sessions: 1 }), // 03:30 UTC on 9 March, EDT
        point('2026-03-09'),
        point('2026-03-10', { sessions: 2, completed: 1, unresolved: 1 }), // 23:59 EDT is still in; 00:00 EDT on 11 March is not
      ]);
      // Cards and chart agree.
      const sum = (key: string) =>
        res.body.time_series.reduce((total: number, p: Record<string, number>) => total + p[key], 0);
      expect(sum('sessions')).toBe(res.body.summary.total_sessions);
      expect(sum('completed')).toBe(res.body.summary.completed_sessions);
      expect(sum('rating_count')).toBe(res.body.summary.rating_count);
    });

    it('counts the days of another time zone when tz is given (UTC)', async () => {
      const res = await get(`team?${RANGE}&tz=UTC`, admin).expect(200);
      expect(res.body.window).toMatchObject({
        tz: 'UTC',
        start: '2026-03-01T00:00:00.000Z',
        end: '2026-03-11T00:00:00.000Z',
      });
      const byDate = Object.fromEntries(res.body.time_series.map((p: { date: string }) => [p.date, p]));
      expect(byDate['2026-03-01']).toMatchObject({ sessions: 1, escalated: 1, rating_count: 1, avg_csat: 1 });
      expect(byDate['2026-03-02']).toMatchObject({ sessions: 2, rating_count: 2, avg_csat: 3.5 });
      expect(byDate['2026-03-08'].sessions).toBe(0);
      expect(byDate['2026-03-09'].sessions).toBe(1);
      expect(res.body.summary.total_sessions).toBe(8);
      expect(res.body.summary.previous.total_sessions).toBe(2);
      // Names are case-insensitive and answered in their canonical spelling.
      const lower = await get(`team?${RANGE}&tz=europe/berlin`, admin).expect(200);
      expect(lower.body.window.tz).toBe('Europe/Berlin');
    });

    it('ranks the top flows and engineers by sessions', async () => {
      const res = await get(`team?${RANGE}`, admin).expect(200);
      expect(res.body.top_flows).toEqual([
        {
          tree_id: f1.id,
          name: 'VPN will not connect',
          sessions: 6,
          completed_sessions: 3,
          completion_rate: 0.5,
          avg_duration_minutes: 20,
          rating_count: 4,
          avg_csat: 3,
        },
        {
          tree_id: f2.tree.id,
          name: 'Printer not printing',
          sessions: 2,
          completed_sessions: 2,
          completion_rate: 1,
          avg_duration_minutes: 23,
          rating_count: 0,
          avg_csat: null,
        },
      ]);
      expect(res.body.top_engineers).toEqual([
        {
          user_id: e1.user.id,
          name: e1.user.name,
          sessions: 4,
          completed_sessions: 3,
          completion_rate: 0.75,
          avg_duration_minutes: 23.3,
          rating_count: 2,
          avg_csat: 3.5,
        },
        {
          user_id: e2.user.id,
          name: e2.user.name,
          sessions: 3,
          completed_sessions: 1,
          completion_rate: 0.333,
          avg_duration_minutes: 30,
          rating_count: 2,
          avg_csat: 2.5,
        },
        {
          user_id: admin.user.id,
          name: admin.user.name,
          sessions: 1,
          completed_sessions: 1,
          completion_rate: 1,
          avg_duration_minutes: 6,
          rating_count: 0,
          avg_csat: null,
        },
      ]);
    });

    it('filters by engineer_id: sessions and the ratings that engineer gave', async () => {
      const res = await get(`team?${RANGE}&engineer_id=${e1.user.id.toUpperCase()}`, admin).expect(200);
      expect(res.body.engineer_id).toBe(e1.user.id);
      expect(res.body.summary).toEqual({
        total_sessions: 4,
        completed_sessions: 3,
        completion_rate: 0.75,
        avg_duration_minutes: 23.3,
        median_duration_minutes: 20,
        outcome_breakdown: { resolved: 1, escalated: 1, workaround: 1, unresolved: 0 },
        rating_count: 2,
        avg_csat: 3.5,
        csat_score: 0.5,
        response_rate: 0.667,
        previous: {
          total_sessions: 1,
          completed_sessions: 1,
          completion_rate: 1,
          avg_duration_minutes: 15,
          median_duration_minutes: 15,
          outcome_breakdown: { resolved: 1, escalated: 0, workaround: 0, unresolved: 0 },
          rating_count: 1,
          avg_csat: 5,
          csat_score: 1,
          response_rate: 1,
        },
      });
      expect(res.body.top_engineers.map((e: { user_id: string }) => e.user_id)).toEqual([e1.user.id]);
      expect(res.body.top_flows.map((f: { tree_id: string; sessions: number }) => [f.tree_id, f.sessions])).toEqual([
        [f1.id, 3],
        [f2.tree.id, 1],
      ]);
      expect(res.body.time_series.reduce((n: number, p: { sessions: number }) => n + p.sessions, 0)).toBe(4);
    });

    it('answers 404 for an engineer_id outside the account, also another account’s user', async () => {
      await get(`team?${RANGE}&engineer_id=${otherEngineer.user.id}`, admin).expect(404);
      await get(`team?${RANGE}&engineer_id=${randomUUID()}`, admin).expect(404);
      const bad = await get(`team?engineer_id=nope`, admin).expect(422);
      expect(bad.body.message).toEqual(['engineer_id must be a UUID']);
    });

    it('is for team admins: engineers get 403', async () => {
      await get(`team?${RANGE}`, e1).expect(403);
      const colleague = await addUser(t, admin, 'team_admin');
      await get(`team?${RANGE}`, colleague).expect(200);
    });

    it('lets only a super_admin read another account via account_id', async () => {
      const refused = await get(`team?${RANGE}&account_id=${other.user.account_id}`, admin).expect(403);
      expect(refused.body.message).toMatch(/super_admin/);
      await get(`team?${RANGE}&account_id=${admin.user.account_id}`, admin).expect(200);

      const root = await addUser(t, admin, 'team_admin');
      await t.dataSource.query(`UPDATE users SET role = 'super_admin' WHERE id = $1`, [root.user.id]);
      const own = await get(`team?${RANGE}`, root).expect(200);
      expect(own.body.summary.total_sessions).toBe(8);
      const beta = await get(`team?${RANGE}&account_id=${other.user.account_id}`, root).expect(200);
      expect(beta.body.account_id).toBe(other.user.account_id);
      expect(beta.body.window.tz).toBe('UTC'); // B's own time zone
      expect(beta.body.summary).toMatchObject({
        total_sessions: 3,
        completed_sessions: 3,
        rating_count: 3,
        avg_csat: 1,
      });
      await get(`team?${RANGE}&account_id=${other.user.account_id}&engineer_id=${otherEngineer.user.id}`, root).expect(
        200,
      );
      await get(`team?${RANGE}&account_id=${other.user.account_id}&engineer_id=${e1.user.id}`, root).expect(404);
      await get(`team?${RANGE}&account_id=${randomUUID()}`, root).expect(404);
    });

    it('defaults to the last 30 days in the account’s time zone; 7d and 90d give 7 and 90 points', async () => {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
      const res = await get('team', admin).expect(200);
      expect(res.body.window).toMatchObject({ period: '30d', tz: 'America/New_York', to: today });
      expect(res.body.time_series).toHaveLength(30);
      expect((await get('team?period=7d', admin).expect(200)).body.time_series).toHaveLength(7);
      expect((await get('team?period=90d', admin).expect(200)).body.time_series).toHaveLength(90);
      // from/to replace the period.
      expect((await get(`team?period=7d&${RANGE}`, admin).expect(200)).body.window.period).toBe('custom');
    });
  });

  describe('me', () => {
    it('reports the caller’s own sessions and ratings', async () => {
      const res = await get(`me?${RANGE}`, e1).expect(200);
      expect(Object.keys(res.body).sort()).toEqual(['summary', 'time_series', 'top_flows', 'window']);
      expect(res.body.summary).toMatchObject({
        total_sessions: 4,
        completed_sessions: 3,
        completion_rate: 0.75,
        rating_count: 2,
        avg_csat: 3.5,
      });
      expect(res.body.summary.previous.total_sessions).toBe(1);
      expect(res.body.top_flows.map((f: { name: string; sessions: number }) => [f.name, f.sessions])).toEqual([
        ['VPN will not connect', 3],
        ['Printer not printing', 1],
      ]);
      expect(res.body.time_series).toHaveLength(10);

      const mine = await get(`me?${RANGE}`, e2).expect(200);
      expect(mine.body.summary).toMatchObject({
        total_sessions: 3,
        completed_sessions: 1,
        rating_count: 2,
        avg_csat: 2.5,
      });
    });
  });

  describe('flow', () => {
    it('gives the flow’s summary, CSAT, step feedback, drop-off and outcomes exactly', async () => {
      const res = await get(`flows/${f1.id}?${RANGE}`, admin).expect(200);
      expect(res.body.tree_id).toBe(f1.id);
      expect(res.body.name).toBe('VPN will not connect');
      expect(res.body.summary).toEqual({
        total_sessions: 6,
        completed_sessions: 3,
        completion_rate: 0.5,
        avg_duration_minutes: 20,
        median_duration_minutes: 20,
        outcome_breakdown: { resolved: 2, escalated: 1, workaround: 0, unresolved: 0 },
        rating_count: 4,
        avg_csat: 3,
        csat_score: 0.5,
        response_rate: 1, // 4 ratings / 3 completed, capped
        previous: {
          total_sessions: 2,
          completed_sessions: 2,
          completion_rate: 1,
          avg_duration_minutes: 10,
          median_duration_minutes: 10,
          outcome_breakdown: { resolved: 1, escalated: 1, workaround: 0, unresolved: 0 },
          rating_count: 1,
          avg_csat: 5,
          csat_score: 1,
          response_rate: 0.5,
        },
      });
      expect(res.body.avg_csat).toBe(3);
      expect(res.body.total_ratings).toBe(4);
      expect(res.body.csat_distribution).toEqual({ '1': 1, '2': 1, '3': 0, '4': 1, '5': 1 });
      expect(res.body.time_series.map((p: { sessions: number }) => p.sessions)).toEqual([1, 1, 0, 0, 2, 0, 0, 1, 0, 1]);
      expect(res.body.step_feedback).toEqual([
        {
          node_id: f1.stepB,
          node_title: 'Renew the certificate',
          step_id: null,
          helpful_yes: 1,
          helpful_no: 1,
          helpful_rate: 0.5,
        },
        {
          node_id: f1.stepA,
          node_title: 'Reset the VPN profile',
          step_id: libraryStepId,
          helpful_yes: 2,
          helpful_no: 1,
          helpful_rate: 0.667,
        },
      ]);
      expect(res.body.drop_off).toEqual([
        { node_id: f1.stepA, node_title: 'Reset the VPN profile', node_type: 'step', sessions: 2 },
        { node_id: f1.question, node_title: 'Does the VPN client start?', node_type: 'question', sessions: 1 },
      ]);
      expect(res.body.outcomes_by_node).toEqual([
        {
          node_id: f1.fixed,
          node_title: 'VPN connects',
          node_type: 'solution',
          sessions: 2,
          resolved: 2,
          escalated: 0,
          workaround: 0,
          unresolved: 0,
        },
        {
          node_id: f1.escalate,
          node_title: 'Escalate to networking',
          node_type: 'solution',
          sessions: 1,
          resolved: 0,
          escalated: 1,
          workaround: 0,
          unresolved: 0,
        },
      ]);
    });

    it('lists the newest comments with names for admins only', async () => {
      const forAdmin = (await get(`flows/${f1.id}?${RANGE}`, admin).expect(200)).body.recent_comments;
      // Each comment names its session (the UI opens it): the session the rating row belongs to.
      const rated: { session_id: string; comment: string }[] = await t.dataSource.query(
        `SELECT session_id, comment FROM session_ratings WHERE account_id = $1 AND comment IS NOT NULL`,
        [admin.user.account_id],
      );
      const session = (comment: string) => rated.find((row) => row.comment === comment)?.session_id;
      expect(forAdmin).toEqual([
        {
          session_id: session(HYPERLINK),
          rating: 2,
          comment: HYPERLINK,
          user_name: e1.user.name,
          created_at: '2026-03-02T15:30:00.000Z',
        },
        {
          session_id: session(QUOTED),
          rating: 5,
          comment: QUOTED,
          user_name: e1.user.name,
          created_at: '2026-03-02T02:15:00.000Z',
        },
        {
          session_id: session('Too long'),
          rating: 1,
          comment: 'Too long',
          user_name: e2.user.name,
          created_at: '2026-03-01T05:10:00.000Z',
        },
      ]);
      expect(new Set(forAdmin.map((c: { session_id: string }) => c.session_id)).size).toBe(3);
      const forEngineer = (await get(`flows/${f1.id}?${RANGE}`, e2).expect(200)).body.recent_comments;
      expect(forEngineer).toEqual(forAdmin.map((c: object) => ({ ...c, user_name: null })));
    });

    it('answers 404 for another account’s flow, a malformed id and, for engineers, a draft', async () => {
      await get(`flows/${f1.id}?${RANGE}`, otherEngineer).expect(404);
      await get(`flows/${f1.id}?${RANGE}`, other).expect(404);
      await get(`flows/${otherFlow.tree.id}?${RANGE}`, admin).expect(404);
      await get(`flows/${randomUUID()}`, admin).expect(404);
      await get('flows/not-a-uuid', admin).expect(404);
      const draft = await createFlow(t, admin, { status: 'draft', name: 'Work in progress' });
      await get(`flows/${draft.tree.id}`, e1).expect(404);
      await get(`flows/${draft.tree.id}`, admin).expect(200);
    });
  });

  describe('an empty account', () => {
    it('answers zeros and empty lists, never NaN or null counts', async () => {
      const empty = await registerAccount(t, 'Empty');
      const team = await get(`team?${RANGE}`, empty).expect(200);
      expect(team.body.summary).toEqual({ ...zeroFigures, previous: zeroFigures });
      expect(team.body.time_series).toEqual(DAYS.map((date) => point(date)));
      expect(team.body.top_flows).toEqual([]);
      expect(team.body.top_engineers).toEqual([]);

      const me = await get(`me?${RANGE}`, empty).expect(200);
      expect(me.body.summary).toEqual({ ...zeroFigures, previous: zeroFigures });

      const flow = await createFlow(t, empty);
      const res = await get(`flows/${flow.tree.id}?${RANGE}`, empty).expect(200);
      expect(res.body).toMatchObject({
        summary: { ...zeroFigures, previous: zeroFigures },
        avg_csat: null,
        total_ratings: 0,
        csat_distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
        step_feedback: [],
        drop_off: [],
        outcomes_by_node: [],
        recent_comments: [],
      });
      expect(res.body.time_series).toHaveLength(10);
    });
  });

  describe('CSV', () => {
    it('exports the team report as a download with a dated file name', async () => {
      const res = await get(`team?${RANGE}&format=csv`, admin).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="team-analytics-2026-03-01_2026-03-10.csv"',
      );
      const blocks = res.text.split('\r\n\r\n');
      expect(blocks.map((block: string) => block.split('\r\n')[0])).toEqual([
        'window',
        'summary',
        'time_series',
        'top_flows',
        'top_engineers',
      ]);
      const series = blocks[2].split('\r\n');
      expect(series[1]).toBe('date,sessions,completed,resolved,escalated,workaround,unresolved,rating_count,avg_csat');
      expect(series.slice(2)).toHaveLength(10);
      expect(series[2]).toBe('2026-03-01,1,1,1,0,0,0,2,3');
      expect(series[4]).toBe('2026-03-03,0,0,0,0,0,0,0,');
      expect(blocks[1]).toContain('\r\ntotal_sessions,8,2\r\n');
      expect(blocks[3]).toContain(`\r\n${f1.id},VPN will not connect,6,3,0.5,20,4,3`);
    });

    it('also answers CSV to Accept: text/csv, and JSON when format=json says so', async () => {
      const csv = await get(`me?${RANGE}`, e1).set('Accept', 'text/csv').expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe('attachment; filename="my-analytics-2026-03-01_2026-03-10.csv"');
      expect(csv.headers.vary).toMatch(/Accept/);
      const json = await get(`me?${RANGE}&format=json`, e1).set('Accept', 'text/csv').expect(200);
      expect(json.headers['content-type']).toMatch(/application\/json/);
    });

    it('escapes the flow export: quotes, line breaks, and formulas neutralised; no names for engineers', async () => {
      const res = await get(`flows/${f1.id}?${RANGE}&format=csv`, admin).expect(200);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="flow-analytics-vpn-will-not-connect-2026-03-01_2026-03-10.csv"',
      );
      expect(res.text).toContain(
        `\r\n2026-03-02T15:30:00.000Z,2,"'=HYPERLINK(""http://evil.example"",""click"")",${e1.user.name}\r\n`,
      );
      expect(res.text).toContain(`\r\n2026-03-02T02:15:00.000Z,5,"Clear, ""quick""\nfix",${e1.user.name}\r\n`);
      expect(res.text).toContain('csat_distribution\r\nrating,count\r\n1,1\r\n2,1\r\n3,0\r\n4,1\r\n5,1\r\n');
      expect(res.text).toContain(
        `step_feedback\r\nnode_id,node_title,step_id,helpful_yes,helpful_no,helpful_rate\r\n${f1.stepB},Renew the certificate,,1,1,0.5\r\n`,
      );
      const engineer = await get(`flows/${f1.id}?${RANGE}&format=csv`, e2).expect(200);
      expect(engineer.text).toContain('\r\n2026-03-01T05:10:00.000Z,1,Too long,\r\n');
      expect(engineer.text).not.toContain(e1.user.name);
    });
  });

  describe('validation', () => {
    it.each([
      ['period=1y', 'period must be one of: 7d, 30d, 90d'],
      ['period=7', 'period must be one of: 7d, 30d, 90d'],
      ['tz=Mars/Olympus', 'tz must be an IANA time zone name such as Europe/Berlin'],
      ['tz=%2B05:00', 'tz must be an IANA time zone name such as Europe/Berlin'],
      ['from=2026-03-10&to=2026-03-01', 'to must not be before from'],
      ['from=2025-03-01&to=2026-03-02', 'to must be at most 365 days after from: a range covers at most 366 days'],
      ['from=2026-03-01', 'to is required when from is given'],
      ['to=2026-03-01', 'from is required when to is given'],
      ['from=2026-02-30&to=2026-03-02', 'from must be a date as YYYY-MM-DD, from 1970-01-01 to 2999-12-31'],
      ['from=2026-03-01&to=03/02/2026', 'to must be a date as YYYY-MM-DD, from 1970-01-01 to 2999-12-31'],
      ['from=9999-12-31&to=9999-12-31', 'from must be a date as YYYY-MM-DD, from 1970-01-01 to 2999-12-31'],
      ['from=2999-12-31&to=3000-01-01&format=csv', 'to must be a date as YYYY-MM-DD, from 1970-01-01 to 2999-12-31'],
      ['format=xml', 'format must be one of: json, csv'],
    ])('%s → 422 naming the field', async (query, message) => {
      for (const path of ['team', 'me', `flows/${f1.id}`]) {
        const res = await get(`${path}?${query}`, admin).expect(422);
        expect(res.body.message).toContain(message);
      }
    });

    it('accepts a full 366-day range (a leap year) and refuses unknown parameters', async () => {
      const year = await get('team?from=2028-01-01&to=2028-12-31', admin).expect(200);
      expect(year.body.time_series).toHaveLength(366);
      await get('me?engineer_id=x', e1).expect(422);
      await get('team?limit=5', admin).expect(422);
    });
  });

  it('computes day boundaries exactly as PostgreSQL buckets days', async () => {
    const cases: [string, string][] = [
      ['2026-03-08', 'America/New_York'],
      ['2026-03-09', 'America/New_York'],
      ['2026-11-01', 'America/New_York'],
      ['2026-10-25', 'Europe/Berlin'],
      ['2026-10-05', 'Australia/Lord_Howe'],
      ['2026-09-06', 'America/Santiago'],
      ['2026-01-01', 'Asia/Kathmandu'],
      ['2026-06-30', 'Pacific/Chatham'],
    ];
    for (const [date, tz] of cases) {
      const [row] = await t.dataSource.query(
        `SELECT ($1::date::timestamp AT TIME ZONE $2) AS start,
                (($1::date::timestamp AT TIME ZONE $2) AT TIME ZONE $2)::date::text AS local_day,
                ((($1::date::timestamp AT TIME ZONE $2) - interval '1 second') AT TIME ZONE $2)::date::text AS day_before`,
        [date, tz],
      );
      expect([tz, startOfLocalDay(date, tz).toISOString()]).toEqual([tz, new Date(row.start).toISOString()]);
      expect(row.local_day).toBe(date);
      expect(row.day_before < date).toBe(true);
    }
  });
});
