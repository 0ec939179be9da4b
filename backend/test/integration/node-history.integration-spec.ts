import { addUser, auth, createFlow, Login, registerAccount } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Old versions' node titles stay readable: after an edit renames a flow's nodes and options, a
 * session of the earlier version (its detail, the list, the CSV) and that version's report show
 * what its engineers saw; sessions and reports of the new version, and a running session's
 * current node, show the flow as it is now.
 */
describe('node titles per flow version', () => {
  let t: TestApp;
  let admin: Login;
  let engineer: Login;
  let flow: Awaited<ReturnType<typeof createFlow>>;
  const OLD = {
    question: 'Is the printer on the network?',
    option: 'Yes',
    step: 'Restart the print spooler',
    fixed: 'Printing works again',
  };
  const NEW = {
    question: 'Does the printer answer a ping?',
    option: 'It answers',
    step: 'Restart the spooler service',
    fixed: 'The printer prints again',
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await registerAccount(t, 'History Co');
    engineer = await addUser(t, admin);
    flow = await createFlow(t, admin, { name: 'Printer' });
  });
  afterAll(() => t.close());

  const asEngineer = <T extends { set(headers: Record<string, string>): T }>(req: T) => req.set(auth(engineer.token));

  /** Starts a session, answers the question towards the step (voting on it), and optionally ends at the fix. */
  async function run(finish: boolean): Promise<string> {
    const started = (await asEngineer(t.http.post('/api/v1/sessions')).send({ tree_id: flow.tree.id }).expect(201))
      .body;
    const toStep = started.current_node.options.find((o: { next_node_id: string }) => o.next_node_id === flow.ids.step);
    const atStep = (
      await asEngineer(t.http.post(`/api/v1/sessions/${started.id}/decisions`))
        .send({ node_id: flow.ids.question, option_id: toStep.id })
        .expect(200)
    ).body;
    await asEngineer(t.http.put(`/api/v1/sessions/${started.id}/nodes/${flow.ids.step}/feedback`))
      .send({ was_helpful: true })
      .expect(201);
    if (finish) {
      const toFixed = atStep.current_node.options.find(
        (o: { next_node_id: string }) => o.next_node_id === flow.ids.fixed,
      );
      await asEngineer(t.http.post(`/api/v1/sessions/${started.id}/decisions`))
        .send({ node_id: flow.ids.step, option_id: toFixed.id })
        .expect(200);
      await asEngineer(t.http.post(`/api/v1/sessions/${started.id}/complete`))
        .send({ outcome: 'resolved' })
        .expect(200);
    }
    return started.id;
  }

  interface FlowNode {
    id: string;
    type: string;
    title: string;
    body: string;
    help_text: string | null;
    step_id: string | null;
    options: { id: string; label: string; next_node_id: string }[];
  }

  /** Saves the flow as it is now with `edit` applied to each node (a new version). */
  async function edit(change: (node: FlowNode) => FlowNode): Promise<void> {
    const current = (await t.http.get(`/api/v1/trees/${flow.tree.id}`).set(auth(admin.token)).expect(200)).body;
    const { name, description, kind, status, start_node_id, version } = current;
    await t.http
      .put(`/api/v1/trees/${flow.tree.id}`)
      .set(auth(admin.token))
      .send({
        ...{ name, description, kind, status, start_node_id, version },
        nodes: current.nodes.map(({ id, type, title, body, help_text, step_id, options }: FlowNode) =>
          change({ id, type, title, body, help_text, step_id, options }),
        ),
      })
      .expect(200);
  }

  /** Version 2: the same nodes and links, every title but one and the question's first option renamed. */
  const rename = () =>
    edit((node) => {
      const title: Record<string, string> = {
        [flow.ids.question]: NEW.question,
        [flow.ids.step]: NEW.step,
        [flow.ids.fixed]: NEW.fixed,
      };
      return {
        ...node,
        title: title[node.id] ?? node.title,
        options: node.options.map((option, i) =>
          node.id === flow.ids.question && i === 0 ? { ...option, label: NEW.option } : option,
        ),
      };
    });

  it('names what a session went through as it was in its version, and a running session’s node as it is now', async () => {
    const done = await run(true);
    const running = await run(false);
    await rename();
    const doneNow = await run(true);

    const detail = async (id: string) =>
      (await t.http.get(`/api/v1/sessions/${id}`).set(auth(admin.token)).expect(200)).body;
    const before = await detail(done);
    expect(before.tree_version).toBe(1);
    expect(before.path.map((e: { node_title: string }) => e.node_title)).toEqual([OLD.question, OLD.step]);
    expect(before.path[0].option_label).toBe(OLD.option);
    expect(before.votes).toEqual([expect.objectContaining({ node_id: flow.ids.step, node_title: OLD.step })]);
    expect(before.ended_at_node_title).toBe(OLD.fixed);
    expect(before.current_node_title).toBe(OLD.fixed);

    const after = await detail(doneNow);
    expect(after.tree_version).toBe(2);
    expect(after.path.map((e: { node_title: string }) => e.node_title)).toEqual([NEW.question, NEW.step]);
    expect(after.path[0].option_label).toBe(NEW.option);
    expect(after.ended_at_node_title).toBe(NEW.fixed);

    // A running session of version 1 goes on in the flow as it is now; its past is named as it was.
    const live = await detail(running);
    expect(live.current_node_title).toBe(NEW.step);
    expect(live.current_node.title).toBe(NEW.step);
    expect(live.current_node).not.toHaveProperty('past');
    expect(live.path[0]).toMatchObject({ node_title: OLD.question, option_label: OLD.option });

    // The list and the CSV name each session's end node as the detail does.
    const list = (await t.http.get('/api/v1/sessions?all=true&limit=100').set(auth(admin.token)).expect(200)).body;
    const titleOf = (id: string) => list.items.find((item: { id: string }) => item.id === id);
    expect(titleOf(done)).toMatchObject({ ended_at_node_title: OLD.fixed, current_node_title: OLD.fixed });
    expect(titleOf(doneNow)).toMatchObject({ ended_at_node_title: NEW.fixed });
    expect(titleOf(running)).toMatchObject({ ended_at_node_title: null, current_node_title: NEW.step });
    const csv = await t.http.get('/api/v1/sessions?all=true&format=csv').set(auth(admin.token)).expect(200);
    const line = (id: string) => csv.text.split('\r\n').find((row) => row.includes(id)) ?? '';
    expect(line(done)).toContain(OLD.fixed);
    expect(line(doneNow)).toContain(NEW.fixed);
    expect(line(done)).not.toContain(NEW.fixed);
  });

  it('names nodes in a version’s flow report as they were in that version, and as they are now without one', async () => {
    const report = async (query: string) =>
      (
        await t.http
          .get(`/api/v1/analytics/flows/${flow.tree.id}?period=7d&${query}`)
          .set(auth(admin.token))
          .expect(200)
      ).body;
    const titles = (body: {
      outcomes_by_node: { node_title: string }[];
      step_feedback: { node_title: string }[];
      node_times: { node_title: string }[];
    }) => ({
      outcomes: body.outcomes_by_node.map((row) => row.node_title),
      steps: body.step_feedback.map((row) => row.node_title),
      times: body.node_times.map((row) => row.node_title).sort(),
    });
    expect(titles(await report('version=1'))).toEqual({
      outcomes: [OLD.fixed],
      steps: [OLD.step],
      times: [OLD.question, OLD.step].sort(),
    });
    expect(titles(await report('version=2'))).toEqual({
      outcomes: [NEW.fixed],
      steps: [NEW.step],
      times: [NEW.question, NEW.step].sort(),
    });
    // The drop-off of version 1: its running session stands at the step, named as in version 1.
    expect((await report('version=1')).drop_off).toEqual([
      expect.objectContaining({ node_id: flow.ids.step, node_title: OLD.step }),
    ]);
    // Without a version, the flow as it is now.
    expect(titles(await report('tz=UTC')).outcomes).toEqual([NEW.fixed]);
  });

  it('keeps each edit’s content: a third version names version 2’s nodes as version 2 had them', async () => {
    const v2 = await run(true);
    await edit((node) => (node.id === flow.ids.step ? { ...node, title: 'Version three' } : node));
    const detail = (await t.http.get(`/api/v1/sessions/${v2}`).set(auth(admin.token)).expect(200)).body;
    expect(detail.path[1].node_title).toBe(NEW.step);
    const rows: { until_version: number; title: string }[] = await t.dataSource.query(
      `SELECT until_version, title FROM tree_node_history WHERE account_id = $1`,
      [admin.user.account_id],
    );
    // Only what changed is kept: version 2 changed three nodes, version 3 one.
    expect(rows.map((row) => `${row.until_version} ${row.title}`).sort()).toEqual(
      [`2 ${OLD.question}`, `2 ${OLD.step}`, `2 ${OLD.fixed}`, `3 ${NEW.step}`].sort(),
    );
  });
});
