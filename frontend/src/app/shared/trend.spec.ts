import { trendBetween } from './trend';

describe('trendBetween', () => {
  it('calls a rise good or bad news depending on the figure', () => {
    expect(trendBetween(0.9, 0.8, 'higher-is-better', 'points')).toEqual({
      direction: 'up',
      tone: 'good',
      measure: 'points',
      magnitude: 0.1,
    });
    expect(trendBetween(14.4, 12.8, 'lower-is-better')).toEqual({
      direction: 'up',
      tone: 'bad',
      measure: 'relative',
      magnitude: 0.125,
    });
    expect(trendBetween(90, 96, 'neutral')?.tone).toBe('neutral');
  });

  it('has nothing to say without a figure on both sides, or from zero', () => {
    expect(trendBetween(3.8, null, 'higher-is-better')).toBeNull();
    expect(trendBetween(null, 4, 'higher-is-better')).toBeNull();
    expect(trendBetween(12, 0, 'neutral')).toBeNull();
    // Points can grow from zero: 0% → 40% is +40 pts.
    expect(trendBetween(0.4, 0, 'higher-is-better', 'points')?.magnitude).toBe(0.4);
  });

  it('treats a change that would show as 0 as no change', () => {
    expect(trendBetween(100.01, 100, 'higher-is-better')).toMatchObject({
      direction: 'flat',
      tone: 'neutral',
      magnitude: 0,
    });
  });
});
