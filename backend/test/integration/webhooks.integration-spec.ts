import { addUser, auth, createApiToken, createFlow, Login, registerAccount, startAtStep } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';
import { verifies, WebhookReceiver } from './support/webhook-receiver';

const ALL_EVENTS = ['session.started', 'session.completed', 'session.rated', 'step.feedback', 'flow.published'];

/** Boots the app with these environment settings, then puts the environment back (other files share the worker). */
async function appWith(env: Record<string, string>): Promise<TestApp> {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    return await createTestApp();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Webhooks (a real receiver on loopback)', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    t = await appWith({
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_RETRY_BASE_MS: '100',
      WEBHOOK_RETRY_WINDOW_MS: '4000',
      WEBHOOK_POLL_MS: '100',
    });
  });
  beforeEach(async () => {
    receiver = await new WebhookReceiver().start();
  });
  afterEach(() => receiver.stop());
  afterAll(() => t.close());

  /** A fresh account (so no other test's endpoint hears its events), its engineer and one endpoint. */
  async function world(events = ALL_EVENTS) {
    const admin = await registerAccount(t, 'Hooks');
    const engineer = await addUser(t, admin);
    const hook = (
      await t.http.post('/api/v1/webhooks').set(auth(admin.token)).send({ url: receiver.url, events }).expect(201)
    ).body;
    return { admin, engineer, hook };
  }

  async function completedSession(admin: Login, engineer: Login) {
    const flow = await createFlow(t, admin);
    const session = await startAtStep(t, engineer, flow);
    await t.http
      .post(`/api/v1/sessions/${session.id}/complete`)
      .set(auth(engineer.token))
      .send({ outcome: 'resolved', notes: 'Spooler restarted' })
      .expect(200);
    return { flow, session };
  }

  const deliveries = async (admin: Login, hookId: string, query = '') =>
    (await t.http.get(`/api/v1/webhooks/${hookId}/deliveries${query}`).set(auth(admin.token)).expect(200)).body;

  it('creates an endpoint with a whsec_ secret shown once, and never shows it again', async () => {
    const { admin, hook } = await world();
    expect(hook).toMatchObject({ url: receiver.url, events: ALL_EVENTS, enabled: true, disabled_reason: null });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const one = (await t.http.get(`/api/v1/webhooks/${hook.id}`).set(auth(admin.token)).expect(200)).body;
    const list = (await t.http.get('/api/v1/webhooks').set(auth(admin.token)).expect(200)).body;
    expect(one.secret).toBeUndefined();
    expect(list).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(hook.secret);
  });

  it('sends session.completed, signed as documented, with the session as GET /sessions/{id} answers it', async () => {
    const { admin, engineer, hook } = await world(['session.completed']);
    const { session } = await completedSession(admin, engineer);
    const [request] = await receiver.waitFor(1, () => receiver.of('session.completed'));
    expect(request.headers['content-type']).toBe('application/json');
    expect(verifies(hook.secret, request)).toBe(true);
    expect(verifies(`whsec_${Buffer.alloc(32).toString('base64')}`, request)).toBe(false);
    expect(Math.abs(Number(request.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(10);
    const body = JSON.parse(request.body);
    const shown = (await t.http.get(`/api/v1/sessions/${session.id}`).set(auth(engineer.token)).expect(200)).body;
    expect(body).toEqual({ type: 'session.completed', timestamp: expect.any(String), data: shown });
    expect(body.data).toMatchObject({ outcome: 'resolved', duration_minutes: expect.any(Number), external_ref: null });
    const [logged] = await deliveries(admin, hook.id);
    expect(logged).toMatchObject({ id: request.headers['webhook-id'], status: 'succeeded', attempts: 1 });
    // Only what the endpoint subscribed to: the start was not sent.
    expect(receiver.of('session.started')).toHaveLength(0);
  });

  it('sends session.started, session.rated, step.feedback (set, changed, removed) and flow.published', async () => {
    const { admin, engineer } = await world();
    const flow = await createFlow(t, admin);
    const session = await startAtStep(t, engineer, flow);
    const vote = `/api/v1/sessions/${session.id}/nodes/${flow.ids.step}/feedback`;
    await t.http.put(vote).set(auth(engineer.token)).send({ was_helpful: true }).expect(201);
    // The same vote again changes nothing and sends nothing.
    await t.http.put(vote).set(auth(engineer.token)).send({ was_helpful: true }).expect(200);
    await t.http.put(vote).set(auth(engineer.token)).send({ was_helpful: false }).expect(200);
    await t.http.delete(vote).set(auth(engineer.token)).expect(204);
    await t.http
      .post(`/api/v1/sessions/${session.id}/complete`)
      .set(auth(engineer.token))
      .send({ outcome: 'resolved' })
      .expect(200);
    await t.http
      .post(`/api/v1/sessions/${session.id}/rate`)
      .set(auth(engineer.token))
      .send({ rating: 2, comment: 'Slow' })
      .expect(201);

    const published = await receiver.waitFor(1, () => receiver.of('flow.published'));
    expect(JSON.parse(published[0].body).data).toMatchObject({ id: flow.tree.id, status: 'published' });
    const started = await receiver.waitFor(1, () => receiver.of('session.started'));
    expect(JSON.parse(started[0].body).data).toMatchObject({ id: session.id, completed_at: null });
    const votes = await receiver.waitFor(3, () => receiver.of('step.feedback'));
    expect(votes).toHaveLength(3);
    expect(votes.map((r) => JSON.parse(r.body).data).sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { session_id: session.id, node_id: flow.ids.step, step_id: null, was_helpful: true, status: 'created' },
      { session_id: session.id, node_id: flow.ids.step, step_id: null, was_helpful: null, status: 'removed' },
      { session_id: session.id, node_id: flow.ids.step, step_id: null, was_helpful: false, status: 'updated' },
    ]);
    const [rated] = await receiver.waitFor(1, () => receiver.of('session.rated'));
    const rating = (await t.http.get(`/api/v1/sessions/${session.id}/rating`).set(auth(engineer.token)).expect(200))
      .body;
    expect(JSON.parse(rated.body).data).toEqual(rating);
    expect(rating).toMatchObject({ session_id: session.id, rating: 2 });
  });

  it('sends nothing for a change that was refused: a second completion (409), a rating of a running session', async () => {
    const { admin, engineer, hook } = await world(['session.completed', 'session.rated']);
    const { session } = await completedSession(admin, engineer);
    await t.http
      .post(`/api/v1/sessions/${session.id}/complete`)
      .set(auth(engineer.token))
      .send({ outcome: 'escalated' })
      .expect(409);
    const flow = await createFlow(t, admin);
    const running = await startAtStep(t, engineer, flow);
    await t.http.post(`/api/v1/sessions/${running.id}/rate`).set(auth(engineer.token)).send({ rating: 5 }).expect(400);
    await receiver.waitFor(1, () => receiver.of('session.completed'));
    await sleep(500);
    expect(receiver.received).toHaveLength(1);
    expect(await deliveries(admin, hook.id)).toHaveLength(1);
  });

  it('retries after a 500 with the same webhook-id, and logs every attempt', async () => {
    const { admin, hook } = await world();
    receiver.respond = (_request, index) => ({ status: index < 2 ? 500 : 204 });
    await t.http.post(`/api/v1/webhooks/${hook.id}/test`).set(auth(admin.token)).expect(202);
    const requests = await receiver.waitFor(3, () => receiver.of('webhook.test'));
    expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(new Set(requests.map((r) => r.body)).size).toBe(1);
    for (const request of requests) expect(verifies(hook.secret, request)).toBe(true);
    await sleep(200);
    const [delivery] = await deliveries(admin, hook.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 3, last_response_status: 204, last_error: null });
    const detail = (
      await t.http.get(`/api/v1/webhooks/${hook.id}/deliveries/${delivery.id}`).set(auth(admin.token)).expect(200)
    ).body;
    expect(detail.attempt_log.map((a: { response_status: number }) => a.response_status)).toEqual([500, 500, 204]);
    expect(detail.attempt_log[0]).toMatchObject({ error: 'HTTP 500', response_excerpt: 'answer 500' });
    expect(detail.attempt_log[0].duration_ms).toBeGreaterThanOrEqual(0);
  });

  it('waits as long as Retry-After says on a 503, and signs the retry with a fresh timestamp', async () => {
    const { admin, hook } = await world();
    receiver.respond = (_request, index) =>
      index === 0 ? { status: 503, headers: { 'Retry-After': '1' } } : { status: 200 };
    await t.http.post(`/api/v1/webhooks/${hook.id}/test`).set(auth(admin.token)).expect(202);
    const [first, second] = await receiver.waitFor(2, () => receiver.of('webhook.test'));
    // The schedule alone would have retried after ≈ 100 ms.
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(Number(second.headers['webhook-timestamp'])).toBeGreaterThan(Number(first.headers['webhook-timestamp']));
    expect(verifies(hook.secret, second)).toBe(true);
  });

  it('signs with both secrets for a day after a rotation', async () => {
    const { admin, hook } = await world();
    const { secret } = (
      await t.http.post(`/api/v1/webhooks/${hook.id}/rotate-secret`).set(auth(admin.token)).expect(200)
    ).body;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(hook.secret);
    await t.http.post(`/api/v1/webhooks/${hook.id}/test`).set(auth(admin.token)).expect(202);
    const [request] = await receiver.waitFor(1, () => receiver.of('webhook.test'));
    expect(String(request.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifies(secret, request)).toBe(true);
    expect(verifies(hook.secret, request)).toBe(true);
  });

  it('answers the queued delivery id to send test, the delivery that then shows up and is sent', async () => {
    const { admin, hook } = await world();
    const queued = (await t.http.post(`/api/v1/webhooks/${hook.id}/test`).set(auth(admin.token)).expect(202)).body;
    expect(Object.keys(queued)).toEqual(['delivery_id']);
    const [request] = await receiver.waitFor(1, () => receiver.of('webhook.test'));
    expect(request.headers['webhook-id']).toBe(queued.delivery_id);
    const detail = (
      await t.http
        .get(`/api/v1/webhooks/${hook.id}/deliveries/${queued.delivery_id}`)
        .set(auth(admin.token))
        .expect(200)
    ).body;
    expect(detail).toMatchObject({ id: queued.delivery_id, event_type: 'webhook.test' });
    expect((await deliveries(admin, hook.id)).map((d: { id: string }) => d.id)).toEqual([queued.delivery_id]);
  });

  it('pages the deliveries log with before=<last id>: every delivery once, newest first, ties by id', async () => {
    const { admin, hook } = await world();
    for (let i = 0; i < 7; i++)
      await t.http.post(`/api/v1/webhooks/${hook.id}/test`).set(auth(admin.token)).expect(202);
    // Ties: three deliveries created at the same instant, so paging cannot lean on created_at alone.
    const ids = (await deliveries(admin, hook.id)).map((d: { id: string }) => d.id);
    await t.dataSource.query(
      `UPDATE webhook_deliveries SET created_at = (SELECT created_at FROM webhook_deliveries WHERE id = $1)
        WHERE id = ANY($2::uuid[])`,
      [ids[2], ids.slice(2, 5)],
    );
    const all = (await deliveries(admin, hook.id, '?limit=200')).map((d: { id: string }) => d.id);
    expect(all).toHaveLength(7);
    const paged: string[] = [];
    let page: { id: string }[] = await deliveries(admin, hook.id, '?limit=2');
    while (page.length > 0) {
      paged.push(...page.map((d) => d.id));
      page = await deliveries(admin, hook.id, `?limit=2&before=${paged[paged.length - 1]}`);
    }
    expect(paged).toEqual(all);
    // Malformed: 422 naming before; another endpoint's delivery: an empty page.
    const bad = await t.http
      .get(`/api/v1/webhooks/${hook.id}/deliveries?before=abc`)
      .set(auth(admin.token))
      .expect(422);
    expect(bad.body.message).toEqual(['before must be a UUID']);
    const other = (
      await t.http
        .post('/api/v1/webhooks')
        .set(auth(admin.token))
        .send({ url: receiver.url, events: ALL_EVENTS })
        .expect(201)
    ).body;
    const { delivery_id } = (await t.http.post(`/api/v1/webhooks/${other.id}/test`).set(auth(admin.token)).expect(202))
      .body;
    expect(await deliveries(admin, hook.id, `?before=${delivery_id}`)).toEqual([]);
  });

  it('redelivers by hand with the same webhook-id', async () => {
    const { admin, hook } = await world();
    await t.http.post(`/api/v1/webhooks/${hook.id}/test`).set(auth(admin.token)).expect(202);
    const [first] = await receiver.waitFor(1, () => receiver.of('webhook.test'));
    await sleep(200);
    const [delivery] = await deliveries(admin, hook.id);
    const queued = (
      await t.http
        .post(`/api/v1/webhooks/${hook.id}/deliveries/${delivery.id}/redeliver`)
        .set(auth(admin.token))
        .expect(202)
    ).body;
    expect(queued).toEqual({ delivery_id: delivery.id });
    const [, again] = await receiver.waitFor(2, () => receiver.of('webhook.test'));
    expect(again.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(again.headers['webhook-id']).toBe(delivery.id);
  });

  it('disables an endpoint at once on 410 Gone; PATCH enabled re-enables it', async () => {
    const { admin, hook } = await world();
    receiver.respond = () => ({ status: 410 });
    await t.http.post(`/api/v1/webhooks/${hook.id}/test`).set(auth(admin.token)).expect(202);
    await receiver.waitFor(1, () => receiver.received);
    await sleep(300);
    const disabled = (await t.http.get(`/api/v1/webhooks/${hook.id}`).set(auth(admin.token)).expect(200)).body;
    expect(disabled).toMatchObject({ enabled: false, disabled_reason: expect.stringContaining('410') });
    expect((await deliveries(admin, hook.id))[0]).toMatchObject({ status: 'failed', attempts: 1 });
    // Nothing is sent to a disabled endpoint.
    await t.http.post(`/api/v1/webhooks/${hook.id}/test`).set(auth(admin.token)).expect(202);
    await sleep(500);
    expect(receiver.received).toHaveLength(1);
    receiver.respond = () => ({ status: 200 });
    const enabled = (
      await t.http.patch(`/api/v1/webhooks/${hook.id}`).set(auth(admin.token)).send({ enabled: true }).expect(200)
    ).body;
    expect(enabled).toMatchObject({ enabled: true, disabled_reason: null });
    await receiver.waitFor(2, () => receiver.received);
  });

  it('disables an endpoint after 20 failed deliveries in a row', async () => {
    const { admin, hook } = await world();
    receiver.respond = () => ({ status: 500 });
    for (let i = 0; i < 19; i++)
      await t.http.post(`/api/v1/webhooks/${hook.id}/test`).set(auth(admin.token)).expect(202);
    await receiver.waitFor(19, () => receiver.received);
    // 19 failed in a row: still enabled, until the retry window (4 s here) runs out for each.
    await sleep(5000);
    expect(await deliveries(admin, hook.id, '?status=failed&limit=200')).toHaveLength(19);
    let state = (await t.http.get(`/api/v1/webhooks/${hook.id}`).set(auth(admin.token)).expect(200)).body;
    expect(state).toMatchObject({ enabled: true, consecutive_failures: 19 });
    await t.http.post(`/api/v1/webhooks/${hook.id}/test`).set(auth(admin.token)).expect(202);
    await sleep(5000);
    state = (await t.http.get(`/api/v1/webhooks/${hook.id}`).set(auth(admin.token)).expect(200)).body;
    expect(state).toMatchObject({ enabled: false, disabled_reason: '20 deliveries in a row failed' });
  }, 30_000);

  it('answers 403 to engineers and to tokens without webhooks:manage, 404 to other accounts', async () => {
    const { admin, engineer, hook } = await world();
    await t.http.get('/api/v1/webhooks').set(auth(engineer.token)).expect(403);
    const narrow = await createApiToken(t, admin, ['sessions:read']);
    await t.http.get('/api/v1/webhooks').set(auth(narrow.token)).expect(403);
    const scoped = await createApiToken(t, admin, ['webhooks:manage']);
    await t.http.get(`/api/v1/webhooks/${hook.id}`).set(auth(scoped.token)).expect(200);
    const stranger = await registerAccount(t, 'Other');
    await t.http.get(`/api/v1/webhooks/${hook.id}`).set(auth(stranger.token)).expect(404);
    await t.http.post(`/api/v1/webhooks/${hook.id}/test`).set(auth(stranger.token)).expect(404);
  });

  it('refuses link-local targets even when private targets are allowed; 422 naming url', async () => {
    const admin = await registerAccount(t, 'SSRF allowed');
    for (const url of ['http://169.254.169.254/latest/meta-data', 'http://[fe80::1]/x']) {
      const res = await t.http
        .post('/api/v1/webhooks')
        .set(auth(admin.token))
        .send({ url, events: ['session.completed'] })
        .expect(422);
      expect(JSON.stringify(res.body)).toContain('url');
    }
    // Allowed here: loopback and private addresses.
    await t.http
      .post('/api/v1/webhooks')
      .set(auth(admin.token))
      .send({ url: 'http://10.0.0.1/hook', events: ['session.completed'] })
      .expect(201);
  });

  it('validates the body: 422 naming the field', async () => {
    const admin = await registerAccount(t, 'Validation');
    const post = (body: object) => t.http.post('/api/v1/webhooks').set(auth(admin.token)).send(body);
    expect(JSON.stringify((await post({ url: receiver.url, events: [] }).expect(422)).body)).toContain('events');
    expect(JSON.stringify((await post({ url: receiver.url, events: ['nope'] }).expect(422)).body)).toContain('events');
    expect(
      JSON.stringify((await post({ url: 'ftp://x/y', events: ['session.completed'] }).expect(422)).body),
    ).toContain('url');
  });
});

describe('Webhooks: private targets refused by default (SSRF)', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let admin: Login;

  beforeAll(async () => {
    t = await appWith({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false', WEBHOOK_POLL_MS: '100' });
    receiver = await new WebhookReceiver().start();
    admin = await registerAccount(t, 'SSRF');
  });
  afterAll(async () => {
    await receiver.stop();
    await t.close();
  });

  it.each([
    'http://169.254.169.254/latest/meta-data',
    'http://10.0.0.1/hook',
    'http://192.168.1.10/hook',
    'http://127.0.0.1:8080/hook',
    'http://[::1]/hook',
    'http://0.0.0.0/hook',
    'http://[::]/hook',
    'http://[fd12::1]/hook',
    'http://localhost/hook',
    'http://[::ffff:a9fe:a9fe]/hook',
    'http://[64:ff9b::a9fe:a9fe]/hook',
    'http://198.18.0.1/hook',
  ])('refuses %s at creation with 422 naming url', async (url) => {
    const res = await t.http
      .post('/api/v1/webhooks')
      .set(auth(admin.token))
      .send({ url, events: ['session.completed'] })
      .expect(422);
    expect(JSON.stringify(res.body)).toMatch(/url is not an allowed webhook target/);
  });

  it('refuses a url with a user name or password (422 naming url): it would be shown to every team admin', async () => {
    const res = await t.http
      .post('/api/v1/webhooks')
      .set(auth(admin.token))
      .send({ url: 'https://user:secret@203.0.113.10/hook', events: ['session.completed'] })
      .expect(422);
    expect(res.body.message).toEqual([expect.stringMatching(/^url must not contain a user name or password/)]);
  });

  it('refuses on a change of url too', async () => {
    const hook = (
      await t.http
        .post('/api/v1/webhooks')
        .set(auth(admin.token))
        .send({ url: 'https://203.0.113.10/hook', events: ['session.completed'] })
        .expect(201)
    ).body;
    await t.http.patch(`/api/v1/webhooks/${hook.id}`).set(auth(admin.token)).send({ url: receiver.url }).expect(422);
  });

  it('checks again at every send: an endpoint that now points to loopback gets nothing', async () => {
    const hook = (
      await t.http
        .post('/api/v1/webhooks')
        .set(auth(admin.token))
        .send({ url: 'https://203.0.113.10/hook', events: ['session.completed'] })
        .expect(201)
    ).body;
    // As if its DNS name had since moved to a private address.
    await t.dataSource.query(`UPDATE webhook_endpoints SET url = $1 WHERE id = $2`, [receiver.url, hook.id]);
    await t.http.post(`/api/v1/webhooks/${hook.id}/test`).set(auth(admin.token)).expect(202);
    const until = Date.now() + 5000;
    let delivery: { attempts: number; last_error: string | null } | undefined;
    while (Date.now() < until && !delivery?.attempts) {
      await sleep(100);
      [delivery] = (await t.http.get(`/api/v1/webhooks/${hook.id}/deliveries`).set(auth(admin.token)).expect(200)).body;
    }
    expect(delivery?.last_error).toMatch(/Refused target: 127\.0\.0\.1/);
    expect(receiver.received).toHaveLength(0);
  });
});
