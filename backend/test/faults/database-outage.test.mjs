// Fault tests against the built server (dist/backend/main.js) and a PostgreSQL of their own
// that they stop and start: the API must answer 503 quickly while the database is away, say so
// in /api/health, recover by itself, and lose no write it acknowledged. Also: SIGTERM drains
// in-flight requests. Run with `node --test backend/test/faults/` after a build.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';

import { startThrowawayPostgres } from '../../../scripts/lib/throwaway-postgres.mjs';

const root = resolve(import.meta.dirname, '../../..');
const freePort = () =>
  new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });

let throwaway;
let database;
let server;
let base;

let env;
const servers = [];

/** `logLines`: called with each line the server logs at info and above (else it logs only fatal errors). */
async function startServer({ logLines } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist/backend/main.js')], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      LOG_LEVEL: logLines ? 'info' : (process.env.FAULTS_LOG_LEVEL ?? 'fatal'),
    },
    stdio: ['ignore', logLines ? 'pipe' : process.env.FAULTS_LOG_LEVEL ? 'inherit' : 'ignore', 'inherit'],
  });
  servers.push(child);
  if (logLines) {
    let rest = '';
    child.stdout.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      lines.forEach(logLines);
    });
  }
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, url };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not become healthy');
}

const api = (path, { token, body, method } = {}) =>
  fetch(`${base}${path}`, {
    method: method ?? (body ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });

before(async () => {
  // A server of our own, stopped and started by the outage test (on the same port).
  throwaway = await startThrowawayPostgres();
  database = throwaway.server;
  env = {
    DATABASE_URL: throwaway.url,
    JWT_SECRET: 'fault-test-secret-0123456789abcdefghij',
    THROTTLE_GLOBAL_PER_MINUTE: '0',
    THROTTLE_AUTH_PER_MINUTE: '0',
    THROTTLE_LOGIN_PER_EMAIL: '0',
  };
  server = await startServer();
  base = server.url;
});

after(async () => {
  for (const child of servers) child.kill('SIGKILL');
  await throwaway?.stop();
});

test('a database outage answers 503 fast, recovers by itself and loses no acknowledged write', async () => {
  const register = await api('/api/v1/auth/register', {
    body: { account_name: 'Faults', name: 'Admin', email: 'faults@example.test', password: 'long-enough' },
  });
  assert.equal(register.status, 201);
  const { access_token: token } = await register.json();

  let acknowledged = 0;
  let unavailable = 0;
  const unexpected = [];
  let slowest = 0;
  let writing = true;
  // The writer's progress, waited on instead of fixed pauses: `until(() => …)` resolves after the
  // answer that makes it true (and fails the test if none does within 30 s).
  const waiters = [];
  const until = (condition, what) =>
    new Promise((done, fail) => {
      if (condition()) return done();
      const timer = setTimeout(() => fail(new Error(`the writer never saw ${what}`)), 30_000);
      waiters.push({ condition, done: () => (clearTimeout(timer), done()) });
    });
  const writer = (async () => {
    for (let i = 0; writing; i++) {
      const started = Date.now();
      const res = await api('/api/v1/steps', { token, body: { title: `Step ${i}` } }).catch(() => null);
      slowest = Math.max(slowest, Date.now() - started);
      if (res?.status === 201) acknowledged++;
      else if (res?.status === 503) unavailable++;
      else unexpected.push(`${res?.status} ${res ? await res.text() : 'no response'}`);
      for (const waiter of waiters.filter((w) => w.condition())) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.done();
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();

  // A few writes go through, the database stops, and the writer sees it refused a few times.
  await until(() => acknowledged >= 3, 'three writes acknowledged');
  await database.stop();
  await until(() => unavailable >= 3, 'three 503s');

  const health = await api('/api/health');
  assert.equal(health.status, 503);
  assert.deepEqual((await health.json()).database, 'down');
  const during = await api('/api/v1/steps', { token });
  assert.equal(during.status, 503);
  // Analytics reads run their statement batches on pool connections of their own.
  assert.equal((await api('/api/v1/analytics/me', { token })).status, 503);

  await database.start();
  let recovered = false;
  for (let i = 0; i < 100 && !recovered; i++) {
    recovered = (await api('/api/health')).status === 200;
    if (!recovered) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(recovered, 'health did not come back after the database restarted');
  // Writes are acknowledged again.
  const before = acknowledged;
  await until(() => acknowledged >= before + 3, 'writes acknowledged again');
  writing = false;
  await writer;

  assert.equal((await api('/api/v1/analytics/me', { token })).status, 200, 'analytics recovered');
  assert.deepEqual(unexpected, [], 'every answer during the outage is 201 or 503');
  assert.ok(unavailable > 0, 'the outage was not observed');
  // Fast: refused at once, not after the 5 s connect timeout (≈ 0.1 s measured on a loaded machine).
  assert.ok(slowest < 2000, `a request took ${slowest} ms during the outage`);
  const steps = await (await api('/api/v1/steps', { token })).json();
  assert.equal(steps.length, acknowledged, 'every acknowledged write is stored, and nothing else');
});

test('SIGTERM lets in-flight requests finish 2xx, refuses new connections, then the process exits cleanly', async () => {
  let draining;
  const drainingLogged = new Promise((done) => (draining = done));
  const drained = await startServer({ logLines: (line) => line.includes('SIGTERM received') && draining() });
  const call = (path, { token, body } = {}) =>
    fetch(`${drained.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });

  // An engineer (the account's admin) with a published flow and five running sessions.
  const register = await call('/api/v1/auth/register', {
    body: { account_name: 'Drain', name: 'Admin', email: 'drain@example.test', password: 'long-enough' },
  });
  assert.equal(register.status, 201);
  const { access_token: token } = await register.json();
  const [question, done] = [crypto.randomUUID(), crypto.randomUUID()];
  const flow = await call('/api/v1/trees', {
    token,
    body: {
      name: 'Drain',
      description: 'Held by a lock while the server drains',
      kind: 'decision',
      status: 'published',
      start_node_id: question,
      nodes: [
        { id: question, type: 'question', title: 'Is it on?', options: [{ label: 'Yes', next_node_id: done }] },
        { id: done, type: 'solution', title: 'Fixed' },
      ],
    },
  });
  assert.equal(flow.status, 201);
  const { id: treeId, nodes } = await flow.json();
  const optionId = nodes.find((node) => node.id === question).options[0].id;
  const sessions = [];
  for (let i = 0; i < 5; i++) {
    const started = await call('/api/v1/sessions', { token, body: { tree_id: treeId } });
    assert.equal(started.status, 201);
    sessions.push((await started.json()).id);
  }

  // Another connection locks the five sessions' rows; each decision then waits for it inside
  // the server, in a transaction of its own, until the test lets go.
  const [blocker, watcher] = [
    new pg.Client({ connectionString: throwaway.url }),
    new pg.Client({ connectionString: throwaway.url }),
  ];
  await blocker.connect();
  await watcher.connect();
  try {
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM sessions WHERE id = ANY($1::uuid[]) FOR UPDATE', [sessions]);
    const inFlight = sessions.map((id) =>
      call(`/api/v1/sessions/${id}/decisions`, { token, body: { node_id: question, option_id: optionId } }).then(
        (res) => res.status,
        (error) => `failed: ${error.cause?.code ?? error.message}`,
      ),
    );
    // All five are in the database, waiting on the lock: really in flight. (Asked outside the
    // blocker's transaction, which would see pg_stat_activity as of its first look.)
    const waitingOnLock = async () =>
      (
        await watcher.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )
      ).rows[0].n;
    for (const deadline = Date.now() + 10_000; (await waitingOnLock()) < sessions.length;) {
      assert.ok(Date.now() < deadline, 'the decisions did not reach the lock');
      await new Promise((r) => setTimeout(r, 20));
    }

    const exited = new Promise((done) => drained.child.once('exit', (code, signal) => done({ code, signal })));
    drained.child.kill('SIGTERM');
    await drainingLogged;
    // Draining: no new request is answered (fresh sockets, not one fetch keeps alive). A
    // connection made while the listener closes is reset; once it is closed, refused.
    const fresh = () =>
      new Promise((done) => {
        const req = httpRequest(`${drained.url}/api/health`, { agent: false }, (res) =>
          done(`answered ${res.statusCode}`),
        );
        req.on('error', (error) => done(error.code));
        req.end();
      });
    for (let attempt = await fresh(); attempt !== 'ECONNREFUSED'; attempt = await fresh()) {
      assert.equal(attempt, 'ECONNRESET', 'a request made after SIGTERM was answered');
    }

    // A shutdown that did not wait would be over by now (closing the pool and exiting takes
    // milliseconds): for a second, the process stays and the five still wait on the lock.
    const outcome = await Promise.race([
      exited.then(() => 'exited'),
      new Promise((r) => setTimeout(() => r('still draining'), 1000)),
    ]);
    assert.equal(outcome, 'still draining');
    assert.equal(await waitingOnLock(), sessions.length);

    // Let the decisions go: every one of them finishes, 200.
    await blocker.query('ROLLBACK');
    assert.deepEqual(await Promise.all(inFlight), [200, 200, 200, 200, 200]);
    assert.deepEqual(await exited, { code: 0, signal: null });
    // And the decisions were written before the process ended.
    const { rows } = await watcher.query(
      `SELECT count(*)::int AS n FROM sessions WHERE id = ANY($1::uuid[]) AND current_node_id = $2`,
      [sessions, done],
    );
    assert.equal(rows[0].n, sessions.length);
  } finally {
    await blocker.end();
    await watcher.end();
  }
});
