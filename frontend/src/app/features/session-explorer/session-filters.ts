import type { ParamMap, Params } from '@angular/router';

/**
 * The sessions list's filters, under the API's own names (GET /api/v1/sessions). The page keeps
 * them in its URL query unchanged, so a drill-down link, the page's address, the API request and
 * the CSV download all say the same thing.
 */
export const FILTER_KEYS = [
  'tree_id',
  'user_id',
  'status',
  'outcome',
  'period',
  'from',
  'to',
  'tz',
  'stopped_at_node_id',
  'ended_at_node_id',
  'visited_node_id',
  'vote_node_id',
  'vote',
  'rating',
  'rating_min',
  'rating_max',
  'has_comment',
  'external_ref',
  'tree_version',
  'sort',
] as const;

export type FilterKey = (typeof FILTER_KEYS)[number];

/** The filters set on the page: only keys with a value. */
export type SessionFilters = Partial<Record<FilterKey, string>>;

/** Who the list is about: a team admin's whole account, or the signed-in person's own sessions. */
export type ExplorerScope = 'team' | 'mine';

export const SORTS = [
  { value: '-started_at', label: 'Newest first' },
  { value: 'started_at', label: 'Oldest first' },
  { value: '-duration', label: 'Longest first' },
  { value: 'duration', label: 'Shortest first' },
  { value: '-rating', label: 'Best rated first' },
  { value: 'rating', label: 'Worst rated first' },
] as const;

/** The filters in a URL query; unknown keys and empty values are dropped. */
export function filtersFromParams(params: ParamMap): SessionFilters {
  const filters: SessionFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) {
      filters[key] = value;
    }
  }
  return filters;
}

/**
 * Query params that replace the page's filters with `changes` (null removes a key). A period and
 * a from/to range exclude each other, as in the API.
 */
export function withFilters(current: SessionFilters, changes: SessionFilters | Record<string, string | null>): Params {
  const next: Record<string, string | null> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    next[key] = value === undefined || value === '' ? null : value;
  }
  if ('period' in changes && next['period']) {
    next['from'] = null;
    next['to'] = null;
  } else if (('from' in changes || 'to' in changes) && (next['from'] || next['to'])) {
    next['period'] = null;
  }
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, next[key] ?? null]));
}

/** The API query for a page of the list: the filters plus who is asking for what. */
export function apiQuery(filters: SessionFilters, scope: ExplorerScope): Record<string, string> {
  return scope === 'team' ? { ...filters, all: 'true' } : { ...filters };
}

/** Where a figure's drill-down leads: the sessions list of that scope with these filters. */
export function sessionsLink(
  scope: ExplorerScope,
  filters: SessionFilters,
): { commands: string[]; queryParams: Params } {
  const queryParams = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
  return { commands: [scope === 'team' ? '/admin/sessions' : '/sessions'], queryParams };
}

/** The address of that link, for places that need a plain href (chart clicks navigate to it). */
export function sessionsUrl(scope: ExplorerScope, filters: SessionFilters): string {
  const link = sessionsLink(scope, filters);
  const query = new URLSearchParams(link.queryParams as Record<string, string>).toString();
  return query ? `${link.commands[0]}?${query}` : link.commands[0];
}
