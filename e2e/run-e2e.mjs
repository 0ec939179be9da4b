#!/usr/bin/env node
// End-to-end run: real Chromium against the built server on a fresh PostgreSQL database.
//
//   DATABASE_URL=postgres://user:pass@host:5432/postgres node e2e/run-e2e.mjs [name-filter]
//
// DATABASE_URL points at a PostgreSQL *server*; a database rf_e2e_<random> is created on it,
// seeded with the demo account, used by one server process, and dropped at the end.
// Builds the apps first through Nx, which skips what is up to date (E2E_SKIP_BUILD=1: use dist/ as it is).
// Chromium: CHROMIUM_PATH, else /usr/bin/chromium, else chromium, chromium-browser or google-chrome
// on the PATH. Without one the run fails (counted as every spec failed): a green `npm test` means
// the UI was tested. Ends with the line "N passed, N failed"; exits non-zero on any failure, and
// when no spec ran.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { runSpecs } from './support/harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = join(ROOT, 'e2e', 'output');
const CHROMIUM = findChromium();
const SERVER_ENTRY = join(ROOT, 'dist', 'backend', 'main.js');
const SEED_ENTRY = join(ROOT, 'dist', 'backend', 'bin', 'seed-demo.js');
const FRONTEND_INDEX = join(ROOT, 'dist', 'frontend', 'browser', 'index.html');

const started = Date.now();
const seconds = (from = started) => `${((Date.now() - from) / 1000).toFixed(1)} s`;
const log = (line) => console.log(`[e2e ${seconds()}] ${line}`);

const specFiles = readdirSync(join(ROOT, 'e2e', 'specs'))
  .filter((name) => name.endsWith('.mjs'))
  .sort()
  .map((name) => join(ROOT, 'e2e', 'specs', name));

/** The browser to drive, or null. CHROMIUM_PATH must exist when set: a typo is not a fallback. */
function findChromium() {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      if (dir && existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return null;
}

function finish(passed, failed) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

if (!CHROMIUM) {
  console.error('');
  console.error(
    'e2e: FAILED: no Chromium found (CHROMIUM_PATH, /usr/bin/chromium, or chromium / google-chrome on the PATH).',
  );
  console.error(
    '     Install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
  console.error('');
  finish(0, specFiles.length);
  process.exit(1);
}

if (!process.env.DATABASE_URL) {
  console.error('e2e: DATABASE_URL must point at a PostgreSQL server (npm test sets it, or starts a throwaway one).');
  finish(0, specFiles.length);
  process.exit(1);
}

const { default: pg } = await import('pg');
const serverUrl = new URL(process.env.DATABASE_URL);
const databaseName = `rf_e2e_${randomBytes(5).toString('hex')}`;
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${databaseName}` }).toString();

let server = null;
let databaseCreated = false;
let cleanedUp = false;

async function admin(sql) {
  const client = new pg.Client({ connectionString: serverUrl.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    log('server stopped');
  }
  if (databaseCreated) {
    await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).then(
      () => log(`dropped database ${databaseName}`),
      (error) => console.error(`e2e: could not drop database ${databaseName}: ${error.message}`),
    );
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`e2e: ${signal}, cleaning up`);
    cleanup().finally(() => process.exit(130));
  });
}

/** Nx builds what changed and restores the rest from its cache (a no-op in well under a second). */
function buildIfNeeded() {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    log('building backend and frontend (Nx cache)…');
    const from = Date.now();
    const result = spawnSync(
      'npx',
      ['nx', 'run-many', '-t', 'build', '-p', 'backend', 'frontend', '--outputStyle=static'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
        env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' },
      },
    );
    if (result.status !== 0) {
      process.stderr.write(`${result.stdout}${result.stderr}`);
      throw new Error('the build failed');
    }
    log(`build ready in ${seconds(from)}`);
  }
  const missing = [SERVER_ENTRY, SEED_ENTRY, FRONTEND_INDEX].filter((path) => !existsSync(path));
  if (missing.length) throw new Error(`the build is missing ${missing.map((path) => relative(ROOT, path)).join(', ')}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function runNode(script, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${relative(ROOT, script)} exited ${code}:\n${output}`)),
    );
  });
}

async function startServer(env) {
  const port = await freePort();
  const logFile = createWriteStream(join(OUTPUT, 'server.log'));
  server = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.pipe(logFile);
  server.stderr.pipe(logFile);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`the server exited with code ${server.exitCode}; see e2e/output/server.log`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return baseUrl;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not answer /api/health within 30 s; see e2e/output/server.log');
}

let passed = 0;
let failed = specFiles.length;
try {
  mkdirSync(OUTPUT, { recursive: true });
  buildIfNeeded();

  await admin(`CREATE DATABASE "${databaseName}"`);
  databaseCreated = true;
  log(`created database ${databaseName} on ${serverUrl.host}`);
  // Specs seed their own demo accounts into it (e2e/support/demo-account.mjs).
  process.env.E2E_DATABASE_URL = databaseUrl;

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    // webhooks.mjs sends to a receiver on 127.0.0.1; 169.254.0.0/16 stays refused even so.
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  };
  const seedFrom = Date.now();
  const seedOutput = await runNode(SEED_ENTRY, env);
  log(
    `seeded in ${seconds(seedFrom)}: ${
      seedOutput
        .trim()
        .split('\n')
        .filter((line) => line.startsWith('Seeded'))
        .join(' ') || 'done'
    }`,
  );

  const serverFrom = Date.now();
  const baseUrl = await startServer(env);
  log(`server ready at ${baseUrl} in ${seconds(serverFrom)}`);

  const filter = process.argv[2];
  const specs = [];
  for (const file of specFiles) {
    const { default: spec } = await import(pathToFileURL(file).href);
    if (!filter || spec.name.includes(filter)) specs.push(spec);
  }
  if (specs.length === 0) throw new Error(`no spec ran${filter ? ` (none matches "${filter}")` : ''}`);
  failed = 0;
  ({ passed, failed } = await runSpecs(specs, { baseUrl, chromiumPath: CHROMIUM, outputDir: OUTPUT, log }));
} catch (error) {
  console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
  if (server) console.error(`     (server log: ${relative(ROOT, join(OUTPUT, 'server.log'))})`);
  failed = Math.max(failed, 1);
} finally {
  await cleanup();
}
log(`finished in ${seconds()}`);
finish(passed, failed);
