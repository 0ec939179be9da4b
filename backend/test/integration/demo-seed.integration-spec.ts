import { DEMO_PASSWORD, seedDemoData } from '../../src/demo/demo-seed';
import { auth } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoData(t.dataSource);
  });
  afterAll(() => t.close());

  it('gives working demo logins, six published flows and 90 days of history', async () => {
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'engineer1@northwind.example', password: DEMO_PASSWORD })
      .expect(200);
    expect(login.body.user.role).toBe('engineer');
    const admin = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'admin@northwind.example', password: DEMO_PASSWORD })
      .expect(200);
    expect(admin.body.user.role).toBe('team_admin');

    const flows = await t.http.get('/api/v1/trees').set(auth(login.body.access_token)).expect(200);
    expect(flows.body).toHaveLength(6);
    const sessions = await t.http
      .get('/api/v1/sessions?all=true&limit=1')
      .set(auth(admin.body.access_token))
      .expect(200);
    expect(sessions.body.total).toBeGreaterThan(900);

    // 90 days of history: the team's 90-day report (the account's own days) holds every session,
    // none started after now, and every weekday of the window before today has sessions.
    const team = (await t.http.get('/api/v1/analytics/team?period=90d').set(auth(admin.body.access_token)).expect(200))
      .body;
    expect(team.time_series).toHaveLength(90);
    const [stored] = await t.dataSource.query(
      `SELECT count(*)::int AS sessions, count(*) FILTER (WHERE started_at > now())::int AS future FROM sessions`,
    );
    expect(team.summary.total_sessions).toBe(stored.sessions);
    expect(stored.future).toBe(0);
    const weekdays = team.time_series
      .slice(0, -1)
      .filter((day: { date: string }) => ![0, 6].includes(new Date(`${day.date}T12:00:00Z`).getUTCDay()));
    expect(weekdays.length).toBeGreaterThanOrEqual(62);
    expect(weekdays.filter((day: { sessions: number }) => day.sessions === 0)).toEqual([]);
  });

  it('adds CSAT ratings and step votes, with library counters equal to the votes', async () => {
    const [counts] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM session_ratings)::int AS ratings,
              (SELECT count(*) FROM sessions WHERE completed_at IS NOT NULL)::int AS completed,
              (SELECT count(*) FROM step_ratings)::int AS votes`,
    );
    expect(counts.ratings / counts.completed).toBeGreaterThan(0.2);
    expect(counts.votes).toBeGreaterThan(200);
    const mismatches = await t.dataSource.query(
      `SELECT l.id FROM step_library l
         LEFT JOIN (SELECT step_id, count(*) FILTER (WHERE was_helpful) AS yes, count(*) FILTER (WHERE NOT was_helpful) AS no
                      FROM step_ratings GROUP BY step_id) v ON v.step_id = l.id
        WHERE l.helpful_yes <> coalesce(v.yes, 0) OR l.helpful_no <> coalesce(v.no, 0)`,
    );
    expect(mismatches).toEqual([]);
  });

  it('seeds another copy under its own name and email domain, kept apart from the first', async () => {
    const before = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM sessions WHERE account_id = (SELECT id FROM accounts WHERE name = 'Northwind IT')`,
    );
    await seedDemoData(t.dataSource, undefined, {
      accountName: 'Northwind IT (copy)',
      emailDomain: 'copy.northwind.example',
    });
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'engineer2@copy.northwind.example', password: DEMO_PASSWORD })
      .expect(200);
    expect(login.body.user.name).toBe('Tom Becker');
    const [copy] = await t.dataSource.query(`SELECT id FROM accounts WHERE name = 'Northwind IT (copy)'`);
    expect(login.body.user.account_id).toBe(copy.id);
    const flows = await t.http.get('/api/v1/trees').set(auth(login.body.access_token)).expect(200);
    expect(flows.body).toHaveLength(6);
    const sessions = await t.http.get('/api/v1/sessions?limit=1').set(auth(login.body.access_token)).expect(200);
    expect(sessions.body.total).toBeGreaterThan(0);
    expect(
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM sessions WHERE account_id = (SELECT id FROM accounts WHERE name = 'Northwind IT')`,
      ),
    ).toEqual(before);
  });

  it('is a no-op the second time', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM sessions');
    const lines: string[] = [];
    await seedDemoData(t.dataSource, (line) => lines.push(line));
    expect(lines.join(' ')).toMatch(/already exists/);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM sessions')).toEqual(before);
  });
});
