import { join } from 'node:path';
import { Client } from 'pg';

import { DEMO_PASSWORD } from '../../src/demo/demo-seed';
import { reportsAndLiveAggregation, rollupDifferences } from './support/analytics-oracle';
import { fingerprintTables, restoreDump, TableFingerprints } from './support/database-snapshot';
import { auth } from './support/fixtures';
import { createScratchDatabase, createTestApp, TestApp } from './support/test-app';

/**
 * The project's upgrade rule: a database made by the first landed version (a51a82d) — its
 * migrations and its demo seed, dumped by scripts/make-upgrade-fixture.mjs — migrates to today's
 * schema with nothing lost: every row of every table it had, the rollups exact, and every
 * analytics report equal to live aggregation over the raw rows.
 */
describe('upgrade from the first landed version (a51a82d)', () => {
  let t: TestApp;
  let before: TableFingerprints;
  let after: TableFingerprints;

  beforeAll(async () => {
    const database = await createScratchDatabase();
    await restoreDump(database.url, join(__dirname, '../fixtures/a51a82d-demo.sql.gz'));
    before = await fingerprintTables(database.url);
    t = await createTestApp({}, database); // runs today's migrations
    after = await fingerprintTables(
      database.url,
      Object.fromEntries(Object.entries(before).map(([table, { columns }]) => [table, columns])),
    );
  }, 120_000);
  afterAll(() => t?.close());

  it('starts from the first version’s schema and a seeded account', async () => {
    expect(Object.keys(before).sort()).toEqual(
      expect.arrayContaining([
        'accounts',
        'users',
        'trees',
        'tree_nodes',
        'sessions',
        'session_ratings',
        'step_ratings',
        'analytics_rollup_daily',
      ]),
    );
    expect(before.sessions.rows).toBeGreaterThan(900);
    expect(before.step_ratings.rows).toBeGreaterThan(200);
    const client = new Client({ connectionString: t.databaseUrl });
    await client.connect();
    const applied = await client.query('SELECT name FROM migrations ORDER BY id').finally(() => client.end());
    expect(applied.rows.slice(0, 4).map((row) => row.name)).toEqual([
      'InitialSchema1764000000000',
      'Feedback1764000100000',
      'AnalyticsIndexes1764000200000',
      'AnalyticsRollups1764000300000',
    ]);
    expect(applied.rows.length).toBeGreaterThan(4);
  });

  it('keeps every row of every table, value for value', () => {
    for (const table of Object.keys(before)) {
      if (table === 'migrations') continue; // gains a row per migration
      expect({ table, ...after[table] }).toEqual({ table, ...before[table] });
    }
  });

  it('keeps the rollups exact (rollup:verify finds no difference)', async () => {
    expect(await rollupDifferences(t.dataSource)).toEqual({ total: 0, differences: [] });
  });

  it('answers every report as live aggregation does, and the demo logins work', async () => {
    const login = async (email: string) =>
      (await t.http.post('/api/v1/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200)).body;
    const admin = await login('admin@northwind.example');
    const engineer = await login('engineer1@northwind.example');
    const trees = (await t.http.get('/api/v1/trees').set(auth(admin.access_token)).expect(200)).body;
    expect(trees).toHaveLength(6);
    const [{ first, last }] = await t.dataSource.query(
      `SELECT min(started_at)::date::text AS first, (max(started_at)::date + 1)::text AS last FROM sessions`,
    );
    const callers = {
      accountId: admin.user.account_id,
      adminToken: admin.access_token,
      engineer: { id: engineer.user.id, token: engineer.access_token },
      treeIds: trees.map((tree: { id: string }) => tree.id),
    };
    for (const tz of ['Europe/Berlin', 'UTC', 'America/New_York']) {
      const { api, live } = await reportsAndLiveAggregation(t.http, t.dataSource, callers, {
        from: first,
        to: last,
        tz,
      });
      expect(api).toEqual(live);
      expect((api as { team: { summary: { total_sessions: number } } }).team.summary.total_sessions).toBe(
        before.sessions.rows,
      );
    }
  });
});
