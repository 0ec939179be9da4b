/** The summary section from the rollups: sums of the window and the one before, medians from the duration histogram. */
import { Resolution } from '../../../rollup/rollup-schema';
import { AnalyticsWindow } from '../../analytics-window';
import { ClosedDays } from '../../closed-days';
import { SummaryDto } from '../../dto/analytics-response.dto';
import { toFigures } from '../live/summary.query';
import { AnalyticsScope, SqlParams, SqlRunner } from '../sql';
import { middleOf, valueAtMiddle } from './histogram-median';
import {
  durations,
  groupedSums,
  histogramBins,
  journalOf,
  levelWhere,
  RowsQuery,
  sessionFigures,
  SESSIONS,
  totals,
} from './rollup-reads';

/**
 * Summary of the window and the previous one: sums from the rollups, medians from the duration
 * histogram (see histogramMedian). The statements are started together so a batching runner
 * sends them in one round trip.
 */
export async function rollupSummary(
  db: SqlRunner,
  scope: AnalyticsScope,
  window: AnalyticsWindow,
  closed?: ClosedDays,
): Promise<SummaryDto> {
  const level: RowsQuery = {
    family: SESSIONS,
    where: (p) => levelWhere(scope, p),
    groupBy: [],
    journal: journalOf(scope),
  };
  const [current, previous, currentMedian, previousMedian] = await Promise.all([
    totals(db, level, window.start, window.end, closed),
    totals(db, level, window.previousStart, window.previousEnd, closed),
    histogramMedian(db, scope, window.start, window.end, closed),
    histogramMedian(db, scope, window.previousStart, window.previousEnd, closed),
  ]);
  const figures = (sums: Record<string, number>, which: 'current' | 'previous', median: number | null) =>
    toFigures({ ...sessionFigures(sums), which, median_seconds: median });
  return { ...figures(current, 'current', currentMedian), previous: figures(previous, 'previous', previousMedian) };
}

/**
 * percentile_cont(0.5) of the completed sessions' durations in [start, end), truncated to whole
 * seconds, from the duration histogram: a median needs the values at the middle ranks, which
 * sums cannot give. The per-minute counts of the window (a few hundred rows) locate the minute
 * bins holding the two middle ranks; only those minutes are then read per second, counting
 * ranks on from the bins before them (histogram-median.ts).
 */
export async function histogramMedian(
  db: SqlRunner,
  scope: AnalyticsScope,
  start: Date,
  end: Date,
  closed?: ClosedDays,
): Promise<number | null> {
  const bins = async (resolution: Resolution, where: (p: SqlParams) => string): Promise<[number, number][]> =>
    histogramBins(
      await groupedSums(
        db,
        { family: durations(resolution), where, groupBy: [resolution], journal: journalOf(scope) },
        start,
        end,
        closed,
      ),
    );
  const middle = middleOf(await bins('minute', (p) => levelWhere(scope, p)));
  if (!middle) return null;
  const seconds = await bins(
    'second',
    (p) =>
      `${levelWhere(scope, p)} AND r.second >= ${p.add(middle.first * 60)} AND r.second < ${p.add(middle.last * 60 + 60)}`,
  );
  return valueAtMiddle(seconds, middle);
}
