import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { DELIVERY_STATUSES, type DeliveryStatus } from './webhook-types';

/** A delivery's status as a coloured pill: on its way, retrying, delivered, given up. */
@Component({
  selector: 'rf-delivery-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="pill" [class]="'pill pill--' + status()">{{ label() }}</span>`,
  styles: `
    .pill {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font-size: 0.85rem;
      font-weight: 600;
      white-space: nowrap;
    }
    .pill--pending {
      background: var(--rf-info-soft);
      color: var(--rf-info);
    }
    .pill--retrying {
      background: var(--rf-warning-soft);
      color: var(--rf-warning);
    }
    .pill--succeeded {
      background: var(--rf-success-soft);
      color: var(--rf-success);
    }
    .pill--failed {
      background: var(--rf-danger-soft);
      color: var(--rf-danger);
    }
  `,
})
export class DeliveryStatusComponent {
  readonly status = input.required<DeliveryStatus>();
  protected readonly label = computed(() => DELIVERY_STATUSES[this.status()] ?? this.status());
}
