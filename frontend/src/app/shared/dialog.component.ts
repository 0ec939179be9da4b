import { CdkTrapFocus } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

let nextDialogId = 0;

/**
 * A modal panel over the page. The parent shows it with `@if` and hides it on `closed`;
 * focus moves into the panel, stays there while it is open and returns afterwards.
 *
 *   <rf-dialog title="New user" (closed)="close()"> …body… <div rfDialogActions>…buttons…</div></rf-dialog>
 */
@Component({
  selector: 'rf-dialog',
  imports: [CdkTrapFocus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown.escape)': 'dismiss()' },
  template: `
    <div class="backdrop" (click)="dismiss()" aria-hidden="true"></div>
    <section
      class="panel"
      [class]="'panel--' + size()"
      role="dialog"
      aria-modal="true"
      [attr.aria-labelledby]="titleId"
      cdkTrapFocus
      [cdkTrapFocusAutoCapture]="true"
    >
      <header class="panel__header">
        <h2 [id]="titleId">{{ title() }}</h2>
      </header>
      <div class="panel__body"><ng-content /></div>
      <footer class="panel__actions"><ng-content select="[rfDialogActions]" /></footer>
      <!-- Last in the tab order, so focus starts on the first field or button, not on ×. -->
      <button type="button" class="panel__close" (click)="dismiss()" aria-label="Close">×</button>
    </section>
  `,
  styles: `
    :host {
      position: fixed;
      inset: 0;
      z-index: 50;
      display: grid;
      place-items: center;
      padding: var(--rf-space-4);
    }
    .backdrop {
      position: absolute;
      inset: 0;
      background: rgb(23 32 51 / 45%);
    }
    .panel {
      position: relative;
      width: 100%;
      max-height: calc(100vh - 2 * var(--rf-space-4));
      display: flex;
      flex-direction: column;
      background: var(--rf-surface);
      border-radius: var(--rf-radius-lg);
      box-shadow: 0 12px 40px rgb(23 32 51 / 25%);
    }
    .panel--small {
      max-width: 440px;
    }
    .panel--medium {
      max-width: 560px;
    }
    .panel--large {
      max-width: 860px;
    }
    .panel__header {
      padding: var(--rf-space-4) calc(var(--rf-space-5) + 32px) var(--rf-space-4) var(--rf-space-5);
      border-bottom: 1px solid var(--rf-border);
    }
    .panel__header h2 {
      margin: 0;
      font-size: 1.2rem;
    }
    .panel__close {
      position: absolute;
      top: var(--rf-space-3);
      right: var(--rf-space-4);
      border: 0;
      background: transparent;
      font-size: 1.6rem;
      line-height: 1;
      color: var(--rf-text-muted);
      cursor: pointer;
      padding: 0 var(--rf-space-1);
      border-radius: var(--rf-radius-sm);
    }
    .panel__body {
      padding: var(--rf-space-5);
      overflow-y: auto;
    }
    .panel__actions {
      display: flex;
      justify-content: flex-end;
      flex-wrap: wrap;
      gap: var(--rf-space-2);
      padding: var(--rf-space-3) var(--rf-space-5) var(--rf-space-4);
      border-top: 1px solid var(--rf-border);
    }
    .panel__actions:empty {
      display: none;
    }
    /* The projected actions wrapper is the parent's element: lay its buttons out from here. */
    .panel__actions ::ng-deep [rfDialogActions] {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: var(--rf-space-2);
    }
  `,
})
export class DialogComponent {
  readonly title = input.required<string>();
  readonly size = input<'small' | 'medium' | 'large'>('medium');
  /** While true (e.g. a request is running) Escape and the backdrop do not close the dialog. */
  readonly locked = input(false);
  readonly closed = output<void>();

  protected readonly titleId = `rf-dialog-title-${nextDialogId++}`;

  protected dismiss(): void {
    if (!this.locked()) {
      this.closed.emit();
    }
  }
}
