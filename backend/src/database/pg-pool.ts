import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * The node-postgres pool under TypeORM, for what TypeORM does not offer: multi-statement
 * batches on one connection, and how many connections are in use. Undefined before the
 * DataSource connects.
 */
export function pgPool(dataSource: DataSource): Pool | undefined {
  return (dataSource.driver as PostgresDriver).master as Pool | undefined;
}
