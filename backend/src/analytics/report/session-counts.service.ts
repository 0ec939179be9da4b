import { Injectable } from '@nestjs/common';

import { RollupJournalFolder } from '../rollup/rollup-journal-folder';
import { AnalyticsContextService } from './analytics-context.service';
import { ClosedDaysCache, closedDaysOf } from './closed-days';
import { ReportSnapshot } from './report-snapshot';
import { rollupSessionCount, RollupSessionCountQuery } from './sections/from-rollups/rollup-session-count';

export type { RollupSessionCountQuery } from './sections/from-rollups/rollup-session-count';

/**
 * The sessions list's `total` from the rollups, read as a report reads them: in one snapshot,
 * with the journal's rows not yet folded and the closed days' kept sums (rollup-session-count.ts).
 */
@Injectable()
export class SessionCountsService {
  constructor(
    private readonly snapshot: ReportSnapshot,
    private readonly context: AnalyticsContextService,
    private readonly closedDays: ClosedDaysCache,
    private readonly folder: RollupJournalFolder,
  ) {}

  /** The count, or undefined when the rollups cannot answer this filter (count the rows then). */
  count(query: RollupSessionCountQuery): Promise<number | undefined> {
    return this.snapshot.read(async (db) => {
      const account = await this.context.account(db, query.accountId);
      // As a report does: journal rows of the account are read, and a fold set going (not waited for).
      if (!account.folded) void this.folder.fold();
      return rollupSessionCount(
        db,
        { ...query, folded: account.folded },
        closedDaysOf(this.closedDays, account.closed),
      );
    });
  }
}
