import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import { CopyOnceFieldComponent } from '../../../shared/copy-once-field.component';
import { NoticeComponent } from '../../../shared/notice.component';

/** A signing secret just made or rotated, shown this once, with a copy button. */
export interface ShownSecret {
  endpointId: string;
  endpointUrl: string;
  secret: string;
  rotated: boolean;
}

/**
 * The signing secret of an endpoint, shown once after it is added or its secret rotated: the
 * receiver needs it to check the `webhook-signature` header, and the server never shows it again.
 */
@Component({
  selector: 'rf-webhook-secret',
  imports: [CopyOnceFieldComponent, NoticeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card secret" aria-labelledby="webhook-secret-title">
      <h2 id="webhook-secret-title">
        {{ shown().rotated ? 'New signing secret' : 'Signing secret' }} for <code>{{ shown().endpointUrl }}</code>
      </h2>
      <rf-notice tone="warning">
        <strong>Copy it now.</strong> This is the only time it is shown. Your receiver uses it to check that each
        request comes from ResolutionFlow.
        @if (shown().rotated) {
          The previous secret keeps signing beside this one for 24 hours, so you can switch without missing an event.
        }
      </rf-notice>
      <rf-copy-once-field
        label="Signing secret"
        fieldId="webhook-secret-value"
        testId="webhook-secret"
        copyTestId="copy-webhook-secret"
        [value]="shown().secret"
      />
      <button type="button" class="btn" (click)="dismissed.emit()">I have copied it</button>
    </section>
  `,
  styles: `
    .secret {
      margin-bottom: var(--rf-space-5);
    }
    h2 {
      font-size: 1.1rem;
      margin-top: 0;
      word-break: break-all;
    }
  `,
})
export class WebhookSecretComponent {
  readonly shown = input.required<ShownSecret>();
  readonly dismissed = output<void>();
}
