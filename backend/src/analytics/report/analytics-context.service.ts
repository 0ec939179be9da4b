import { Injectable, UnprocessableEntityException } from '@nestjs/common';

import { AuthUser } from '../../common/auth-user';
import { AnalyticsWindow, isKnownTimeZone, keptAnalyticsWindow } from './analytics-window';
import { AnalyticsQueryDto } from './dto/analytics-query.dto';
import { AnalyticsWindowDto } from './dto/analytics-response.dto';
import { checkFlowReport, checkTeamReportScope } from './report-access';
import { ClosedColumns, findReportAccount, findReportFlow, findTimeZoneNames } from './report-context.repository';
import { SqlRunner } from './sections/sql';

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
  /** The flow's current version (trees.version). */
  treeVersion: number;
}

const closedRef = (row: ClosedColumns): ClosedRef => ({
  before: new Date(row.closed_before),
  version: row.past_version,
});

const TZ_MESSAGE = 'tz must be an IANA time zone name such as Europe/Berlin';

/**
 * What a report needs before its sections, read in its snapshot: the account or flow (checked
 * against report-access.ts), the time zone that counts the days, and the window.
 */
@Injectable()
export class AnalyticsContextService {
  private zones?: Promise<Map<string, string>>;

  /** The account's time zone and versions; 404 for an unknown account, and for an engineer_id that is not its user. */
  async account(db: SqlRunner, accountId: string, engineerId?: string): Promise<AccountRef> {
    const row = await findReportAccount(db, accountId, engineerId);
    checkTeamReportScope(row, engineerId);
    return { timezone: row.timezone, version: row.version, closed: closedRef(row), folded: !row.journal_pending };
  }

  /** A flow of the caller's account the caller may read (report-access.ts); anything else is 404. */
  async flow(db: SqlRunner, caller: AuthUser, treeId: string): Promise<FlowRef> {
    const row = await findReportFlow(db, caller.accountId, treeId);
    checkFlowReport(caller, row);
    return {
      id: row.id,
      name: row.name,
      treeVersion: row.tree_version,
      timezone: row.timezone,
      version: row.version,
      closed: closedRef(row),
      folded: !row.journal_pending,
    };
  }

  /**
   * The window of a request. An explicit tz must be known both to Intl (which computes the
   * day boundaries) and to PostgreSQL (which buckets the days), else 422; the account's own
   * time zone falls back to UTC should it ever be unusable.
   */
  async window(
    db: SqlRunner,
    query: AnalyticsQueryDto,
    accountTimezone: string,
    now = new Date(),
  ): Promise<AnalyticsWindow> {
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
   * PostgreSQL's spelling of a zone name (case-insensitive), read once per process. Read on the
   * request's own connection: waiting for a second pooled connection while holding one could
   * starve the pool under a burst of first requests.
   */
  private async postgresZone(db: SqlRunner, name: string): Promise<string | undefined> {
    this.zones ??= findTimeZoneNames(db).then((names) => new Map(names.map((zone) => [zone.toLowerCase(), zone])));
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
