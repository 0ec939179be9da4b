import { SessionsRepository } from '../../src/sessions/sessions.repository';
import { raceInDatabase } from './support/database-race';
import { addUser, auth, createFlow, Login, registerAccount } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('sessions', () => {
  let t: TestApp;
  let admin: Login;
  let engineer: Login;
  let flow: Awaited<ReturnType<typeof createFlow>>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await registerAccount(t);
    engineer = await addUser(t, admin);
    flow = await createFlow(t, admin);
  });
  afterAll(() => t.close());

  const start = async (who: Login = engineer) =>
    (await t.http.post('/api/v1/sessions').set(auth(who.token)).send({ tree_id: flow.tree.id }).expect(201)).body;
  const optionOf = (nodeIndex: number, optionIndex: number) => flow.tree.nodes[nodeIndex].options[optionIndex].id;

  it('starts on the start node, with its content, and counts the use', async () => {
    const before = (await t.http.get(`/api/v1/trees/${flow.tree.id}`).set(auth(admin.token))).body.usage_count;
    const session = await start();
    expect(session).toMatchObject({
      tree_id: flow.tree.id,
      tree_name: 'Printer not printing',
      user_id: engineer.user.id,
      current_node_id: flow.ids.question,
      completed_at: null,
      outcome: null,
      path: [],
    });
    expect(session.current_node).toMatchObject({ title: 'Is the printer on the network?', type: 'question' });
    const after = (await t.http.get(`/api/v1/trees/${flow.tree.id}`).set(auth(admin.token))).body.usage_count;
    expect(after).toBe(before + 1);
  });

  it('walks decisions, goes back, and completes with an outcome', async () => {
    const session = await start();
    const url = `/api/v1/sessions/${session.id}`;
    const moved = await t.http
      .post(`${url}/decisions`)
      .set(auth(engineer.token))
      .send({ node_id: flow.ids.question, option_id: optionOf(0, 0) })
      .expect(200);
    expect(moved.body.current_node_id).toBe(flow.ids.step);
    expect(moved.body.path).toEqual([
      expect.objectContaining({
        node_id: flow.ids.question,
        option_id: optionOf(0, 0),
        node_title: 'Is the printer on the network?',
        option_label: 'Yes',
      }),
    ]);

    const back = await t.http.post(`${url}/back`).set(auth(engineer.token)).expect(200);
    expect(back.body.current_node_id).toBe(flow.ids.question);
    expect(back.body.path).toEqual([]);
    await t.http.post(`${url}/back`).set(auth(engineer.token)).expect(409);

    await t.http
      .post(`${url}/decisions`)
      .set(auth(engineer.token))
      .send({ node_id: flow.ids.question, option_id: optionOf(0, 0) })
      .expect(200);
    await t.http
      .post(`${url}/decisions`)
      .set(auth(engineer.token))
      .send({ node_id: flow.ids.step, option_id: optionOf(1, 1) })
      .expect(200);

    const done = await t.http
      .post(`${url}/complete`)
      .set(auth(engineer.token))
      .send({ outcome: 'escalated', notes: 'Fuser fault' })
      .expect(200);
    expect(done.body).toMatchObject({ outcome: 'escalated', notes: 'Fuser fault', current_node_id: flow.ids.escalate });
    expect(done.body.completed_at).toEqual(expect.any(String));
    expect(done.body.duration_minutes).toEqual(expect.any(Number));
    // The completion answers with the session exactly as a read of it shows it (path, titles, names).
    expect(done.body).toEqual((await t.http.get(url).set(auth(engineer.token)).expect(200)).body);
    expect(done.body.path).toHaveLength(2);
    expect(done.body.current_node).toMatchObject({ id: flow.ids.escalate });

    await t.http.post(`${url}/complete`).set(auth(engineer.token)).send({ outcome: 'resolved' }).expect(409);
    await t.http
      .post(`${url}/decisions`)
      .set(auth(engineer.token))
      .send({ node_id: flow.ids.escalate, option_id: optionOf(0, 0) })
      .expect(409);
  });

  it('refuses a decision on a node that is not current (409) and an option of another node (422)', async () => {
    const session = await start();
    const url = `/api/v1/sessions/${session.id}/decisions`;
    await t.http
      .post(url)
      .set(auth(engineer.token))
      .send({ node_id: flow.ids.step, option_id: optionOf(1, 0) })
      .expect(409);
    const res = await t.http
      .post(url)
      .set(auth(engineer.token))
      .send({ node_id: flow.ids.question, option_id: optionOf(1, 0) })
      .expect(422);
    expect(res.body.message).toMatch(/option_id/);
  });

  it('applies one of two simultaneous answers to the same node and refuses the other (409)', async () => {
    const session = await start();
    const url = `/api/v1/sessions/${session.id}/decisions`;
    const answers = await Promise.all([
      t.http
        .post(url)
        .set(auth(engineer.token))
        .send({ node_id: flow.ids.question, option_id: optionOf(0, 0) }),
      t.http
        .post(url)
        .set(auth(engineer.token))
        .send({ node_id: flow.ids.question, option_id: optionOf(0, 1) }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const final = await t.http.get(`/api/v1/sessions/${session.id}`).set(auth(engineer.token)).expect(200);
    expect(final.body.path).toHaveLength(1);
  });

  it('completes exactly once under a race: one 200, the rest 409', async () => {
    const session = await start();
    const url = `/api/v1/sessions/${session.id}/complete`;
    const results = await Promise.all(
      Array.from({ length: 6 }, () => t.http.post(url).set(auth(engineer.token)).send({ outcome: 'resolved' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
  });

  it('completes exactly once in the database: two completion statements at once, on two connections, finish it once', async () => {
    // The HTTP race above is settled in the process (one completion of a session at a time per
    // instance). Two instances would each send one: here the service's own statement runs twice at
    // once on two pooled connections, held at the session's row until both are in the database, so
    // the row lock and the re-checked completed_at IS NULL decide.
    const session = await start();
    const caller = { userId: engineer.user.id, accountId: engineer.user.account_id };
    // completeAll is the repository's one statement, private so the service goes through the coalescer.
    const sessions = t.app.get(SessionsRepository) as unknown as {
      completeAll(calls: object[], accountId: string): Promise<({ id?: string | null } | undefined)[]>;
    };
    const statement = (outcome: string) =>
      sessions.completeAll([{ ...caller, id: session.id, outcome, notes: null }], caller.accountId);
    const results = await raceInDatabase(
      t.databaseUrl,
      'SELECT 1 FROM sessions WHERE account_id = $1 AND id = $2 FOR UPDATE',
      [caller.accountId, session.id],
      2,
      () => Promise.all([statement('resolved'), statement('escalated')]),
    );
    const finished = results.filter(([row]) => row?.id !== undefined && row?.id !== null);
    expect(finished).toHaveLength(1);
    const [stored] = await t.dataSource.query('SELECT outcome FROM sessions WHERE id = $1', [session.id]);
    expect(stored.outcome).toBe((finished[0][0] as { outcome?: string }).outcome);
  });

  it('validates the outcome (422) and the start body (422)', async () => {
    const session = await start();
    const res = await t.http
      .post(`/api/v1/sessions/${session.id}/complete`)
      .set(auth(engineer.token))
      .send({ outcome: 'fixed-ish' })
      .expect(422);
    expect(res.body.message.join(' ')).toMatch(/outcome must be one of/);
    await t.http.post('/api/v1/sessions').set(auth(engineer.token)).send({ tree_id: 'nope' }).expect(422);
  });

  it('lets only the session’s engineer drive it; admins may read it; other engineers get 403', async () => {
    const other = await addUser(t, admin);
    const session = await start();
    const url = `/api/v1/sessions/${session.id}`;
    await t.http.get(url).set(auth(admin.token)).expect(200);
    await t.http.get(url).set(auth(other.token)).expect(403);
    await t.http.post(`${url}/complete`).set(auth(admin.token)).send({ outcome: 'resolved' }).expect(403);
    await t.http
      .post(`${url}/decisions`)
      .set(auth(other.token))
      .send({ node_id: flow.ids.question, option_id: optionOf(0, 0) })
      .expect(403);
  });

  it('lists my sessions; admins can list the account’s and filter by engineer', async () => {
    const other = await addUser(t, admin);
    const mine = await start(other);
    const list = await t.http.get('/api/v1/sessions').set(auth(other.token)).expect(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([mine.id]);
    expect(list.body.total).toBe(1);

    const filtered = await t.http.get(`/api/v1/sessions?user_id=${other.user.id}`).set(auth(admin.token)).expect(200);
    expect(filtered.body.items.map((s: { id: string }) => s.id)).toEqual([mine.id]);
    const all = await t.http
      .get('/api/v1/sessions?all=true&status=active&limit=100')
      .set(auth(admin.token))
      .expect(200);
    expect(all.body.items.length).toBeGreaterThan(1);
    expect(all.body.items.every((s: { completed_at: string | null }) => s.completed_at === null)).toBe(true);

    await t.http.get('/api/v1/sessions?limit=0').set(auth(admin.token)).expect(422);
  });

  it('counts every match exactly, past 1,000 too', async () => {
    const busy = await addUser(t, admin);
    const list = async (query = '') =>
      (await t.http.get(`/api/v1/sessions?limit=5${query}`).set(auth(busy.token)).expect(200)).body;
    // Sessions started a second apart, the newest last, written directly (1,000 starts through the API take long).
    const insert = (count: number, from: number) =>
      t.dataSource.query(
        `INSERT INTO sessions (account_id, tree_id, user_id, current_node_id, path, started_at)
         SELECT $1, $2, $3, $4, '[]', now() - interval '1 day' + (i * interval '1 second') FROM generate_series($5::int, $5::int + $6::int - 1) i`,
        [admin.user.account_id, flow.tree.id, busy.user.id, flow.ids.question, from, count],
      );
    await insert(999, 1);
    expect(await list()).toMatchObject({ total: 999 });
    await insert(3, 1000);
    const page = await list();
    expect(page).toMatchObject({ total: 1002 });
    expect(page).not.toHaveProperty('total_exact');
    // The page itself is still the newest five.
    const newest = await t.dataSource.query(
      `SELECT id FROM sessions WHERE user_id = $1 ORDER BY started_at DESC LIMIT 5`,
      [busy.user.id],
    );
    expect(page.items.map((s: { id: string }) => s.id)).toEqual(newest.map((s: { id: string }) => s.id));
    // Filters count what they match: two of them finished leaves 1,000 running, exactly.
    await t.dataSource.query(
      `UPDATE sessions SET completed_at = started_at + interval '1 minute', outcome = 'resolved' WHERE id IN ($1, $2)`,
      [newest[0].id, newest[1].id],
    );
    expect(await list('&status=completed')).toMatchObject({ total: 2 });
    expect(await list('&status=active')).toMatchObject({ total: 1000 });
    expect(await list('&status=in_progress')).toMatchObject({ total: 1000 });
    // An admin's view of the whole account is counted the same way.
    const all = (await t.http.get('/api/v1/sessions?all=true&limit=1').set(auth(admin.token)).expect(200)).body;
    expect(all.total).toBeGreaterThanOrEqual(1002);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM sessions WHERE account_id = $1`, [
      admin.user.account_id,
    ]);
    expect(all.total).toBe(n);
  });

  it('refuses drafts (400) and keeps accounts apart (404)', async () => {
    const { tree: draft } = await createFlow(t, admin, { status: 'draft' });
    await t.http.post('/api/v1/sessions').set(auth(admin.token)).send({ tree_id: draft.id }).expect(400);
    await t.http.post('/api/v1/sessions').set(auth(engineer.token)).send({ tree_id: draft.id }).expect(404);

    const stranger = await registerAccount(t, 'Elsewhere');
    await t.http.post('/api/v1/sessions').set(auth(stranger.token)).send({ tree_id: flow.tree.id }).expect(404);
    const session = await start();
    await t.http.get(`/api/v1/sessions/${session.id}`).set(auth(stranger.token)).expect(404);
    await t.http
      .post(`/api/v1/sessions/${session.id}/complete`)
      .set(auth(stranger.token))
      .send({ outcome: 'resolved' })
      .expect(404);
    const list = await t.http.get('/api/v1/sessions?all=true').set(auth(stranger.token)).expect(200);
    expect(list.body.total).toBe(0);
  });
});
