import { averageMinutes, averageOrNull, minutes, rate, round } from './analytics-math';

describe('analytics math', () => {
  it('rounds half away from zero without float surprises', () => {
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(0.6665, 3)).toBe(0.667);
    expect(round(2 / 3, 3)).toBe(0.667);
    expect(round(21.25, 1)).toBe(21.3);
    expect(round(Number.NaN, 1)).toBe(0);
  });

  it('rates are 3 decimals and 0 without a denominator', () => {
    expect(rate(5, 8)).toBe(0.625);
    expect(rate(1, 3)).toBe(0.333);
    expect(rate(0, 0)).toBe(0);
  });

  it('averages are 1 decimal, null (CSAT) or 0 (durations) without data', () => {
    expect(averageOrNull(12, 4)).toBe(3);
    expect(averageOrNull(7, 2)).toBe(3.5);
    expect(averageOrNull(0, 0)).toBeNull();
    expect(averageMinutes(106 * 60, 5)).toBe(21.2);
    expect(averageMinutes(0, 0)).toBe(0);
    expect(minutes(1200)).toBe(20);
    expect(minutes(null)).toBe(0);
  });
});
