import { Client } from 'pg';

/**
 * Makes concurrent writes meet in PostgreSQL: holds `lockSql` (a row lock the writes need) on a
 * connection of its own, starts `writes`, waits until at least `waiting` backends of the database
 * are blocked on a lock (so every statement is in the database, none finished), then lets go:
 * the statements run at once and the database's own constraint or row lock decides between them.
 */
export async function raceInDatabase<T>(
  databaseUrl: string,
  lockSql: string,
  params: unknown[],
  waiting: number,
  writes: () => Promise<T>,
): Promise<T> {
  const holder = new Client({ connectionString: databaseUrl });
  await holder.connect();
  let pending: Promise<T> | undefined;
  try {
    await holder.query('BEGIN');
    await holder.query(lockSql, params);
    pending = writes();
    const deadline = Date.now() + 40_000;
    for (;;) {
      // pg_stat_activity is read once per transaction and kept: without this, a look taken before
      // the statements arrived would be seen again until COMMIT (the race waited for ever).
      await holder.query('SELECT pg_stat_clear_snapshot()');
      const [{ blocked }] = (
        await holder.query(
          `SELECT count(*)::int AS blocked FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND cardinality(pg_blocking_pids(pid)) > 0`,
        )
      ).rows;
      if (blocked >= waiting) break;
      if (Date.now() > deadline)
        throw new Error(`only ${blocked} of ${waiting} statements reached the database's lock`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await holder.query('COMMIT');
    return await pending;
  } finally {
    await holder.end();
    await pending?.catch(() => undefined);
  }
}
