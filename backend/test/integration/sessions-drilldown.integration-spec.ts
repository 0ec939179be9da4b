import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

import { addDays } from '../../src/analytics/report/analytics-window';
import { addUser, auth, createFlow, FlowIds, Login, registerAccount } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The drill-down invariant: for random sessions, ratings and votes and random windows (among
 * them windows across DST changes of the zone the days are counted in), every figure of the
 * team, personal and flow analytics equals the `total` of the sessions list with the filter
 * that drills into it, over the same window and tz.
 */
describe('sessions list ↔ analytics (drill-down invariant)', () => {
  let t: TestApp;
  let admin: Login;
  let engineers: Login[];
  let flows: { ids: FlowIds; tree: { id: string; nodes: { id: string; options: { id: string }[] }[] } }[];
  const OUTCOMES = ['resolved', 'escalated', 'workaround', 'unresolved'] as const;
  /** DST changes in 2026: Europe/Berlin on 29 March and 25 October, America/New_York on 8 March and 1 November. */
  const DST_DAYS = ['2026-03-29', '2026-10-25', '2026-03-08', '2026-11-01'];
  const FIRST_DAY = '2026-02-01';
  const LAST_DAY = '2026-11-30';

  /** A small seeded generator (mulberry32), so the data is the same on every run. */
  function generator(seed: number) {
    let a = seed;
    const next = () => {
      a = (a + 0x6d2b79f5) | 0;
      let x = Math.imul(a ^ (a >>> 15), 1 | a);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] };
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await registerAccount(t, 'Drill Co');
    engineers = [admin, await addUser(t, admin), await addUser(t, admin)];
    flows = [await createFlow(t, admin), await createFlow(t, admin, { name: 'VPN' })];
    await t.dataSource.query(`UPDATE accounts SET timezone = 'Europe/Berlin' WHERE id = $1`, [admin.user.account_id]);

    // Sessions over ten months, a third of them within a day and a half of a DST change (midnights
    // move there), each at a node of its flow with the path that leads there; completed or not;
    // ratings and votes given up to three days after the start, so they may fall in another window.
    const random = generator(24);
    const start = Date.parse(`${FIRST_DAY}T00:00:00Z`);
    const span = Date.parse(`${LAST_DAY}T00:00:00Z`) - start;
    const rows: unknown[][] = [];
    const ratings: unknown[][] = [];
    const votes: unknown[][] = [];
    for (let i = 0; i < 360; i++) {
      const flow = random.pick(flows);
      const { question, step, fixed, escalate } = flow.ids;
      const option = (node: string, index: number) =>
        flow.tree.nodes.find((n) => n.id === node)?.options[index].id as string;
      const owner = random.pick(engineers);
      const startedAt =
        i % 3 === 0
          ? Date.parse(`${random.pick(DST_DAYS)}T00:00:00Z`) + (random.next() * 3 - 1.5) * 86_400_000
          : start + random.next() * span;
      const route = random.pick([
        { at: question, path: [] as [string, string][] },
        { at: step, path: [[question, option(question, 0)]] as [string, string][] },
        { at: fixed, path: [[question, option(question, 1)]] as [string, string][] },
        {
          at: fixed,
          path: [
            [question, option(question, 0)],
            [step, option(step, 0)],
          ] as [string, string][],
        },
        {
          at: escalate,
          path: [
            [question, option(question, 0)],
            [step, option(step, 1)],
          ] as [string, string][],
        },
      ]);
      const path = route.path.map(([node_id, option_id], k) => ({
        node_id,
        option_id,
        at: new Date(startedAt + (k + 1) * 30_000).toISOString(),
      }));
      const completed = random.next() < 0.6;
      const completedAt = completed ? startedAt + 60_000 + random.next() * 3_600_000 : null;
      const id = randomUUID();
      rows.push([
        id,
        flow.tree.id,
        owner.user.id,
        new Date(startedAt).toISOString(),
        completedAt === null ? null : new Date(completedAt).toISOString(),
        completed ? random.pick(OUTCOMES) : null,
        route.at,
        JSON.stringify(path),
      ]);
      if (completedAt !== null && random.next() < 0.6) {
        const createdAt = completedAt + random.next() * 3 * 86_400_000;
        ratings.push([id, owner.user.id, flow.tree.id, 1 + Math.floor(random.next() * 5), new Date(createdAt)]);
      }
      if (path.some((entry) => entry.node_id === step) || route.at === step) {
        if (random.next() < 0.7) {
          const createdAt = startedAt + random.next() * 3 * 86_400_000;
          votes.push([id, flow.tree.id, step, owner.user.id, random.next() < 0.5, new Date(createdAt)]);
        }
      }
    }
    const column = (table: unknown[][], index: number) => table.map((row) => row[index]);
    const account = admin.user.account_id;
    await t.dataSource.query(
      `INSERT INTO sessions (account_id, id, tree_id, user_id, started_at, completed_at, outcome, current_node_id, path, tree_version)
       SELECT $1, id, tree_id, user_id, started_at, completed_at, outcome, current_node_id, path::jsonb, 1
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::uuid[], $9::text[])
           AS x(id, tree_id, user_id, started_at, completed_at, outcome, current_node_id, path)`,
      [account, ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => column(rows, i))],
    );
    await t.dataSource.query(
      `INSERT INTO session_ratings (account_id, session_id, user_id, tree_id, rating, created_at)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::timestamptz[])`,
      [account, ...[0, 1, 2, 3, 4].map((i) => column(ratings, i))],
    );
    await t.dataSource.query(
      `INSERT INTO step_ratings (account_id, session_id, tree_id, node_id, user_id, was_helpful, created_at, updated_at)
       SELECT $1, s, tr, n, u, h, c, c FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::bool[], $7::timestamptz[]) AS x(s, tr, n, u, h, c)`,
      [account, ...[0, 1, 2, 3, 4, 5].map((i) => column(votes, i))],
    );
  });
  afterAll(() => t.close());

  /**
   * The list's total for a filter, as `who` asks it, after checking it against the sessions the
   * list pages through: the total of the filters the rollups keep is read from them
   * (SessionCountsService), and must still be the number of rows the list shows.
   */
  async function total(who: Login, query: string): Promise<number> {
    const page = async (cursor?: string) => {
      const res = await t.http
        .get(`/api/v1/sessions?limit=100&${query}${cursor ? `&cursor=${cursor}` : ''}`)
        .set(auth(who.token));
      expect(res.status).toBe(200);
      return res.body as { items: unknown[]; total: number; next_cursor: string | null };
    };
    const first = await page();
    let listed = first.items.length;
    for (let next = first.next_cursor; next;) {
      const more = await page(next);
      listed += more.items.length;
      next = more.next_cursor;
    }
    expect([query, listed]).toEqual([query, first.total]);
    return first.total;
  }

  /** [what the figure is, the figure, the list's total for its filter] for every figure of the reports. */
  async function figures(window: string): Promise<[string, number, number][]> {
    const checks: [string, number, number][] = [];
    const check = async (name: string, figure: number, who: Login, filter: string) =>
      checks.push([name, figure, await total(who, `${window}${filter}`)]);
    const get = async (who: Login, path: string) =>
      (await t.http.get(`/api/v1/analytics/${path}?${window}`).set(auth(who.token)).expect(200)).body;

    const team = await get(admin, 'team');
    await check('team total_sessions', team.summary.total_sessions, admin, '&all=true');
    await check('team completed', team.summary.completed_sessions, admin, '&all=true&status=completed');
    for (const outcome of OUTCOMES)
      await check(`team ${outcome}`, team.summary.outcome_breakdown[outcome], admin, `&all=true&outcome=${outcome}`);
    const [from, to] = [/from=([^&]+)/.exec(window)?.[1], /to=([^&]+)/.exec(window)?.[1]];
    const tz = /tz=([^&]+)/.exec(window)?.[1];
    for (const point of team.time_series) {
      const day = `from=${point.date}&to=${point.date}&tz=${tz}&all=true`;
      checks.push([`team day ${point.date}`, point.sessions, await total(admin, day)]);
      checks.push([`team day ${point.date} completed`, point.completed, await total(admin, `${day}&status=completed`)]);
    }
    expect([team.time_series[0].date, team.time_series.at(-1).date]).toEqual([from, to]);
    for (const row of team.top_flows)
      await check(`top flow ${row.tree_id}`, row.sessions, admin, `&all=true&tree_id=${row.tree_id}`);
    for (const row of team.top_engineers)
      await check(`top engineer ${row.user_id}`, row.sessions, admin, `&all=true&user_id=${row.user_id}`);

    const engineer = engineers[1];
    const mine = await get(engineer, 'me');
    await check('my total_sessions', mine.summary.total_sessions, engineer, '');
    await check('my completed', mine.summary.completed_sessions, engineer, '&status=completed');
    for (const row of mine.top_flows)
      await check(`my flow ${row.tree_id}`, row.sessions, engineer, `&tree_id=${row.tree_id}`);

    for (const flow of flows) {
      const report = await get(admin, `flows/${flow.tree.id}`);
      const base = `&all=true&tree_id=${flow.tree.id}`;
      await check('flow total_sessions', report.summary.total_sessions, admin, base);
      for (const row of report.drop_off)
        await check(`drop-off ${row.node_id}`, row.sessions, admin, `${base}&stopped_at_node_id=${row.node_id}`);
      for (const row of report.outcomes_by_node) {
        await check(`ended at ${row.node_id}`, row.sessions, admin, `${base}&ended_at_node_id=${row.node_id}`);
        for (const outcome of OUTCOMES)
          await check(
            `ended at ${row.node_id} ${outcome}`,
            row[outcome],
            admin,
            `${base}&ended_at_node_id=${row.node_id}&outcome=${outcome}`,
          );
      }
      for (const score of ['1', '2', '3', '4', '5'])
        await check(`csat ${score}`, report.csat_distribution[score], admin, `${base}&rating=${score}`);
      for (const row of report.step_feedback) {
        await check(
          `helpful ${row.node_id}`,
          row.helpful_yes,
          admin,
          `${base}&vote_node_id=${row.node_id}&vote=helpful`,
        );
        await check(
          `unhelpful ${row.node_id}`,
          row.helpful_no,
          admin,
          `${base}&vote_node_id=${row.node_id}&vote=unhelpful`,
        );
      }
    }
    return checks;
  }

  it('every figure equals the total of the list it drills into, over random windows (DST changes included)', async () => {
    let nonZero = 0;
    let dstWindows = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          // Windows around a DST change…
          fc.record({
            anchor: fc.constantFrom(...DST_DAYS),
            before: fc.integer({ min: 0, max: 4 }),
            after: fc.integer({ min: 0, max: 4 }),
          }),
          // …and anywhere in the data.
          fc.record({
            anchor: fc.integer({ min: 0, max: 290 }).map((day) => addDays(FIRST_DAY, day)),
            before: fc.constant(0),
            after: fc.integer({ min: 0, max: 9 }),
          }),
        ),
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Kolkata'),
        async ({ anchor, before, after }, tz) => {
          const from = addDays(anchor, -before);
          const to = addDays(anchor, after);
          if (DST_DAYS.some((day) => day >= from && day <= to)) dstWindows++;
          const checks = await figures(`from=${from}&to=${to}&tz=${tz}`);
          const wrong = checks.filter(([, figure, listed]) => figure !== listed);
          nonZero += checks.filter(([, figure]) => figure > 0).length;
          expect(wrong).toEqual([]);
        },
      ),
      { seed: 24, numRuns: 12, endOnFailure: true },
    );
    // The property compared real numbers, across DST changes too.
    expect(nonZero).toBeGreaterThan(50);
    expect(dstWindows).toBeGreaterThan(2);
  }, 240_000);

  it('the period windows count what analytics count (7d, 30d, 90d, in the account’s zone)', async () => {
    for (const period of ['7d', '30d', '90d']) {
      const team = (await t.http.get(`/api/v1/analytics/team?period=${period}`).set(auth(admin.token)).expect(200))
        .body;
      expect(await total(admin, `period=${period}&all=true`)).toBe(team.summary.total_sessions);
      expect(team.window.tz).toBe('Europe/Berlin');
    }
  });
});
