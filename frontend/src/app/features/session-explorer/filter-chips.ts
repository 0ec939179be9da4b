import type { FlowSummary } from '../../core/api-types';
import type { AccountUser } from '../analytics/analytics-types';
import type { ExplorerItem } from './session-explorer-types';
import { SORTS, type SessionFilters } from './session-filters';
import { outcomeWords, periodWords, STATUS_LABELS, type FilterChip } from './session-filters.component';

interface Names {
  flows: readonly FlowSummary[];
  users: readonly AccountUser[];
  items: readonly ExplorerItem[];
}

/**
 * The filters in words, one removable chip each (a vote filter's node and answer go together).
 * Node filters come from drill-down links; their titles are read off the matching sessions.
 */
export function filterChips(filters: SessionFilters, names: Names): FilterChip[] {
  const chips: FilterChip[] = [];
  const add = (keys: FilterChip['keys'], text: string) => chips.push({ keys, text });
  const flowName = (id: string) => names.flows.find((flow) => flow.id === id)?.name ?? names.items[0]?.tree_name;
  const userName = (id: string) => names.users.find((user) => user.id === id)?.name ?? names.items[0]?.user_name;

  if (filters.period) add(['period'], periodWords(filters.period));
  if (filters.from || filters.to) add(['from', 'to'], `${filters.from ?? '…'} to ${filters.to ?? '…'}`);
  if (filters.tz) add(['tz'], `Days in ${filters.tz}`);
  if (filters.tree_id) add(['tree_id', 'tree_version'], `Flow: ${flowName(filters.tree_id) ?? 'selected flow'}`);
  if (filters.tree_version) add(['tree_version'], `Version ${filters.tree_version}`);
  if (filters.user_id) add(['user_id'], `Engineer: ${userName(filters.user_id) ?? 'selected engineer'}`);
  if (filters.status) add(['status'], STATUS_LABELS[filters.status] ?? filters.status);
  if (filters.outcome) add(['outcome'], `Outcome: ${outcomeWords(filters.outcome)}`);
  if (filters.stopped_at_node_id) {
    add(['stopped_at_node_id'], `Stuck at: ${names.items[0]?.current_node_title ?? 'a node'}`);
  }
  if (filters.ended_at_node_id) {
    add(['ended_at_node_id'], `Ended at: ${names.items[0]?.ended_at_node_title ?? 'a node'}`);
  }
  if (filters.visited_node_id) add(['visited_node_id'], 'Went through a chosen node');
  if (filters.vote_node_id || filters.vote) {
    const answer = filters.vote === 'helpful' ? 'helpful' : filters.vote === 'unhelpful' ? 'not helpful' : 'voted';
    add(['vote_node_id', 'vote'], `Step voted ${answer}`);
  }
  if (filters.rating) add(['rating'], `Rated ${filters.rating} of 5`);
  if (filters.rating_min || filters.rating_max) {
    add(['rating_min', 'rating_max'], `Rated ${filters.rating_min ?? 1}–${filters.rating_max ?? 5}`);
  }
  if (filters.has_comment === 'true') add(['has_comment'], 'With a comment');
  if (filters.external_ref) add(['external_ref'], `Ticket: ${filters.external_ref}`);
  if (filters.sort) add(['sort'], SORTS.find((sort) => sort.value === filters.sort)?.label ?? filters.sort);
  return chips;
}
