import { ApiProperty } from '@nestjs/swagger';

import { NODE_TYPES, type NodeType } from '../../../trees/tree-node.entity';
import { PERIODS, type Period } from '../analytics-window';

const WINDOW_PERIODS = [...PERIODS, 'custom'] as const;

/** A count: always a whole number, 0 when there is nothing to count (never null). */
const Count = (options: { description?: string; minimum?: number } = {}) =>
  ApiProperty({ type: 'integer', minimum: 0, ...options });

export class AnalyticsWindowDto {
  @ApiProperty({ enum: WINDOW_PERIODS, description: 'The period asked for, or custom when from/to were given' })
  period: Period | 'custom';
  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone the days are counted in' }) tz: string;
  @ApiProperty({
    format: 'date',
    example: '2026-10-26',
    description: 'First day of the window (local date in tz), included',
  })
  from: string;
  @ApiProperty({
    format: 'date',
    example: '2026-11-24',
    description: 'Last day of the window (local date in tz), included',
  })
  to: string;
  @ApiProperty({ format: 'date-time', description: 'Local midnight starting `from`, as a UTC instant (included)' })
  start: string;
  @ApiProperty({ format: 'date-time', description: 'Local midnight after `to`, as a UTC instant (excluded)' })
  end: string;
  @ApiProperty({ format: 'date', description: 'First day of the previous window of the same length' })
  previous_from: string;
  @ApiProperty({ format: 'date', description: 'Last day of the previous window: the day before `from`' })
  previous_to: string;
}

export class OutcomeBreakdownDto {
  @Count() resolved: number;
  @Count() escalated: number;
  @Count() workaround: number;
  @Count() unresolved: number;
}

/** The summary figures of one window. */
export class SummaryFiguresDto {
  @Count({ description: 'Sessions started in the window' }) total_sessions: number;
  @Count({ description: 'Of those, the completed ones' }) completed_sessions: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'completed / total, 3 decimals; 0 when there are no sessions' })
  completion_rate: number;
  @ApiProperty({
    minimum: 0,
    description: 'Mean start-to-completion time of the completed sessions, minutes, 1 decimal; 0 when none',
  })
  avg_duration_minutes: number;
  @ApiProperty({
    minimum: 0,
    description: 'Median start-to-completion time of the completed sessions, minutes, 1 decimal; 0 when none',
  })
  median_duration_minutes: number;
  @ApiProperty({ type: OutcomeBreakdownDto, description: 'Completed sessions by outcome' })
  outcome_breakdown: OutcomeBreakdownDto;
  @Count({ description: 'CSAT ratings given in the window (counted by when they were given)' })
  rating_count: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: 1,
    maximum: 5,
    description: 'Mean CSAT rating, 1 decimal; null without ratings',
  })
  avg_csat: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: 0,
    maximum: 1,
    description: 'CSAT score: share of the ratings that are 4 or 5, 3 decimals; null without ratings',
  })
  csat_score: number | null;
  @ApiProperty({
    minimum: 0,
    maximum: 1,
    description:
      'rating_count / completed_sessions, 3 decimals, capped at 1 (ratings count by when they were given, ' +
      'sessions by when they started); 0 without completed sessions',
  })
  response_rate: number;
}

export class SummaryDto extends SummaryFiguresDto {
  @ApiProperty({
    type: SummaryFiguresDto,
    description: 'The same figures for the window of the same length just before',
  })
  previous: SummaryFiguresDto;
}

export class TimeSeriesPointDto {
  @ApiProperty({ format: 'date', example: '2026-11-24', description: 'Local date in tz' }) date: string;
  @Count({ description: 'Sessions started that day' }) sessions: number;
  @Count({ description: 'Of those, the completed ones' }) completed: number;
  @Count() resolved: number;
  @Count() escalated: number;
  @Count() workaround: number;
  @Count() unresolved: number;
  @Count({ description: 'CSAT ratings given that day' }) rating_count: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Mean of the ratings given that day, 1 decimal; null without ratings',
  })
  avg_csat: number | null;
}

/** Per-flow or per-engineer figures of a top-10 table. */
export class RankedFiguresDto {
  @ApiProperty({ description: 'The flow’s or the engineer’s name' }) name: string;
  @Count({ minimum: 1, description: 'Sessions started in the window' }) sessions: number;
  @Count() completed_sessions: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: '3 decimals' }) completion_rate: number;
  @ApiProperty({ minimum: 0, description: 'Minutes, 1 decimal; 0 when none completed' }) avg_duration_minutes: number;
  @Count({ description: 'CSAT ratings given in the window' }) rating_count: number;
  @ApiProperty({ nullable: true, type: Number, description: '1 decimal; null without ratings' }) avg_csat:
    number | null;
}

export class TopFlowDto extends RankedFiguresDto {
  @ApiProperty({ format: 'uuid' }) tree_id: string;
}

export class TopEngineerDto extends RankedFiguresDto {
  @ApiProperty({ format: 'uuid' }) user_id: string;
}

export class CsatDistributionDto {
  @Count({ description: 'Ratings of 1 – Very poor' }) '1': number;
  @Count() '2': number;
  @Count() '3': number;
  @Count() '4': number;
  @Count({ description: 'Ratings of 5 – Excellent' }) '5': number;
}

export class StepFeedbackRowDto {
  @ApiProperty({ format: 'uuid' }) node_id: string;
  @ApiProperty() node_title: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The library step the node uses, if any' })
  step_id: string | null;
  @Count({ description: 'Thumbs-up votes given in the window' }) helpful_yes: number;
  @Count({ description: 'Thumbs-down votes given in the window' }) helpful_no: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'helpful_yes / all votes, 3 decimals' }) helpful_rate: number;
}

export class NodeRefDto {
  @ApiProperty({ format: 'uuid' }) node_id: string;
  @ApiProperty({ description: '“(removed step)” if the node no longer exists' }) node_title: string;
  @ApiProperty({ enum: NODE_TYPES, nullable: true }) node_type: NodeType | null;
}

export class DropOffRowDto extends NodeRefDto {
  @Count({ minimum: 1, description: 'Sessions started in the window and not completed that stand at this node' })
  sessions: number;
}

export class OutcomesByNodeRowDto extends NodeRefDto {
  @Count({ minimum: 1, description: 'Completed sessions (started in the window) that ended at this node' })
  sessions: number;
  @Count() resolved: number;
  @Count() escalated: number;
  @Count() workaround: number;
  @Count() unresolved: number;
}

export class NodeTimeRowDto {
  @ApiProperty({ format: 'uuid' }) node_id: string;
  @ApiProperty({ description: 'The node’s title; “(removed step)” if the node no longer exists' }) node_title: string;
  @ApiProperty({
    enum: NODE_TYPES,
    nullable: true,
    description: 'question, step or solution; null if the node is gone',
  })
  type: NodeType | null;
  @Count({
    minimum: 1,
    description: 'Answers given at this node by sessions started in the window (a node answered twice counts twice)',
  })
  visits: number;
  @ApiProperty({
    minimum: 0,
    description:
      'Median (percentile_cont 0.5) of the whole seconds (floor) from reaching the node (session start or previous answer) to answering it, 1 decimal',
  })
  median_seconds: number;
  @ApiProperty({ minimum: 0, description: 'The 90th percentile (percentile_cont 0.9) of the same seconds, 1 decimal' })
  p90_seconds: number;
}

export class RecentCommentDto {
  @ApiProperty({ format: 'uuid', description: 'The rated session (GET /api/v1/sessions/{id})' }) session_id: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) rating: number;
  @ApiProperty() comment: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Who gave it: shown to team admins only, null for engineers',
  })
  user_name: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class TeamAnalyticsDto {
  @ApiProperty({ format: 'uuid', description: 'The account reported on' }) account_id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The engineer filter, if any' })
  engineer_id: string | null;
  @ApiProperty({ type: AnalyticsWindowDto }) window: AnalyticsWindowDto;
  @ApiProperty({ type: SummaryDto }) summary: SummaryDto;
  @ApiProperty({ type: [TimeSeriesPointDto], description: 'One point per day of the window, ascending, zero-filled' })
  time_series: TimeSeriesPointDto[];
  @ApiProperty({ type: [TopFlowDto], description: 'Up to 10 flows by sessions, then name' }) top_flows: TopFlowDto[];
  @ApiProperty({ type: [TopEngineerDto], description: 'Up to 10 engineers by sessions, then name' })
  top_engineers: TopEngineerDto[];
}

export class MyAnalyticsDto {
  @ApiProperty({ type: AnalyticsWindowDto }) window: AnalyticsWindowDto;
  @ApiProperty({ type: SummaryDto, description: 'Your own sessions and the ratings you gave' }) summary: SummaryDto;
  @ApiProperty({ type: [TimeSeriesPointDto], description: 'One point per day of the window, ascending, zero-filled' })
  time_series: TimeSeriesPointDto[];
  @ApiProperty({ type: [TopFlowDto], description: 'Up to 10 flows you ran most' }) top_flows: TopFlowDto[];
}

export class FlowAnalyticsDto {
  @ApiProperty({ format: 'uuid' }) tree_id: string;
  @ApiProperty() name: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    description: 'The version filter, if any: only sessions started on this flow version (and their ratings and votes)',
  })
  version: number | null;
  @ApiProperty({ type: AnalyticsWindowDto }) window: AnalyticsWindowDto;
  @ApiProperty({ type: SummaryDto }) summary: SummaryDto;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean CSAT of the window (= summary.avg_csat)' }) avg_csat:
    number | null;
  @Count({ description: 'Ratings given in the window (= summary.rating_count)' }) total_ratings: number;
  @ApiProperty({ type: [TimeSeriesPointDto], description: 'One point per day of the window, ascending, zero-filled' })
  time_series: TimeSeriesPointDto[];
  @ApiProperty({ type: CsatDistributionDto, description: 'Ratings given in the window, by score' })
  csat_distribution: CsatDistributionDto;
  @ApiProperty({ type: [StepFeedbackRowDto], description: 'Nodes with votes in the window, lowest helpful_rate first' })
  step_feedback: StepFeedbackRowDto[];
  @ApiProperty({ type: [DropOffRowDto], description: 'Where unfinished sessions stand, most first' })
  drop_off: DropOffRowDto[];
  @ApiProperty({
    type: [OutcomesByNodeRowDto],
    description: 'The nodes completed sessions ended at, with their outcomes, most first',
  })
  outcomes_by_node: OutcomesByNodeRowDto[];
  @ApiProperty({
    type: [NodeTimeRowDto],
    description: 'Time per node: seconds from reaching each node to answering it, most visited first',
  })
  node_times: NodeTimeRowDto[];
  @ApiProperty({ type: [RecentCommentDto], description: 'The 10 newest ratings with a comment given in the window' })
  recent_comments: RecentCommentDto[];
}

export class FlowVersionRowDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The flow version the sessions started on' })
  version: number;
  @ApiProperty({ format: 'date-time', description: 'When the first session on this version started' })
  first_session_at: string;
  @Count({ minimum: 1, description: 'Sessions started on this version' }) sessions: number;
  @Count({ description: 'Of those, the completed ones' }) completed_sessions: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'completed / sessions, 3 decimals (as the summary)' })
  completion_rate: number;
  @ApiProperty({
    minimum: 0,
    description: 'Mean start-to-completion time of the completed sessions, minutes, 1 decimal; 0 when none',
  })
  avg_duration_minutes: number;
  @ApiProperty({
    minimum: 0,
    description: 'Median start-to-completion time of the completed sessions, minutes, 1 decimal; 0 when none',
  })
  median_duration_minutes: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: 1,
    maximum: 5,
    description: 'Mean CSAT rating of these sessions, 1 decimal; null without ratings',
  })
  avg_csat: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: 0,
    maximum: 1,
    description: 'Share of these sessions’ ratings that are 4 or 5, 3 decimals; null without ratings',
  })
  csat_score: number | null;
  @Count({ description: 'CSAT ratings of these sessions (whenever given)' }) ratings: number;
}

export class FlowVersionsDto {
  @ApiProperty({ format: 'uuid' }) tree_id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The flow’s version now (bumped by every edit)' })
  current_version: number;
  @Count({
    description:
      'Sessions whose version is not known (started before their flow’s later edit, before versions were recorded)',
  })
  unknown_version_sessions: number;
  @ApiProperty({
    type: [FlowVersionRowDto],
    description: 'Every version with sessions, all time, newest version first',
  })
  versions: FlowVersionRowDto[];
}
