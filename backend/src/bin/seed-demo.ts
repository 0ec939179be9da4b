import 'reflect-metadata';

import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';

import { dataSourceOptions } from '../database/data-source-options';
import { DEMO_PASSWORD, seedDemoData } from '../demo/demo-seed';

/**
 * `seed-demo` applies pending migrations, then creates the demo account (Northwind IT) unless it
 * already exists. Needs DATABASE_URL. `--account-name "Northwind IT (e2e)" --email-domain
 * e2e.northwind.example` seeds another copy of it beside the first.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'account-name': { type: 'string' }, 'email-domain': { type: 'string' } } });
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set, e.g. DATABASE_URL=postgres://user:password@localhost:5432/resolutionflow npm run seed:demo. ' +
        'For the embedded database, `npm start` seeds the demo account by itself on first start.',
    );
  }
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) process.stdout.write(`Applied: ${applied.map((m) => m.name).join(', ')}\n`);
    await seedDemoData(dataSource, (line) => process.stdout.write(`${line}\n`), {
      accountName: values['account-name'],
      emailDomain: values['email-domain'],
    });
    const domain = values['email-domain'] ?? 'northwind.example';
    process.stdout.write(
      `Demo logins (password "${DEMO_PASSWORD}"): admin@${domain} (team_admin), engineer1@${domain} … engineer5@${domain} (engineers)\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
