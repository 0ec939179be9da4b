import 'reflect-metadata';

import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { dataSourceOptions } from '../database/data-source-options';
import { describeSchema } from '../database/schema-snapshot';

/**
 * Writes the schema every migration together makes (backend/sql/schema.sql): applies them to a
 * new, empty database on the server DATABASE_URL names, reads the catalog, drops the database.
 * `npm run generate` runs it (with a throwaway server when DATABASE_URL is unset); the
 * schema-snapshot integration test fails when a fresh database differs from the file.
 */
async function main(): Promise<void> {
  const output = process.argv[2] ?? 'backend/sql/schema.sql';
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('DATABASE_URL is not set (npm run generate starts a throwaway server)');
  const name = `rf_schema_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    const dataSource = await new DataSource(dataSourceOptions(url.toString())).initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      writeFileSync(output, await describeSchema(dataSource));
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  process.stdout.write(`Schema snapshot written to ${output}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
