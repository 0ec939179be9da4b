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
    // Generous: on a loaded 2-core CI machine a statement has taken over 15 s to reach the database.
    const deadline = Date.now() + 40_000;
    for (;;) {
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
