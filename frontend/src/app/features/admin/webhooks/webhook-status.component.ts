import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import type { WebhookEndpoint } from './webhook-types';

/**
 * Whether an endpoint receives events and, when it does not, why (the server's reason, e.g. failures
 * in a row); while it does, how many deliveries failed in a row, since 20 turn it off.
 */
@Component({
  selector: 'rf-webhook-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (endpoint().enabled) {
      <span class="status status--on">Enabled</span>
      @if (endpoint().consecutive_failures > 0) {
        <span class="reason" data-testid="failures-in-a-row">
          {{ endpoint().consecutive_failures }} failed in a row (20 turn it off)
        </span>
      }
    } @else {
      <span class="status status--off">Disabled</span>
      <span class="reason" data-testid="disabled-reason">{{
        endpoint().disabled_reason ?? 'Turned off by hand.'
      }}</span>
    }
  `,
  styles: `
    .status {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font-size: 0.85rem;
      font-weight: 600;
    }
    .status--on {
      background: var(--rf-success-soft);
      color: var(--rf-success);
    }
    .status--off {
      background: var(--rf-danger-soft);
      color: var(--rf-danger);
    }
    .reason {
      display: block;
      margin-top: var(--rf-space-1);
      color: var(--rf-text-muted);
      font-size: 0.85rem;
    }
  `,
})
export class WebhookStatusComponent {
  readonly endpoint = input.required<WebhookEndpoint>();
}
