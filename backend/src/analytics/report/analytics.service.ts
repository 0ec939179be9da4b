import { Injectable, UnprocessableEntityException } from '@nestjs/common';

import { AuthUser } from '../../common/auth-user';
import { RollupJournalFolder } from '../rollup/rollup-journal-folder';
import { AccountRef, AnalyticsContextService, ClosedRef, windowDto } from './analytics-context.service';
import { ClosedDays, ClosedDaysCache, closedDaysOf } from './closed-days';
import { AnalyticsQueryDto, FlowAnalyticsQueryDto, TeamAnalyticsQueryDto } from './dto/analytics-query.dto';
import { FlowAnalyticsDto, FlowVersionsDto, MyAnalyticsDto, TeamAnalyticsDto } from './dto/analytics-response.dto';
import { showsCommenters, teamReportAccount } from './report-access';
import { ReportCache, reportKey } from './report-cache';
import { ReportSnapshot } from './report-snapshot';
import { queryFlowVersions } from './sections/live/flow-versions.query';
import { queryRecentComments } from './sections/live/recent-comments.query';
import { LIVE_SECTIONS, sectionsFor } from './sections/sections';
import { AnalyticsScope } from './sections/sql';

/**
 * Assembles the three analytics responses: one access/time-zone lookup, then one statement
 * per section, all in one snapshot. The sections start together, so their statements reach
 * the database as one batch (see ReadBatch). Every section gets the same scope and
 * window. Sections are read from the rollups when the window allows it, else live (see
 * sectionsFor). A report already computed at the account's current analytics version is served
 * again without recomputing (ReportCache); one computed after a write reuses the sums of closed
 * days (ClosedDaysCache).
 */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly snapshot: ReportSnapshot,
    private readonly context: AnalyticsContextService,
    private readonly cache: ReportCache,
    private readonly closedDays: ClosedDaysCache,
    private readonly folder: RollupJournalFolder,
  ) {}

  /**
   * A snapshot with journal rows of the account is read exactly (the sections add them, see
   * AnalyticsScope.folded), and sets a fold going so that the next report finds them in the
   * tables. Not waited for: under a steady stream of writes a fold never catches up with the
   * next snapshot, and waiting for one, then reading again, measured slower than reading the
   * journal (reports at 8 connections next to session starts: 283–365 req/s waiting, 363–412
   * not, 431–521 before the journal).
   */
  private foldSoon(account: AccountRef): void {
    if (!account.folded) void this.folder.fold();
  }

  /** What the sections may take from the closed-days cache in this snapshot (nothing when it is off). */
  private closed(ref: ClosedRef): ClosedDays | undefined {
    return closedDaysOf(this.closedDays, ref);
  }

  /** The team's figures (team_admin / super_admin), optionally for one engineer of the account. */
  team(caller: AuthUser, query: TeamAnalyticsQueryDto): Promise<TeamAnalyticsDto> {
    const accountId = teamReportAccount(caller, query.account_id);
    const engineerId = query.engineer_id?.toLowerCase();
    return this.snapshot.read(async (db) => {
      const account = await this.context.account(db, accountId, engineerId);
      this.foldSoon(account);
      const window = await this.context.window(db, query, account.timezone);
      const scope: AnalyticsScope = { accountId, userId: engineerId, folded: account.folded };
      return this.cache.through(reportKey('team', [accountId, engineerId], window), account.version, async () => {
        const q = sectionsFor(window);
        const closed = this.closed(account.closed);
        const [summary, time_series, top_flows, top_engineers] = await Promise.all([
          q.summary(db, scope, window, closed),
          q.timeSeries(db, scope, window, closed),
          q.topFlows(db, scope, window, closed),
          q.topEngineers(db, scope, window, closed),
        ]);
        return {
          account_id: accountId,
          engineer_id: engineerId ?? null,
          window: windowDto(window),
          summary,
          time_series,
          top_flows,
          top_engineers,
        };
      });
    });
  }

  /** The caller's own sessions, and the ratings they gave. */
  me(caller: AuthUser, query: AnalyticsQueryDto): Promise<MyAnalyticsDto> {
    return this.snapshot.read(async (db) => {
      const account = await this.context.account(db, caller.accountId);
      this.foldSoon(account);
      const window = await this.context.window(db, query, account.timezone);
      const scope: AnalyticsScope = { accountId: caller.accountId, userId: caller.id, folded: account.folded };
      return this.cache.through(reportKey('me', [caller.accountId, caller.id], window), account.version, async () => {
        const q = sectionsFor(window);
        const closed = this.closed(account.closed);
        const [summary, time_series, top_flows] = await Promise.all([
          q.summary(db, scope, window, closed),
          q.timeSeries(db, scope, window, closed),
          q.topFlows(db, scope, window, closed),
        ]);
        return { window: windowDto(window), summary, time_series, top_flows };
      });
    });
  }

  /**
   * One flow of the caller's account, for any of its users; who commented is for admins only.
   * With a version, only sessions started on it: read live, as the rollups are not kept per version.
   */
  flow(caller: AuthUser, treeId: string, query: FlowAnalyticsQueryDto): Promise<FlowAnalyticsDto> {
    return this.snapshot.read(async (db) => {
      const flow = await this.context.flow(db, caller, treeId);
      const version = query.version;
      if (version !== undefined && version > flow.treeVersion) {
        throw new UnprocessableEntityException([
          `version must be one of the flow’s versions: 1 to ${flow.treeVersion}`,
        ]);
      }
      this.foldSoon(flow);
      const window = await this.context.window(db, query, flow.timezone);
      const scope: AnalyticsScope = {
        accountId: caller.accountId,
        treeId: flow.id,
        treeVersion: version,
        folded: flow.folded,
      };
      const withNames = showsCommenters(caller);
      return this.cache.through(
        reportKey(
          'flow',
          [caller.accountId, flow.id, withNames, version === undefined ? null : String(version)],
          window,
        ),
        flow.version,
        async () => {
          const q = version === undefined ? sectionsFor(window) : LIVE_SECTIONS;
          const closed = this.closed(flow.closed);
          const [
            summary,
            time_series,
            csat_distribution,
            step_feedback,
            drop_off,
            outcomes_by_node,
            node_times,
            recent_comments,
          ] = await Promise.all([
            q.summary(db, scope, window, closed),
            q.timeSeries(db, scope, window, closed),
            q.csatDistribution(db, scope, window, closed),
            q.stepFeedback(db, scope, window, closed),
            q.dropOff(db, scope, window, closed),
            q.outcomesByNode(db, scope, window, closed),
            q.nodeTimes(db, scope, window, closed),
            queryRecentComments(db, scope, window, { withNames }),
          ]);
          return {
            tree_id: flow.id,
            name: flow.name,
            version: version ?? null,
            window: windowDto(window),
            summary,
            avg_csat: summary.avg_csat,
            total_ratings: summary.rating_count,
            time_series,
            csat_distribution,
            step_feedback,
            drop_off,
            outcomes_by_node,
            node_times,
            recent_comments,
          };
        },
      );
    });
  }

  /** A flow's figures per version its sessions started on, all time; access as for flow(). */
  versions(caller: AuthUser, treeId: string): Promise<FlowVersionsDto> {
    return this.snapshot.read(async (db) => {
      const flow = await this.context.flow(db, caller, treeId);
      const { versions, unknown } = await queryFlowVersions(db, caller.accountId, flow.id);
      return {
        tree_id: flow.id,
        name: flow.name,
        current_version: flow.treeVersion,
        unknown_version_sessions: unknown,
        versions,
      };
    });
  }
}
