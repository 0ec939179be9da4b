#!/usr/bin/env node
// `npm test`: every suite, in order — the embedded PostgreSQL's own guards, unit tests (backend,
// frontend), backend integration tests on real PostgreSQL, the build, fault tests against the
// built server, then the end-to-end run in Chromium. One database server serves them all:
// DATABASE_URL when set, else a throwaway embedded PostgreSQL. Ends with the time each suite took.
//
// Suites run as asynchronous child processes: this process stays free to forward Ctrl-C and to
// stop the database server whatever happens.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { startThrowawayPostgres } from './lib/throwaway-postgres.mjs';

const root = join(import.meta.dirname, '..');
const nxEnv = { NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_DAEMON: 'false' };
const suites = [
  ['embedded PostgreSQL guards', process.execPath, ['--test', 'scripts/test/']],
  ['unit tests', 'npx', ['nx', 'run-many', '-t', 'test', '-p', 'backend', 'frontend', '--outputStyle=static']],
  ['integration tests', 'npx', ['jest', '-c', 'backend/jest.integration.config.cjs']],
  ['build', 'npx', ['nx', 'run-many', '-t', 'build', '-p', 'backend', 'frontend', '--outputStyle=static']],
  [
    'fault tests (database outage, graceful shutdown, several instances)',
    process.execPath,
    ['--test', 'backend/test/faults/'],
  ],
  ['end-to-end tests', process.execPath, ['e2e/run-e2e.mjs']],
];

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
/** @type {import('node:child_process').ChildProcess | null} */
let current = null;
let interrupted = null;

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    interrupted = signal;
    // A terminal's Ctrl-C reaches the suite too; a kill of this process alone must be passed on.
    current?.kill(signal);
  });
}

/** @returns {Promise<number>} the suite's exit code (1 when it died of a signal) */
function runSuite(command, args, env) {
  return new Promise((resolve) => {
    current = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    current.once('error', (error) => {
      console.error(`could not run ${command}: ${error.message}`);
      resolve(1);
    });
    current.once('exit', (code) => resolve(code ?? 1));
  }).finally(() => (current = null));
}

const results = [];
let database = null;
try {
  if (!process.env.DATABASE_URL) {
    const from = Date.now();
    database = await startThrowawayPostgres();
    console.log(
      `Throwaway embedded PostgreSQL on ${new URL(database.url).host} (ready in ${seconds(Date.now() - from)}; log ${database.logFile})`,
    );
  }
  const env = { ...process.env, ...nxEnv, DATABASE_URL: process.env.DATABASE_URL ?? database.url };
  for (const [name, command, args] of suites) {
    if (interrupted) break;
    console.log(`\n=== ${name} ===`);
    const from = Date.now();
    const code = await runSuite(command, args, env);
    results.push({ name, passed: code === 0, ms: Date.now() - from });
  }
} catch (error) {
  console.error(`\nnpm test could not run: ${error instanceof Error ? error.message : String(error)}`);
  results.push({ name: 'setup', passed: false, ms: 0 });
} finally {
  if (database && results.some((result) => !result.passed)) {
    mkdirSync(join(root, 'tmp'), { recursive: true });
    database.keepLog(join(root, 'tmp', 'test-postgres.log'));
    console.log('\nThe embedded PostgreSQL log of this run: tmp/test-postgres.log');
  }
  await database?.stop();
}

const failed = results.filter((result) => !result.passed);
console.log('\n=== Summary ===');
for (const { name, passed, ms } of results)
  console.log(`${passed ? 'passed' : 'FAILED'}  ${seconds(ms).padStart(8)}  ${name}`);
console.log(
  `total   ${seconds(Date.now() - started).padStart(8)}${interrupted ? `  (interrupted by ${interrupted})` : ''}`,
);
if (interrupted) process.exit(130);
if (failed.length) {
  console.error(`\nFailed: ${failed.map((result) => result.name).join(', ')}`);
  process.exit(1);
}
console.log('\nAll test suites passed.');
