/** Whether a rise in a figure is good news (completion, CSAT), bad news (duration) or neither (volume). */
export type TrendPolarity = 'higher-is-better' | 'lower-is-better' | 'neutral';

/**
 * How a change is measured. Shares (completion rate, CSAT score) change in percentage points:
 * 80% → 84% is "+4 pts", which is what readers mean, not "+5%". Everything else changes relatively.
 */
export type TrendMeasure = 'relative' | 'points';

export interface Trend {
  direction: 'up' | 'down' | 'flat';
  tone: 'good' | 'bad' | 'neutral';
  measure: TrendMeasure;
  /** relative: (current − previous) / previous; points: current − previous (0.04 = 4 points). Never negative. */
  magnitude: number;
}

/** Below these a change rounds to "0%" / "0 pts" on screen, so it is shown as flat. */
const FLAT_RELATIVE = 0.0005;
const FLAT_POINTS = 0.0005;

/**
 * The change of a figure against the previous period, or null when there is nothing honest to
 * compare with: no figure now or before, or a relative change from zero (which has no percentage).
 */
export function trendBetween(
  current: number | null,
  previous: number | null,
  polarity: TrendPolarity,
  measure: TrendMeasure = 'relative',
): Trend | null {
  if (current === null || previous === null) {
    return null;
  }
  let change: number;
  if (measure === 'points') {
    change = current - previous;
  } else {
    if (previous === 0) {
      return null;
    }
    change = (current - previous) / previous;
  }
  // 14.4 vs 12.8 min is a 12.5% rise, not 12.4999…%: round off binary floating-point noise.
  const magnitude = Number(Math.abs(change).toFixed(9));
  const flat = magnitude < (measure === 'points' ? FLAT_POINTS : FLAT_RELATIVE);
  const direction = flat ? 'flat' : change > 0 ? 'up' : 'down';
  return { direction, tone: toneOf(direction, polarity), measure, magnitude: flat ? 0 : magnitude };
}

function toneOf(direction: Trend['direction'], polarity: TrendPolarity): Trend['tone'] {
  if (direction === 'flat' || polarity === 'neutral') {
    return 'neutral';
  }
  const rising = direction === 'up';
  return rising === (polarity === 'higher-is-better') ? 'good' : 'bad';
}
