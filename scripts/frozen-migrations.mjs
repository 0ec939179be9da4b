#!/usr/bin/env node
// Checks that the frozen migrations issue exactly the statements they issued when they landed.
//
//   node scripts/with-database.mjs node scripts/frozen-migrations.mjs
//
// Four migrations used to build their SQL with code from analytics/rollup/ and so changed
// whenever that code did. They now hold literal SQL, taken from the commit named below for each:
// the last commit before the next migration was written on top of it (until then its author
// could amend it, and 0600 and 0900 were amended that way). This script compiles each of those
// commits' migrations from git history, applies them to an empty database, records what the
// migration's up() issued and what its down() issues right after (rolled back), does the same
// with today's migrations, and compares the two byte for byte. Needs the full git history and a
// PostgreSQL server (DATABASE_URL); it creates and drops databases with random names.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { DataSource } = require('typeorm');
const { Client } = require('pg');

/** Each frozen migration and the commit its SQL was taken from (see the migration's comment). */
const FROZEN = [
  { name: 'AnalyticsRollups1764000300000', commit: 'a51a82d' },
  { name: 'AnalyticsVersions1764000600000', commit: '5acbc48' },
  { name: 'ClosedDaysVersion1764000700000', commit: '097b47d' },
  { name: 'RollupJournal1764000900000', commit: '7a6499c' },
];

const server = process.env.DATABASE_URL;
if (!server) {
  console.error(
    'DATABASE_URL is not set: run it as `node scripts/with-database.mjs node scripts/frozen-migrations.mjs`',
  );
  process.exit(2);
}

/** Compiles backend/src/database/migrations of a commit (or of the working tree) into a temp dir. */
function compileMigrations(commit) {
  const dir = mkdtempSync(join(tmpdir(), 'rf-frozen-'));
  if (commit) execFileSync('sh', ['-c', `git archive ${commit} backend/src | tar -x -C ${dir}`], { cwd: ROOT });
  const source = commit ? join(dir, 'backend/src') : join(ROOT, 'backend/src');
  if (commit) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  const args = [join(source, 'database/migrations/index.ts'), '--outDir', join(dir, 'out'), '--rootDir', source];
  execFileSync(
    tsc,
    [...args, '--module', 'commonjs', '--target', 'es2022', '--skipLibCheck', '--esModuleInterop', '--types', 'node'],
    { cwd: ROOT },
  );
  return { dir, migrations: require(join(dir, 'out/database/migrations/index.js')).MIGRATIONS };
}

/** Applies `migrations` up to `name` to an empty database; what `name`'s up() and down() issue. */
async function record(migrations, name) {
  const database = `rf_frozen_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(server);
  url.pathname = `/${database}`;
  const dataSource = await new DataSource({ type: 'postgres', url: url.toString() }).initialize();
  const runner = dataSource.createQueryRunner();
  let statements = [];
  const recording = new Proxy(runner, {
    get(target, property) {
      if (property === 'query')
        return (sql, parameters, ...rest) => {
          statements.push(parameters?.length ? { sql, parameters } : { sql });
          return target.query(sql, parameters, ...rest);
        };
      const value = target[property];
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  try {
    const result = {};
    for (const Migration of migrations) {
      const migration = new Migration();
      statements = [];
      await runner.startTransaction();
      await migration.up(recording);
      await runner.commitTransaction();
      if (migration.name !== name) continue;
      result.up = statements;
      statements = [];
      await runner.startTransaction();
      await migration.down(recording);
      await runner.rollbackTransaction();
      result.down = statements;
      return result;
    }
    throw new Error(`${name} is not among the migrations`);
  } finally {
    await runner.release();
    await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

function firstDifference(landed, now) {
  for (let i = 0; i < Math.max(landed.length, now.length); i++) {
    if (JSON.stringify(landed[i]) !== JSON.stringify(now[i]))
      return `statement ${i + 1}:\n  landed: ${landed[i]?.sql.slice(0, 200) ?? '(none)'}\n  now:    ${now[i]?.sql.slice(0, 200) ?? '(none)'}`;
  }
  return null;
}

const today = compileMigrations(null);
let failed = false;
try {
  for (const { name, commit } of FROZEN) {
    const landed = compileMigrations(commit);
    try {
      const then = await record(landed.migrations, name);
      const now = await record(today.migrations, name);
      for (const direction of ['up', 'down']) {
        const difference = firstDifference(then[direction], now[direction]);
        if (difference) failed = true;
        console.log(
          `${difference ? 'DIFFERS' : 'same   '} ${name} ${direction} (${now[direction].length} statements; landed at ${commit})${difference ? `\n${difference}` : ''}`,
        );
      }
    } finally {
      rmSync(landed.dir, { recursive: true, force: true });
    }
  }
} finally {
  rmSync(today.dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
