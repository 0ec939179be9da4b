import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export type FlowStatusValue = 'draft' | 'published' | 'archived';

const STATUS_LABELS: Record<FlowStatusValue, string> = {
  draft: 'Draft',
  published: 'Published',
  archived: 'Archived',
};

/** A flow's lifecycle pill: only published flows reach engineers. */
@Component({
  selector: 'rf-flow-status-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<span class="badge" [class]="\'badge badge--\' + status()">{{ label() }}</span>',
  styles: `
    .badge {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font-size: 0.8rem;
      font-weight: 600;
      white-space: nowrap;
    }
    .badge--draft {
      background: var(--rf-warning-soft);
      color: var(--rf-warning);
    }
    .badge--published {
      background: var(--rf-success-soft);
      color: var(--rf-success);
    }
    .badge--archived {
      background: var(--rf-surface-muted);
      color: var(--rf-text-muted);
    }
  `,
})
export class FlowStatusBadgeComponent {
  readonly status = input.required<FlowStatusValue>();
  protected readonly label = computed(() => STATUS_LABELS[this.status()] ?? this.status());
}
