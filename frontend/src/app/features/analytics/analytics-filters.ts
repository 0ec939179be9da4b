import type { ActivatedRoute, ParamMap, Params, Router } from '@angular/router';

import {
  PRESET_PERIODS,
  rangeProblem,
  type PeriodSelection,
  type PresetPeriod,
} from '../../shared/period-picker.component';

/**
 * Dashboard filters live in the URL (?period=90d, ?from=…&to=…, ?engineer=…) so a view can be
 * shared and the back button steps through earlier views. These read and write those parameters;
 * anything malformed in a hand-edited URL falls back to the default rather than failing the page.
 */
export const DEFAULT_SELECTION: PeriodSelection = { period: '30d' };

export function selectionFromParams(params: ParamMap): PeriodSelection {
  const from = params.get('from');
  const to = params.get('to');
  if (from !== null && to !== null && rangeProblem(from, to) === null) {
    return { from, to };
  }
  const period = params.get('period');
  return isPresetPeriod(period) ? { period } : DEFAULT_SELECTION;
}

/** Query params for a period; the other form's keys are set to null so a merge removes them. */
export function selectionToParams(selection: PeriodSelection): Params {
  return 'period' in selection
    ? { period: selection.period, from: null, to: null }
    : { period: null, from: selection.from, to: selection.to };
}

/** The API's query for a period: `period`, or `from` and `to`. */
export function selectionToQuery(selection: PeriodSelection): { period?: PresetPeriod; from?: string; to?: string } {
  return 'period' in selection ? { period: selection.period } : { from: selection.from, to: selection.to };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The engineer filter of the team page, if the URL names a plausible user id. */
export function engineerFromParams(params: ParamMap): string | null {
  const engineer = params.get('engineer');
  return engineer !== null && UUID.test(engineer) ? engineer : null;
}

/** The flow page's version filter (?version=N), if the URL names a plausible one. */
export function versionFromParams(params: ParamMap): number | null {
  const version = Number(params.get('version'));
  return Number.isInteger(version) && version >= 1 ? version : null;
}

/** Whether the longest preset is already shown (then the empty state does not offer it). */
export function isNinetyDays(selection: PeriodSelection): boolean {
  return 'period' in selection && selection.period === '90d';
}

function isPresetPeriod(value: string | null): value is PresetPeriod {
  return (PRESET_PERIODS as readonly (string | null)[]).includes(value);
}

/** Puts filters into the page's URL (merged with the others); the page's query-param subscription then loads. */
export function navigateToFilters(router: Router, route: ActivatedRoute, queryParams: Params): void {
  void router.navigate([], { relativeTo: route, queryParams, queryParamsHandling: 'merge' });
}
