import { computed, signal } from '@angular/core';

import { apiErrorMessage, isHttpStatus } from '../../core/http/api-error';
import type { Summary } from './analytics-types';

export type ReportState<Report> =
  { status: 'loading' } | { status: 'ready'; report: Report } | { status: 'error'; message: string; notFound: boolean };

/**
 * Loads one report for a query and remembers the query for Retry. When filters change faster than
 * the server answers, only the newest answer is shown.
 */
export class ReportLoader<Query, Report> {
  private readonly current = signal<ReportState<Report>>({ status: 'loading' });
  private generation = 0;
  private lastQuery: Query | null = null;

  readonly state = this.current.asReadonly();
  readonly report = computed(() => {
    const state = this.current();
    return state.status === 'ready' ? state.report : null;
  });

  constructor(
    private readonly fetch: (query: Query) => Promise<Report>,
    private readonly failure: string,
  ) {}

  async load(query: Query): Promise<void> {
    const generation = ++this.generation;
    this.lastQuery = query;
    this.current.set({ status: 'loading' });
    try {
      const report = await this.fetch(query);
      if (generation === this.generation) {
        this.current.set({ status: 'ready', report });
      }
    } catch (error) {
      if (generation === this.generation) {
        this.current.set({
          status: 'error',
          message: apiErrorMessage(error, this.failure),
          notFound: isHttpStatus(error, 404),
        });
      }
    }
  }

  retry(): Promise<void> {
    return this.lastQuery === null ? Promise.resolve() : this.load(this.lastQuery);
  }
}

/** A loaded report with no session and no rating in its period: the page shows its empty state. */
export function isQuietReport(report: { summary: Summary } | null): boolean {
  return report !== null && report.summary.total_sessions === 0 && report.summary.rating_count === 0;
}
