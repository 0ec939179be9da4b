/** A DataSource, an EntityManager or a QueryRunner (to see tables of an open transaction). */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Tables keyed across accounts on purpose, and why. Every other table of the schema is a tenant
 * table: it has account_id, and the rule below holds for it.
 */
export const GLOBAL_TABLES: Record<string, string> = {
  accounts: 'the tenants themselves: their id is the tenant key',
  migrations: 'TypeORM’s list of applied migrations',
  user_logins: 'the login directory: an e-mail address is unique across accounts (a Citus reference table)',
  rate_limits: 'login limits’ counters, keyed by a hash of IP or e-mail address, shared by the API instances',
};

/**
 * The tenant-key rule (docs/scaling.md), read from the catalog: every table but GLOBAL_TABLES has a
 * NOT NULL account_id; every unique index of it (its primary key included) contains account_id;
 * every foreign key to it carries account_id onto account_id; and its foreign keys reach only
 * tenant tables or accounts (account_id → accounts.id). Which is what a table distributed by
 * account_id (Citus) needs, and what makes a reference into another account unwritable.
 * Returns one line per breach.
 */
export async function tenantKeyViolations(
  db: Queryable,
  globalTables: Record<string, string> = GLOBAL_TABLES,
): Promise<string[]> {
  const rows = (await db.query(
    `WITH tables AS (
       SELECT c.oid, c.relname,
              (SELECT a.attnum FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'account_id' AND NOT a.attisdropped) AS account_col,
              (SELECT a.attnotnull FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'account_id' AND NOT a.attisdropped) AS account_not_null
         FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     ),
     tenant AS (SELECT * FROM tables WHERE relname <> ALL ($1::text[])),
     fks AS (
       SELECT con.conname, con.conrelid, con.confrelid, con.conkey, con.confkey FROM pg_constraint con
        WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace
     )
     SELECT format('%s: not a declared global table, and has no account_id column', relname) AS violation
       FROM tenant WHERE account_col IS NULL
     UNION ALL
     SELECT format('%s.account_id may be NULL', relname) FROM tenant WHERE account_col IS NOT NULL AND NOT account_not_null
     UNION ALL
     SELECT format('%s: unique index %s does not contain account_id', t.relname, i.indexrelid::regclass)
       FROM tenant t JOIN pg_index i ON i.indrelid = t.oid
      WHERE i.indisunique AND NOT (t.account_col = ANY (i.indkey::int2[]))
     UNION ALL
     -- A foreign key into a tenant table, from anywhere: account_id must map onto account_id.
     SELECT format('%s: foreign key %s into %s does not carry account_id onto account_id',
                   f.conrelid::regclass, f.conname, f.confrelid::regclass)
       FROM fks f JOIN tenant target ON target.oid = f.confrelid
      WHERE NOT EXISTS (
        SELECT 1 FROM unnest(f.conkey, f.confkey) AS k(col, refcol)
         WHERE refcol = target.account_col
           AND col = (SELECT a.attnum FROM pg_attribute a WHERE a.attrelid = f.conrelid AND a.attname = 'account_id'))
     UNION ALL
     -- A tenant table's foreign keys reach tenant tables (above) or its account, nothing global.
     SELECT format('%s: foreign key %s reaches %s, which is neither a tenant table nor accounts(id) by account_id',
                   f.conrelid::regclass, f.conname, f.confrelid::regclass)
       FROM fks f JOIN tenant source ON source.oid = f.conrelid
      WHERE f.confrelid NOT IN (SELECT oid FROM tenant)
        AND NOT (f.confrelid = 'accounts'::regclass AND f.conkey = ARRAY[source.account_col]
                 AND f.confkey = ARRAY[(SELECT a.attnum FROM pg_attribute a WHERE a.attrelid = 'accounts'::regclass AND a.attname = 'id')])
     ORDER BY 1`,
    [Object.keys(globalTables)],
  )) as { violation: string }[];
  return rows.map((row) => row.violation);
}
