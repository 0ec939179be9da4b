import { ChangeDetectionStrategy, Component, inject, input, signal, type OnInit } from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import { SessionsService, type SessionTicket } from '../../core/data/sessions.service';
import { apiErrorMessage, isHttpStatus } from '../../core/http/api-error';
import { NoticeComponent } from '../../shared/notice.component';

/**
 * The deep link a ticketing tool puts in a ticket: `/flows/:id/start?external_ref=…&external_url=…`.
 * The auth guard signs the engineer in first if needed (and comes back here); then a session is
 * started with the ticket attached and the runner opens in this page's place, so Back does not
 * start a second session.
 */
@Component({
  selector: 'rf-start-from-link',
  imports: [RouterLink, NoticeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error(); as message) {
      <rf-notice tone="danger">{{ message }}</rf-notice>
      <a class="btn" routerLink="/flows">Go to the flows</a>
    } @else {
      <p class="muted" role="status">Starting the session{{ externalRef() ? ' for ' + externalRef() : '' }}…</p>
    }
  `,
})
export class StartFromLinkComponent implements OnInit {
  private readonly sessions = inject(SessionsService);
  private readonly router = inject(Router);

  /** The flow, from the route. */
  readonly id = input.required<string>();
  // The router binds the link's query parameters by name, and those names are public (external_ref, external_url).
  // eslint-disable-next-line @angular-eslint/no-input-rename
  readonly externalRef = input<string | undefined>(undefined, { alias: 'external_ref' });
  // eslint-disable-next-line @angular-eslint/no-input-rename
  readonly externalUrl = input<string | undefined>(undefined, { alias: 'external_url' });

  protected readonly error = signal<string | null>(null);

  async ngOnInit(): Promise<void> {
    const ticket: SessionTicket = {};
    const reference = this.externalRef()?.trim();
    const url = this.externalUrl()?.trim();
    if (reference) ticket.external_ref = reference;
    if (url) ticket.external_url = url;
    try {
      const session = await this.sessions.start(this.id(), ticket);
      await this.router.navigate(['/sessions', session.id, 'run'], { replaceUrl: true });
    } catch (error) {
      this.error.set(
        isHttpStatus(error, 404) || (isHttpStatus(error, 422) && apiErrorMessage(error).includes('tree_id'))
          ? 'This link names a flow that does not exist in your account. Ask whoever sent it, or pick a flow yourself.'
          : apiErrorMessage(error, 'Could not start the session from this link.'),
      );
    }
  }
}
