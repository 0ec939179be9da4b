import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

import { dataSourceOptions } from '../../src/database/data-source-options';
import { MIGRATIONS } from '../../src/database/migrations';
import { TenantKeys1764001000000 } from '../../src/database/migrations/1764001000000-TenantKeys';
import { adminQuery, createScratchDatabase } from './support/test-app';

/** Runs the migrations before `until` (or all) on the database at `url`. */
async function migrate(url: string, until?: (typeof MIGRATIONS)[number]): Promise<DataSource> {
  const migrations = until ? MIGRATIONS.slice(0, MIGRATIONS.indexOf(until)) : MIGRATIONS;
  const dataSource = await new DataSource({ ...dataSourceOptions(url), migrations }).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/**
 * Migrations TenantKeys and LoginEmails on databases holding what the old schema let in: a node
 * taken over by another account (issue 20's race), and e-mail addresses that differ only in
 * forms the old lower-casing did not fold.
 */
describe('upgrading to tenant keys and normalised e-mail addresses', () => {
  let database: { name: string; url: string };
  let db: DataSource;
  const [a, b] = [randomUUID(), randomUUID()];
  const ids = {
    userA: randomUUID(),
    userB: randomUUID(),
    treeA: randomUUID(),
    treeB: randomUUID(),
    taken: randomUUID(),
    session: randomUUID(),
  };

  beforeAll(async () => {
    database = await createScratchDatabase();
    db = await migrate(database.url, TenantKeys1764001000000);
    // The race's aftermath: node `taken` was B's start node, and a step B's engineer voted on;
    // A's simultaneous edit upserted the same id, so the row is now A's (account, flow, title).
    await db.query(`INSERT INTO accounts (id, name) VALUES ($1, 'A'), ($2, 'B')`, [a, b]);
    await db.query(
      `INSERT INTO users (id, account_id, email, name, password_hash, role, created_at) VALUES
         ($1, $3, 'admin-a@example.test', 'A', 'x', 'team_admin', now() - interval '3 days'),
         ($2, $4, 'admin-b@example.test', 'B', 'x', 'team_admin', now() - interval '3 days'),
         (gen_random_uuid(), $3, 'kate@example.test', 'Kate', 'x', 'engineer', now() - interval '2 days'),
         (gen_random_uuid(), $4, 'ｋate@example.test', 'Other Kate', 'x', 'engineer', now() - interval '1 day'),
         (gen_random_uuid(), $4, 'Mixed.Case@Example.TEST', 'Mixed', 'x', 'engineer', now())`,
      [ids.userA, ids.userB, a, b],
    );
    await db.query(
      `INSERT INTO trees (id, account_id, name, status, start_node_id) VALUES ($1, $3, 'A flow', 'published', $5), ($2, $4, 'B flow', 'published', $5)`,
      [ids.treeA, ids.treeB, a, b, ids.taken],
    );
    await db.query(
      `INSERT INTO tree_nodes (id, account_id, tree_id, type, title) VALUES ($1, $2, $3, 'solution', 'A’s node')`,
      [ids.taken, a, ids.treeA],
    );
    await db.query(
      `INSERT INTO sessions (id, account_id, tree_id, user_id, current_node_id) VALUES ($1, $2, $3, $4, $5)`,
      [ids.session, b, ids.treeB, ids.userB, ids.taken],
    );
    await db.query(
      `INSERT INTO step_ratings (account_id, session_id, tree_id, node_id, user_id, was_helpful) VALUES ($1, $2, $3, $4, $5, true)`,
      [b, ids.session, ids.treeB, ids.taken, ids.userB],
    );
    await db.destroy();
    db = await migrate(database.url);
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    await adminQuery(`DROP DATABASE IF EXISTS ${database.name} WITH (FORCE)`);
  });

  it('re-creates a node taken over by another account as a removed placeholder in the account that names it', async () => {
    const nodes = await db.query(
      `SELECT account_id, tree_id, type, title, removed_at IS NOT NULL AS removed FROM tree_nodes WHERE id = $1 ORDER BY title`,
      [ids.taken],
    );
    expect(nodes).toEqual([
      {
        account_id: b,
        tree_id: ids.treeB,
        type: 'step',
        title: '(lost: taken over by another account before migration TenantKeys)',
        removed: true,
      },
      { account_id: a, tree_id: ids.treeA, type: 'solution', title: 'A’s node', removed: false },
    ]);
    // B's vote is kept, and now points at B's own row.
    expect(await db.query(`SELECT account_id, node_id FROM step_ratings`)).toEqual([
      { account_id: b, node_id: ids.taken },
    ]);
  });

  it('normalises stored addresses; of two that become one, the first keeps it and the later one keeps its own, marked', async () => {
    const users: { email: string; name: string }[] = await db.query(
      `SELECT email, name FROM users ORDER BY created_at`,
    );
    expect(users.map((user) => user.email)).toEqual([
      'admin-a@example.test',
      'admin-b@example.test',
      'kate@example.test',
      expect.stringMatching(/^ｋate@example\.test#[0-9a-f-]{36}$/),
      'mixed.case@example.test',
    ]);
    const logins = await db.query(`SELECT email FROM user_logins ORDER BY email`);
    expect(logins.map((row: { email: string }) => row.email).sort()).toEqual(users.map((user) => user.email).sort());
  });
});
