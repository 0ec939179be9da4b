import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Client } from 'pg';

/** Runs a plain-SQL pg_dump file (gzipped) on the database at `url`; psql's meta-commands (\restrict…) are skipped. */
export async function restoreDump(url: string, path: string): Promise<void> {
  const sql = gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter((line) => !line.startsWith('\\'))
    .join('\n');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Per table, its columns, row count and a digest of every row's values in those columns. */
export type TableFingerprints = Record<string, { columns: string[]; rows: number; digest: string }>;

/**
 * Fingerprints of every table of the public schema (or of `columnsOf`'s tables and columns, to
 * compare a database with itself before a migration added columns or tables).
 */
export async function fingerprintTables(url: string, columnsOf?: Record<string, string[]>): Promise<TableFingerprints> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    let tables = columnsOf;
    if (!tables) {
      const { rows } = await client.query<{ table_name: string; columns: string[] }>(
        `SELECT table_name, array_agg(column_name::text ORDER BY ordinal_position) AS columns
           FROM information_schema.columns WHERE table_schema = 'public' GROUP BY table_name`,
      );
      tables = Object.fromEntries(rows.map((row) => [row.table_name, row.columns]));
    }
    const result: TableFingerprints = {};
    for (const [table, columns] of Object.entries(tables).sort()) {
      const list = columns.map((column) => `"${column}"`).join(', ');
      const { rows } = await client.query<{ rows: number; digest: string }>(
        `SELECT count(*)::int AS rows, coalesce(md5(string_agg(r::text, E'\\n' ORDER BY r::text)), '') AS digest
           FROM (SELECT ${list} FROM "${table}") r`,
      );
      result[table] = { columns, ...rows[0] };
    }
    return result;
  } finally {
    await client.end();
  }
}
