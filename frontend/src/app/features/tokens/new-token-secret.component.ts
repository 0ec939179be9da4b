import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import { CopyOnceFieldComponent } from '../../shared/copy-once-field.component';
import { NoticeComponent } from '../../shared/notice.component';
import type { CreatedApiToken } from './token-types';

/**
 * The secret of a token just made, shown this once: a copy button, a warning, and how to use it.
 * The server keeps only a digest, so nobody can show it again.
 */
@Component({
  selector: 'rf-new-token-secret',
  imports: [CopyOnceFieldComponent, NoticeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card secret" aria-labelledby="new-token-title">
      <h2 id="new-token-title">Your new token “{{ token().name }}”</h2>
      <rf-notice tone="warning">
        <strong>Copy it now.</strong> This is the only time it is shown: ResolutionFlow keeps only a fingerprint of it.
        If you lose it, revoke it and make a new one. Keep it secret, like a password.
      </rf-notice>
      <rf-copy-once-field
        label="Token"
        fieldId="new-token-value"
        testId="new-token-secret"
        copyTestId="copy-token"
        [value]="token().token"
      />
      <p class="muted usage">
        Send it with every request: <code>{{ usage() }}</code>
      </p>
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
    }
    .usage code {
      word-break: break-all;
    }
  `,
})
export class NewTokenSecretComponent {
  readonly token = input.required<CreatedApiToken>();
  readonly dismissed = output<void>();

  protected readonly usage = computed(
    () => `curl -H "Authorization: Bearer ${this.token().token_prefix}…" ${location.origin}/api/v1/auth/me`,
  );
}
