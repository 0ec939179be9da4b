import { ForbiddenException, Injectable, Logger, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Pool } from 'pg';
import { AuthUser, isAdmin } from '../../common/auth-user';
import { pgPool } from '../../database/pg-pool';
import { AnalyticsWindow, isKnownTimeZone, keptAnalyticsWindow } from './analytics-window';
import { AnalyticsQueryDto } from './dto/analytics-query.dto';
import { versionOfSql } from '../rollup/analytics-version';
import { journalPendingSql } from '../rollup/rollup-journal';
import { AnalyticsWindowDto } from './dto/analytics-response.dto';
import { SqlRunner } from './sections/sql';
import { ReadBatch } from './read-batch';

/** Reads across accounts (super_admin): one log line each, under this context. */
const AUDIT = new Logger('Audit');

/** Which part of a window counts as closed in this snapshot, and the version its sums are kept under (closed-days.ts). */
export interface ClosedRef {
  before: Date;
  version: string;
}

export interface AccountRef {
  timezone: string;
  /** The account's analytics version in this snapshot (see ReportCache). */
  version: string;
  closed: ClosedRef;
  /** No rollup journal rows of the account in this snapshot (AnalyticsScope.folded). */
  folded: boolean;
}

export interface FlowRef extends AccountRef {
  id: string;
  name: string;
}

/**
 * Closed days end where the UTC day before this transaction's begins, by the database's clock,
 * which the rollup triggers use to tell a write to the past; the account's 'past' version; and
 * whether the account has rollup journal rows not yet folded.
 */
const CLOSED_COLUMNS = `date_trunc('day', now(), 'UTC') - interval '1 day' AS closed_before, ${versionOfSql('a.id', ['past'])} AS past_version,
  ${journalPendingSql('a.id')} AS journal_pending`;

type ClosedColumns = { closed_before: Date; past_version: string; journal_pending: boolean };
const closedRef = (row: ClosedColumns): ClosedRef => ({ before: new Date(row.closed_before), version: row.past_version });

const TZ_MESSAGE = 'tz must be an IANA time zone name such as Europe/Berlin';

/**
 * Who may read what, which time zone counts the days, and the one read snapshot every
 * section of a response is computed in.
 */
@Injectable()
export class AnalyticsContextService {
  private zones?: Promise<Map<string, string>>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs all queries of one response in a single REPEATABLE READ, READ ONLY transaction: they
   * see the same snapshot, so summary, charts and tables agree even while sessions are being
   * written. Statements issued together go to the database together (ReadBatch); BEGIN
   * rides along with the first of them.
   */
  async read<T>(work: (db: SqlRunner) => Promise<T>): Promise<T> {
    // Straight from TypeORM's pg pool: the batches need the driver's multi-statement queries.
    const client = await (pgPool(this.dataSource) as Pool).connect();
    // No parallel workers: a rollup read touches a few thousand rows, and starting workers
    // costs more than that (measured: 7 ms vs 0.7 ms for a 7-day ranking at 1M sessions).
    const batch = new ReadBatch(client, ['BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', 'SET LOCAL max_parallel_workers_per_gather = 0']);
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

  /**
   * The account whose team analytics the caller reads. Only a super_admin may name another
   * account; anyone else naming one gets 403 (naming their own is allowed and changes nothing).
   */
  teamAccountId(caller: AuthUser, accountId?: string): string {
    const requested = accountId?.toLowerCase();
    if (!requested || requested === caller.accountId) return caller.accountId;
    if (caller.role !== 'super_admin') throw new ForbiddenException('Only a super_admin may read another account’s analytics');
    // Every read across accounts leaves a line in the log, whoever reviews access later.
    AUDIT.log(`super_admin ${caller.id} (${caller.email}) read the team analytics of account ${requested}`);
    return requested;
  }

  /**
   * The account's time zone and the version of its team and personal reports (which show no step
   * votes or node titles); 404 for an unknown account, and for an engineer_id that is not its user.
   */
  async account(db: SqlRunner, accountId: string, engineerId?: string): Promise<AccountRef> {
    const [row]: (Omit<AccountRef, 'closed' | 'folded'> & ClosedColumns & { engineer_found: boolean })[] = await db.query(
      `SELECT a.timezone, ${versionOfSql('a.id', ['sessions'])} AS version, ${CLOSED_COLUMNS},
              EXISTS (SELECT 1 FROM users u WHERE u.account_id = a.id AND u.id = $2) AS engineer_found
         FROM accounts a WHERE a.id = $1`,
      [accountId, engineerId ?? null],
    );
    if (!row) throw new NotFoundException('Account not found');
    if (engineerId && !row.engineer_found) throw new NotFoundException('Engineer not found');
    return { timezone: row.timezone, version: row.version, closed: closedRef(row), folded: !row.journal_pending };
  }

  /** A flow of the caller's account; drafts only for admins, as in the flows API. Anything else is 404. */
  async flow(db: SqlRunner, caller: AuthUser, treeId: string): Promise<FlowRef> {
    const [row]: (Omit<FlowRef, 'closed' | 'folded'> & ClosedColumns & { status: string })[] = await db.query(
      `SELECT t.id, t.name, t.status, a.timezone, ${versionOfSql('a.id', ['sessions', 'steps'])} AS version, ${CLOSED_COLUMNS}
         FROM trees t JOIN accounts a ON a.id = t.account_id
        WHERE t.account_id = $1 AND t.id = $2`,
      [caller.accountId, treeId],
    );
    if (!row || (row.status === 'draft' && !isAdmin(caller))) throw new NotFoundException('Flow not found');
    return { id: row.id, name: row.name, timezone: row.timezone, version: row.version, closed: closedRef(row), folded: !row.journal_pending };
  }

  /**
   * The window of a request. An explicit tz must be known both to Intl (which computes the
   * day boundaries) and to PostgreSQL (which buckets the days), else 422; the account's own
   * time zone falls back to UTC should it ever be unusable.
   */
  async window(db: SqlRunner, query: AnalyticsQueryDto, accountTimezone: string, now = new Date()): Promise<AnalyticsWindow> {
    let tz: string;
    if (query.tz !== undefined) {
      const known = await this.postgresZone(db, query.tz);
      if (!known || !isKnownTimeZone(known)) throw new UnprocessableEntityException([TZ_MESSAGE]);
      tz = known;
    } else {
      const known = isKnownTimeZone(accountTimezone) ? await this.postgresZone(db, accountTimezone) : undefined;
      tz = known && isKnownTimeZone(known) ? known : 'UTC';
    }
    return keptAnalyticsWindow({ period: query.period, from: query.from, to: query.to, tz, now });
  }

  /**
   * PostgreSQL's spelling of a zone name (case-insensitive), from pg_timezone_names read once
   * per process. Read on the request's own connection: waiting for a second pooled connection
   * while holding one could starve the pool under a burst of first requests.
   */
  private async postgresZone(db: SqlRunner, name: string): Promise<string | undefined> {
    this.zones ??= db
      .query('SELECT name FROM pg_timezone_names')
      .then((rows: { name: string }[]) => new Map(rows.map((row) => [row.name.toLowerCase(), row.name])));
    try {
      return (await this.zones).get(name.toLowerCase());
    } catch (error) {
      this.zones = undefined;
      throw error;
    }
  }
}

export function windowDto(window: AnalyticsWindow): AnalyticsWindowDto {
  return {
    period: window.period,
    tz: window.tz,
    from: window.from,
    to: window.to,
    start: window.start.toISOString(),
    end: window.end.toISOString(),
    previous_from: window.previousFrom,
    previous_to: window.previousTo,
  };
}
