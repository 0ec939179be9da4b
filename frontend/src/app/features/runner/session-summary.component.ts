import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output, viewChild, type ElementRef } from '@angular/core';
import { RouterLink } from '@angular/router';

import type { Session } from '../../core/api-types';
import { DurationPipe } from '../../shared/duration.pipe';
import { OutcomeBadgeComponent } from '../../shared/outcome-badge.component';
import { StarRatingComponent } from '../../shared/star-rating.component';

/** What the engineer sees once a session is finished. */
@Component({
  selector: 'rf-session-summary',
  imports: [RouterLink, DatePipe, DurationPipe, OutcomeBadgeComponent, StarRatingComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card summary" aria-labelledby="summary-title" data-testid="session-summary">
      <h2 id="summary-title" tabindex="-1" #title>Session complete</h2>
      <dl class="summary__facts">
        <div>
          <dt>Outcome</dt>
          <dd><rf-outcome-badge [outcome]="session().outcome" /></dd>
        </div>
        <div>
          <dt>Finished</dt>
          <dd>{{ session().completed_at | date: 'medium' }}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{{ session().started_at | rfDuration: session().completed_at }}</dd>
        </div>
        <div>
          <dt>Steps answered</dt>
          <dd>{{ session().path.length }}</dd>
        </div>
        <div>
          <dt>Your rating</dt>
          <dd data-testid="summary-rating">
            @if (session().rating; as rating) {
              <rf-star-rating [value]="rating" />
            } @else if (canRate()) {
              <button type="button" class="btn btn--small" (click)="rate.emit()">Rate this session</button>
            } @else {
              <span class="muted">Not rated</span>
            }
          </dd>
        </div>
      </dl>
      @if (session().notes) {
        <h3 class="summary__notes-title">Notes</h3>
        <p class="summary__notes">{{ session().notes }}</p>
      }
      <div class="summary__links">
        <a class="btn btn--primary" routerLink="/flows">Back to flows</a>
        <a class="btn" routerLink="/sessions">My sessions</a>
        <a class="btn btn--ghost" [routerLink]="['/flows', session().tree_id, 'analytics']">Flow analytics</a>
      </div>
    </section>
  `,
  styles: `
    .summary__facts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
      gap: var(--rf-space-4);
      margin: 0 0 var(--rf-space-4);
    }
    dt {
      font-size: 0.85rem;
      color: var(--rf-text-muted);
    }
    dd {
      margin: var(--rf-space-1) 0 0;
      font-weight: 600;
    }
    .summary__notes-title {
      font-size: 1rem;
      margin-bottom: var(--rf-space-1);
    }
    .summary__notes {
      white-space: pre-line;
    }
    .summary__links {
      display: flex;
      flex-wrap: wrap;
      gap: var(--rf-space-2);
      margin-top: var(--rf-space-4);
    }
  `,
})
export class SessionSummaryComponent {
  readonly session = input.required<Session>();
  /** Only the session's own engineer may rate it. */
  readonly canRate = input(true);
  /** The engineer asked to rate this (unrated) session. */
  readonly rate = output<void>();
  private readonly title = viewChild.required<ElementRef<HTMLElement>>('title');

  focusTitle(): void {
    this.title().nativeElement.focus();
  }
}
