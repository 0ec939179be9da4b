import 'reflect-metadata';

import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';

import { dataSourceOptions } from '../database/data-source-options';
import { createSuperAdmin, MIN_SUPER_ADMIN_PASSWORD } from '../users/super-admin';

/**
 * `npm run super-admin:create -- --email ops@example.com --name "Ops"`, with the password in
 * SUPER_ADMIN_PASSWORD (never on the command line, where the shell history and `ps` keep it).
 * Needs DATABASE_URL; the schema must be migrated.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, account: { type: 'string' } },
  });
  const url = process.env.DATABASE_URL;
  const password = process.env.SUPER_ADMIN_PASSWORD;
  if (!url || !values.email || !values.name || !password) {
    throw new Error(
      'usage: DATABASE_URL=… SUPER_ADMIN_PASSWORD=… npm run super-admin:create -- --email <address> --name <name> [--account <account name>]' +
        ` (a password of at least ${MIN_SUPER_ADMIN_PASSWORD} characters)`,
    );
  }
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    const created = await createSuperAdmin(dataSource, {
      email: values.email,
      name: values.name,
      password,
      accountName: values.account,
    });
    process.stdout.write(
      `Created super_admin ${created.email} (user ${created.userId}, account ${created.accountId})\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
