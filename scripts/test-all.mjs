#!/usr/bin/env node
// `npm test`: every suite, in order — unit tests (backend, frontend), backend integration tests
// on real PostgreSQL, fault tests against the built server, then the end-to-end run in Chromium. One database server serves them all:
// DATABASE_URL when set, else a throwaway embedded PostgreSQL.
import { spawnSync } from 'node:child_process';
import { startThrowawayPostgres } from './lib/throwaway-postgres.mjs';

const nxEnv = { NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_DAEMON: 'false' };
const database = process.env.DATABASE_URL ? null : await startThrowawayPostgres();
const env = { ...process.env, ...nxEnv, DATABASE_URL: process.env.DATABASE_URL ?? database.url };

const suites = [
  ['unit tests', 'npx', ['nx', 'run-many', '-t', 'test', '-p', 'backend', 'frontend', '--outputStyle=static']],
  ['integration tests', 'npx', ['jest', '-c', 'backend/jest.integration.config.cjs']],
  ['build', 'npx', ['nx', 'run-many', '-t', 'build', '-p', 'backend', 'frontend', '--outputStyle=static']],
  ['fault tests (database outage, graceful shutdown)', process.execPath, ['--test', 'backend/test/faults/']],
  ['end-to-end tests', process.execPath, ['e2e/run-e2e.mjs']],
];

let failed = [];
try {
  for (const [name, command, args] of suites) {
    console.log(`\n=== ${name} ===`);
    const result = spawnSync(command, args, { stdio: 'inherit', env });
    if (result.status !== 0) failed.push(name);
  }
} finally {
  await database?.stop();
}

if (failed.length) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\nAll test suites passed.');
