import fc from 'fast-check';

import { middleOf, valueAtMiddle } from './histogram-median';

/** [value, count] bins of `values` grouped by `binOf`, ascending. */
function histogram(values: number[], binOf: (value: number) => number): [number, number][] {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(binOf(value), (counts.get(binOf(value)) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]);
}

/** percentile_cont(0.5) as PostgreSQL computes it over the sorted values. */
function percentileCont(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) / 2;
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
}

/** The median the way the analytics read it: minute bins first, then the seconds of the chosen minutes only. */
function twoLevelMedian(seconds: number[]): number | null {
  const middle = middleOf(histogram(seconds, (s) => Math.floor(s / 60)));
  if (!middle) return null;
  const inside = seconds.filter((s) => s >= middle.first * 60 && s < middle.last * 60 + 60);
  return valueAtMiddle(
    histogram(inside, (s) => s),
    middle,
  );
}

describe('two-level histogram median', () => {
  it('equals percentile_cont(0.5) of the values, odd and even counts, ties and gaps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 7200 }), fc.integer({ min: 300, max: 420 })), { maxLength: 300 }),
        (seconds) => {
          expect(twoLevelMedian(seconds)).toBe(percentileCont(seconds));
        },
      ),
      { numRuns: 500, seed: 20261124 },
    );
  });

  it('interpolates between two minutes when the middle ranks fall in different ones', () => {
    // 59 s and 61 s: one value in minute 0, one in minute 1; the median is 60 s.
    const middle = middleOf([
      [0, 1],
      [1, 1],
    ]);
    expect(middle).toEqual({ lo: 0, hi: 1, fraction: 0.5, first: 0, last: 1, before: 0 });
    expect(
      valueAtMiddle(
        [
          [59, 1],
          [61, 1],
        ],
        middle!,
      ),
    ).toBe(60);
  });

  it('has no median for an empty histogram', () => {
    expect(middleOf([])).toBeNull();
  });
});
