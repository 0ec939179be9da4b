import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import type { ReportState } from '../report-loader';
import { AnalyticsSkeletonComponent, ReportEmptyComponent, ReportErrorComponent } from './report-states.component';

/**
 * What a report page shows instead of its figures: the skeleton while loading, the error with Retry,
 * or the empty period with a way to look further back. A page adds its own actions to the error
 * (`[errorActions]`) and to the empty period (`[emptyActions]`).
 */
@Component({
  selector: 'rf-report-status',
  imports: [AnalyticsSkeletonComponent, ReportErrorComponent, ReportEmptyComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (state().status) {
      @case ('loading') {
        <rf-analytics-skeleton />
      }
      @case ('error') {
        <rf-report-error [message]="errorMessage()" (retry)="retry.emit()">
          <ng-content select="[errorActions]" />
        </rf-report-error>
      }
      @default {
        <rf-report-empty [hint]="emptyHint()">
          @if (offerNinetyDays()) {
            <button type="button" class="btn btn--small" (click)="showNinetyDays.emit()">Show the last 90 days</button>
          }
          <ng-content select="[emptyActions]" />
        </rf-report-empty>
      }
    }
  `,
})
export class ReportStatusComponent {
  /** The report's state; a ready report shows as the empty period (pages show figures themselves). */
  readonly state = input.required<ReportState<unknown>>();
  /** What the page says when the server answers 404; without it, the server's own message. */
  readonly notFoundMessage = input<string | null>(null);
  readonly emptyHint = input.required<string>();
  /** Whether "Show the last 90 days" is offered: not when the period already is 90 days. */
  readonly offerNinetyDays = input(false);
  readonly retry = output<void>();
  readonly showNinetyDays = output<void>();

  protected readonly errorMessage = computed(() => {
    const state = this.state();
    if (state.status !== 'error') {
      return '';
    }
    return state.notFound ? (this.notFoundMessage() ?? state.message) : state.message;
  });
}
