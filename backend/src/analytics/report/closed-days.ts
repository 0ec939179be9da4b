import { ReportCache } from './report-cache';

/**
 * Closed days: the part of a report's window before yesterday (UTC). New sessions,
 * completions, ratings and votes land in today's buckets (a completion in its session's start
 * hour, so yesterday's too around midnight), so the rollup sums of closed days almost never
 * change. They are kept in memory, per query and range, and reused under the account's
 * 'past' version, which moves only when a write touches a bucket before its own UTC day (the
 * rollup triggers, rollup-schema.ts). A report computed after a write then reads only the open
 * days' rollup rows and adds the kept sums; see docs/performance.md.
 *
 * Exact: the sums are computed in a REPEATABLE READ snapshot and kept with the 'past' version
 * of that snapshot; a later request uses them only if its own snapshot shows the same version,
 * i.e. no write to a closed bucket committed in between. Closed means before the start of the
 * UTC day before the reader's (its transaction's now(), the database clock the triggers use
 * too), so a write counts as touching the past once it reaches back a day: only a write
 * transaction left open for more than a day could be missed.
 *
 * The same versioned, least-recently-used store as the report cache, per process, holding sums
 * instead of reports; `capacity` 0 turns it off (every window is open).
 */
export class ClosedDaysCache extends ReportCache {}

/** What a report may take from the closed-days cache: instants before `before`, at `version`. */
export interface ClosedDays {
  before: Date;
  version: string;
  cache: ClosedDaysCache;
}

/** What reads in a snapshot whose closed part is `ref` may take from `cache`: nothing when it is off. */
export function closedDaysOf(cache: ClosedDaysCache, ref: Omit<ClosedDays, 'cache'>): ClosedDays | undefined {
  return cache.capacity > 0 ? { ...ref, cache } : undefined;
}
