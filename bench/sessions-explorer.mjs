#!/usr/bin/env node
// The sessions explorer's bench cases alone (they also run in `npm run bench`):
//
//   node bench/sessions-explorer.mjs [--sessions 1000000] [--duration 6] [--reuse]
//
// --reuse measures the dataset a previous bench left in the scratch database instead of
// generating it again (the API still applies any newer migration to it at start).
// Builds the backend, generates the bench dataset (BENCH_DB / BENCH_DATABASE_URL name the
// scratch database, rf_bench by default), boots the API as deployed and runs
// bench/lib/sessions-explorer.mjs: filtered pages p95 at concurrency 1, the 90-day CSV's rows/s.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

import { BUILD_DIR, generateDataset, parseArgs } from './generate-dataset.mjs';
import { benchLogin, startBenchApi } from './lib/bench-api.mjs';
import { measureSessionsExplorer } from './lib/sessions-explorer.mjs';

const require = createRequire(import.meta.url);
const pg = require('pg');
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_PORT ?? 3918);
const BASE = `http://127.0.0.1:${PORT}`;
const log = (line) => process.stdout.write(`${line}\n`);
const argv = process.argv.slice(2);
const args = parseArgs(argv);
const durationIndex = argv.indexOf('--duration');
const DURATION = durationIndex >= 0 ? Number(argv[durationIndex + 1]) : 6;

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;

function cannon(options) {
  return new Promise((resolveRun, reject) => {
    const latencies = [];
    const instance = autocannon(
      { duration: DURATION, ...options, url: `${BASE}${options.path ?? ''}` },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolveRun({ result, latencies });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/** The big account of a dataset generated earlier: the one with the most sessions. */
async function existingDataset(databaseUrl) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const [row] = (
      await pool.query(
        `SELECT account_id, count(*)::int AS n FROM sessions GROUP BY account_id ORDER BY count(*) DESC LIMIT 1`,
      )
    ).rows;
    if (!row) throw new Error(`no dataset in ${new URL(databaseUrl).pathname}: run without --reuse first`);
    log(`reusing the dataset: ${row.n} sessions in the main account`);
    return { accountId: row.account_id, counts: { main_sessions: row.n } };
  } finally {
    await pool.end();
  }
}

async function main() {
  log('building the backend…');
  const built = spawnSync(
    resolve(ROOT, 'node_modules/.bin/tsc'),
    ['-p', 'backend/tsconfig.app.json', '--outDir', BUILD_DIR],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}${built.stderr}`);
  const loadBefore = os.loadavg();
  const dataset = argv.includes('--reuse')
    ? await existingDataset(args.databaseUrl)
    : await generateDataset({ sessions: args.sessions, databaseUrl: args.databaseUrl, log });
  const api = await startBenchApi({ port: PORT, databaseUrl: args.databaseUrl, cwd: ROOT });
  const { rss } = api;
  const pool = new pg.Pool({ connectionString: args.databaseUrl, max: 2 });
  try {
    const adminToken = await benchLogin(BASE, 'admin@bench.example');
    const result = await measureSessionsExplorer({
      base: BASE,
      adminToken,
      pool,
      accountId: dataset.accountId,
      cannon,
      percentile,
      rss,
      log,
    });
    log(
      JSON.stringify({
        sessions: args.sessions,
        main_account_sessions: dataset.counts.main_sessions,
        loadavg_before: loadBefore,
        loadavg_after: os.loadavg(),
        ...result,
      }),
    );
  } finally {
    api.stop();
    await pool.end();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
