import { AnalyticsWindow } from './analytics-window';
import {
  CsatDistributionDto,
  DropOffRowDto,
  OutcomesByNodeRowDto,
  StepFeedbackRowDto,
  SummaryDto,
  TimeSeriesPointDto,
  TopEngineerDto,
  TopFlowDto,
} from './dto/analytics-response.dto';
import { queryCsatDistribution } from './queries/csat-distribution.query';
import { queryDropOff } from './queries/drop-off.query';
import { queryOutcomesByNode } from './queries/outcomes-by-node.query';
import { queryStepFeedback } from './queries/step-feedback.query';
import { querySummary } from './queries/summary.query';
import { queryTimeSeries } from './queries/time-series.query';
import { queryTopEngineers } from './queries/top-engineers.query';
import { queryTopFlows } from './queries/top-flows.query';
import { AnalyticsScope, SqlRunner } from './queries/sql';
import { ClosedDays } from './rollup/closed-days';
import {
  rollupCanAnswer,
  rollupCsatDistribution,
  rollupDropOff,
  rollupOutcomesByNode,
  rollupRanked,
  rollupStepFeedback,
  rollupSummary,
  rollupTimeSeries,
} from './rollup/rollup-queries';

/** A section of a report; `closed` lets a rollup section reuse the sums of closed days (closed-days.ts). */
type Section<T> = (db: SqlRunner, scope: AnalyticsScope, window: AnalyticsWindow, closed?: ClosedDays) => Promise<T>;

/** How each section of a response is computed. Both implementations give identical figures. */
export interface AnalyticsSections {
  name: 'live' | 'rollup';
  summary: Section<SummaryDto>;
  timeSeries: Section<TimeSeriesPointDto[]>;
  topFlows: Section<TopFlowDto[]>;
  topEngineers: Section<TopEngineerDto[]>;
  csatDistribution: Section<CsatDistributionDto>;
  stepFeedback: Section<StepFeedbackRowDto[]>;
  dropOff: Section<DropOffRowDto[]>;
  outcomesByNode: Section<OutcomesByNodeRowDto[]>;
}

/** Live aggregation over the raw tables: the original design, exact for any window. */
export const LIVE_SECTIONS: AnalyticsSections = {
  name: 'live',
  summary: querySummary,
  timeSeries: queryTimeSeries,
  topFlows: queryTopFlows,
  topEngineers: queryTopEngineers,
  csatDistribution: queryCsatDistribution,
  stepFeedback: queryStepFeedback,
  dropOff: queryDropOff,
  outcomesByNode: queryOutcomesByNode,
};

/** Hourly/daily rollups (kept exact by triggers); windows must start and end on whole UTC hours. */
export const ROLLUP_SECTIONS: AnalyticsSections = {
  name: 'rollup',
  summary: rollupSummary,
  timeSeries: rollupTimeSeries,
  topFlows: async (db, scope, window, closed) =>
    (await rollupRanked(db, scope, window, 'tree_id', closed)).map(({ id, ...figures }) => ({ tree_id: id, ...figures })),
  topEngineers: async (db, scope, window, closed) =>
    (await rollupRanked(db, scope, window, 'user_id', closed)).map(({ id, ...figures }) => ({ user_id: id, ...figures })),
  csatDistribution: rollupCsatDistribution,
  stepFeedback: rollupStepFeedback,
  dropOff: rollupDropOff,
  outcomesByNode: rollupOutcomesByNode,
};

/**
 * The rollups answer every window whose edges are whole UTC hours: any zone with a whole-hour
 * offset. Windows in zones at :30 or :45 offsets (India, Nepal, parts of Australia…) fall
 * back to live aggregation, which is exact too, only slower on large accounts.
 */
export function sectionsFor(window: AnalyticsWindow): AnalyticsSections {
  return rollupCanAnswer(window) ? ROLLUP_SECTIONS : LIVE_SECTIONS;
}
