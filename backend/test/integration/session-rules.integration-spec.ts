import { randomUUID } from 'node:crypto';

import { MAX_PATH_STEPS } from '../../src/sessions/sessions.service';
import { addUser, auth, createFlow, Login, registerAccount } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/** Issue 20, item 8: rules a flow and a session keep, decided and documented in docs/api.md. */
describe('flow and session rules', () => {
  let t: TestApp;
  let admin: Login;
  let engineer: Login;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await registerAccount(t, 'Rules');
    engineer = await addUser(t, admin);
  });
  afterAll(() => t.close());

  /** question ⇄ step, and (when `exit`) the step's way out to a solution. */
  function loopingFlow(status: 'draft' | 'published', exit: boolean) {
    const ids = { question: randomUUID(), step: randomUUID(), done: randomUUID() };
    return {
      ids,
      body: {
        name: 'Try again',
        status,
        start_node_id: ids.question,
        nodes: [
          {
            id: ids.question,
            type: 'question',
            title: 'Does it work?',
            options: [{ label: 'No', next_node_id: ids.step }],
          },
          {
            id: ids.step,
            type: 'step',
            title: 'Try again',
            options: [
              { label: 'Again', next_node_id: ids.question },
              ...(exit ? [{ label: 'Works now', next_node_id: ids.done }] : []),
            ],
          },
          { id: ids.done, type: 'solution', title: 'Works' },
        ],
      },
    };
  }

  it('refuses to publish a flow from whose start no solution can be reached (422); a draft may be saved', async () => {
    const message = 'start_node_id must lead to a solution node: a published flow needs an end its engineers can reach';
    const refused = await t.http
      .post('/api/v1/trees')
      .set(auth(admin.token))
      .send(loopingFlow('published', false).body)
      .expect(422);
    expect(refused.body.message).toEqual([message]);
    const draft = await t.http
      .post('/api/v1/trees')
      .set(auth(admin.token))
      .send(loopingFlow('draft', false).body)
      .expect(201);
    const publish = await t.http
      .put(`/api/v1/trees/${draft.body.id}`)
      .set(auth(admin.token))
      .send({ ...loopingFlow('published', false).body, version: 1 });
    expect([publish.status, publish.body.message]).toEqual([422, [message]]);
  });

  it(`caps a session's path on a looping flow at ${MAX_PATH_STEPS} answers (409 past it); going back still works`, async () => {
    const { ids, body } = loopingFlow('published', true);
    const tree = (await t.http.post('/api/v1/trees').set(auth(admin.token)).send(body).expect(201)).body;
    const option = (nodeId: string, label: string) =>
      tree.nodes.find((n: { id: string }) => n.id === nodeId).options.find((o: { label: string }) => o.label === label)
        .id;
    const session = (
      await t.http.post('/api/v1/sessions').set(auth(engineer.token)).send({ tree_id: tree.id }).expect(201)
    ).body;
    const answer = (nodeId: string, label: string) =>
      t.http
        .post(`/api/v1/sessions/${session.id}/decisions`)
        .set(auth(engineer.token))
        .send({ node_id: nodeId, option_id: option(nodeId, label) });
    await answer(ids.question, 'No').expect(200);
    await answer(ids.step, 'Again').expect(200);
    // Round the loop until two answers short of the cap (written directly: 200 requests take a while).
    await t.dataSource.query(
      `UPDATE sessions SET path = (SELECT jsonb_agg(path -> (i % 2)) FROM generate_series(0, $2 - 1) i) WHERE id = $1`,
      [session.id, MAX_PATH_STEPS - 2],
    );
    await answer(ids.question, 'No').expect(200);
    await answer(ids.step, 'Again').expect(200);
    const capped = await answer(ids.question, 'No').expect(409);
    expect(capped.body.message).toMatch(new RegExp(`${MAX_PATH_STEPS} steps`));
    const back = await t.http.post(`/api/v1/sessions/${session.id}/back`).set(auth(engineer.token)).expect(200);
    expect(back.body.path).toHaveLength(MAX_PATH_STEPS - 1);
    await answer(ids.step, 'Works now').expect(200);
  });

  it('refuses a vote on a step the session has not reached (409), then takes it once it is there', async () => {
    const { ids, tree } = await createFlow(t, admin);
    const session = (
      await t.http.post('/api/v1/sessions').set(auth(engineer.token)).send({ tree_id: tree.id }).expect(201)
    ).body;
    const vote = () =>
      t.http
        .put(`/api/v1/sessions/${session.id}/nodes/${ids.step}/feedback`)
        .set(auth(engineer.token))
        .send({ was_helpful: true });
    const refused = await vote().expect(409);
    expect(refused.body.message).toBe(
      'This session has not reached that step: vote on steps it stands at or went through',
    );
    const toStep = session.current_node.options.find((o: { next_node_id: string }) => o.next_node_id === ids.step).id;
    await t.http
      .post(`/api/v1/sessions/${session.id}/decisions`)
      .set(auth(engineer.token))
      .send({ node_id: ids.question, option_id: toStep })
      .expect(200);
    await vote().expect(201);
    // Still allowed once the session has moved past it.
    const fixed = tree.nodes[1].options.find((o: { next_node_id: string }) => o.next_node_id === ids.fixed).id;
    await t.http
      .post(`/api/v1/sessions/${session.id}/decisions`)
      .set(auth(engineer.token))
      .send({ node_id: ids.step, option_id: fixed })
      .expect(200);
    await t.http
      .put(`/api/v1/sessions/${session.id}/nodes/${ids.step}/feedback`)
      .set(auth(engineer.token))
      .send({ was_helpful: false })
      .expect(200);
  });
});
