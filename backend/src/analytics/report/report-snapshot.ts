import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';

import { pgPool } from '../../database/pg-pool';
import { ReadBatch } from './read-batch';
import { SqlRunner } from './sections/sql';

/**
 * The one read snapshot every statement of a report runs in: a REPEATABLE READ, READ ONLY
 * transaction, so summary, charts and tables agree even while sessions are being written.
 * Statements issued together go to the database together (ReadBatch); BEGIN rides along with
 * the first of them.
 */
@Injectable()
export class ReportSnapshot {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read<T>(work: (db: SqlRunner) => Promise<T>): Promise<T> {
    // Straight from TypeORM's pg pool: the batches need the driver's multi-statement queries.
    const client = await (pgPool(this.dataSource) as Pool).connect();
    // No parallel workers: a rollup read touches a few thousand rows, and starting workers
    // costs more than that (docs/performance.md).
    const batch = new ReadBatch(client, [
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
      'SET LOCAL max_parallel_workers_per_gather = 0',
    ]);
    let broken: Error | undefined;
    try {
      const result = await work(batch);
      await batch.close();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A section that failed early may leave others queued: they must not reach the wire after ROLLBACK.
      await batch.close();
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      // A connection that cannot even roll back is dropped from the pool, not reused.
      client.release(broken);
    }
  }
}
