import { ChangeDetectionStrategy, Component, input, linkedSignal } from '@angular/core';

/**
 * A secret shown once (an API token, a webhook signing secret): read-only, selected on focus, with
 * a Copy button that says when it worked, and the same news for screen readers.
 */
@Component({
  selector: 'rf-copy-once-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="copy-once">
      <label [for]="fieldId()" class="visually-hidden">{{ label() }}</label>
      <input
        #field
        type="text"
        readonly
        spellcheck="false"
        [id]="fieldId()"
        [attr.data-testid]="testId()"
        [value]="value()"
        (focus)="field.select()"
      />
      <button type="button" class="btn btn--primary" (click)="copy(field)" [attr.data-testid]="copyTestId()">
        {{ copied() ? 'Copied' : 'Copy' }}
      </button>
    </div>
    <span class="visually-hidden" role="status">{{ copied() ? label() + ' copied to the clipboard' : '' }}</span>
  `,
  styles: `
    .copy-once {
      display: flex;
      gap: var(--rf-space-2);
      margin-bottom: var(--rf-space-3);
    }
    .copy-once input {
      flex: 1;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
  `,
})
export class CopyOnceFieldComponent {
  readonly value = input.required<string>();
  /** What it is, for the hidden label and the "copied" news: "Token", "Signing secret". */
  readonly label = input.required<string>();
  readonly fieldId = input.required<string>();
  readonly testId = input<string>();
  readonly copyTestId = input<string>();

  /** Back to false whenever another value is shown. */
  protected readonly copied = linkedSignal({ source: this.value, computation: () => false });

  /** The clipboard API where the browser allows it; otherwise the text is selected for Ctrl+C. */
  protected async copy(field: HTMLInputElement): Promise<void> {
    field.select();
    try {
      await navigator.clipboard.writeText(this.value());
      this.copied.set(true);
    } catch {
      this.copied.set(false);
    }
  }
}
