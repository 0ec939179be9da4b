#!/usr/bin/env node
// `npm run bench:webhooks` (issue 23): on a scratch database and the built API (dist/backend),
//  1. deliveries per second to a local receiver: N webhook.test deliveries queued at once, timed
//     from their commit until every one is recorded succeeded (target ≥ 500/s);
//  2. the outbox's cost on POST /sessions/{id}/complete: req/s with no endpoint subscribed vs one
//     endpoint subscribed to session.completed (each completion also queues its delivery in the
//     same statement), alternating rounds so drift in the machine's load hits both; each side the
//     median of its rounds; the target is within 10 %. The API measured runs with
//     WEBHOOK_WORKER=false, so the figure is the outbox write's cost, not the sending's (measured
//     in 1, by another instance); only 2xx answers count, any other answer fails the run.
// Writes bench/results/webhooks-<date>.json and prints the figures and the load average.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

import { startApiInstances, startDatabase, stopApiInstances } from '../backend/test/faults/support/api-instances.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DELIVERIES = Number(process.env.BENCH_WEBHOOK_DELIVERIES ?? 5000);
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = 3;
const log = (line) => process.stdout.write(`${line}\n`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value) => Math.round(value * 10) / 10;

function build() {
  log('building the backend…');
  const result = spawnSync('npx', ['nx', 'run', 'backend:build'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}${result.stderr}`);
}

async function receiver() {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(200).end();
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}/hook`,
    received: () => received,
    close: () => new Promise((done) => (server.closeAllConnections(), server.close(done))),
  };
}

async function json(api, path, options, status) {
  const res = await api(path, options);
  if (res.status !== status) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** req/s of completions of fresh sessions, 2xx only; throws on any other answer. */
function completeRun(base, token, sessionIds, duration) {
  let next = 0;
  let ok = 0;
  return new Promise((done, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: 16,
        duration,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const id = sessionIds[next++];
              if (!id) throw new Error('the bench ran out of prepared sessions');
              return { ...request, path: `/api/v1/sessions/${id}/complete`, body: '{"outcome":"resolved"}' };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        if (result.non2xx || result.errors)
          return reject(new Error(`complete: ${result.non2xx} non-2xx, ${result.errors} errors`));
        done(ok / duration);
      },
    );
    instance.on('response', (_client, status) => {
      if (status >= 200 && status < 300) ok++;
    });
  });
}

async function main() {
  if (!process.env.BENCH_SKIP_BUILD) build();
  const database = await startDatabase();
  const hooks = await receiver();
  let instances = [];
  const db = new pg.Pool({ connectionString: database.url, max: 2 });
  try {
    // The API that takes the writes queues but sends nothing (WEBHOOK_WORKER=false).
    instances = await startApiInstances(1, {
      databaseUrl: database.url,
      env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_WORKER: 'false', LOG_LEVEL: 'warn' },
    });
    const [{ api, url: base }] = instances;
    const email = `bench-${randomUUID()}@example.test`;
    const admin = (
      await json(
        api,
        '/api/v1/auth/register',
        { body: { account_name: 'Bench', name: 'Admin', email, password: 'long-enough' } },
        201,
      )
    ).access_token;
    const fixed = randomUUID();
    const tree = await json(
      api,
      '/api/v1/trees',
      {
        token: admin,
        body: {
          name: 'Flow',
          status: 'published',
          start_node_id: fixed,
          nodes: [{ id: fixed, type: 'solution', title: 'Works' }],
        },
      },
      201,
    );
    const hook = await json(
      api,
      '/api/v1/webhooks',
      { token: admin, body: { url: hooks.url, events: ['session.completed'] } },
      201,
    );
    const [{ account_id: accountId, id: userId }] = (
      await db.query(`SELECT account_id, id FROM users WHERE email = $1`, [email])
    ).rows;

    // 1. Deliveries per second, sent by an instance of their own, timed from the commit that queues them.
    const [sender] = await startApiInstances(1, {
      databaseUrl: database.url,
      env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_POLL_MS: '100', LOG_LEVEL: 'warn' },
    });
    instances.push(sender);
    log(`queueing ${DELIVERIES} deliveries…`);
    await db.query(
      `INSERT INTO webhook_deliveries (account_id, endpoint_id, event_type, payload)
       SELECT $1, $2, 'webhook.test', jsonb_build_object('n', g) FROM generate_series(1, $3) g`,
      [accountId, hook.id, DELIVERIES],
    );
    const started = performance.now();
    for (;;) {
      const [{ left }] = (
        await db.query(
          `SELECT count(*)::int AS left FROM webhook_deliveries WHERE endpoint_id = $1 AND status <> 'succeeded'`,
          [hook.id],
        )
      ).rows;
      if (!left) break;
      if (performance.now() - started > 300_000) throw new Error(`${left} deliveries still not delivered after 5 min`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    await stopApiInstances([sender]);
    const deliveriesPerSecond = round(DELIVERIES / seconds);
    log(`deliveries: ${DELIVERIES} in ${round(seconds)} s = ${deliveriesPerSecond}/s (received ${hooks.received()})`);

    // 2. complete with and without a subscribed endpoint. Sessions are made directly in the database.
    const perRound = Math.ceil(DURATION * 8000);
    const { rows } = await db.query(
      `INSERT INTO sessions (id, account_id, tree_id, user_id, current_node_id, path)
       SELECT gen_random_uuid(), $1, $2, $3, $4, '[]' FROM generate_series(1, $5) RETURNING id`,
      [accountId, tree.id, userId, fixed, perRound * (ROUNDS * 2 + 1)],
    );
    // As autovacuum would soon after a bulk load: without statistics the planner takes the
    // table empty and the completions ran at ≈ 40/s instead of ≈ 3,000/s (2026-12-06).
    await db.query('ANALYZE sessions');
    const ids = rows.map((r) => r.id);
    const slice = (i) => ids.slice(i * perRound, (i + 1) * perRound);
    const engineerToken = admin; // the admin ran no sessions of its own: the sessions above are its.
    await completeRun(base, engineerToken, slice(0), 2); // warm-up, not counted
    const without = [];
    const withHook = [];
    for (let r = 0; r < ROUNDS; r++) {
      await json(api, `/api/v1/webhooks/${hook.id}`, { token: admin, method: 'PATCH', body: { enabled: false } }, 200);
      without.push(await completeRun(base, engineerToken, slice(1 + 2 * r), DURATION));
      await json(api, `/api/v1/webhooks/${hook.id}`, { token: admin, method: 'PATCH', body: { enabled: true } }, 200);
      withHook.push(await completeRun(base, engineerToken, slice(2 + 2 * r), DURATION));
    }
    const [{ queued }] = (
      await db.query(
        `SELECT count(*)::int AS queued FROM webhook_deliveries WHERE endpoint_id = $1 AND event_type = 'session.completed'`,
        [hook.id],
      )
    ).rows;
    const results = {
      date: new Date().toISOString(),
      load_average: os.loadavg().map(round),
      cpus: os.cpus().length,
      deliveries: {
        count: DELIVERIES,
        seconds: round(seconds),
        per_second: deliveriesPerSecond,
        target: 500,
        met: deliveriesPerSecond >= 500,
      },
      complete: {
        without_endpoint_rps: without.map(round),
        with_endpoint_rps: withHook.map(round),
        median_without: round(median(without)),
        median_with: round(median(withHook)),
        cost_percent: round((1 - median(withHook) / median(without)) * 100),
        session_completed_deliveries_queued: queued,
      },
    };
    results.complete.met = results.complete.cost_percent <= 10;
    mkdirSync(resolve(ROOT, 'bench/results'), { recursive: true });
    const file = resolve(ROOT, `bench/results/webhooks-${results.date.slice(0, 10)}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    log(JSON.stringify(results, null, 2));
    log(`written to ${file}`);
  } finally {
    await db.end();
    await stopApiInstances(instances);
    await hooks.close();
    await database.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
