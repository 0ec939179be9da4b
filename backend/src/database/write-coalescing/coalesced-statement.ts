import { DataSource } from 'typeorm';

import { preparedQuery } from '../prepared-query';
import { byIndex, coalescedInput, InputColumn } from './coalesced-input';

/**
 * One account's batch of calls as one prepared statement (see WriteCoalescer): `sql` gets the
 * calls as the relation `input` (one row per call, with its position `idx`) and the account's
 * placeholder, and must return at most one row per `idx`. Rows come back in the calls' order.
 */
export async function runCoalescedStatement<Call, Row extends { idx: number }>(
  dataSource: DataSource,
  name: string,
  batch: { calls: Call[]; accountId: string; columns: Record<string, InputColumn<Call>> },
  sql: (input: string, account: string) => string,
): Promise<(Row | undefined)[]> {
  const input = coalescedInput(batch.calls, batch.columns);
  const account = input.scalar('uuid', batch.accountId);
  const rows = await preparedQuery<Row>(dataSource, name, sql(input.sql, account), input.params);
  return byIndex(rows, batch.calls.length);
}
