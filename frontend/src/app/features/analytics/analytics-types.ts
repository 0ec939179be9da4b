import type { GetTeamAnalytics$Params } from '../../api/functions';
import type {
  AnalyticsWindowDto,
  FlowAnalyticsDto,
  FlowVersionRowDto,
  FlowVersionsDto,
  MyAnalyticsDto,
  SummaryDto,
  SummaryFiguresDto,
  TeamAnalyticsDto,
  TimeSeriesPointDto,
  TopEngineerDto,
  TopFlowDto,
  TreeResponseDto,
  UserResponseDto,
} from '../../api/models';
import type { PresetPeriod } from '../../shared/period-picker.component';

/** Analytics names for the generated client's models (backend/openapi.json is the source of truth). */
export type TeamAnalytics = TeamAnalyticsDto;
export type MyAnalytics = MyAnalyticsDto;
export type FlowAnalytics = FlowAnalyticsDto;
export type AnalyticsWindow = AnalyticsWindowDto;
export type Summary = SummaryDto;
export type SummaryFigures = SummaryFiguresDto;
export type DailyPoint = TimeSeriesPointDto;
export type TopFlow = TopFlowDto;
export type TopEngineer = TopEngineerDto;
export type StepFeedbackRow = FlowAnalyticsDto['step_feedback'][number];
export type DropOffRow = FlowAnalyticsDto['drop_off'][number];
export type OutcomesByNodeRow = FlowAnalyticsDto['outcomes_by_node'][number];
export type RecentComment = FlowAnalyticsDto['recent_comments'][number];
export type CsatDistribution = FlowAnalyticsDto['csat_distribution'];
export type NodeTimeRow = FlowAnalyticsDto['node_times'][number];
export type FlowVersions = FlowVersionsDto;
export type FlowVersionRow = FlowVersionRowDto;
export type FlowTree = TreeResponseDto;
export type AccountUser = UserResponseDto;

/** The picker's presets are exactly the API's periods (a compile error here means they drifted apart). */
type ApiPeriod = NonNullable<GetTeamAnalytics$Params['period']>;
export const PERIODS_MATCH_API: [ApiPeriod, PresetPeriod] extends [PresetPeriod, ApiPeriod] ? true : never = true;

/** A CSV the server produced, with the file name it suggested. */
export interface CsvFile {
  filename: string;
  body: string;
}
