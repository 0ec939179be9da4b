#!/usr/bin/env node
// Runs a command with DATABASE_URL pointing at a PostgreSQL server: the one already in
// DATABASE_URL, or a throwaway embedded one started here and removed afterwards.
// Usage: node scripts/with-database.mjs <command> [args…]
import { spawn } from 'node:child_process';

import { startThrowawayPostgres } from './lib/throwaway-postgres.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-database.mjs <command> [args…]');
  process.exit(2);
}

const database = process.env.DATABASE_URL ? null : await startThrowawayPostgres();
if (database) console.log(`Using a throwaway embedded PostgreSQL (${database.url.replace(/:[^:@]*@/, ':***@')})`);

const child = spawn(command, args, {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? database.url },
});
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', async (code, signal) => {
  await database?.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
