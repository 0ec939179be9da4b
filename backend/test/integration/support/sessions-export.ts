import { AddressInfo } from 'node:net';

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

/**
 * `count` unfinished sessions of `userId` at `nodeId`, one a second back from now: a CSV of them
 * (≈ 300 bytes a row) outgrows what the socket and the stream hold, so an export waits on its client.
 */
export async function insertOpenSessions(
  t: TestApp,
  at: { accountId: string; treeId: string; userId: string; nodeId: string },
  count: number,
): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO sessions (account_id, tree_id, user_id, current_node_id, path, started_at)
     SELECT $1, $2, $3, $4, '[]', now() - i * interval '1 second' FROM generate_series(1, $5::int) i`,
    [at.accountId, at.treeId, at.userId, at.nodeId, count],
  );
}

/** The port of the app's HTTP server on loopback, listening first if it is not yet (for clients that are not supertest). */
export async function listeningPort(t: TestApp): Promise<number> {
  const server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}
