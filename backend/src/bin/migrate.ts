import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { dataSourceOptions } from '../database/data-source-options';

/** `migrate run` applies pending migrations; `migrate revert` undoes the last one. Needs DATABASE_URL. */
async function main(): Promise<void> {
  const command = process.argv[2] ?? 'run';
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set. For the embedded database, `npm start` migrates by itself.');
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      process.stdout.write('Reverted the last migration\n');
    } else {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      process.stdout.write(
        applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}\n` : 'Nothing to migrate\n',
      );
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
