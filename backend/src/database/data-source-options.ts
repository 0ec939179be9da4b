import { DataSourceOptions } from 'typeorm';

import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * One set of options for the app and for the migration/seed commands.
 * Schema changes go through migrations only: synchronize stays off.
 */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Query errors are answered (409, 422…) or logged by the exception filter, not here.
    logging: false,
    extra: {
      max: Number(process.env.DATABASE_POOL_SIZE) || 10,
      // Fail fast when the database is unreachable instead of hanging requests.
      connectionTimeoutMillis: 5000,
      // A hung database must not hang requests forever: give up and answer 503.
      query_timeout: 30_000,
      statement_timeout: 30_000,
    },
  };
}
