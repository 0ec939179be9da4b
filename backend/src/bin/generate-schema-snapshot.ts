import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';

import { dataSourceOptions } from '../database/data-source-options';
import { describeSchema } from '../database/schema-snapshot';
import { withScratchDatabase } from './lib/scratch-database';

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
  await withScratchDatabase(server, 'rf_schema', async (url) => {
    const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      writeFileSync(output, await describeSchema(dataSource));
    } finally {
      await dataSource.destroy();
    }
  });
  process.stdout.write(`Schema snapshot written to ${output}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
