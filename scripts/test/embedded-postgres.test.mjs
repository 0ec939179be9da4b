// Guards for the embedded PostgreSQL that `npm test`, `npm start` and the load test run.
// Run by `npm test` first (node --test scripts/test/); each test has a deadline, so a
// regression fails here instead of hanging the run.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import pg from 'pg';

import { startThrowawayPostgres } from '../lib/throwaway-postgres.mjs';

const root = new URL('../..', import.meta.url).pathname;

// Lots of server log output, then many CREATE/DROP DATABASE in a row (each DROP waits for a
// checkpoint, which the checkpointer logs). Run as a child process, as npm test runs its suites.
const CHATTY_CLIENT = `
  const pg = require('pg');
  (async () => {
    const client = new pg.Client(process.argv[1]);
    await client.connect();
    // 1 MiB of warnings in the server log: more than any pipe or socket buffer holds.
    for (let i = 0; i < 128; i++) await client.query("DO $$ BEGIN RAISE WARNING '%', repeat('x', 8192); END $$");
    for (let i = 0; i < 10; i++) {
      await client.query('CREATE DATABASE rf_guard_' + i);
      await client.query('DROP DATABASE rf_guard_' + i + ' WITH (FORCE)');
    }
    await client.end();
  })().catch((error) => { console.error(error); process.exit(1); });
`;

test('the embedded server keeps answering while its owner is blocked and the server logs a lot', async () => {
  const database = await startThrowawayPostgres();
  try {
    // spawnSync blocks this process's event loop for the child's whole run, as the old runner
    // did: nothing here reads anything from the server while the child works.
    const started = Date.now();
    const child = spawnSync(process.execPath, ['-e', CHATTY_CLIENT, database.url], {
      cwd: root,
      encoding: 'utf8',
      timeout: 90_000,
    });
    assert.equal(
      child.status,
      0,
      child.signal
        ? `the server stopped answering: the client was still waiting after ${Math.round((Date.now() - started) / 1000)} s (killed with ${child.signal})`
        : `the client failed: ${child.stderr}`,
    );
  } finally {
    await database.stop();
  }
});

test('a killed owner leaves no server and no directory behind', async () => {
  const owner = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { startThrowawayPostgres } from ${JSON.stringify(new URL('../lib/throwaway-postgres.mjs', import.meta.url).href)};
       const db = await startThrowawayPostgres();
       console.log(JSON.stringify({ url: db.url, logFile: db.logFile }));
       setInterval(() => {}, 1000);`,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const { url, logFile } = await new Promise((resolve, reject) => {
    owner.stdout.once('data', (line) => resolve(JSON.parse(String(line))));
    owner.once('exit', (code) => reject(new Error(`the owner exited ${code} before starting the server`)));
  });
  const answers = () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    return client.connect().then(
      () => client.end().then(() => true),
      () => false,
    );
  };
  assert.equal(await answers(), true, 'the server did not start');

  owner.kill('SIGKILL');
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && ((await answers()) || existsSync(logFile)))
    await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(await answers(), false, 'the server still answers after its owner was killed');
  assert.equal(existsSync(logFile), false, 'the scratch directory is still there after its owner was killed');
});
