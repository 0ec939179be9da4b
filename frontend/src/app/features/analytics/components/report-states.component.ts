import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import { NoticeComponent } from '../../../shared/notice.component';
import { SkeletonComponent } from '../../../shared/skeleton.component';

/** Grey blocks in the shape of the page while the report loads. */
@Component({
  selector: 'rf-analytics-skeleton',
  imports: [SkeletonComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="skeleton" aria-busy="true">
      <p class="visually-hidden" role="status">Loading analytics…</p>
      <div class="skeleton__kpis">
        @for (card of [1, 2, 3, 4, 5]; track card) {
          <div class="skeleton__card">
            <rf-skeleton height="0.8rem" width="60%" />
            <rf-skeleton height="1.8rem" width="45%" />
            <rf-skeleton height="0.8rem" width="35%" />
          </div>
        }
      </div>
      <div class="skeleton__card skeleton__chart">
        <rf-skeleton height="1rem" width="30%" /><rf-skeleton height="220px" />
      </div>
      <div class="skeleton__pair">
        <div class="skeleton__card"><rf-skeleton height="1rem" width="40%" /><rf-skeleton height="160px" /></div>
        <div class="skeleton__card"><rf-skeleton height="1rem" width="40%" /><rf-skeleton height="160px" /></div>
      </div>
    </div>
  `,
  styles: `
    .skeleton {
      display: flex;
      flex-direction: column;
      gap: var(--rf-space-4);
    }
    .skeleton__kpis {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(170px, 1fr));
      gap: var(--rf-space-3);
    }
    .skeleton__card {
      display: flex;
      flex-direction: column;
      gap: var(--rf-space-2);
      padding: var(--rf-space-4);
      background: var(--rf-surface);
      border: 1px solid var(--rf-border);
      border-radius: var(--rf-radius);
    }
    .skeleton__pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
      gap: var(--rf-space-4);
    }
  `,
})
export class AnalyticsSkeletonComponent {}

/** The report failed: what went wrong, and a way to try again. */
@Component({
  selector: 'rf-report-error',
  imports: [NoticeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <rf-notice tone="danger">
      <p class="error__message">{{ message() }}</p>
      <div class="error__actions">
        <button type="button" class="btn btn--small" (click)="retry.emit()">Retry</button>
        <ng-content />
      </div>
    </rf-notice>
  `,
  styles: `
    .error__message {
      margin: 0 0 var(--rf-space-2);
    }
    .error__actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--rf-space-2);
    }
  `,
})
export class ReportErrorComponent {
  readonly message = input.required<string>();
  readonly retry = output<void>();
}

/** Nothing happened in the chosen period: say so plainly and suggest what to try. */
@Component({
  selector: 'rf-report-empty',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="empty" role="status">
      <svg class="empty__icon" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">
        <path d="M8 40V22m10 18V12m10 28V26m10 14V18M4 40h40" />
      </svg>
      <h2 class="empty__title">No sessions in this period</h2>
      <p class="empty__hint">{{ hint() }}</p>
      <div class="empty__actions"><ng-content /></div>
    </section>
  `,
  styles: `
    .empty {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      padding: var(--rf-space-6) var(--rf-space-4);
      background: var(--rf-surface);
      border: 1px dashed var(--rf-border-strong);
      border-radius: var(--rf-radius);
    }
    .empty__icon {
      fill: none;
      stroke: var(--rf-border-strong);
      stroke-width: 3;
      stroke-linecap: round;
      margin-bottom: var(--rf-space-3);
    }
    .empty__title {
      font-size: 1.2rem;
      margin-bottom: var(--rf-space-2);
    }
    .empty__hint {
      max-width: 46ch;
      color: var(--rf-text-muted);
    }
    .empty__actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: var(--rf-space-2);
    }
  `,
})
export class ReportEmptyComponent {
  readonly hint = input.required<string>();
}
