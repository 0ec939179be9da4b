import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

export type NoticeTone = 'info' | 'success' | 'warning' | 'danger';

/** An inline message box. Errors are announced assertively, everything else politely. */
@Component({
  selector: 'rf-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class]': '"notice notice--" + tone()',
    '[attr.role]': 'tone() === "danger" ? "alert" : "status"',
  },
  template: `
    <div class="notice__body"><ng-content /></div>
    @if (dismissible()) {
      <button type="button" class="notice__close" (click)="dismissed.emit()" aria-label="Dismiss message">×</button>
    }
  `,
  styles: `
    :host {
      display: flex;
      align-items: flex-start;
      gap: var(--rf-space-3);
      padding: var(--rf-space-3) var(--rf-space-4);
      border-radius: var(--rf-radius-sm);
      border-left: 4px solid currentColor;
      margin-bottom: var(--rf-space-4);
    }
    :host(.notice--info) {
      background: var(--rf-info-soft);
      color: var(--rf-info);
    }
    :host(.notice--success) {
      background: var(--rf-success-soft);
      color: var(--rf-success);
    }
    :host(.notice--warning) {
      background: var(--rf-warning-soft);
      color: var(--rf-warning);
    }
    :host(.notice--danger) {
      background: var(--rf-danger-soft);
      color: var(--rf-danger);
    }
    .notice__body {
      flex: 1;
      color: var(--rf-text);
    }
    .notice__close {
      border: 0;
      background: transparent;
      color: inherit;
      font-size: 1.4rem;
      line-height: 1;
      cursor: pointer;
      padding: 0 var(--rf-space-1);
      border-radius: var(--rf-radius-sm);
    }
  `,
})
export class NoticeComponent {
  readonly tone = input<NoticeTone>('info');
  readonly dismissible = input(false);
  readonly dismissed = output<void>();
}
