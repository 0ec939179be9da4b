import { TestApp } from './test-app';

/** Sessions CSV exports whose transaction is in `state`: a FETCH from the export's cursor was their last statement. */
export async function exportTransactions(t: TestApp, state: 'active' | 'idle in transaction'): Promise<number> {
  const [{ n }] = await t.dataSource.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND query LIKE 'FETCH % FROM sessions\\_export' AND state = $1`,
    [state],
  );
  return n;
}

/** Waits until `check` holds, looking every 50 ms; fails naming `what` after 10 s. */
export async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
