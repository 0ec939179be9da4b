import type { Params } from '@angular/router';

import type { PeriodSelection } from '../../shared/period-picker.component';
import { selectionToParams } from './analytics-filters';
import type { TopEngineer, TopFlow } from './analytics-types';
import type { RankedEntry } from './components/ranked-table.component';
import { drillLink, type DrillContext } from './drill-down';

/** The period's query params without the nulls that only serve to clear keys in a merge. */
export function periodParams(selection: PeriodSelection): Params {
  return Object.fromEntries(Object.entries(selectionToParams(selection)).filter(([, value]) => value !== null));
}

/** A top flow row, opening that flow's analytics for the same period. */
export function flowEntry(flow: TopFlow, selection: PeriodSelection, drill: DrillContext | null = null): RankedEntry {
  return {
    sessionsLink: drillLink(drill, { tree_id: flow.tree_id }),
    ...flow,
    id: flow.tree_id,
    link: { commands: ['/flows', flow.tree_id, 'analytics'], queryParams: periodParams(selection) },
    linkLabel: `${flow.name}: open this flow’s analytics`,
  };
}

/** A top engineer row, opening the team page filtered to them for the same period. */
export function engineerEntry(
  engineer: TopEngineer,
  selection: PeriodSelection,
  drill: DrillContext | null = null,
): RankedEntry {
  return {
    sessionsLink: drillLink(drill, { user_id: engineer.user_id }),
    ...engineer,
    id: engineer.user_id,
    link: { commands: ['/analytics/team'], queryParams: { ...periodParams(selection), engineer: engineer.user_id } },
    linkLabel: `${engineer.name}: show only their sessions`,
  };
}
