import { randomUUID } from 'node:crypto';

import { auth, flowPayload, Http, Login, uniqueEmail } from './fixtures';

export type Caller = 'anonymous' | 'engineer' | 'team_admin' | 'super_admin';
export const CALLERS: Caller[] = ['anonymous', 'engineer', 'team_admin', 'super_admin'];

export interface World {
  http: Http;
  /** Account A: the callers under test. */
  engineer: Login;
  admin: Login;
  superAdmin: Login;
  /** Account B: a team_admin who must see none of A. */
  stranger: Login;
}

export interface Request {
  path: string;
  body?: unknown;
}

export interface MatrixRow {
  /** Expected status per caller of account A. */
  expect: Record<Caller, number>;
  /** Expected status for account B's team_admin on A's resource; null when the route names no resource. */
  otherAccount: number | null;
  /** Builds a fresh request (and the resources it needs) for one call. */
  make(world: World): Promise<Request>;
}

const as = (who: Login) => auth(who.token);
/** super_admin reads across accounts and writes nothing: 403 on every write (docs/security.md). */
const statuses = (anonymous: number, engineer: number, team_admin: number, super_admin: number) => ({
  anonymous,
  engineer,
  team_admin,
  super_admin,
});

async function flow(w: World, stepId?: string) {
  const { ids, body } = flowPayload({}, stepId);
  const tree = (await w.http.post('/api/v1/trees').set(as(w.admin)).send(body).expect(201)).body;
  return { ids, tree };
}

async function step(w: World) {
  return (
    await w.http
      .post('/api/v1/steps')
      .set(as(w.admin))
      .send({ title: `Step ${randomUUID()}` })
      .expect(201)
  ).body;
}

/** A session of A's engineer, optionally advanced one step, completed, or rated. */
async function session(
  w: World,
  state: { advanced?: boolean; completed?: boolean; rated?: boolean; stepId?: string } = {},
) {
  const { ids, tree } = await flow(w, state.stepId);
  const s = (await w.http.post('/api/v1/sessions').set(as(w.engineer)).send({ tree_id: tree.id }).expect(201)).body;
  if (state.advanced) {
    await w.http
      .post(`/api/v1/sessions/${s.id}/decisions`)
      .set(as(w.engineer))
      .send({ node_id: ids.question, option_id: tree.nodes[0].options[0].id })
      .expect(200);
  }
  if (state.completed || state.rated) {
    await w.http
      .post(`/api/v1/sessions/${s.id}/complete`)
      .set(as(w.engineer))
      .send({ outcome: 'resolved' })
      .expect(200);
  }
  if (state.rated)
    await w.http.post(`/api/v1/sessions/${s.id}/rate`).set(as(w.engineer)).send({ rating: 5 }).expect(201);
  return { ids, tree, session: s };
}

/** A webhook endpoint of account A (a documentation address: public, never reached), and one delivery of it. */
async function webhook(w: World, withDelivery = false) {
  const hook = (
    await w.http
      .post('/api/v1/webhooks')
      .set(as(w.admin))
      .send({ url: 'https://203.0.113.10/hook', events: ['session.completed'] })
      .expect(201)
  ).body;
  if (!withDelivery) return { hook, delivery: undefined };
  await w.http.post(`/api/v1/webhooks/${hook.id}/test`).set(as(w.admin)).expect(202);
  const [delivery] = (await w.http.get(`/api/v1/webhooks/${hook.id}/deliveries`).set(as(w.admin)).expect(200)).body;
  return { hook, delivery };
}

/**
 * Every route of the API × every caller. A route in the OpenAPI spec without a row here
 * fails the suite, so new endpoints must state who may call them.
 */
export const MATRIX: Record<string, MatrixRow> = {
  'GET /api/health': {
    expect: statuses(200, 200, 200, 200),
    otherAccount: null,
    make: async () => ({ path: '/api/health' }),
  },
  'GET /api/health/ready': {
    expect: statuses(200, 200, 200, 200),
    otherAccount: null,
    make: async () => ({ path: '/api/health/ready' }),
  },
  'POST /api/v1/auth/login': {
    expect: statuses(200, 200, 200, 200),
    otherAccount: null,
    make: async (w) => ({
      path: '/api/v1/auth/login',
      body: { email: w.engineer.user.email, password: 'engineer-pass' },
    }),
  },
  'POST /api/v1/auth/register': {
    expect: statuses(201, 201, 201, 201),
    otherAccount: null,
    make: async () => ({
      path: '/api/v1/auth/register',
      body: { account_name: 'New', name: 'N', email: uniqueEmail('matrix'), password: 'long-enough' },
    }),
  },
  'GET /api/v1/auth/me': {
    expect: statuses(401, 200, 200, 200),
    otherAccount: null,
    make: async () => ({ path: '/api/v1/auth/me' }),
  },

  'POST /api/v1/users': {
    expect: statuses(401, 403, 201, 403),
    otherAccount: null,
    make: async () => ({
      path: '/api/v1/users',
      body: { email: uniqueEmail('m'), name: 'M', password: 'engineer-pass', role: 'engineer' },
    }),
  },
  'GET /api/v1/users': {
    expect: statuses(401, 403, 200, 200),
    otherAccount: null,
    make: async () => ({ path: '/api/v1/users' }),
  },
  'GET /api/v1/users/{id}': {
    expect: statuses(401, 403, 200, 200),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/users/${w.engineer.user.id}` }),
  },
  'PATCH /api/v1/users/{id}': {
    expect: statuses(401, 403, 200, 403),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/users/${w.engineer.user.id}`, body: { name: 'Renamed' } }),
  },

  'POST /api/v1/steps': {
    expect: statuses(401, 403, 201, 403),
    otherAccount: null,
    make: async () => ({ path: '/api/v1/steps', body: { title: 'T' } }),
  },
  'GET /api/v1/steps': {
    expect: statuses(401, 200, 200, 200),
    otherAccount: null,
    make: async () => ({ path: '/api/v1/steps' }),
  },
  'GET /api/v1/steps/{id}': {
    expect: statuses(401, 200, 200, 200),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/steps/${(await step(w)).id}` }),
  },
  'PATCH /api/v1/steps/{id}': {
    expect: statuses(401, 403, 200, 403),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/steps/${(await step(w)).id}`, body: { title: 'New title' } }),
  },
  'DELETE /api/v1/steps/{id}': {
    expect: statuses(401, 403, 204, 403),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/steps/${(await step(w)).id}` }),
  },

  'POST /api/v1/trees': {
    expect: statuses(401, 403, 201, 403),
    otherAccount: null,
    make: async () => ({ path: '/api/v1/trees', body: flowPayload().body }),
  },
  'GET /api/v1/trees': {
    expect: statuses(401, 200, 200, 200),
    otherAccount: null,
    make: async () => ({ path: '/api/v1/trees' }),
  },
  'GET /api/v1/trees/{id}': {
    expect: statuses(401, 200, 200, 200),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/trees/${(await flow(w)).tree.id}` }),
  },
  'PUT /api/v1/trees/{id}': {
    expect: statuses(401, 403, 200, 403),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/trees/${(await flow(w)).tree.id}`, body: flowPayload().body }),
  },
  'DELETE /api/v1/trees/{id}': {
    expect: statuses(401, 403, 200, 403),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/trees/${(await flow(w)).tree.id}` }),
  },

  'POST /api/v1/sessions': {
    expect: statuses(401, 201, 201, 403),
    otherAccount: 404,
    make: async (w) => ({ path: '/api/v1/sessions', body: { tree_id: (await flow(w)).tree.id } }),
  },
  'GET /api/v1/sessions': {
    expect: statuses(401, 200, 200, 200),
    otherAccount: null,
    make: async () => ({ path: '/api/v1/sessions' }),
  },
  'GET /api/v1/sessions/{id}': {
    expect: statuses(401, 200, 200, 200),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/sessions/${(await session(w)).session.id}` }),
  },
  'POST /api/v1/sessions/{id}/decisions': {
    expect: statuses(401, 200, 403, 403),
    otherAccount: 404,
    make: async (w) => {
      const { ids, tree, session: s } = await session(w);
      return {
        path: `/api/v1/sessions/${s.id}/decisions`,
        body: { node_id: ids.question, option_id: tree.nodes[0].options[0].id },
      };
    },
  },
  'POST /api/v1/sessions/{id}/back': {
    expect: statuses(401, 200, 403, 403),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/sessions/${(await session(w, { advanced: true })).session.id}/back` }),
  },
  'POST /api/v1/sessions/{id}/complete': {
    expect: statuses(401, 200, 403, 403),
    otherAccount: 404,
    make: async (w) => ({
      path: `/api/v1/sessions/${(await session(w)).session.id}/complete`,
      body: { outcome: 'workaround' },
    }),
  },

  'POST /api/v1/sessions/{session_id}/rate': {
    expect: statuses(401, 201, 403, 403),
    otherAccount: 404,
    make: async (w) => ({
      path: `/api/v1/sessions/${(await session(w, { completed: true })).session.id}/rate`,
      body: { rating: 4 },
    }),
  },
  'GET /api/v1/sessions/{session_id}/rating': {
    expect: statuses(401, 200, 200, 200),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/sessions/${(await session(w, { rated: true })).session.id}/rating` }),
  },
  'GET /api/v1/sessions/{session_id}/feedback': {
    expect: statuses(401, 200, 200, 200),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/sessions/${(await session(w)).session.id}/feedback` }),
  },
  'POST /api/v1/steps/{step_id}/feedback': {
    expect: statuses(401, 201, 403, 403),
    otherAccount: 404,
    make: async (w) => {
      const libraryStep = await step(w);
      const { session: s } = await session(w, { stepId: libraryStep.id, advanced: true });
      return { path: `/api/v1/steps/${libraryStep.id}/feedback`, body: { session_id: s.id, was_helpful: true } };
    },
  },
  'PUT /api/v1/sessions/{session_id}/nodes/{node_id}/feedback': {
    expect: statuses(401, 201, 403, 403),
    otherAccount: 404,
    make: async (w) => {
      const { ids, session: s } = await session(w, { advanced: true });
      return { path: `/api/v1/sessions/${s.id}/nodes/${ids.step}/feedback`, body: { was_helpful: false } };
    },
  },
  'DELETE /api/v1/sessions/{session_id}/nodes/{node_id}/feedback': {
    expect: statuses(401, 204, 403, 403),
    otherAccount: 404,
    make: async (w) => {
      const { ids, session: s } = await session(w);
      return { path: `/api/v1/sessions/${s.id}/nodes/${ids.step}/feedback` };
    },
  },

  'POST /api/v1/tokens': {
    expect: statuses(401, 201, 201, 403),
    otherAccount: null,
    make: async () => ({ path: '/api/v1/tokens', body: { name: 'Matrix', scopes: ['flows:read'] } }),
  },
  'GET /api/v1/tokens': {
    expect: statuses(401, 200, 200, 200),
    otherAccount: null,
    make: async () => ({ path: '/api/v1/tokens' }),
  },
  'DELETE /api/v1/tokens/{id}': {
    // The engineer's own token: the owner and the account's admins may revoke it.
    expect: statuses(401, 204, 204, 403),
    otherAccount: 404,
    make: async (w) => {
      const token = (
        await w.http
          .post('/api/v1/tokens')
          .set(as(w.engineer))
          .send({ name: 'To revoke', scopes: ['flows:read'] })
          .expect(201)
      ).body;
      return { path: `/api/v1/tokens/${token.id}` };
    },
  },

  'GET /api/v1/analytics/team': {
    expect: statuses(401, 403, 200, 200),
    otherAccount: null,
    make: async () => ({ path: '/api/v1/analytics/team?period=7d' }),
  },
  'GET /api/v1/analytics/me': {
    expect: statuses(401, 200, 200, 200),
    otherAccount: null,
    make: async () => ({ path: '/api/v1/analytics/me' }),
  },
  'GET /api/v1/analytics/flows/{tree_id}': {
    expect: statuses(401, 200, 200, 200),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/analytics/flows/${(await flow(w)).tree.id}` }),
  },
  'GET /api/v1/analytics/flows/{tree_id}/versions': {
    expect: statuses(401, 200, 200, 200),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/analytics/flows/${(await flow(w)).tree.id}/versions` }),
  },
  'POST /api/v1/webhooks': {
    expect: statuses(401, 403, 201, 403),
    otherAccount: null,
    make: async () => ({
      path: '/api/v1/webhooks',
      body: { url: 'https://203.0.113.10/hook', events: ['session.completed'] },
    }),
  },
  'GET /api/v1/webhooks': {
    expect: statuses(401, 403, 200, 200),
    otherAccount: null,
    make: async () => ({ path: '/api/v1/webhooks' }),
  },
  'GET /api/v1/webhooks/{id}': {
    expect: statuses(401, 403, 200, 200),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/webhooks/${(await webhook(w)).hook.id}` }),
  },
  'PATCH /api/v1/webhooks/{id}': {
    expect: statuses(401, 403, 200, 403),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/webhooks/${(await webhook(w)).hook.id}`, body: { enabled: false } }),
  },
  'DELETE /api/v1/webhooks/{id}': {
    expect: statuses(401, 403, 204, 403),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/webhooks/${(await webhook(w)).hook.id}` }),
  },
  'POST /api/v1/webhooks/{id}/rotate-secret': {
    expect: statuses(401, 403, 200, 403),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/webhooks/${(await webhook(w)).hook.id}/rotate-secret` }),
  },
  'POST /api/v1/webhooks/{id}/test': {
    expect: statuses(401, 403, 202, 403),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/webhooks/${(await webhook(w)).hook.id}/test` }),
  },
  'GET /api/v1/webhooks/{id}/deliveries': {
    expect: statuses(401, 403, 200, 200),
    otherAccount: 404,
    make: async (w) => ({ path: `/api/v1/webhooks/${(await webhook(w)).hook.id}/deliveries` }),
  },
  'GET /api/v1/webhooks/{id}/deliveries/{delivery_id}': {
    expect: statuses(401, 403, 200, 200),
    otherAccount: 404,
    make: async (w) => {
      const { hook, delivery } = await webhook(w, true);
      return { path: `/api/v1/webhooks/${hook.id}/deliveries/${delivery.id}` };
    },
  },
  'POST /api/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver': {
    expect: statuses(401, 403, 202, 403),
    otherAccount: 404,
    make: async (w) => {
      const { hook, delivery } = await webhook(w, true);
      return { path: `/api/v1/webhooks/${hook.id}/deliveries/${delivery.id}/redeliver` };
    },
  },
};
