#!/usr/bin/env node
// Benchmark dataset generator: set-based SQL (generate_series + INSERT … SELECT), no HTTP.
//
//   node bench/generate-dataset.mjs [--sessions 1000000] [--database-url postgres://…/rf_bench]
//
// Drops and recreates the rf_bench database (only that one), migrates it with the compiled
// backend (dist/bench-backend: `npx tsc -p backend/tsconfig.app.json --outDir dist/bench-backend`; `npm run bench` does),
// and fills it: one big account (N sessions over 90 days, 50 flows × 8 nodes, 40 engineers + an
// admin, realistic outcomes and durations, 30% of completed sessions rated, ~40% of step visits
// voted) and 20 small accounts (N/1000 sessions each, at least 100). Triggers are off while
// loading; the rollups are then rebuilt once from the raw rows (the same code as rollup:rebuild).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The bench's own build of the backend (not dist/backend, which other builds wipe and rewrite). */
export const BUILD_DIR = process.env.BENCH_BUILD_DIR ?? resolve(ROOT, 'dist/bench-backend');

export const BENCH_PASSWORD = 'bench-password-1234';
export const BENCH_ADMIN = 'admin@bench.example';
/** BENCH_DB names another scratch database, so two benches on one server do not drop each other's. */
export const BENCH_DB = process.env.BENCH_DB ?? 'rf_bench';
if (!/^rf_bench[a-z0-9_]*$/.test(BENCH_DB)) throw new Error('BENCH_DB must be rf_bench or start with rf_bench');

export function parseArgs(argv) {
  const args = {
    sessions: 1_000_000,
    databaseUrl: process.env.BENCH_DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:5432/${BENCH_DB}`,
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sessions') args.sessions = Number(argv[++i]);
    else if (argv[i] === '--database-url') args.databaseUrl = argv[++i];
  }
  if (!Number.isInteger(args.sessions) || args.sessions < 1000) throw new Error('--sessions must be an integer ≥ 1000');
  if (new URL(args.databaseUrl).pathname !== `/${BENCH_DB}`)
    throw new Error(`The bench only ever drops and recreates a database named ${BENCH_DB}`);
  return args;
}

async function recreateDatabase(databaseUrl) {
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${BENCH_DB}`);
  } finally {
    await client.end();
  }
}

function migrate(databaseUrl) {
  const result = spawnSync(process.execPath, [resolve(BUILD_DIR, 'bin/migrate.js'), 'run'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`migrate failed: ${result.stderr || result.stdout}`);
}

/** One account: users, steps, flows of 8 nodes, then its sessions, ratings and votes. */
async function fillAccount(db, { name, timezone, engineers, flows, sessions, days, passwordHash, emailPrefix }) {
  const [{ id: accountId }] = (
    await db.query(
      `INSERT INTO accounts (name, timezone, created_at) VALUES ($1, $2, now() - interval '400 days') RETURNING id`,
      [name, timezone],
    )
  ).rows;
  await db.query(
    `INSERT INTO users (account_id, email, name, password_hash, role)
     SELECT $1, CASE WHEN i = 0 THEN $2 || 'admin@bench.example' ELSE $2 || 'engineer' || i || '@bench.example' END,
            CASE WHEN i = 0 THEN 'Bench Admin' ELSE 'Engineer ' || lpad(i::text, 3, '0') END, $3,
            CASE WHEN i = 0 THEN 'team_admin' ELSE 'engineer' END
       FROM generate_series(0, $4::int) i`,
    [accountId, emailPrefix, passwordHash, engineers],
  );
  // The login directory's trigger is off while loading (replica role): its rows, written as the trigger would.
  await db.query(
    `INSERT INTO user_logins (email, account_id, user_id) SELECT email, account_id, id FROM users WHERE account_id = $1`,
    [accountId],
  );
  await db.query(
    `INSERT INTO step_library (account_id, title, instructions) SELECT $1, 'Library step ' || i, 'Do the thing ' || i FROM generate_series(1, 30) i`,
    [accountId],
  );
  // Flow shape: question → (step A → step C | step B → step D) → solution fixed / escalate / workaround.
  await db.query(
    `CREATE TEMP TABLE IF NOT EXISTS bench_flows (account_id uuid, idx int, tree_id uuid, q uuid, a uuid, b uuid, c uuid, d uuid, fixed uuid, esc uuid, wa uuid)`,
  );
  await db.query(
    `INSERT INTO bench_flows SELECT $1, i, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(),
            gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid() FROM generate_series(0, $2::int - 1) i`,
    [accountId, flows],
  );
  await db.query(
    `INSERT INTO trees (id, account_id, name, description, kind, status, start_node_id, created_at)
     SELECT tree_id, account_id, 'Flow ' || lpad(idx::text, 2, '0'), 'Benchmark flow', 'decision', 'published', q, now() - interval '300 days'
       FROM bench_flows WHERE account_id = $1`,
    [accountId],
  );
  const opt = (label, next) =>
    `jsonb_build_object('id', gen_random_uuid(), 'label', '${label}', 'next_node_id', ${next})`;
  await db.query(
    `INSERT INTO tree_nodes (id, account_id, tree_id, type, title, step_id, options, position)
     SELECT n.id, f.account_id, f.tree_id, n.type, n.title,
            CASE WHEN n.type = 'step' THEN (SELECT id FROM step_library sl WHERE sl.account_id = f.account_id ORDER BY sl.title OFFSET ((f.idx * 4 + n.pos) % 30) LIMIT 1) END,
            n.options, n.pos
       FROM bench_flows f CROSS JOIN LATERAL (VALUES
         (f.q, 'question', 'What is the symptom?', jsonb_build_array(${opt('Cannot connect', 'f.a')}, ${opt('Slow', 'f.b')}), 0),
         (f.a, 'step', 'Restart the client', jsonb_build_array(${opt('Done', 'f.c')}), 1),
         (f.b, 'step', 'Clear the cache', jsonb_build_array(${opt('Done', 'f.d')}), 2),
         (f.c, 'step', 'Reset the profile', jsonb_build_array(${opt('Fixed', 'f.fixed')}, ${opt('Still broken', 'f.esc')}), 3),
         (f.d, 'step', 'Reinstall', jsonb_build_array(${opt('Fixed', 'f.fixed')}, ${opt('Partly', 'f.wa')}), 4),
         (f.fixed, 'solution', 'Fixed', '[]'::jsonb, 5),
         (f.esc, 'solution', 'Escalate', '[]'::jsonb, 6),
         (f.wa, 'solution', 'Workaround', '[]'::jsonb, 7)
       ) AS n(id, type, title, options, pos)
      WHERE f.account_id = $1`,
    [accountId],
  );
  // Sessions: flows skewed (a few popular ones), engineers uniform, started uniformly over
  // `days` days up to now (whole seconds), durations log-normal around 9 min (whole seconds,
  // 30 s … 2 h). 8% are still running (standing at a step); the rest ended with
  // resolved 60% / escalated 20% / workaround 12% / unresolved 8%.
  await db.query(
    `WITH g AS (
       SELECT i, random() AS rt, random() AS ru, random() AS rs, random() AS ro, random() AS rb, random() AS u1, random() AS u2
         FROM generate_series(1, $2::int) i
     ), users_of AS (
       SELECT array_agg(id ORDER BY name) AS ids FROM users WHERE account_id = $1 AND role = 'engineer'
     ), x AS (
       SELECT g.*, f.*, (SELECT ids FROM users_of) AS uids,
              date_trunc('second', now() - ($3::int * interval '1 day') * g.rs) AS started,
              greatest(30, least(7200, round(exp(ln(540) + 0.7 * sqrt(-2 * ln(1 - g.u1)) * cos(2 * pi() * g.u2)))))::int AS dur
         FROM g JOIN bench_flows f ON f.account_id = $1 AND f.idx = floor($4::int * g.rt * g.rt)::int
     ), y AS (
       SELECT x.*, CASE WHEN x.ro < 0.08 OR x.started + x.dur * interval '1 second' > now() THEN NULL
                        WHEN x.ro < 0.08 + 0.92 * 0.60 THEN 'resolved'
                        WHEN x.ro < 0.08 + 0.92 * 0.80 THEN 'escalated'
                        WHEN x.ro < 0.08 + 0.92 * 0.92 THEN 'workaround'
                        ELSE 'unresolved' END AS outcome
         FROM x
     )
     INSERT INTO sessions (account_id, tree_id, user_id, started_at, completed_at, outcome, current_node_id, path)
     SELECT $1, y.tree_id, y.uids[1 + floor(y.ru * array_length(y.uids, 1))::int], y.started,
            CASE WHEN y.outcome IS NOT NULL THEN y.started + y.dur * interval '1 second' END, y.outcome,
            CASE y.outcome WHEN 'resolved' THEN y.fixed WHEN 'escalated' THEN y.esc WHEN 'workaround' THEN y.wa WHEN 'unresolved' THEN y.esc
                 ELSE CASE WHEN y.rb < 0.5 THEN y.a ELSE y.c END END,
            -- Two answers, at a third and two thirds of the session's duration (time per node).
            jsonb_build_array(
              jsonb_build_object('node_id', y.q, 'at', to_jsonb(least(now(), y.started + y.dur * interval '1 second' / 3))),
              jsonb_build_object('node_id', CASE WHEN y.rb < 0.5 THEN y.a ELSE y.b END,
                                 'at', to_jsonb(least(now(), y.started + 2 * y.dur * interval '1 second' / 3))))
       FROM y`,
    [accountId, sessions, days, flows],
  );
  // 30% of completed sessions rated, a few minutes after completion; 1 in 5 ratings has a comment.
  await db.query(
    `INSERT INTO session_ratings (account_id, session_id, user_id, tree_id, rating, comment, created_at)
     SELECT s.account_id, s.id, s.user_id, s.tree_id,
            CASE WHEN r < 0.45 THEN 5 WHEN r < 0.75 THEN 4 WHEN r < 0.87 THEN 3 WHEN r < 0.94 THEN 2 ELSE 1 END,
            CASE WHEN c < 0.2 THEN 'Comment on a ' || s.outcome || ' session' END,
            least(now(), s.completed_at + (30 + floor(r2 * 600)) * interval '1 second')
       FROM (SELECT s.*, random() AS pick, random() AS r, random() AS c, random() AS r2 FROM sessions s
              WHERE s.account_id = $1 AND s.completed_at IS NOT NULL) s
      WHERE s.pick < 0.30`,
    [accountId],
  );
  // Step votes: each session visits two steps (A then C, or B then D); ~40% of visits voted.
  await db.query(
    `INSERT INTO step_ratings (account_id, session_id, tree_id, node_id, step_id, user_id, was_helpful, created_at, updated_at)
     SELECT v.account_id, v.session_id, v.tree_id, v.node_id, n.step_id, v.user_id, random() < 0.72, v.at, v.at
       FROM (SELECT s.account_id, s.id AS session_id, s.tree_id, s.user_id, step.node_id,
                    least(now(), s.started_at + step.k * coalesce(s.completed_at - s.started_at, interval '2 minutes') / 3) AS at
               FROM sessions s
               JOIN bench_flows f ON f.tree_id = s.tree_id
               CROSS JOIN LATERAL (VALUES
                 (CASE WHEN s.path -> 1 ->> 'node_id' = f.a::text THEN f.a ELSE f.b END, 1),
                 (CASE WHEN s.path -> 1 ->> 'node_id' = f.a::text THEN f.c ELSE f.d END, 2)) AS step(node_id, k)
              WHERE s.account_id = $1 AND random() < 0.40) v
       JOIN tree_nodes n ON n.account_id = v.account_id AND n.id = v.node_id`,
    [accountId],
  );
  await db.query(
    `UPDATE trees t SET usage_count = c.n FROM (SELECT tree_id, count(*)::int AS n FROM sessions WHERE account_id = $1 GROUP BY tree_id) c WHERE t.account_id = $1 AND t.id = c.tree_id`,
    [accountId],
  );
  return accountId;
}

/**
 * Fills the (empty, freshly migrated) rollup tables from the raw rows: one statement per table,
 * on one connection per core, since nothing else writes while the dataset is built.
 */
/** One phase's statements on parallel connections (one per core). */
async function fillRollups(databaseUrl, statements) {
  const queue = [...statements];
  const worker = async () => {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await db.query("SET work_mem = '256MB'");
      for (let next = queue.shift(); next; next = queue.shift()) await db.query(next.sql);
    } finally {
      await db.end();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(os.cpus().length, statements.length)) }, worker));
}

export async function generateDataset({ sessions, databaseUrl, log = (line) => process.stdout.write(`${line}\n`) }) {
  const started = Date.now();
  await recreateDatabase(databaseUrl);
  migrate(databaseUrl);
  const argon2 = require('argon2');
  const passwordHash = await argon2.hash(BENCH_PASSWORD, {
    type: argon2.argon2id,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  const { rollupFillPhases } = require(resolve(BUILD_DIR, 'analytics/rollup/rollup-recount.js'));
  const { RECOUNT_VOTE_COUNTERS_SQL } = require(
    resolve(BUILD_DIR, 'database/migrations/1764000400000-StepVoteCounters.js'),
  );

  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query('SET LOCAL session_replication_role = replica'); // no triggers (FKs, rollups) while loading
    await db.query("SET LOCAL work_mem = '256MB'");
    const accountId = await fillAccount(db, {
      name: 'Bench Corp',
      timezone: 'Europe/Berlin',
      engineers: 40,
      flows: 50,
      sessions,
      days: 90,
      passwordHash,
      emailPrefix: '',
    });
    const small = Math.max(100, Math.round(sessions / 1000));
    for (let i = 1; i <= 20; i++) {
      await fillAccount(db, {
        name: `Small ${i}`,
        timezone: i % 2 ? 'America/New_York' : 'UTC',
        engineers: 3,
        flows: 3,
        sessions: small,
        days: 90,
        passwordHash,
        emailPrefix: `small${i}-`,
      });
    }
    // The vote counters' triggers were off too: count them once, as the migration does.
    await db.query(RECOUNT_VOTE_COUNTERS_SQL);
    await db.query('COMMIT');
    log(`raw rows loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const rollupStart = Date.now();
    for (const phase of rollupFillPhases()) await fillRollups(databaseUrl, phase);
    log(`rollups built in ${((Date.now() - rollupStart) / 1000).toFixed(1)} s`);
    await db.query('VACUUM (ANALYZE)');
    const [counts] = (
      await db.query(
        `SELECT (SELECT count(*) FROM sessions)::int AS sessions, (SELECT count(*) FROM session_ratings)::int AS ratings,
              (SELECT count(*) FROM step_ratings)::int AS votes, (SELECT count(*) FROM sessions WHERE account_id = $1)::int AS main_sessions`,
        [accountId],
      )
    ).rows;
    const seconds = (Date.now() - started) / 1000;
    log(`dataset: ${JSON.stringify(counts)} in ${seconds.toFixed(1)} s`);
    return { accountId, counts, seconds };
  } finally {
    await db.end();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  generateDataset(parseArgs(process.argv.slice(2))).catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
