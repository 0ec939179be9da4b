import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';

import { verifyRollups } from '../../src/analytics/rollup/rollup-recount';
import { WriteCoalescer } from '../../src/database/write-coalescing/write-coalescer';
import { addUser, auth, createFlow, Login, registerAccount, startAtStep } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Concurrent ratings, votes and completions share statements (WriteCoalescer). Each test holds
 * a lock that stops the first write in the database, sends the rest while it waits, so they
 * queue and go together in the next statement, and checks every caller got its own answer.
 */
describe('writes sent together: one statement, each caller answered for itself', () => {
  let t: TestApp;
  let admin: Login;
  let engineer: Login;
  let colleague: Login;
  let stranger: Login;
  let flow: Awaited<ReturnType<typeof createFlow>>;

  /**
   * Write calls that reached a coalescer, and who waits for a count. A write call (start, complete, rate, vote) names
   * its user and what it writes; the JWT check's lookups carry only { userId, accountId }, a token's no userId.
   */
  let writeCalls = 0;
  const waiting: { count: number; done: () => void }[] = [];
  const isWriteCall = (item: unknown) =>
    typeof item === 'object' &&
    item !== null &&
    'userId' in item &&
    Object.keys(item).some((key) => !['userId', 'accountId'].includes(key));
  const writeCallsReach = (count: number) =>
    new Promise<void>((done) => (writeCalls >= count ? done() : waiting.push({ count, done })));

  beforeAll(async () => {
    const run = WriteCoalescer.prototype.run;
    jest.spyOn(WriteCoalescer.prototype, 'run').mockImplementation(function (
      this: WriteCoalescer<unknown, unknown>,
      item: unknown,
    ) {
      const result = run.call(this, item);
      if (isWriteCall(item)) {
        writeCalls++;
        for (const waiter of waiting.filter((w) => writeCalls >= w.count)) waiter.done();
      }
      return result;
    });
    t = await createTestApp();
    admin = await registerAccount(t);
    engineer = await addUser(t, admin);
    colleague = await addUser(t, admin);
    stranger = await registerAccount(t, 'Other IT');
    flow = await createFlow(t, admin);
  });
  afterAll(async () => {
    await t.close();
    jest.restoreAllMocks();
  });

  const start = async (who: Login = engineer) =>
    (await t.http.post('/api/v1/sessions').set(auth(who.token)).send({ tree_id: flow.tree.id }).expect(201)).body
      .id as string;
  const finish = (id: string, who: Login = engineer, outcome = 'resolved') =>
    t.http.post(`/api/v1/sessions/${id}/complete`).set(auth(who.token)).send({ outcome });
  const rate = (id: string, rating: number, who: Login = engineer) =>
    t.http.post(`/api/v1/sessions/${id}/rate`).set(auth(who.token)).send({ rating });
  const vote = (id: string, node: string, wasHelpful: boolean, who: Login = engineer) =>
    t.http.put(`/api/v1/sessions/${id}/nodes/${node}/feedback`).set(auth(who.token)).send({ was_helpful: wasHelpful });
  const finished = async (who: Login = engineer) => {
    const id = await start(who);
    await finish(id, who).expect(200);
    return id;
  };

  /**
   * Runs `first` while another connection holds a row lock it needs (a session's, or a flow's), sends `rest` once `first`
   * waits on it, and lets go once every one of `rest` has reached its coalescer (queued behind `first`, or sent at once
   * for another account): `rest` then go to the database together.
   */
  async function queuedBehind(
    lockedSession: string,
    first: () => request.Test,
    rest: (() => request.Test)[],
    lockedTable = 'sessions',
  ) {
    const blocker = new Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`SELECT 1 FROM ${lockedTable} WHERE id = $1 FOR UPDATE`, [lockedSession]);
      const firstAnswer = first().then((res) => res);
      for (let waiting = 0; waiting === 0;) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        // pg_stat_activity is kept for the rest of the blocker's transaction once read: look afresh.
        await blocker.query('SELECT pg_stat_clear_snapshot()');
        const [{ n }] = (
          await blocker.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          )
        ).rows;
        waiting = n;
      }
      const queued = writeCallsReach(writeCalls + rest.length);
      const restAnswers = Promise.all(rest.map((send) => send().then((res) => res)));
      await queued;
      await blocker.query('COMMIT');
      return { first: await firstAnswer, rest: await restAnswers };
    } finally {
      await blocker.end();
    }
  }

  /** The largest number of these rows written by one transaction: above 1, they shared a statement. */
  const largestTransaction = async (table: string, sessionIds: string[]) => {
    const [{ n }] = await t.dataSource.query(
      `SELECT coalesce(max(n), 0)::int AS n FROM (SELECT count(*) AS n FROM ${table} WHERE session_id = ANY($1::uuid[]) GROUP BY xmin::text) x`,
      [sessionIds],
    );
    return n as number;
  };

  const rollupsExact = async () => {
    const { differences } = await t.dataSource.transaction('REPEATABLE READ', (manager) => verifyRollups(manager));
    expect(differences).toEqual([]);
  };

  it('ratings: each its own 201, 400, 403, 404 or 409, and only the allowed ones written', async () => {
    const [s0, s1, s2, s3, theirs] = [
      await finished(),
      await finished(),
      await finished(),
      await finished(),
      await finished(colleague),
    ];
    const running = await start();
    const { first, rest } = await queuedBehind(s0, () => rate(s0, 5), [
      () => rate(s1, 1),
      () => rate(s2, 2),
      () => rate(s3, 3),
      () => rate(s1, 4),
      () => rate(running, 3),
      () => rate(theirs, 3),
      () => rate(s2, 3, stranger),
      () => rate(randomUUID(), 3),
      () => rate(theirs, 4, colleague),
    ]);
    expect(first.status).toBe(201);
    const [one, two, three, oneAgain, ...refused] = rest;
    expect([two.status, three.status]).toEqual([201, 201]);
    expect([one.status, oneAgain.status].sort()).toEqual([201, 409]);
    expect(refused.map((res) => res.status)).toEqual([400, 403, 404, 404, 201]);

    const stored = await t.dataSource.query(
      `SELECT session_id, rating FROM session_ratings WHERE session_id = ANY($1::uuid[])`,
      [[s0, s1, s2, s3, theirs, running]],
    );
    const winner = one.status === 201 ? one : oneAgain;
    expect(
      Object.fromEntries(stored.map((r: { session_id: string; rating: number }) => [r.session_id, r.rating])),
    ).toEqual({
      [s0]: 5,
      [s1]: winner.body.rating,
      [s2]: 2,
      [s3]: 3,
      [theirs]: 4,
    });
    expect(await largestTransaction('session_ratings', [s1, s2, s3, theirs])).toBeGreaterThan(1);
    await rollupsExact();
  });

  it('votes: a vote and its flip on one session apply one after the other; refusals answer 403, 404 and 422', async () => {
    const atStep = async () => (await startAtStep(t, engineer, flow)).id as string;
    const [s0, s1, s2, s3] = [await atStep(), await atStep(), await atStep(), await atStep()];
    const step = flow.ids.step;
    const { first, rest } = await queuedBehind(s0, () => vote(s0, step, true), [
      () => vote(s1, step, true),
      () => vote(s2, step, false),
      () => vote(s3, step, true),
      () => vote(s1, step, false),
      () => vote(s2, step, true, colleague),
      () => vote(s3, step, true, stranger),
      () => vote(s3, flow.ids.question, true),
      () => vote(s3, randomUUID(), true),
    ]);
    expect(first.status).toBe(201);
    const [one, two, three, oneFlipped, ...refused] = rest;
    expect([two.status, three.status]).toEqual([201, 201]);
    // Whichever came first inserted the vote, the other changed it: the row holds the later one.
    expect([one.status, oneFlipped.status].sort()).toEqual([200, 201]);
    expect(refused.map((res) => res.status)).toEqual([403, 404, 422, 404]);

    const stored = await t.dataSource.query(
      `SELECT session_id, was_helpful FROM step_ratings WHERE session_id = ANY($1::uuid[])`,
      [[s0, s1, s2, s3]],
    );
    const later = one.status === 200 ? one : oneFlipped;
    expect(
      Object.fromEntries(
        stored.map((r: { session_id: string; was_helpful: boolean }) => [r.session_id, r.was_helpful]),
      ),
    ).toEqual({
      [s0]: true,
      [s1]: later.body.was_helpful,
      [s2]: false,
      [s3]: true,
    });
    expect(await largestTransaction('step_ratings', [s1, s2, s3])).toBeGreaterThan(1);
    await rollupsExact();
  });

  it('completions: each finished once with its own outcome; a second completion is 409, someone else’s 403', async () => {
    const [s0, s1, s2, s3, theirs] = [
      await start(),
      await start(),
      await start(),
      await start(),
      await start(colleague),
    ];
    const { first, rest } = await queuedBehind(s0, () => finish(s0), [
      () => finish(s1, engineer, 'escalated'),
      () => finish(s2, engineer, 'workaround'),
      () => finish(s3, engineer, 'unresolved'),
      () => finish(s1, engineer, 'resolved'),
      () => finish(theirs),
      () => finish(s2, stranger),
      () => finish(theirs, colleague, 'escalated'),
    ]);
    expect(first.status).toBe(200);
    const [one, two, three, oneAgain, ...others] = rest;
    expect([two.status, three.status]).toEqual([200, 200]);
    expect([one.status, oneAgain.status].sort()).toEqual([200, 409]);
    expect(others.map((res) => res.status)).toEqual([403, 404, 200]);
    // Each caller sees its own session back, with its own outcome.
    expect([two.body.id, two.body.outcome, three.body.id, three.body.outcome]).toEqual([
      s2,
      'workaround',
      s3,
      'unresolved',
    ]);
    expect(two.body.current_node).toEqual(expect.objectContaining({ id: flow.ids.question }));

    const stored = await t.dataSource.query(`SELECT id, outcome FROM sessions WHERE id = ANY($1::uuid[])`, [
      [s0, s1, s2, s3, theirs],
    ]);
    const winner = one.status === 200 ? one : oneAgain;
    expect(Object.fromEntries(stored.map((r: { id: string; outcome: string }) => [r.id, r.outcome]))).toEqual({
      [s0]: 'resolved',
      [s1]: winner.body.outcome,
      [s2]: 'workaround',
      [s3]: 'unresolved',
      [theirs]: 'escalated',
    });
    const [{ n }] = await t.dataSource.query(
      `SELECT max(n)::int AS n FROM (SELECT count(*) AS n FROM sessions WHERE id = ANY($1::uuid[]) GROUP BY xmin::text) x`,
      [[s1, s2, s3, theirs]],
    );
    expect(n).toBeGreaterThan(1);
    await rollupsExact();
  });

  it('starts: each caller gets its own new session; the flow counts every start; drafts and archived flows refused', async () => {
    const draft = await createFlow(t, admin, { status: 'draft' });
    const archived = await createFlow(t, admin, { status: 'archived' });
    const begin = (treeId: string, who: Login = engineer) =>
      t.http.post('/api/v1/sessions').set(auth(who.token)).send({ tree_id: treeId });
    const usage = async () =>
      (await t.http.get(`/api/v1/trees/${flow.tree.id}`).set(auth(admin.token)).expect(200)).body.usage_count as number;
    const before = await usage();
    const { first, rest } = await queuedBehind(
      flow.tree.id,
      () => begin(flow.tree.id),
      [
        () => begin(flow.tree.id),
        () => begin(flow.tree.id, colleague),
        () => begin(flow.tree.id),
        () => begin(draft.tree.id),
        () => begin(draft.tree.id, admin),
        () => begin(archived.tree.id),
        () => begin(flow.tree.id, stranger),
        () => begin(randomUUID()),
      ],
      'trees',
    );
    const started = [first, ...rest.slice(0, 3)];
    expect(started.map((res) => res.status)).toEqual([201, 201, 201, 201]);
    expect(rest.slice(3).map((res) => res.status)).toEqual([404, 400, 400, 404, 404]);
    expect(new Set(started.map((res) => res.body.id)).size).toBe(4);
    expect(started.map((res) => res.body.user_id)).toEqual([
      engineer.user.id,
      engineer.user.id,
      colleague.user.id,
      engineer.user.id,
    ]);
    for (const res of started) {
      expect(res.body).toEqual(expect.objectContaining({ tree_id: flow.tree.id, completed_at: null, path: [] }));
      expect(res.body.current_node).toEqual(expect.objectContaining({ id: flow.ids.question }));
    }
    expect(await usage()).toBe(before + 4);
    const [{ n }] = await t.dataSource.query(
      `SELECT max(n)::int AS n FROM (SELECT count(*) AS n FROM sessions WHERE id = ANY($1::uuid[]) GROUP BY xmin::text) x`,
      [started.slice(1).map((res) => res.body.id)],
    );
    expect(n).toBeGreaterThan(1);
    await rollupsExact();
  });
});
