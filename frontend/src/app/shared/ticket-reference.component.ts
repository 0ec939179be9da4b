import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The ticket a session belongs to: its reference, as a link to the ticket when a URL was given
 * (the API accepts only http and https URLs). Nothing when the session has neither.
 */
@Component({
  selector: 'rf-ticket-reference',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (url(); as href) {
      <a [href]="href" target="_blank" rel="noopener noreferrer" data-testid="ticket-link"
        >{{ reference() || 'Open ticket' }}<span class="visually-hidden"> (opens in a new tab)</span></a
      >
    } @else if (reference(); as text) {
      <span data-testid="ticket-ref">{{ text }}</span>
    }
  `,
  styles: `
    :host {
      word-break: break-all;
    }
  `,
})
export class TicketReferenceComponent {
  readonly reference = input<string | null>(null);
  readonly url = input<string | null>(null);
}
