import fc from 'fast-check';

import { middleOf, ranksOf, roundedAsNumeric, valueAtMiddle } from './histogram-median';

/** [value, count] bins of `values` grouped by `binOf`, ascending. */
function histogram(values: number[], binOf: (value: number) => number): [number, number][] {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(binOf(value), (counts.get(binOf(value)) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]);
}

/** percentile_cont(p) as PostgreSQL computes it over the sorted values (percentile_cont_float8_lerp). */
function percentileCont(values: number[], p = 0.5): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
}

/** A percentile the way the analytics read it: minute bins first, then the seconds of the chosen minutes only. */
function twoLevelMedian(seconds: number[], p = 0.5): number | null {
  const minutes = histogram(seconds, (s) => Math.floor(s / 60));
  const middle = p === 0.5 ? middleOf(minutes) : ranksOf(minutes, p);
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
    expect(ranksOf([], 0.9)).toBeNull();
  });

  it('equals percentile_cont(0.9) of the values too (time per node)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 7200 }), fc.integer({ min: 0, max: 90 })), { maxLength: 300 }),
        (seconds) => {
          expect(twoLevelMedian(seconds, 0.9)).toBe(percentileCont(seconds, 0.9));
        },
      ),
      { numRuns: 500, seed: 20261205 },
    );
  });
});

describe('rounding as round(x::numeric, 1)', () => {
  it('rounds the 15-digit decimal PostgreSQL makes of a double, half away from zero', () => {
    // 1.15 is 1.149999… as a double; numeric sees 1.15000000000000 and rounds up (Math.round(11.499…) would not).
    expect(roundedAsNumeric(1.15)).toBe(1.2);
    expect(roundedAsNumeric(12.25)).toBe(12.3);
    expect(roundedAsNumeric(0.9000000000000004)).toBe(0.9);
    expect(roundedAsNumeric(3.0500000000000003)).toBe(3.1);
    expect(roundedAsNumeric(7)).toBe(7);
    expect(roundedAsNumeric(1.8e-15)).toBe(0);
    expect(roundedAsNumeric(0.05)).toBe(0.1);
    expect(roundedAsNumeric(0.04)).toBe(0);
  });
});
