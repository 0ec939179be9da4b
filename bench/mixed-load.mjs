#!/usr/bin/env node
// A bounded mixed load on loopback: 100 concurrent clients for 60 s (by default) against the
// built server on the demo data — flows, sessions, analytics reads and session starts — and a
// verdict: zero errors, no non-2xx, and API memory that stays flat.
// Usage: npm run load [-- --duration 60 --connections 100]
// Uses DATABASE_URL's server (a scratch database it creates and drops) or a throwaway embedded one.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startThrowawayPostgres } from '../scripts/lib/throwaway-postgres.mjs';

const { values: args } = parseArgs({
  options: { duration: { type: 'string', default: '60' }, connections: { type: 'string', default: '100' } },
});
const duration = Math.min(Number(args.duration), 600);
const connections = Math.min(Number(args.connections), 500);
const root = resolve(import.meta.dirname, '..');

const freePort = () =>
  new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });

const throwaway = process.env.DATABASE_URL ? null : await startThrowawayPostgres();
const serverUrl = new URL(process.env.DATABASE_URL ?? throwaway.url);
const dbName = `rf_load_${process.pid}`;
const admin = new pg.Client({ connectionString: Object.assign(new URL(serverUrl), { pathname: '/postgres' }).toString() });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString();

const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  JWT_SECRET: 'load-test-secret-0123456789abcdefghijkl',
  LOG_LEVEL: 'warn',
  THROTTLE_GLOBAL_PER_MINUTE: '0',
  THROTTLE_AUTH_PER_MINUTE: '0',
  THROTTLE_LOGIN_PER_EMAIL: '0',
};
const seed = spawn(process.execPath, [resolve(root, 'dist/backend/bin/seed-demo.js')], { env, stdio: 'ignore' });
await new Promise((done, fail) => seed.on('exit', (code) => (code === 0 ? done() : fail(new Error(`seed exited ${code}`)))));

const port = await freePort();
const api = spawn(process.execPath, [resolve(root, 'dist/backend/main.js')], { env: { ...env, PORT: String(port) }, stdio: 'inherit' });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
  await new Promise((r) => setTimeout(r, 100));
}

const login = async (email) => {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo1234' }),
  });
  return (await res.json()).access_token;
};
const adminToken = await login('admin@northwind.example');
const engineerToken = await login('engineer1@northwind.example');
const flows = await (await fetch(`${base}/api/v1/trees`, { headers: { authorization: `Bearer ${engineerToken}` } })).json();

const rssMb = () => {
  const line = readFileSync(`/proc/${api.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS'));
  return Math.round(Number(line.replace(/\D/g, '')) / 1024);
};
const memory = [rssMb()];
const sampler = setInterval(() => memory.push(rssMb()), 1000);

const headers = (token) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
// Shares of the clients per kind of request: mostly reads, as in a real day.
const mix = [
  { name: 'list flows', share: 0.3, path: '/api/v1/trees', token: engineerToken },
  { name: 'my sessions', share: 0.2, path: '/api/v1/sessions?limit=20', token: engineerToken },
  { name: 'my analytics 30d', share: 0.15, path: '/api/v1/analytics/me', token: engineerToken },
  { name: 'team analytics 30d', share: 0.1, path: '/api/v1/analytics/team', token: adminToken },
  { name: 'flow analytics', share: 0.1, path: `/api/v1/analytics/flows/${flows[0].id}`, token: adminToken },
  {
    name: 'start session',
    share: 0.15,
    path: '/api/v1/sessions',
    method: 'POST',
    body: JSON.stringify({ tree_id: flows[1].id }),
    token: engineerToken,
  },
];

console.log(`Mixed load: ${connections} clients for ${duration} s against ${base} (demo data)`);
const results = await Promise.all(
  mix.map((kind) =>
    autocannon({
      url: `${base}${kind.path}`,
      method: kind.method ?? 'GET',
      body: kind.body,
      headers: headers(kind.token),
      connections: Math.max(1, Math.round(connections * kind.share)),
      duration,
    }).then((result) => ({ kind, result })),
  ),
);
clearInterval(sampler);

let failed = false;
console.log('\nrequest               req/s    p50 ms  p99 ms   2xx      non-2xx  errors');
for (const { kind, result } of results) {
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad) failed = true;
  console.log(
    `${kind.name.padEnd(20)} ${String(Math.round(result.requests.average)).padStart(6)} ${String(result.latency.p50).padStart(8)} ${String(result.latency.p99).padStart(7)} ${String(result['2xx']).padStart(7)} ${String(result.non2xx).padStart(10)} ${String(result.errors + result.timeouts).padStart(7)}`,
  );
}
const settled = memory.slice(Math.floor(memory.length / 3));
const growth = Math.max(...settled) - Math.min(...settled);
console.log(`\nAPI memory (RSS): start ${memory[0]} MB, peak ${Math.max(...memory)} MB, end ${memory.at(-1)} MB; drift after warm-up ${growth} MB`);
if (growth > 100) failed = true;

api.kill('SIGTERM');
await new Promise((done) => api.once('exit', done));
await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
await admin.end();
await throwaway?.stop();
console.log(failed ? 'Mixed load: FAILED (errors, non-2xx answers or growing memory)' : 'Mixed load: passed — zero errors, memory flat');
process.exit(failed ? 1 : 0);
