import type { Outcome } from '../../../core/api-types';
import { OUTCOME_LABELS } from '../../../shared/outcome-badge.component';
import { OUTCOME_COLORS, OUTCOME_ORDER, UNFINISHED_COLOR } from '../../../shared/outcome-palette';
import type { LegendEntry } from './chart-legend.component';

export const UNFINISHED_LABEL = 'Not finished';

/** Outcomes in stacking order, then the sessions that have none yet. */
export const SESSION_STACK: readonly { key: Outcome | 'unfinished'; label: string; color: string }[] = [
  ...OUTCOME_ORDER.map((outcome) => ({ key: outcome, label: OUTCOME_LABELS[outcome], color: OUTCOME_COLORS[outcome] })),
  { key: 'unfinished', label: UNFINISHED_LABEL, color: UNFINISHED_COLOR },
];

export const SESSION_LEGEND: readonly LegendEntry[] = SESSION_STACK.map(({ label, color }) => ({ label, color }));

/** ngx-charts' customColors: a colour per series name, so "Resolved" is the same green everywhere. */
export const SESSION_COLORS = SESSION_STACK.map(({ label, color }) => ({ name: label, value: color }));

/** Whole-number axis ticks from 0 to at least `max`, about `count` of them (counts have no halves). */
export function countTicks(max: number, count = 4): number[] {
  if (max <= 0) {
    return [0, 1];
  }
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(
    1,
    [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? rough,
  );
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step; tick += step) {
    ticks.push(tick);
  }
  return ticks;
}

/** Pixels between bars: generous with few bars, a hairline with 90 of them. */
export function barPadding(plotWidth: number, bars: number): number {
  if (bars === 0) {
    return 8;
  }
  return Math.max(1, Math.min(8, Math.floor((plotWidth / bars) * 0.25)));
}

/** The frame's padding and border on both sides, subtracted from the host's width to size the plot. */
export const FRAME_INSET = 34;

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
