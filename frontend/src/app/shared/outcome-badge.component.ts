import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { Outcome } from '../core/api-types';

export const OUTCOME_LABELS: Record<Outcome, string> = {
  resolved: 'Resolved',
  workaround: 'Workaround',
  escalated: 'Escalated',
  unresolved: 'Unresolved',
};

/** Session status pill: "In progress" until an outcome is recorded. */
@Component({
  selector: 'rf-outcome-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<span class="badge" [class]="\'badge--\' + (outcome() ?? \'active\')">{{ label() }}</span>',
  styles: `
    .badge {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font-size: 0.85rem;
      font-weight: 600;
      white-space: nowrap;
    }
    .badge--active { background: var(--rf-info-soft); color: var(--rf-info); }
    .badge--resolved { background: var(--rf-success-soft); color: var(--rf-success); }
    .badge--workaround { background: var(--rf-warning-soft); color: var(--rf-warning); }
    .badge--escalated { background: var(--rf-primary-soft); color: var(--rf-primary-hover); }
    .badge--unresolved { background: var(--rf-danger-soft); color: var(--rf-danger); }
  `,
})
export class OutcomeBadgeComponent {
  readonly outcome = input<Outcome | null>(null);
  protected readonly label = computed(() => {
    const outcome = this.outcome();
    return outcome ? OUTCOME_LABELS[outcome] : 'In progress';
  });
}
