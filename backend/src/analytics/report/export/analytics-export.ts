import {
  AnalyticsWindowDto,
  FlowAnalyticsDto,
  MyAnalyticsDto,
  SummaryDto,
  SummaryFiguresDto,
  TeamAnalyticsDto,
  TimeSeriesPointDto,
} from '../dto/analytics-response.dto';
import { CsvCell, CsvTable, toCsv } from './analytics-csv';

/** A CSV download: the body and the file name for Content-Disposition. */
export interface CsvExport {
  filename: string;
  body: string;
}

/**
 * The CSV of a response is written from the very response object the JSON would be, so
 * cards, charts, tables and the export of one request cannot disagree.
 */
export function teamCsv(report: TeamAnalyticsDto): CsvExport {
  return {
    filename: `team-analytics-${range(report.window)}.csv`,
    body: toCsv([
      windowTable(report.window),
      summaryTable(report.summary),
      timeSeriesTable(report.time_series),
      table('top_flows', report.top_flows, ['tree_id', 'name', ...RANKED_COLUMNS]),
      table('top_engineers', report.top_engineers, ['user_id', 'name', ...RANKED_COLUMNS]),
    ]),
  };
}

export function myCsv(report: MyAnalyticsDto): CsvExport {
  return {
    filename: `my-analytics-${range(report.window)}.csv`,
    body: toCsv([
      windowTable(report.window),
      summaryTable(report.summary),
      timeSeriesTable(report.time_series),
      table('top_flows', report.top_flows, ['tree_id', 'name', ...RANKED_COLUMNS]),
    ]),
  };
}

export function flowCsv(report: FlowAnalyticsDto): CsvExport {
  const distribution = report.csat_distribution;
  return {
    filename: `flow-analytics-${slug(report.name)}-${range(report.window)}.csv`,
    body: toCsv([
      { title: 'flow', columns: ['tree_id', 'name', 'version'], rows: [[report.tree_id, report.name, report.version]] },
      windowTable(report.window),
      summaryTable(report.summary),
      timeSeriesTable(report.time_series),
      {
        title: 'csat_distribution',
        columns: ['rating', 'count'],
        rows: (['1', '2', '3', '4', '5'] as const).map((score) => [Number(score), distribution[score]]),
      },
      table('step_feedback', report.step_feedback, [
        'node_id',
        'node_title',
        'step_id',
        'helpful_yes',
        'helpful_no',
        'helpful_rate',
      ]),
      table('drop_off', report.drop_off, ['node_id', 'node_title', 'node_type', 'sessions']),
      table('outcomes_by_node', report.outcomes_by_node, [
        'node_id',
        'node_title',
        'node_type',
        'sessions',
        'resolved',
        'escalated',
        'workaround',
        'unresolved',
      ]),
      table('node_times', report.node_times, [
        'node_id',
        'node_title',
        'type',
        'visits',
        'median_seconds',
        'p90_seconds',
      ]),
      table('recent_comments', report.recent_comments, ['created_at', 'rating', 'comment', 'user_name']),
    ]),
  };
}

const RANKED_COLUMNS = [
  'sessions',
  'completed_sessions',
  'completion_rate',
  'avg_duration_minutes',
  'rating_count',
  'avg_csat',
] as const;

const SUMMARY_METRICS: ((figures: SummaryFiguresDto) => [string, CsvCell])[] = [
  (f) => ['total_sessions', f.total_sessions],
  (f) => ['completed_sessions', f.completed_sessions],
  (f) => ['completion_rate', f.completion_rate],
  (f) => ['avg_duration_minutes', f.avg_duration_minutes],
  (f) => ['median_duration_minutes', f.median_duration_minutes],
  (f) => ['resolved', f.outcome_breakdown.resolved],
  (f) => ['escalated', f.outcome_breakdown.escalated],
  (f) => ['workaround', f.outcome_breakdown.workaround],
  (f) => ['unresolved', f.outcome_breakdown.unresolved],
  (f) => ['rating_count', f.rating_count],
  (f) => ['avg_csat', f.avg_csat],
  (f) => ['csat_score', f.csat_score],
  (f) => ['response_rate', f.response_rate],
];

function windowTable(window: AnalyticsWindowDto): CsvTable {
  return table('window', [window], ['from', 'to', 'tz', 'period', 'previous_from', 'previous_to']);
}

function summaryTable(summary: SummaryDto): CsvTable {
  return {
    title: 'summary',
    columns: ['metric', 'current', 'previous'],
    rows: SUMMARY_METRICS.map((metric) => {
      const [name, current] = metric(summary);
      return [name, current, metric(summary.previous)[1]];
    }),
  };
}

function timeSeriesTable(points: TimeSeriesPointDto[]): CsvTable {
  return table('time_series', points, [
    'date',
    'sessions',
    'completed',
    'resolved',
    'escalated',
    'workaround',
    'unresolved',
    'rating_count',
    'avg_csat',
  ]);
}

function table<T extends object, K extends keyof T & string>(
  title: string,
  rows: T[],
  columns: readonly K[],
): CsvTable {
  return { title, columns: [...columns], rows: rows.map((row) => columns.map((column) => row[column] as CsvCell)) };
}

const range = (window: AnalyticsWindowDto) => `${window.from}_${window.to}`;

/** A file-name-safe, ASCII-only form of a flow name ("Printer: not printing!" → printer-not-printing). */
export function slug(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return ascii || 'flow';
}
