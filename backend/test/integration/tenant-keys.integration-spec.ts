import { randomUUID } from 'node:crypto';

import { addUser, auth, flowPayload, Login, registerAccount } from './support/fixtures';
import { tenantKeyViolations } from './support/tenant-keys';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Tenancy in the schema (issue 20, migration TenantKeys): every key of a tenant table carries
 * account_id, so a row of one account can neither be taken over by nor point into another.
 */
describe('tenant keys', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  describe('the schema rule, read from the catalog', () => {
    it('holds for every table: keys and unique indexes contain account_id, foreign keys carry it', async () => {
      expect(await tenantKeyViolations(t.dataSource)).toEqual([]);
    });

    it('reports each kind of breach, so a future table that breaks the rule fails here', async () => {
      const runner = t.dataSource.createQueryRunner();
      await runner.startTransaction();
      try {
        await runner.query(`CREATE TABLE rule_probe_global (id uuid PRIMARY KEY)`);
        await runner.query(`CREATE TABLE rule_probe_tenant (
          id uuid PRIMARY KEY, account_id uuid, code text UNIQUE, tree_id uuid,
          CONSTRAINT rule_probe_tree_fkey FOREIGN KEY (id, tree_id) REFERENCES trees (account_id, id),
          CONSTRAINT rule_probe_login_fkey FOREIGN KEY (code) REFERENCES user_logins (email))`);
        // The probe tables exist only in this transaction: read the catalog through it.
        expect(await tenantKeyViolations(runner)).toEqual([
          'rule_probe_global: not a declared global table, and has no account_id column',
          'rule_probe_tenant.account_id may be NULL',
          'rule_probe_tenant: foreign key rule_probe_login_fkey reaches user_logins, which is neither a tenant table nor accounts(id) by account_id',
          'rule_probe_tenant: foreign key rule_probe_tree_fkey into trees does not carry account_id onto account_id',
          'rule_probe_tenant: unique index rule_probe_tenant_code_key does not contain account_id',
          'rule_probe_tenant: unique index rule_probe_tenant_pkey does not contain account_id',
        ]);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    });
  });

  describe('client-chosen node ids', () => {
    /** A published flow of the admin's account whose nodes are the fixture's four plus `extra` (id → title). */
    const flowWith = (version: number, base: ReturnType<typeof flowPayload>, extra: Record<string, string>) => {
      const body = structuredClone(base.body);
      const extraIds = Object.keys(extra);
      // The question gains an option to each extra node; each extra node is a solution.
      body.nodes[0].options!.push(...extraIds.map((id, i) => ({ label: `Extra ${i}`, next_node_id: id })));
      body.nodes.push(...extraIds.map((id) => ({ id, type: 'solution', title: extra[id] })));
      return { ...body, version };
    };

    /** Everything an account's flow shows: its start node and its nodes' titles by id. */
    async function flowState(admin: Login, treeId: string) {
      const res = await t.http.get(`/api/v1/trees/${treeId}`).set(auth(admin.token)).expect(200);
      return {
        start: res.body.start_node_id,
        nodes: Object.fromEntries(res.body.nodes.map((n: { id: string; title: string }) => [n.id, n.title])),
      };
    }

    it('two accounts editing their own flows at once, naming the same new node id, both keep intact flows (the takeover race)', async () => {
      const [a, b] = [await registerAccount(t, 'Race A'), await registerAccount(t, 'Race B')];
      const [engineerA, engineerB] = [await addUser(t, a), await addUser(t, b)];
      const [payloadA, payloadB] = [flowPayload(), flowPayload()];
      const treeA = (await t.http.post('/api/v1/trees').set(auth(a.token)).send(payloadA.body).expect(201)).body;
      const treeB = (await t.http.post('/api/v1/trees').set(auth(b.token)).send(payloadB.body).expect(201)).body;

      // Each round both accounts add a node with one fresh id, in simultaneous PUTs; on the old
      // schema every round either took a node over or refused one side with 409.
      const extrasA: Record<string, string> = {};
      const extrasB: Record<string, string> = {};
      for (let round = 0; round < 12; round++) {
        const shared = randomUUID();
        extrasA[shared] = `A's node ${round}`;
        extrasB[shared] = `B's node ${round}`;
        const [resA, resB] = await Promise.all([
          t.http
            .put(`/api/v1/trees/${treeA.id}`)
            .set(auth(a.token))
            .send(flowWith(round + 1, payloadA, extrasA)),
          t.http
            .put(`/api/v1/trees/${treeB.id}`)
            .set(auth(b.token))
            .send(flowWith(round + 1, payloadB, extrasB)),
        ]);
        expect([resA.status, resB.status]).toEqual([200, 200]);
      }

      const [stateA, stateB] = [await flowState(a, treeA.id), await flowState(b, treeB.id)];
      expect(stateA.start).toBe(payloadA.ids.question);
      expect(stateB.start).toBe(payloadB.ids.question);
      expect(stateA.nodes).toEqual({ ...titles(payloadA), ...extrasA });
      expect(stateB.nodes).toEqual({ ...titles(payloadB), ...extrasB });

      // Each account's engineers land on their own start node and reach their own extra node.
      for (const [engineer, tree, payload, extras] of [
        [engineerA, treeA, payloadA, extrasA],
        [engineerB, treeB, payloadB, extrasB],
      ] as const) {
        const session = await t.http
          .post('/api/v1/sessions')
          .set(auth(engineer.token))
          .send({ tree_id: tree.id })
          .expect(201);
        expect(session.body.current_node).toMatchObject({
          id: payload.ids.question,
          title: 'Is the printer on the network?',
        });
        const lastExtra = Object.keys(extras).at(-1) as string;
        const option = session.body.current_node.options.find(
          (o: { next_node_id: string }) => o.next_node_id === lastExtra,
        );
        const moved = await t.http
          .post(`/api/v1/sessions/${session.body.id}/decisions`)
          .set(auth(engineer.token))
          .send({ node_id: payload.ids.question, option_id: option.id })
          .expect(200);
        expect(moved.body.current_node).toMatchObject({ id: lastExtra, title: extras[lastExtra] });
      }
    });

    it('an id another account uses is simply another node: creating with it succeeds and changes nothing there', async () => {
      const [a, b] = [await registerAccount(t, 'Ids A'), await registerAccount(t, 'Ids B')];
      const { ids, body } = flowPayload();
      const treeA = (await t.http.post('/api/v1/trees').set(auth(a.token)).send(body).expect(201)).body;
      const before = await flowState(a, treeA.id);

      // The same payload, ids and all, in another account: 201 (no answer reveals the ids are in use elsewhere).
      const sameIds = structuredClone(body);
      sameIds.nodes[0].title = 'B’s own question';
      const treeB = (await t.http.post('/api/v1/trees').set(auth(b.token)).send(sameIds).expect(201)).body;
      expect(treeB.start_node_id).toBe(ids.question);

      expect(await flowState(a, treeA.id)).toEqual(before);
      expect((await flowState(b, treeB.id)).nodes[ids.question]).toBe('B’s own question');
      const rows: { account_id: string }[] = await t.dataSource.query(
        'SELECT account_id FROM tree_nodes WHERE id = $1 ORDER BY account_id',
        [ids.question],
      );
      expect(rows.map((row) => row.account_id).sort()).toEqual([a.user.account_id, b.user.account_id].sort());
    });

    it('within one account, of two flows saved at once naming one new node id exactly one gets it; the other 409, unchanged', async () => {
      const admin = await registerAccount(t, 'Same account');
      const [one, two] = [flowPayload({ name: 'One' }), flowPayload({ name: 'Two' })];
      const treeOne = (await t.http.post('/api/v1/trees').set(auth(admin.token)).send(one.body).expect(201)).body;
      const treeTwo = (await t.http.post('/api/v1/trees').set(auth(admin.token)).send(two.body).expect(201)).body;
      const shared = randomUUID();
      const [resOne, resTwo] = await Promise.all([
        t.http
          .put(`/api/v1/trees/${treeOne.id}`)
          .set(auth(admin.token))
          .send(flowWith(1, one, { [shared]: 'One’s' })),
        t.http
          .put(`/api/v1/trees/${treeTwo.id}`)
          .set(auth(admin.token))
          .send(flowWith(1, two, { [shared]: 'Two’s' })),
      ]);
      expect([resOne.status, resTwo.status].sort()).toEqual([200, 409]);
      const [winner, loser, loserPayload] = resOne.status === 200 ? [treeOne, treeTwo, two] : [treeTwo, treeOne, one];
      expect((await flowState(admin, winner.id)).nodes[shared]).toBeDefined();
      expect(await flowState(admin, loser.id)).toEqual({
        start: loserPayload.ids.question,
        nodes: titles(loserPayload),
      });
    });
  });
});

/** The fixture flow's node titles by id. */
function titles(payload: ReturnType<typeof flowPayload>): Record<string, string> {
  return Object.fromEntries(payload.body.nodes.map((node) => [node.id, node.title]));
}
