#!/usr/bin/env node
// A mixed load on loopback: 100 concurrent clients (by default) against the built server on the
// demo data — flows, sessions, analytics reads and session starts — for 60 s by default, or as a
// soak (`--duration 1800`). It prints the curve (throughput and API RSS over time) and a verdict,
// and exits 1 unless every request was answered 2xx and the run stayed flat as
// bench/lib/soak-verdict.mjs defines it (docs/performance.md, "Mixed load").
// Usage: npm run load [-- --duration 60 --connections 100 --heap-snapshots 4]
// Uses DATABASE_URL's server (a scratch database it creates and drops) or a throwaway embedded one.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

import { startThrowawayPostgres } from '../scripts/lib/throwaway-postgres.mjs';
import {
  MIN_SECONDS_FOR_MEMORY,
  RSS_SLOPE_LIMIT_MB_PER_MIN,
  soakVerdict,
  THROUGHPUT_FLOOR,
} from './lib/soak-verdict.mjs';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '100' },
    // Heap snapshots of the API taken at evenly spaced times (diagnosis: they pause the API).
    'heap-snapshots': { type: 'string', default: '0' },
  },
});
const duration = Math.min(Math.max(10, Math.round(Number(args.duration))), 7200);
const connections = Math.min(Number(args.connections), 500);
const heapSnapshots = Math.min(Number(args['heap-snapshots']), 20);
// The curve's step: a minute for soaks, 10 s for short runs.
const bucketSeconds = duration >= 600 ? 60 : 10;
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
const admin = new pg.Client({
  connectionString: Object.assign(new URL(serverUrl), { pathname: '/postgres' }).toString(),
});
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
await new Promise((done, fail) =>
  seed.on('exit', (code) => (code === 0 ? done() : fail(new Error(`seed exited ${code}`)))),
);

const port = await freePort();
const snapshotDir = heapSnapshots ? mkdtempSync(join(tmpdir(), 'rf-load-heap-')) : null;
// The API reports its own heap figures once a second (bench/lib/memory-probe.mjs).
const probeFile = join(mkdtempSync(join(tmpdir(), 'rf-load-memory-')), 'memory.jsonl');
const api = spawn(
  process.execPath,
  [
    ...(snapshotDir ? ['--heapsnapshot-signal=SIGUSR2'] : []),
    '--import',
    pathToFileURL(resolve(root, 'bench/lib/memory-probe.mjs')).href,
    resolve(root, 'dist/backend/main.js'),
  ],
  { env: { ...env, PORT: String(port), RF_MEMORY_PROBE_FILE: probeFile }, stdio: 'inherit', cwd: snapshotDir ?? root },
);
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  if (
    await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((r) => setTimeout(r, 100));
}

const login = async (email) => {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo1234' }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  return (await res.json()).access_token;
};
const adminToken = await login('admin@northwind.example');
const engineerToken = await login('engineer1@northwind.example');
const flows = await (
  await fetch(`${base}/api/v1/trees`, { headers: { authorization: `Bearer ${engineerToken}` } })
).json();
// The engineer's sessions, counted in the database (the API counts a list up to 1,000 only).
const loadDb = new pg.Client({ connectionString: databaseUrl });
await loadDb.connect();
const engineerSessions = async () =>
  (
    await loadDb.query(
      `SELECT count(*)::int AS n FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = 'engineer1@northwind.example')`,
    )
  ).rows[0].n;
const sessionsAtStart = await engineerSessions();

const rssMb = () => {
  const line = readFileSync(`/proc/${api.pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS'));
  return Number(line.replace(/\D/g, '')) / 1024;
};

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
const startedAt = performance.now();
const startedWall = Date.now();
const elapsed = () => (performance.now() - startedAt) / 1000;
// Per kind: 2xx answers per second of the run, and every other status seen.
const perSecond = mix.map(() => new Array(duration + 1).fill(0));
const otherStatuses = mix.map(() => new Map());
const rss = [[0, rssMb()]];
const sampler = setInterval(() => rss.push([elapsed(), rssMb()]), 1000);
const snapshotTimers = Array.from({ length: heapSnapshots }, (_, i) =>
  setTimeout(() => api.kill('SIGUSR2'), ((i + 1) * duration * 1000) / (heapSnapshots + 1)),
);

const results = await Promise.all(
  mix.map(
    (kind, k) =>
      new Promise((done, fail) => {
        const instance = autocannon(
          {
            url: `${base}${kind.path}`,
            method: kind.method ?? 'GET',
            body: kind.body,
            headers: headers(kind.token),
            connections: Math.max(1, Math.round(connections * kind.share)),
            duration,
          },
          (error, result) => (error ? fail(error) : done({ kind, result })),
        );
        instance.on('response', (_client, status) => {
          if (status >= 200 && status < 300) perSecond[k][Math.min(duration, Math.floor(elapsed()))]++;
          else otherStatuses[k].set(status, (otherStatuses[k].get(status) ?? 0) + 1);
        });
      }),
  ),
);
clearInterval(sampler);
snapshotTimers.forEach(clearTimeout);
const sessionsAtEnd = await engineerSessions();
await loadDb.end();

let failed = false;
console.log('\nrequest               req/s    p50 ms  p99 ms   2xx      non-2xx  errors');
for (const [k, { kind, result }] of results.entries()) {
  const errors = result.errors + result.timeouts;
  if (result.non2xx || errors) failed = true;
  const statuses = [...otherStatuses[k]].map(([status, n]) => `${n}× ${status}`).join(', ');
  console.log(
    `${kind.name.padEnd(20)} ${String(Math.round(result['2xx'] / duration)).padStart(6)} ${String(result.latency.p50).padStart(8)} ${String(result.latency.p99).padStart(7)} ${String(result['2xx']).padStart(7)} ${String(result.non2xx).padStart(10)} ${String(errors).padStart(7)}${statuses ? `  (${statuses})` : ''}`,
  );
}

// The API's own figures: the lowest heap use in a step is close to its live heap (after a GC).
const probe = readFileSync(probeFile, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line))
  .map((m) => ({
    at: (m.t - startedWall) / 1000,
    heapUsed: m.heapUsed / 2 ** 20,
    heapTotal: m.heapTotal / 2 ** 20,
    external: m.external / 2 ** 20,
  }));

// The curve: 2xx per second, RSS and heap over each step of the run.
const total = perSecond[0].map((_, s) => perSecond.reduce((sum, kind) => sum + kind[s], 0)).slice(0, duration);
const curve = [];
for (let from = 0; from < duration; from += bucketSeconds) {
  const to = Math.min(duration, from + bucketSeconds);
  const rate = (counts) => Math.round(counts.slice(from, to).reduce((s, n) => s + n, 0) / (to - from));
  const inStep = rss.filter(([t]) => t >= from && t < to).map(([, mb]) => mb);
  const heap = probe.filter((m) => m.at >= from && m.at < to);
  curve.push({
    from_s: from,
    to_s: to,
    rps: rate(total),
    by_kind: perSecond.map(rate),
    rss_mb: Math.round(inStep.at(-1) ?? rss.at(-1)[1]),
    heap_used_min_mb: heap.length ? Math.round(Math.min(...heap.map((m) => m.heapUsed))) : null,
    heap_total_mb: heap.length ? Math.round(heap.at(-1).heapTotal) : null,
    external_mb: heap.length ? Math.round(heap.at(-1).external) : null,
  });
}
const unit = bucketSeconds === 60 ? 'min' : 's';
console.log(
  `\ncurve per ${bucketSeconds} s: 2xx req/s; API RSS, V8 heap (total, and lowest used ≈ live) and external memory in MB at the step's end`,
);
console.log(
  `${unit.padStart(5)}  ${'req/s'.padStart(6)}  ${'RSS'.padStart(5)}  ${'heap'.padStart(5)}  ${'live'.padStart(5)}  ${'ext'.padStart(4)}   ${mix.map((kind) => kind.name).join(' | ')}`,
);
for (const step of curve) {
  const at = bucketSeconds === 60 ? step.to_s / 60 : step.to_s;
  const cells = [step.rss_mb, step.heap_total_mb, step.heap_used_min_mb].map((v) => String(v ?? '-').padStart(5));
  console.log(
    `${String(at).padStart(5)}  ${String(step.rps).padStart(6)}  ${cells.join('  ')}  ${String(step.external_mb ?? '-').padStart(4)}   ${step.by_kind.join(' | ')}`,
  );
}

const verdict = soakVerdict({ perSecond: total, rss, seconds: duration });
const peak = Math.round(Math.max(...rss.map(([, mb]) => mb)));
console.log(
  `\nthroughput: first ${verdict.window_s} s ${verdict.first_rps} req/s, last ${verdict.window_s} s ${verdict.last_rps} req/s (${Math.round(verdict.throughput_ratio * 100)} %, floor ${THROUGHPUT_FLOOR * 100} %)`,
);
console.log(
  `API memory (RSS): start ${Math.round(rss[0][1])} MB, peak ${peak} MB, end ${Math.round(rss.at(-1)[1])} MB; slope over the last ${Math.round((duration * 2) / 3)} s ${verdict.rss_slope_mb_per_min} MB/min (limit ${RSS_SLOPE_LIMIT_MB_PER_MIN}${verdict.memory_judged ? '' : `; not judged on a run shorter than ${MIN_SECONDS_FOR_MEMORY} s`})`,
);
console.log(`engineer1's sessions: ${sessionsAtStart} at the start, ${sessionsAtEnd} at the end`);
if (!verdict.throughput_flat || verdict.memory_flat === false) failed = true;

api.kill('SIGTERM');
await new Promise((done) => api.once('exit', done));
rmSync(dirname(probeFile), { recursive: true, force: true });
await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
await admin.end();
await throwaway?.stop();

const startedIso = new Date(Date.now() - duration * 1000).toISOString();
mkdirSync(resolve(root, 'bench/results'), { recursive: true });
const file = resolve(root, 'bench/results', `${startedIso.slice(0, 19).replace(/:/g, '-')}-load-${duration}s.json`);
const kinds = results.map(({ kind, result }, k) => ({
  request: kind.name,
  connections: Math.max(1, Math.round(connections * kind.share)),
  ok: result['2xx'],
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
  other_statuses: Object.fromEntries(otherStatuses[k]),
  p50_ms: result.latency.p50,
  p99_ms: result.latency.p99,
}));
const summary = {
  date: startedIso,
  duration_s: duration,
  connections,
  kinds,
  curve,
  verdict,
  rss_start_mb: Math.round(rss[0][1]),
  rss_peak_mb: peak,
  sessions: { start: sessionsAtStart, end: sessionsAtEnd },
  passed: !failed,
};
writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
console.log(`results: ${file}`);
if (snapshotDir)
  console.log(
    `heap snapshots: ${readdirSync(snapshotDir)
      .filter((f) => f.endsWith('.heapsnapshot'))
      .map((f) => join(snapshotDir, f))
      .join(' ')}`,
  );
console.log(
  failed
    ? 'Mixed load: FAILED (errors or non-2xx answers, throughput falling, or memory growing)'
    : `Mixed load: passed — every answer 2xx, throughput flat${verdict.memory_judged ? ', memory flat' : ''}`,
);
process.exit(failed ? 1 : 0);
