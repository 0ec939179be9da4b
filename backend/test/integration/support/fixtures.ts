import { randomUUID } from 'node:crypto';
import request from 'supertest';

import { TestApp } from './test-app';

export interface Login {
  token: string;
  user: { id: string; account_id: string; email: string; role: string; name: string };
}

let counter = 0;
export const uniqueEmail = (prefix = 'user') => `${prefix}.${Date.now()}.${++counter}@example.test`;

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A new account and its team_admin. */
export async function registerAccount(t: TestApp, accountName = 'Acme IT'): Promise<Login> {
  const res = await t.http
    .post('/api/v1/auth/register')
    .send({ account_name: accountName, name: 'Admin', email: uniqueEmail('admin'), password: 'correct-horse' })
    .expect(201);
  return { token: res.body.access_token, user: res.body.user };
}

/** A user created by an admin, logged in. */
export async function addUser(t: TestApp, admin: Login, role: 'engineer' | 'team_admin' = 'engineer'): Promise<Login> {
  const email = uniqueEmail(role);
  await t.http
    .post('/api/v1/users')
    .set(auth(admin.token))
    .send({ email, name: `${role} ${counter}`, password: 'engineer-pass', role })
    .expect(201);
  const res = await t.http.post('/api/v1/auth/login').send({ email, password: 'engineer-pass' }).expect(200);
  return { token: res.body.access_token, user: res.body.user };
}

export interface FlowIds {
  question: string;
  step: string;
  fixed: string;
  escalate: string;
}

/** A small published flow: question → (step → fixed | escalate) | fixed. */
export function flowPayload(overrides: Record<string, unknown> = {}, stepId?: string) {
  const ids: FlowIds = { question: randomUUID(), step: randomUUID(), fixed: randomUUID(), escalate: randomUUID() };
  const body = {
    name: 'Printer not printing',
    description: 'Jobs stuck in the queue',
    kind: 'decision',
    status: 'published',
    start_node_id: ids.question,
    nodes: [
      {
        id: ids.question,
        type: 'question',
        title: 'Is the printer on the network?',
        body: 'Print a configuration page.',
        options: [
          { label: 'Yes', next_node_id: ids.step },
          { label: 'It printed fine just now', next_node_id: ids.fixed },
        ],
      },
      {
        id: ids.step,
        type: 'step',
        title: 'Restart the print spooler',
        step_id: stepId ?? null,
        options: [
          { label: 'That fixed it', next_node_id: ids.fixed },
          { label: 'Still broken', next_node_id: ids.escalate },
        ],
      },
      { id: ids.fixed, type: 'solution', title: 'Printing works again' },
      { id: ids.escalate, type: 'solution', title: 'Escalate to the print team' },
    ],
    ...overrides,
  };
  return { ids, body };
}

export async function createFlow(t: TestApp, admin: Login, overrides: Record<string, unknown> = {}, stepId?: string) {
  const { ids, body } = flowPayload(overrides, stepId);
  const res = await t.http.post('/api/v1/trees').set(auth(admin.token)).send(body).expect(201);
  return { ids, tree: res.body };
}

export type Http = ReturnType<typeof request>;

/**
 * A session of a fixture flow (flowPayload) that has answered the question towards the step, so it
 * stands at the step: votes are taken on steps a session reached.
 */
export async function startAtStep(t: { http: Http }, who: Login, flow: { ids: FlowIds; tree: { id: string } }) {
  const started = (
    await t.http.post('/api/v1/sessions').set(auth(who.token)).send({ tree_id: flow.tree.id }).expect(201)
  ).body;
  const option = started.current_node.options.find((o: { next_node_id: string }) => o.next_node_id === flow.ids.step);
  const moved = await t.http
    .post(`/api/v1/sessions/${started.id}/decisions`)
    .set(auth(who.token))
    .send({ node_id: flow.ids.question, option_id: option.id })
    .expect(200);
  return moved.body;
}

/** A personal API token of `owner`, made through the API with the owner's JWT; `token` is its secret. */
export async function createApiToken(
  t: TestApp,
  owner: Login,
  scopes: string[],
  extra: { name?: string; expires_in_days?: number } = {},
): Promise<{ id: string; token: string; scopes: string[]; expires_at: string }> {
  const res = await t.http
    .post('/api/v1/tokens')
    .set(auth(owner.token))
    .send({ name: extra.name ?? `Token ${++counter}`, scopes, ...extra })
    .expect(201);
  return res.body;
}
