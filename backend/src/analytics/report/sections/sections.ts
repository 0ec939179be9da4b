import { AnalyticsWindow } from '../analytics-window';
import { ClosedDays } from '../closed-days';
import {
  CsatDistributionDto,
  DropOffRowDto,
  NodeTimeRowDto,
  OutcomesByNodeRowDto,
  StepFeedbackRowDto,
  SummaryDto,
  TimeSeriesPointDto,
  TopEngineerDto,
  TopFlowDto,
} from '../dto/analytics-response.dto';
import { rollupCsatDistribution } from './from-rollups/rollup-csat-distribution';
import { rollupDropOff, rollupOutcomesByNode, rollupStepFeedback } from './from-rollups/rollup-node-tables';
import { rollupNodeTimes } from './from-rollups/rollup-node-times';
import { rollupRanked } from './from-rollups/rollup-ranked';
import { rollupCanAnswer } from './from-rollups/rollup-reads';
import { rollupSummary } from './from-rollups/rollup-summary';
import { rollupTimeSeries } from './from-rollups/rollup-time-series';
import { queryCsatDistribution } from './live/csat-distribution.query';
import { queryDropOff } from './live/drop-off.query';
import { queryNodeTimes } from './live/node-times.query';
import { queryOutcomesByNode } from './live/outcomes-by-node.query';
import { queryStepFeedback } from './live/step-feedback.query';
import { querySummary } from './live/summary.query';
import { queryTimeSeries } from './live/time-series.query';
import { queryTopEngineers } from './live/top-engineers.query';
import { queryTopFlows } from './live/top-flows.query';
import { AnalyticsScope, SqlRunner } from './sql';

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
  nodeTimes: Section<NodeTimeRowDto[]>;
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
  nodeTimes: queryNodeTimes,
};

/** Hourly/daily rollups (kept exact by triggers); windows must start and end on whole UTC hours. */
export const ROLLUP_SECTIONS: AnalyticsSections = {
  name: 'rollup',
  summary: rollupSummary,
  timeSeries: rollupTimeSeries,
  topFlows: async (db, scope, window, closed) =>
    (await rollupRanked(db, scope, window, 'tree_id', closed)).map(({ id, ...figures }) => ({
      tree_id: id,
      ...figures,
    })),
  topEngineers: async (db, scope, window, closed) =>
    (await rollupRanked(db, scope, window, 'user_id', closed)).map(({ id, ...figures }) => ({
      user_id: id,
      ...figures,
    })),
  csatDistribution: rollupCsatDistribution,
  stepFeedback: rollupStepFeedback,
  dropOff: rollupDropOff,
  outcomesByNode: rollupOutcomesByNode,
  nodeTimes: rollupNodeTimes,
};

/**
 * The rollups answer every window whose edges are whole UTC hours: any zone with a whole-hour
 * offset. Windows in zones at :30 or :45 offsets (India, Nepal, parts of Australia…) fall
 * back to live aggregation, which is exact too, only slower on large accounts.
 */
export function sectionsFor(window: AnalyticsWindow): AnalyticsSections {
  return rollupCanAnswer(window) ? ROLLUP_SECTIONS : LIVE_SECTIONS;
}
