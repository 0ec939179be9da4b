// Webhooks under faults (issue 23): an event whose change was committed is delivered, even when
// the receiver is down for a while or the API is killed (SIGKILL) mid-delivery; two instances
// never send one attempt twice; PostgreSQL restarted under load loses no event. Every count is per event (webhook-id): sent (attempts the API
// logged as answered) against received (requests the receiver saw). Run with
// `node --test backend/test/faults/` after a build.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import pg from 'pg';

import { startThrowawayPostgres } from '../../../scripts/lib/throwaway-postgres.mjs';
import { freePort, startApiInstances, startDatabase, stopApiInstances } from './support/api-instances.mjs';

const WEBHOOK_ENV = {
  WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  WEBHOOK_RETRY_BASE_MS: '200',
  WEBHOOK_POLL_MS: '200',
};
let database;
const running = [];
const receivers = [];

before(async () => {
  database = await startDatabase();
});

after(async () => {
  await stopApiInstances(running);
  for (const receiver of receivers) receiver.close();
  await database?.stop();
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ok = (res, status, what) => {
  assert.equal(res.status, status, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** A loopback receiver on `port`: records each request by webhook-id; `delayMs` holds each answer. */
function receiver(port, { delayMs = 0 } = {}) {
  const seen = new Map();
  const answered = new Map();
  const server = createServer((req, res) => {
    const id = req.headers['webhook-id'];
    seen.set(id, (seen.get(id) ?? 0) + 1);
    req.resume();
    req.on('end', () =>
      setTimeout(() => {
        res.writeHead(200).end('ok', () => answered.set(id, (answered.get(id) ?? 0) + 1));
      }, delayMs),
    );
  });
  server.keepAliveTimeout = 1000;
  receivers.push(server);
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        seen,
        answered,
        close: () => new Promise((done) => (server.closeAllConnections(), server.close(done))),
      }),
    ),
  );
}

/** An account with an engineer, a published flow and an endpoint at `url` for session.completed. */
async function setUp(api, url) {
  const email = `admin-${randomUUID()}@example.test`;
  const admin = ok(
    await api('/api/v1/auth/register', {
      body: { account_name: 'Hooks', name: 'Admin', email, password: 'long-enough' },
    }),
    201,
    'register',
  ).access_token;
  const engineerEmail = `eng-${randomUUID()}@example.test`;
  ok(
    await api('/api/v1/users', {
      token: admin,
      body: { email: engineerEmail, name: 'Eng', password: 'long-enough', role: 'engineer' },
    }),
    201,
    'add engineer',
  );
  const engineer = ok(
    await api('/api/v1/auth/login', { body: { email: engineerEmail, password: 'long-enough' } }),
    200,
    'login',
  ).access_token;
  const fixed = randomUUID();
  const tree = ok(
    await api('/api/v1/trees', {
      token: admin,
      body: {
        name: 'Flow',
        status: 'published',
        start_node_id: fixed,
        nodes: [{ id: fixed, type: 'solution', title: 'Works' }],
      },
    }),
    201,
    'create flow',
  );
  const hook = ok(
    await api('/api/v1/webhooks', { token: admin, body: { url, events: ['session.completed'] } }),
    201,
    'create webhook',
  );
  return { admin, engineer, tree, hook };
}

/** `count` sessions started and completed through the given instances in turn; their delivery ids come from the database. */
async function complete(apis, engineer, tree, count) {
  const sessions = [];
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const api = apis[i % apis.length];
      const s = ok(await api('/api/v1/sessions', { token: engineer, body: { tree_id: tree.id } }), 201, 'start');
      ok(
        await api(`/api/v1/sessions/${s.id}/complete`, { token: engineer, body: { outcome: 'resolved' } }),
        200,
        'complete',
      );
      sessions.push(s.id);
    }),
  );
  return sessions;
}

/** Per delivery of the endpoint: its status and the attempts the API logged with an answer. */
async function deliveryLog(hookId) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT d.id, d.status, d.payload->>'id' AS session_id,
              (SELECT count(*)::int FROM webhook_attempts a WHERE a.account_id = d.account_id AND a.delivery_id = d.id AND a.response_status IS NOT NULL) AS answered
         FROM webhook_deliveries d WHERE d.endpoint_id = $1`,
      [hookId],
    );
    return rows;
  } finally {
    await client.end();
  }
}

async function until(what, check, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(200);
  }
}

test('receiver down, then back, two instances: every event delivered, none lost, no attempt sent twice', async () => {
  const instances = await startApiInstances(2, { databaseUrl: database.url, env: WEBHOOK_ENV });
  running.push(...instances);
  const port = await freePort();
  const { engineer, tree, hook } = await setUp(instances[0].api, `http://127.0.0.1:${port}/hook`);
  // Nothing listens on the port: every attempt is refused and retried.
  const sessions = await complete(
    instances.map((i) => i.api),
    engineer,
    tree,
    40,
  );
  await sleep(3000);
  const down = await deliveryLog(hook.id);
  assert.equal(down.length, 40, 'one delivery per committed completion');
  assert.ok(
    down.every((d) => d.status === 'retrying'),
    'all retrying while the receiver is down',
  );
  const back = await receiver(port);
  await until('every delivery to succeed', async () =>
    (await deliveryLog(hook.id)).every((d) => d.status === 'succeeded'),
  );
  const log = await deliveryLog(hook.id);
  assert.deepEqual(log.map((d) => d.session_id).sort(), [...sessions].sort(), 'every completion delivered');
  for (const d of log) {
    assert.equal(back.seen.get(d.id), d.answered, `delivery ${d.id}: received as often as the API logged it sent`);
    assert.equal(back.seen.get(d.id), 1, `delivery ${d.id}: received once`);
  }
  assert.equal(back.seen.size, 40);
  await back.close();
  await stopApiInstances(instances);
});

test('API killed (SIGKILL) mid-delivery and restarted: every event delivered', async () => {
  const port = await freePort();
  // Answers held 3 s: the kill lands while deliveries are in flight.
  const slow = await receiver(port, { delayMs: 3000 });
  const [first] = await startApiInstances(1, { databaseUrl: database.url, env: WEBHOOK_ENV });
  running.push(first);
  const { engineer, tree, hook } = await setUp(first.api, `http://127.0.0.1:${port}/hook`);
  const sessions = await complete([first.api], engineer, tree, 30);
  await until('deliveries in flight', async () => slow.seen.size >= 10, 10_000);
  first.child.kill('SIGKILL');
  await new Promise((r) =>
    first.child.exitCode !== null || first.child.signalCode ? r() : first.child.once('exit', r),
  );
  const inFlight = slow.seen.size;
  await slow.close();
  const fast = await receiver(port);
  const [second] = await startApiInstances(1, { databaseUrl: database.url, env: WEBHOOK_ENV });
  running.push(second);
  // The killed instance's claims come due when their lease (30 s) runs out.
  await until(
    'every delivery to succeed after the restart',
    async () => (await deliveryLog(hook.id)).every((d) => d.status === 'succeeded'),
    90_000,
  );
  const log = await deliveryLog(hook.id);
  assert.equal(log.length, 30);
  assert.deepEqual(log.map((d) => d.session_id).sort(), [...sessions].sort(), 'every completion delivered');
  for (const d of log) {
    const received = (slow.seen.get(d.id) ?? 0) + (fast.seen.get(d.id) ?? 0);
    assert.ok(received >= 1, `delivery ${d.id} received`);
    // At least once: only a request in flight at the kill is sent again.
    assert.ok(received <= 2, `delivery ${d.id} received ${received} times`);
    assert.equal(fast.answered.get(d.id) ?? 0, d.answered, `delivery ${d.id}: answered attempts logged`);
  }
  assert.ok(inFlight >= 10);
  await fast.close();
  await stopApiInstances([second]);
});

test('PostgreSQL restarted under load: every acknowledged completion delivered, nothing sent that did not commit', async () => {
  const throwaway = await startThrowawayPostgres();
  let api;
  try {
    const port = await freePort();
    const hooks = await receiver(port);
    const seenSessions = new Set();
    const [instance] = await startApiInstances(1, { databaseUrl: throwaway.url, env: WEBHOOK_ENV });
    api = instance;
    const { engineer, tree, hook } = await setUp(instance.api, `http://127.0.0.1:${port}/hook`);
    const acknowledged = [];
    let stop = false;
    const load = async () => {
      while (!stop) {
        const started = await instance
          .api('/api/v1/sessions', { token: engineer, body: { tree_id: tree.id } })
          .catch(() => null);
        if (started?.status !== 201) {
          await sleep(100);
          continue;
        }
        const done = await instance
          .api(`/api/v1/sessions/${started.body.id}/complete`, { token: engineer, body: { outcome: 'resolved' } })
          .catch(() => null);
        if (done?.status === 200) acknowledged.push(started.body.id);
      }
    };
    const workers = Array.from({ length: 4 }, load);
    await sleep(2000);
    await throwaway.server.stop();
    await sleep(2000);
    await throwaway.server.start();
    await sleep(3000);
    stop = true;
    await Promise.all(workers);
    assert.ok(acknowledged.length > 10, `only ${acknowledged.length} completions acknowledged`);
    const client = new pg.Client({ connectionString: throwaway.url });
    await client.connect();
    try {
      await until(
        'every delivery to succeed after the restart',
        async () =>
          (
            await client.query(
              `SELECT count(*)::int AS n FROM webhook_deliveries WHERE endpoint_id = $1 AND status <> 'succeeded'`,
              [hook.id],
            )
          ).rows[0].n === 0,
      );
      const { rows } = await client.query(
        `SELECT d.id, d.payload->>'id' AS session_id, s.completed_at IS NOT NULL AS committed
           FROM webhook_deliveries d JOIN sessions s ON s.account_id = d.account_id AND s.id = (d.payload->>'id')::uuid
          WHERE d.endpoint_id = $1`,
        [hook.id],
      );
      const { rows: completed } = await client.query(
        `SELECT id FROM sessions WHERE tree_id = $1 AND completed_at IS NOT NULL`,
        [tree.id],
      );
      for (const d of rows) {
        assert.ok(d.committed, `delivery ${d.id} is of a committed completion`);
        assert.ok((hooks.seen.get(d.id) ?? 0) >= 1, `delivery ${d.id} received`);
        seenSessions.add(d.session_id);
      }
      // Every committed completion has exactly one delivery, and every acknowledged one was received.
      assert.equal(rows.length, completed.length);
      for (const id of acknowledged) assert.ok(seenSessions.has(id), `acknowledged completion ${id} delivered`);
    } finally {
      await client.end();
    }
    await hooks.close();
  } finally {
    if (api) await stopApiInstances([api]);
    await throwaway.stop();
  }
});
