#!/usr/bin/env node
// What time per node costs the write path, A/B on one warm API and database:
//
//   node bench/node-times-write-ab.mjs [--rounds 3] [--duration 5]
//
// Run after `npm run bench`, on the dataset it leaves in rf_bench (BENCH_DB / BENCH_DATABASE_URL
// name another scratch database). Answers (POST /sessions/{id}/decisions) of the dataset's
// unfinished sessions at concurrency 16, each session answered once, in alternating rounds under
// the sessions trigger as it is (it journals the old and the new path, and the fold adds the
// answer's seconds to the node time histograms) and as it was before time per node (the same
// body without `path`: journal rows without a path add nothing there). Between rounds the fold
// catches up, so each round starts with an empty journal and pays for its own folding.
// The trigger as it is is put back, and `rollup:rebuild` recounts the node time histograms the
// rounds without a path left short. Writes bench/results/<date>-node-times-write-ab.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

import { BUILD_DIR, parseArgs } from './generate-dataset.mjs';
import { benchLogin, startBenchApi } from './lib/bench-api.mjs';

const require = createRequire(import.meta.url);
const pg = require('pg');
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_PORT ?? 3919);
const BASE = `http://127.0.0.1:${PORT}`;
const log = (line) => process.stdout.write(`${line}\n`);
const argv = process.argv.slice(2);
const args = parseArgs(argv);
const option = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const ROUNDS = option('--rounds', 3);
const DURATION = option('--duration', 5);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value) => Math.round(value * 10) / 10;

const run = (script, extra) => {
  const result = spawnSync(process.execPath, [resolve(BUILD_DIR, script), ...extra], {
    env: { ...process.env, DATABASE_URL: args.databaseUrl },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${script} ${extra.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
};

/** Answers at 16 connections for `duration` s, each target once; 2xx per second (any other answer fails the run). */
function answerRound(targets, duration) {
  let next = 0;
  return new Promise((resolveRound, reject) => {
    autocannon(
      {
        url: BASE,
        connections: 16,
        duration,
        requests: [
          {
            setupRequest: (req) => {
              const t = targets[next++];
              if (!t) throw new Error('the round ran out of unfinished sessions');
              return {
                ...req,
                method: 'POST',
                path: `/api/v1/sessions/${t.id}/decisions`,
                body: JSON.stringify({ node_id: t.node, option_id: t.option }),
                headers: { ...req.headers, 'content-type': 'application/json', authorization: `Bearer ${t.token}` },
              };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        if (result.non2xx || result.errors)
          return reject(new Error(`${result.non2xx} non-2xx, ${result.errors} errors`));
        resolveRound({ rps: round(result.requests.total / duration), used: next });
      },
    );
  });
}

async function main() {
  const pool = new pg.Pool({ connectionString: args.databaseUrl, max: 2 });
  const q = async (sql, params) => (await pool.query(sql, params)).rows;
  const [admin] = await q(`SELECT account_id FROM users WHERE email = 'admin@bench.example'`).catch(() => []);
  if (!admin) throw new Error(`no bench dataset in ${new URL(args.databaseUrl).pathname}: run npm run bench first`);
  const [{ definition }] = await q(`SELECT pg_get_functiondef('analytics_rollup_sessions'::regproc) AS definition`);
  if (!definition.includes('outcome, path, sign')) throw new Error('the sessions trigger does not journal the path');
  const bodies = { with_path: definition, without_path: definition.replaceAll('outcome, path,', 'outcome,') };
  const api = await startBenchApi({ port: PORT, databaseUrl: args.databaseUrl, cwd: ROOT });
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadavg_at_start: os.loadavg() },
  };
  try {
    // Unfinished sessions of the main account at a node with options, oldest path first out.
    const sessions = await q(
      `SELECT s.id, s.current_node_id AS node, n.options -> 0 ->> 'id' AS option, u.email
         FROM sessions s
         JOIN tree_nodes n ON n.account_id = s.account_id AND n.id = s.current_node_id
         JOIN users u ON u.account_id = s.account_id AND u.id = s.user_id
        WHERE s.account_id = $1 AND s.completed_at IS NULL AND jsonb_array_length(n.options) > 0
        ORDER BY s.id`,
      [admin.account_id],
    );
    const tokens = new Map();
    for (const email of new Set(sessions.map((s) => s.email))) tokens.set(email, await benchLogin(BASE, email));
    const targets = sessions.map((s) => ({ ...s, token: tokens.get(s.email) }));
    const avgPath = await q(
      `SELECT round(avg(jsonb_array_length(path)), 2)::float8 AS n FROM sessions WHERE id = ANY($1::uuid[])`,
      [targets.map((t) => t.id)],
    );
    results.sessions = { unfinished: targets.length, average_path: avgPath[0].n };
    log(`${targets.length} unfinished sessions (average path ${avgPath[0].n} answers)`);

    const drained = async () => {
      for (let i = 0; i < 600; i++) {
        const [{ n }] = await q(`SELECT count(*)::int AS n FROM analytics_journal_sessions`);
        if (n === 0) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the fold did not catch up in 60 s');
    };
    let offset = 0;
    const take = async (body, duration) => {
      await q(body);
      await drained();
      const { rps, used } = await answerRound(targets.slice(offset), duration);
      offset += used;
      return rps;
    };
    await take(bodies.with_path, 2); // warm-up, not counted
    await take(bodies.without_path, 2);
    const rounds = { with_path: [], without_path: [] };
    for (let r = 0; r < ROUNDS; r++)
      for (const which of r % 2 ? ['without_path', 'with_path'] : ['with_path', 'without_path']) {
        rounds[which].push(await take(bodies[which], DURATION));
        log(`  ${which.padEnd(12)} ${rounds[which].at(-1)} answers/s @16`);
      }
    await drained();
    Object.assign(results, {
      rounds: ROUNDS,
      duration_s: DURATION,
      answers_per_s: rounds,
      median_with_path: median(rounds.with_path),
      median_without_path: median(rounds.without_path),
      cost_percent: round((1 - median(rounds.with_path) / median(rounds.without_path)) * 100),
      answered: offset,
    });
    log(
      `time per node on the write path: ${results.median_with_path} answers/s journaling the path, ${results.median_without_path} without (cost ${results.cost_percent} %)`,
    );
  } finally {
    await q(bodies.with_path);
    api.stop();
    await pool.end();
  }
  log('rollup:rebuild (the rounds without a path left the node time histograms short)…');
  run('bin/rollup.js', ['rebuild']);
  results.verify = run('bin/rollup.js', ['verify']).trim().split('\n').at(-1);
  log(`rollup:verify: ${results.verify}`);
  mkdirSync(resolve(ROOT, 'bench/results'), { recursive: true });
  const file = resolve(
    ROOT,
    `bench/results/${results.date.slice(0, 19).replaceAll(':', '-')}-node-times-write-ab.json`,
  );
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`written to ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
