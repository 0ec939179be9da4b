import fc from 'fast-check';

import { splitRange } from './rollup-reads';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** How often each hour in [from, to) is counted by a split: its days and hours, less the hours taken away. */
function coverage(ranges: ReturnType<typeof splitRange>, from: number, to: number): Map<number, number> {
  const counts = new Map<number, number>();
  const add = ([start, end]: [Date, Date], sign: number) => {
    for (let hour = start.getTime(); hour < end.getTime(); hour += HOUR)
      counts.set(hour, (counts.get(hour) ?? 0) + sign);
  };
  if (ranges.days) add(ranges.days, 1);
  ranges.hours.forEach((range) => add(range, 1));
  ranges.minusHours.forEach((range) => add(range, -1));
  for (let hour = from; hour < to; hour += HOUR) counts.set(hour, counts.get(hour) ?? 0);
  return counts;
}

describe('splitRange', () => {
  it('counts every hour of the range once and no other hour, whatever its edges', () => {
    const base = Date.UTC(2026, 10, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 * 5 }), fc.integer({ min: 0, max: 24 * 5 }), (a, b) => {
        const [start, end] = [base + Math.min(a, b) * HOUR, base + Math.max(a, b) * HOUR];
        const ranges = splitRange(new Date(start), new Date(end));
        for (const [hour, count] of coverage(ranges, base - 2 * DAY, base + 8 * DAY)) {
          expect([hour, count]).toEqual([hour, hour >= start && hour < end ? 1 : 0]);
        }
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });

  it('reads a mostly covered day as its daily bucket less the missing hours', () => {
    // 90 local days in Europe/Berlin (UTC+1): 23:00 UTC to 23:00 UTC.
    const ranges = splitRange(new Date('2026-08-26T23:00:00Z'), new Date('2026-11-24T23:00:00Z'));
    expect(ranges).toEqual({
      days: [new Date('2026-08-27T00:00:00Z'), new Date('2026-11-25T00:00:00Z')],
      hours: [[new Date('2026-08-26T23:00:00Z'), new Date('2026-08-27T00:00:00Z')]],
      minusHours: [[new Date('2026-11-24T23:00:00Z'), new Date('2026-11-25T00:00:00Z')]],
    });
  });
});
