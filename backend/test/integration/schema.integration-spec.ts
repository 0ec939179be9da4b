import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { journalRowsFunctionsSql } from '../../src/analytics/rollup/rollup-fold';
import { rollupTriggerFunctionsSql } from '../../src/analytics/rollup/rollup-schema';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { describeSchema } from '../../src/database/schema-snapshot';

/**
 * The migrations are literal SQL, frozen as they landed. A fresh database migrated from empty
 * must have exactly the schema in backend/sql/schema.sql (`npm run generate` rewrites it; a
 * diff there is a schema change to review). The functions the running code expects, built by
 * analytics/rollup/, must be the ones the migrations installed; and every migration must revert
 * (down) and apply again to the same schema.
 */
describe('schema made by the migrations', () => {
  const server = process.env.DATABASE_URL;
  const name = `rf_test_schema_${randomBytes(6).toString('hex')}`;
  let admin: Client;
  let db: DataSource;
  const snapshot = () => readFileSync(resolve(__dirname, '../../sql/schema.sql'), 'utf8');

  beforeAll(async () => {
    if (!server) throw new Error('DATABASE_URL is not set');
    admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    db = await new DataSource(dataSourceOptions(url.toString())).initialize();
    await db.runMigrations({ transaction: 'each' });
  });

  afterAll(async () => {
    await db?.destroy();
    await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.end();
  });

  it('is the checked-in snapshot (backend/sql/schema.sql; run `npm run generate` after adding a migration)', async () => {
    expect(await describeSchema(db)).toBe(snapshot());
  });

  it('already has the trigger and journal functions the running code builds', async () => {
    for (const sql of [...rollupTriggerFunctionsSql(), ...journalRowsFunctionsSql()]) await db.query(sql);
    expect(await describeSchema(db)).toBe(snapshot());
  });

  it('comes back the same after every migration is reverted and applied again', async () => {
    const count = db.migrations.length;
    for (let i = 0; i < count; i++) await db.undoLastMigration({ transaction: 'each' });
    const [{ tables }] = await db.query(
      `SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
    );
    expect(tables).toBe(0);
    await db.runMigrations({ transaction: 'each' });
    expect(await describeSchema(db)).toBe(snapshot());
  });
});
