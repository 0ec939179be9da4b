import fc from 'fast-check';

import { analyticsWindow, localDate, localDayStarts } from '../../analytics-window';
import { timeSeriesPlan } from './rollup-time-series';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Sums per local day computed as the plan says (daily buckets ± exception hours) from per-hour counts. */
function viaPlan(dayStarts: number[], countAt: (hour: number) => number): number[] {
  const plan = timeSeriesPlan(dayStarts);
  const sums = new Array(dayStarts.length - 1).fill(0);
  for (let day = plan.firstDay; day <= plan.lastDay; day += DAY) {
    let daily = 0;
    for (let hour = day; hour < day + DAY; hour += HOUR) daily += countAt(hour);
    const home = plan.homes.get(day) as number;
    if (home >= 0) sums[home] += daily;
  }
  for (const [hour, { home, day }] of plan.hours) {
    if (home >= 0) sums[home] -= countAt(hour);
    if (day >= 0) sums[day] += countAt(hour);
  }
  return sums;
}

describe('timeSeriesPlan', () => {
  it('gives every local day exactly its own hours, in whole-hour zones, across DST changes', () => {
    const zones = [
      'UTC',
      'Europe/Berlin',
      'America/New_York',
      'Pacific/Auckland',
      'Pacific/Honolulu',
      'America/Sao_Paulo',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('7d', '30d', '90d'),
        fc.integer({ min: 1, max: 1_000_000 }),
        (tz, now, period, seed) => {
          const window = analyticsWindow({ period: period as '7d', tz, now });
          const countAt = (hour: number) => ((hour / HOUR) * 2654435761 + seed) % 97; // any per-hour data
          const expected = window.days.map(() => 0);
          for (let hour = window.start.getTime(); hour < window.end.getTime(); hour += HOUR) {
            expected[window.days.indexOf(localDate(new Date(hour), tz))] += countAt(hour);
          }
          expect(viaPlan(localDayStarts(window), countAt)).toEqual(expected);
        },
      ),
      { seed: 20261124, numRuns: 60 },
    );
  });

  it('reads no hourly buckets for a UTC window and |offset| a day for Berlin', () => {
    const winter = new Date('2026-01-20T12:00:00Z');
    expect(timeSeriesPlan(localDayStarts(analyticsWindow({ period: '30d', tz: 'UTC', now: winter }))).hours.size).toBe(
      0,
    );
    // The hours of a 30-day Berlin window read hourly: |offset| per UTC day the window touches
    // (31 of them: local days start before UTC midnight), the UTC hours before local midnight.
    const hoursOf = (now: Date) => [
      ...timeSeriesPlan(localDayStarts(analyticsWindow({ period: '30d', tz: 'Europe/Berlin', now }))).hours.keys(),
    ];
    // Winter, UTC+1: 23:00 UTC of each day moves to the next local day.
    const winterHours = hoursOf(winter);
    expect(winterHours).toHaveLength(31);
    expect(new Set(winterHours.map((hour) => new Date(hour).getUTCHours()))).toEqual(new Set([23]));
    // Summer, UTC+2: 22:00 and 23:00 UTC.
    const summerHours = hoursOf(new Date('2026-07-20T12:00:00Z'));
    expect(summerHours).toHaveLength(2 * 31);
    expect(new Set(summerHours.map((hour) => new Date(hour).getUTCHours()))).toEqual(new Set([22, 23]));
  });
});
