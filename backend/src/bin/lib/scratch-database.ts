import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Runs `work` on a new, empty database (named `prefix` and random hex) on the server `serverUrl`
 * names, and drops the database afterwards, whatever happened: the generators' own database on
 * a server others may share.
 */
export async function withScratchDatabase<T>(
  serverUrl: string,
  prefix: string,
  work: (databaseUrl: string) => Promise<T>,
): Promise<T> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
