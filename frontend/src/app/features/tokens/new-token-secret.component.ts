import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';

import { NoticeComponent } from '../../shared/notice.component';
import type { CreatedApiToken } from './token-types';

/**
 * The secret of a token just made, shown this once: a copy button, a warning, and how to use it.
 * The server keeps only a digest, so nobody can show it again.
 */
@Component({
  selector: 'rf-new-token-secret',
  imports: [NoticeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card secret" aria-labelledby="new-token-title">
      <h2 id="new-token-title">Your new token “{{ token().name }}”</h2>
      <rf-notice tone="warning">
        <strong>Copy it now.</strong> This is the only time it is shown: ResolutionFlow keeps only a fingerprint of it.
        If you lose it, revoke it and make a new one. Keep it secret, like a password.
      </rf-notice>
      <div class="secret__row">
        <label for="new-token-value" class="visually-hidden">Token</label>
        <input
          #secret
          id="new-token-value"
          type="text"
          readonly
          spellcheck="false"
          data-testid="new-token-secret"
          [value]="token().token"
          (focus)="secret.select()"
        />
        <button type="button" class="btn btn--primary" (click)="copy(secret)" data-testid="copy-token">
          {{ copied() ? 'Copied' : 'Copy' }}
        </button>
      </div>
      <span class="visually-hidden" role="status">{{ copied() ? 'Token copied to the clipboard' : '' }}</span>
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
    .secret__row {
      display: flex;
      gap: var(--rf-space-2);
      margin-bottom: var(--rf-space-3);
    }
    .secret__row input {
      flex: 1;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .usage code {
      word-break: break-all;
    }
  `,
})
export class NewTokenSecretComponent {
  readonly token = input.required<CreatedApiToken>();
  readonly dismissed = output<void>();

  protected readonly copied = signal(false);
  protected readonly usage = computed(
    () => `curl -H "Authorization: Bearer ${this.token().token_prefix}…" ${location.origin}/api/v1/auth/me`,
  );

  /** The clipboard API where the browser allows it; otherwise the text is selected for Ctrl+C. */
  protected async copy(field: HTMLInputElement): Promise<void> {
    field.select();
    try {
      await navigator.clipboard.writeText(this.token().token);
      this.copied.set(true);
    } catch {
      this.copied.set(false);
    }
  }
}
