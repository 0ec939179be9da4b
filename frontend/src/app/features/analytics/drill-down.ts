import type { Params } from '@angular/router';

import type { PeriodSelection } from '../../shared/period-picker.component';
import { sessionsLink, type ExplorerScope, type SessionFilters } from '../session-explorer/session-filters';
import { periodParams } from './analytics-links';

/** Where a figure's drill-down leads: a router link to the sessions list. */
export interface DrillLink {
  commands: string[];
  queryParams: Params;
}

/**
 * What every figure of a report shares: whose sessions list to open, the report's window and its
 * own filters (a flow, an engineer, a version). A figure adds its filter (a day, an outcome, a
 * node) and the list's total is then that figure. Null when the reader has no such list to open.
 */
export interface DrillContext {
  scope: ExplorerScope;
  selection: PeriodSelection;
  filters: SessionFilters;
}

export function drillLink(context: DrillContext | null, filters: SessionFilters): DrillLink | null {
  if (context === null) {
    return null;
  }
  return sessionsLink(context.scope, {
    ...context.filters,
    ...(periodParams(context.selection) as SessionFilters),
    ...filters,
  });
}

/** A day of the time series: that one day, counted in the same zone as the report. */
export function dayFilters(date: string): SessionFilters {
  return { period: undefined, from: date, to: date };
}
