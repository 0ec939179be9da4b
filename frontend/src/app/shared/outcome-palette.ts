import type { Outcome } from '../core/api-types';

/**
 * Colours for session outcomes, from the Okabe–Ito palette: they stay distinguishable with every
 * common form of colour blindness. Every chart, legend and bar that shows outcomes uses these, so a
 * colour means the same thing everywhere. Charts also carry the words (legend, table, labels).
 */
export const OUTCOME_COLORS: Record<Outcome, string> = {
  resolved: '#009E73', // bluish green
  workaround: '#E69F00', // orange
  escalated: '#56B4E9', // sky blue
  unresolved: '#D55E00', // vermilion
};

/** Sessions started but not (yet) finished: a neutral grey, deliberately not an outcome colour. */
export const UNFINISHED_COLOR = '#8D94A1';

/** Single-series charts (CSAT, votes): Okabe–Ito blue. */
export const SERIES_COLOR = '#0072B2';

/** The order outcomes are stacked and listed in: best to worst. */
export const OUTCOME_ORDER: readonly Outcome[] = ['resolved', 'workaround', 'escalated', 'unresolved'];
