import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { Outcome } from '../core/api-types';
import { OUTCOME_COLORS, UNFINISHED_COLOR } from './outcome-palette';

export const OUTCOME_LABELS: Record<Outcome, string> = {
  resolved: 'Resolved',
  workaround: 'Workaround',
  escalated: 'Escalated',
  unresolved: 'Unresolved',
};

/**
 * Session status pill: "In progress" until an outcome is recorded. Its dot has the outcome's
 * chart colour, so a session in a list and its share in an analytics chart read alike.
 */
@Component({
  selector: 'rf-outcome-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [class]="'badge--' + (outcome() ?? 'active')"
    ><span class="badge__dot" aria-hidden="true" [style.background]="color()"></span>{{ label() }}</span
  >`,
  styles: `
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 2px 10px;
      border-radius: 999px;
      font-size: 0.85rem;
      font-weight: 600;
      white-space: nowrap;
    }
    .badge__dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      flex: none;
    }
    .badge--active {
      background: var(--rf-info-soft);
      color: var(--rf-info);
    }
    .badge--resolved {
      background: var(--rf-success-soft);
      color: var(--rf-success);
    }
    .badge--workaround {
      background: var(--rf-warning-soft);
      color: var(--rf-warning);
    }
    .badge--escalated {
      background: var(--rf-primary-soft);
      color: var(--rf-primary-hover);
    }
    .badge--unresolved {
      background: var(--rf-danger-soft);
      color: var(--rf-danger);
    }
  `,
})
export class OutcomeBadgeComponent {
  readonly outcome = input<Outcome | null>(null);
  protected readonly label = computed(() => {
    const outcome = this.outcome();
    return outcome ? OUTCOME_LABELS[outcome] : 'In progress';
  });
  protected readonly color = computed(() => {
    const outcome = this.outcome();
    return outcome ? OUTCOME_COLORS[outcome] : UNFINISHED_COLOR;
  });
}
