#!/usr/bin/env node
// Writes backend/test/fixtures/a51a82d-demo.sql.gz: a database made by the first landed version
// (commit a51a82d) — its migrations and its demo seed — dumped with pg_dump. The upgrade test
// (backend/test/integration/upgrade-from-first-version.integration-spec.ts) restores it, runs
// today's migrations and checks that nothing was lost. Never edit the fixture by hand: run this.
//
// Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node scripts/make-upgrade-fixture.mjs
// Needs git, and pg_dump of the server's major version or later (the dump is plain SQL with
// INSERTs, so any later PostgreSQL restores it). Builds the old seed with today's node_modules:
// the migrations and the seed use only typeorm, pg and argon2, whose APIs have not changed since.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import pg from 'pg';

export const FIRST_VERSION = 'a51a82d';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'backend/test/fixtures/a51a82d-demo.sql.gz');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, ...options });
  if (result.status !== 0 && !options.allowFailure) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr || result.stdout}`);
  }
  return result;
}

async function admin(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('Set DATABASE_URL to a PostgreSQL server (a scratch database is created on it and dropped).');
  process.exit(2);
}
const name = `rf_fixture_${randomBytes(5).toString('hex')}`;
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
const checkout = mkdtempSync(join(tmpdir(), 'rf-first-version-'));

try {
  run('git', ['-C', root, 'worktree', 'add', '--detach', checkout, FIRST_VERSION]);
  symlinkSync(join(root, 'node_modules'), join(checkout, 'node_modules'), 'dir');
  // Only the seed command and what it imports (migrations, entities, seed): not the HTTP app,
  // whose framework packages of the time are no longer installed.
  writeFileSync(
    join(checkout, 'backend/tsconfig.fixture.json'),
    JSON.stringify({
      extends: './tsconfig.app.json',
      compilerOptions: { outDir: '../dist/fixture' },
      include: [],
      files: ['src/bin/seed-demo.ts'],
    }),
  );
  run(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(checkout, 'backend/tsconfig.fixture.json')],
    { cwd: checkout },
  );
  const seed = join(checkout, 'dist/fixture/bin/seed-demo.js');
  if (!existsSync(seed)) throw new Error(`the build of ${FIRST_VERSION} wrote no ${seed}`);

  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const seeded = run(process.execPath, [seed], { cwd: checkout, env: { ...process.env, DATABASE_URL: databaseUrl } });
  process.stdout.write(seeded.stdout);

  const dump = run('pg_dump', [
    '--inserts',
    '--rows-per-insert=200',
    '--no-owner',
    '--no-privileges',
    '--no-comments',
    '--dbname',
    databaseUrl,
  ]);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, gzipSync(dump.stdout, { level: 9 }));
  console.log(`Wrote ${output} (${FIRST_VERSION}, ${dump.stdout.length} bytes of SQL)`);
} finally {
  await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
  run('git', ['-C', root, 'worktree', 'remove', '--force', checkout], { allowFailure: true });
  rmSync(checkout, { recursive: true, force: true });
}
