// Fault tests against the built server (dist/backend/main.js) and a PostgreSQL of their own
// that they stop and start: the API must answer 503 quickly while the database is away, say so
// in /api/health, recover by itself, and lose no write it acknowledged. Also: SIGTERM drains
// in-flight requests. Run with `node --test backend/test/faults/` after a build.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';

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

async function startServer(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist/backend/main.js')], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'fatal' },
    stdio: ['ignore', process.env.FAULTS_LOG_LEVEL ? 'inherit' : 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
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
  const env = {
    DATABASE_URL: throwaway.url,
    JWT_SECRET: 'fault-test-secret-0123456789abcdefghij',
    THROTTLE_GLOBAL_PER_MINUTE: '0',
    THROTTLE_AUTH_PER_MINUTE: '0',
    THROTTLE_LOGIN_PER_EMAIL: '0',
  };
  server = await startServer(env);
  base = server.url;
});

after(async () => {
  server?.child.kill('SIGKILL');
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
  const writer = (async () => {
    for (let i = 0; writing; i++) {
      const started = Date.now();
      const res = await api('/api/v1/steps', { token, body: { title: `Step ${i}` } }).catch(() => null);
      slowest = Math.max(slowest, Date.now() - started);
      if (res?.status === 201) acknowledged++;
      else if (res?.status === 503) unavailable++;
      else unexpected.push(`${res?.status} ${res ? await res.text() : 'no response'}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();

  await new Promise((r) => setTimeout(r, 500));
  await database.stop();
  await new Promise((r) => setTimeout(r, 1500));

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
  await new Promise((r) => setTimeout(r, 500));
  writing = false;
  await writer;

  assert.equal((await api('/api/v1/analytics/me', { token })).status, 200, 'analytics recovered');
  assert.deepEqual(unexpected, [], 'every answer during the outage is 201 or 503');
  assert.ok(unavailable > 0, 'the outage was not observed');
  assert.ok(slowest < 6000, `a request hung for ${slowest} ms during the outage`);
  const steps = await (await api('/api/v1/steps', { token })).json();
  assert.equal(steps.length, acknowledged, 'every acknowledged write is stored, and nothing else');
});

test('SIGTERM lets in-flight requests finish, then the process exits cleanly', async () => {
  const inFlight = Array.from({ length: 20 }, () => api('/api/health').then((r) => r.status, () => 'failed'));
  await new Promise((r) => setTimeout(r, 5));
  const exited = new Promise((done) => server.child.once('exit', (code, signal) => done({ code, signal })));
  server.child.kill('SIGTERM');
  const statuses = await Promise.all(inFlight);
  // Answered requests are whole HTTP answers (a busy machine may time out a probe: 503);
  // 'failed' can only be a request that had not connected before the server stopped listening.
  assert.ok(statuses.every((s) => s === 200 || s === 503 || s === 'failed'), `statuses: ${statuses}`);
  assert.ok(statuses.filter((s) => s === 200).length > 0, 'no in-flight request completed');
  assert.deepEqual(await exited, { code: 0, signal: null });
});
