import { versionOfSql } from '../rollup/analytics-version';
import { journalPendingSql } from '../rollup/rollup-journal';
import { SqlRunner } from './sections/sql';

/**
 * What a report reads before its sections, in its own snapshot (so on the report's runner, not
 * a pooled connection): the account or flow with its time zone, the versions its cached forms
 * are kept under, and whether the rollup journal holds rows of the account. Who may read what
 * is decided from these rows in report-access.ts.
 */

/** The columns every lookup adds about closed days and the journal. */
export interface ClosedColumns {
  closed_before: Date;
  past_version: string;
  journal_pending: boolean;
}

export interface AccountRow extends ClosedColumns {
  timezone: string;
  version: string;
  engineer_found: boolean;
}

export interface FlowRow extends ClosedColumns {
  id: string;
  name: string;
  status: string;
  timezone: string;
  version: string;
  /** trees.version: the flow's own version now (bumped by every edit). */
  tree_version: number;
}

/**
 * Closed days end where the UTC day before this transaction's begins, by the database's clock,
 * which the rollup triggers use to tell a write to the past; the account's 'past' version; and
 * whether the account has rollup journal rows not yet folded.
 */
const CLOSED_COLUMNS = `date_trunc('day', now(), 'UTC') - interval '1 day' AS closed_before, ${versionOfSql('a.id', ['past'])} AS past_version,
  ${journalPendingSql('a.id')} AS journal_pending`;

/**
 * The account, the version of its team and personal reports (which show no step votes or node
 * titles), and whether `engineerId` is one of its users.
 */
export async function findReportAccount(
  db: SqlRunner,
  accountId: string,
  engineerId?: string,
): Promise<AccountRow | undefined> {
  const [row]: AccountRow[] = await db.query(
    `SELECT a.timezone, ${versionOfSql('a.id', ['sessions'])} AS version, ${CLOSED_COLUMNS},
            EXISTS (SELECT 1 FROM users u WHERE u.account_id = a.id AND u.id = $2) AS engineer_found
       FROM accounts a WHERE a.id = $1`,
    [accountId, engineerId ?? null],
  );
  return row;
}

/** A flow of the account with its status, and the version of its flow report (which shows votes and node titles too). */
export async function findReportFlow(db: SqlRunner, accountId: string, treeId: string): Promise<FlowRow | undefined> {
  const [row]: FlowRow[] = await db.query(
    `SELECT t.id, t.name, t.status, t.version AS tree_version, a.timezone, ${versionOfSql('a.id', ['sessions', 'steps'])} AS version, ${CLOSED_COLUMNS}
       FROM trees t JOIN accounts a ON a.id = t.account_id
      WHERE t.account_id = $1 AND t.id = $2`,
    [accountId, treeId],
  );
  return row;
}

/** Every time zone name PostgreSQL knows. */
export async function findTimeZoneNames(db: SqlRunner): Promise<string[]> {
  const rows: { name: string }[] = await db.query('SELECT name FROM pg_timezone_names');
  return rows.map((row) => row.name);
}
