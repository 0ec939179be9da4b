import { ChangeDetectionStrategy, Component, input, linkedSignal, output } from '@angular/core';

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
  imports: [NoticeComponent],
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
      <div class="secret__row">
        <label for="webhook-secret-value" class="visually-hidden">Signing secret</label>
        <input
          #field
          id="webhook-secret-value"
          type="text"
          readonly
          spellcheck="false"
          data-testid="webhook-secret"
          [value]="shown().secret"
          (focus)="field.select()"
        />
        <button type="button" class="btn btn--primary" (click)="copy(field)" data-testid="copy-webhook-secret">
          {{ copied() ? 'Copied' : 'Copy' }}
        </button>
      </div>
      <span class="visually-hidden" role="status">{{ copied() ? 'Secret copied to the clipboard' : '' }}</span>
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
    .secret__row {
      display: flex;
      gap: var(--rf-space-2);
      margin-bottom: var(--rf-space-3);
    }
    .secret__row input {
      flex: 1;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
  `,
})
export class WebhookSecretComponent {
  readonly shown = input.required<ShownSecret>();
  readonly dismissed = output<void>();

  /** Back to false whenever another secret is shown. */
  protected readonly copied = linkedSignal({ source: this.shown, computation: () => false });

  /** The clipboard API where the browser allows it; otherwise the text is selected for Ctrl+C. */
  protected async copy(field: HTMLInputElement): Promise<void> {
    field.select();
    try {
      await navigator.clipboard.writeText(this.shown().secret);
      this.copied.set(true);
    } catch {
      this.copied.set(false);
    }
  }
}
