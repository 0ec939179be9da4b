import { randomUUID } from 'node:crypto';

import { addUser, auth, createFlow, flowPayload, registerAccount } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('flows (trees)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('creates a flow with its nodes; options get ids', async () => {
    const admin = await registerAccount(t);
    const { ids, tree } = await createFlow(t, admin);
    expect(tree).toMatchObject({
      name: 'Printer not printing',
      status: 'published',
      start_node_id: ids.question,
      version: 1,
      usage_count: 0,
    });
    expect(tree.nodes).toHaveLength(4);
    expect(tree.nodes[0].options[0]).toEqual({ id: expect.any(String), label: 'Yes', next_node_id: ids.step });

    const fetched = await t.http.get(`/api/v1/trees/${tree.id}`).set(auth(admin.token)).expect(200);
    expect(fetched.body.nodes.map((n: { id: string }) => n.id)).toEqual([
      ids.question,
      ids.step,
      ids.fixed,
      ids.escalate,
    ]);
  });

  it('refuses broken links with 422 naming the field', async () => {
    const admin = await registerAccount(t);
    const { body } = flowPayload({ start_node_id: randomUUID() });
    const res = await t.http.post('/api/v1/trees').set(auth(admin.token)).send(body).expect(422);
    expect(res.body.message).toContain('start_node_id must name a node of this flow');

    const dangling = flowPayload();
    dangling.body.nodes[0].options![0].next_node_id = randomUUID();
    const res2 = await t.http.post('/api/v1/trees').set(auth(admin.token)).send(dangling.body).expect(422);
    expect(res2.body.message).toContain('nodes.0.options.0.next_node_id must name a node of this flow');
  });

  it('refuses a step_id of another account’s library (422) and a reused node id (409)', async () => {
    const a = await registerAccount(t, 'A');
    const b = await registerAccount(t, 'B');
    const foreignStep = await t.http.post('/api/v1/steps').set(auth(b.token)).send({ title: 'B step' }).expect(201);
    const res = await t.http
      .post('/api/v1/trees')
      .set(auth(a.token))
      .send(flowPayload({}, foreignStep.body.id).body)
      .expect(422);
    expect(res.body.message).toContain('nodes.1.step_id must name a step of your step library');

    const { body } = flowPayload();
    await t.http.post('/api/v1/trees').set(auth(a.token)).send(body).expect(201);
    await t.http.post('/api/v1/trees').set(auth(a.token)).send(body).expect(409);
  });

  it('refuses nested garbage with 422 naming the nested field', async () => {
    const admin = await registerAccount(t);
    const { body } = flowPayload();
    (body.nodes[1] as Record<string, unknown>).type = 'teleport';
    const res = await t.http.post('/api/v1/trees').set(auth(admin.token)).send(body).expect(422);
    expect(res.body.message.join(' ')).toMatch(/nodes\.1\.type/);
  });

  it('shows engineers published flows only; drafts answer 404 to them', async () => {
    const admin = await registerAccount(t);
    const engineer = await addUser(t, admin);
    const { tree: published } = await createFlow(t, admin, { name: 'Live' });
    const { tree: draft } = await createFlow(t, admin, { name: 'WIP', status: 'draft' });

    const engineerList = await t.http.get('/api/v1/trees').set(auth(engineer.token)).expect(200);
    expect(engineerList.body.map((x: { name: string }) => x.name)).toEqual(['Live']);
    expect(engineerList.body[0]).not.toHaveProperty('nodes');
    await t.http.get(`/api/v1/trees/${draft.id}`).set(auth(engineer.token)).expect(404);
    await t.http.get(`/api/v1/trees/${published.id}`).set(auth(engineer.token)).expect(200);

    const adminList = await t.http.get('/api/v1/trees').set(auth(admin.token)).expect(200);
    expect(adminList.body.map((x: { name: string }) => x.name)).toEqual(['Live', 'WIP']);
    await t.http.post('/api/v1/trees').set(auth(engineer.token)).send(flowPayload().body).expect(403);
  });

  it('edits keep removed nodes for history and refuse stale versions (409)', async () => {
    const admin = await registerAccount(t);
    const { ids, tree } = await createFlow(t, admin);
    const { body } = flowPayload();
    // Keep the same node ids, drop the escalate node and its option.
    body.start_node_id = ids.question;
    body.nodes = [
      { id: ids.question, type: 'question', title: 'Is it on?', options: [{ label: 'Yes', next_node_id: ids.fixed }] },
      { id: ids.fixed, type: 'solution', title: 'Printing works again' },
    ] as typeof body.nodes;
    const updated = await t.http
      .put(`/api/v1/trees/${tree.id}`)
      .set(auth(admin.token))
      .send({ ...body, version: 1 })
      .expect(200);
    expect(updated.body.version).toBe(2);
    expect(updated.body.nodes.map((n: { id: string }) => n.id)).toEqual([ids.question, ids.fixed]);

    const [{ removed }] = await t.dataSource.query(
      'SELECT count(*)::int AS removed FROM tree_nodes WHERE tree_id = $1 AND removed_at IS NOT NULL',
      [tree.id],
    );
    expect(removed).toBe(2);

    const stale = await t.http
      .put(`/api/v1/trees/${tree.id}`)
      .set(auth(admin.token))
      .send({ ...body, version: 1 })
      .expect(409);
    expect(stale.body.message).toMatch(/changed by someone else/);
  });

  it('lets exactly one of two admins saving the same version win; the other gets 409', async () => {
    const admin = await registerAccount(t);
    const second = await addUser(t, admin, 'team_admin');
    const { tree } = await createFlow(t, admin);
    const edit = (who: typeof admin, name: string) => {
      const { body } = flowPayload({ name, version: 1 });
      body.start_node_id = tree.start_node_id;
      body.nodes = tree.nodes.map((n: Record<string, unknown>) => ({ ...n, position: undefined })) as typeof body.nodes;
      for (const node of body.nodes as Record<string, unknown>[]) delete node.position;
      return t.http.put(`/api/v1/trees/${tree.id}`).set(auth(who.token)).send(body);
    };
    const results = await Promise.all([edit(admin, 'Edit by first'), edit(second, 'Edit by second')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const final = await t.http.get(`/api/v1/trees/${tree.id}`).set(auth(admin.token)).expect(200);
    expect(final.body.version).toBe(2);
    expect(final.body.name).toBe(results.find((r) => r.status === 200)!.body.name);
  });

  it('archives on DELETE and hides other accounts’ flows (404)', async () => {
    const a = await registerAccount(t, 'A');
    const b = await registerAccount(t, 'B');
    const { tree } = await createFlow(t, b);
    await t.http.get(`/api/v1/trees/${tree.id}`).set(auth(a.token)).expect(404);
    await t.http.put(`/api/v1/trees/${tree.id}`).set(auth(a.token)).send(flowPayload().body).expect(404);
    await t.http.delete(`/api/v1/trees/${tree.id}`).set(auth(a.token)).expect(404);

    const archived = await t.http.delete(`/api/v1/trees/${tree.id}`).set(auth(b.token)).expect(200);
    expect(archived.body.status).toBe('archived');
    const list = await t.http.get('/api/v1/trees').set(auth(b.token)).expect(200);
    expect(list.body).toEqual([]);
  });
});
