import { Injectable } from '@nestjs/common';
import { AuthUser, isAdmin } from '../common/auth-user';
import { AnalyticsContextService, windowDto } from './analytics-context.service';
import { AnalyticsQueryDto, TeamAnalyticsQueryDto } from './dto/analytics-query.dto';
import { FlowAnalyticsDto, MyAnalyticsDto, TeamAnalyticsDto } from './dto/analytics-response.dto';
import { queryCsatDistribution } from './queries/csat-distribution.query';
import { queryDropOff } from './queries/drop-off.query';
import { queryOutcomesByNode } from './queries/outcomes-by-node.query';
import { queryRecentComments } from './queries/recent-comments.query';
import { queryStepFeedback } from './queries/step-feedback.query';
import { querySummary } from './queries/summary.query';
import { queryTimeSeries } from './queries/time-series.query';
import { queryTopEngineers } from './queries/top-engineers.query';
import { queryTopFlows } from './queries/top-flows.query';
import { AnalyticsScope } from './queries/sql';

/**
 * Assembles the three analytics responses: one access/time-zone lookup, then one statement
 * per section, all in one snapshot. Every section gets the same scope and window.
 */
@Injectable()
export class AnalyticsService {
  constructor(private readonly context: AnalyticsContextService) {}

  /** The team's figures (team_admin / super_admin), optionally for one engineer of the account. */
  team(caller: AuthUser, query: TeamAnalyticsQueryDto): Promise<TeamAnalyticsDto> {
    const accountId = this.context.teamAccountId(caller, query.account_id);
    const engineerId = query.engineer_id?.toLowerCase();
    return this.context.read(async (db) => {
      const timezone = await this.context.account(db, accountId, engineerId);
      const window = await this.context.window(db, query, timezone);
      const scope: AnalyticsScope = { accountId, userId: engineerId };
      return {
        account_id: accountId,
        engineer_id: engineerId ?? null,
        window: windowDto(window),
        summary: await querySummary(db, scope, window),
        time_series: await queryTimeSeries(db, scope, window),
        top_flows: await queryTopFlows(db, scope, window),
        top_engineers: await queryTopEngineers(db, scope, window),
      };
    });
  }

  /** The caller's own sessions, and the ratings they gave. */
  me(caller: AuthUser, query: AnalyticsQueryDto): Promise<MyAnalyticsDto> {
    return this.context.read(async (db) => {
      const timezone = await this.context.account(db, caller.accountId);
      const window = await this.context.window(db, query, timezone);
      const scope: AnalyticsScope = { accountId: caller.accountId, userId: caller.id };
      return {
        window: windowDto(window),
        summary: await querySummary(db, scope, window),
        time_series: await queryTimeSeries(db, scope, window),
        top_flows: await queryTopFlows(db, scope, window),
      };
    });
  }

  /** One flow of the caller's account, for any of its users; who commented is for admins only. */
  flow(caller: AuthUser, treeId: string, query: AnalyticsQueryDto): Promise<FlowAnalyticsDto> {
    return this.context.read(async (db) => {
      const flow = await this.context.flow(db, caller, treeId);
      const window = await this.context.window(db, query, flow.timezone);
      const scope: AnalyticsScope = { accountId: caller.accountId, treeId: flow.id };
      const summary = await querySummary(db, scope, window);
      return {
        tree_id: flow.id,
        name: flow.name,
        window: windowDto(window),
        summary,
        avg_csat: summary.avg_csat,
        total_ratings: summary.rating_count,
        time_series: await queryTimeSeries(db, scope, window),
        csat_distribution: await queryCsatDistribution(db, scope, window),
        step_feedback: await queryStepFeedback(db, scope, window),
        drop_off: await queryDropOff(db, scope, window),
        outcomes_by_node: await queryOutcomesByNode(db, scope, window),
        recent_comments: await queryRecentComments(db, scope, window, { withNames: isAdmin(caller) }),
      };
    });
  }
}
