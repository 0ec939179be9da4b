import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import type { ApiToken } from './token-types';

/** A list of API tokens: what each may do, when it expires and was last used, and a revoke button. */
@Component({
  selector: 'rf-token-table',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-wrap">
      <table class="table">
        <caption class="visually-hidden">
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            @if (showOwner()) {
              <th scope="col">Owner</th>
            }
            <th scope="col">Token</th>
            <th scope="col">Scopes</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (token of tokens(); track token.id) {
            <tr [attr.data-token]="token.name" [class.is-expired]="isExpired(token)">
              <td class="name" data-label="Name">{{ token.name }}</td>
              @if (showOwner()) {
                <td data-label="Owner">
                  {{ token.owner.name }}
                  @if (token.user_id === myId()) {
                    <span class="muted">(you)</span>
                  }
                  <span class="owner-email">{{ token.owner.email }}</span>
                </td>
              }
              <td data-label="Token">
                <code>{{ token.token_prefix }}…</code>
              </td>
              <td data-label="Scopes">
                <ul class="scopes" [attr.aria-label]="'Scopes of ' + token.name">
                  @for (scope of token.scopes; track scope) {
                    <li>
                      <code>{{ scope }}</code>
                    </li>
                  }
                </ul>
              </td>
              <td data-label="Expires">
                @if (isExpired(token)) {
                  <span class="expired">Expired</span>
                }
                <time [attr.datetime]="token.expires_at">{{ token.expires_at | date: 'MMM d, y' }}</time>
              </td>
              <td data-label="Last used">
                @if (token.last_used_at) {
                  <time [attr.datetime]="token.last_used_at">{{ token.last_used_at | date: 'MMM d, y, h:mm a' }}</time>
                } @else {
                  <span class="muted">Never</span>
                }
              </td>
              <td class="actions">
                <button
                  type="button"
                  class="btn btn--small btn--danger"
                  [attr.aria-label]="'Revoke ' + token.name"
                  (click)="revoke.emit(token)"
                >
                  Revoke
                </button>
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .name {
      font-weight: 600;
    }
    .owner-email {
      display: block;
      color: var(--rf-text-muted);
      font-size: 0.85rem;
      word-break: break-all;
    }
    .scopes {
      display: flex;
      flex-wrap: wrap;
      gap: var(--rf-space-1);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .scopes code {
      display: inline-block;
      padding: 1px 8px;
      border-radius: 999px;
      background: var(--rf-surface-muted);
      font-size: 0.8rem;
    }
    .expired {
      display: inline-block;
      margin-right: var(--rf-space-1);
      padding: 1px 8px;
      border-radius: 999px;
      background: var(--rf-danger-soft);
      color: var(--rf-danger);
      font-size: 0.8rem;
      font-weight: 600;
    }
    .is-expired .name {
      color: var(--rf-text-muted);
    }
    .actions {
      text-align: right;
      white-space: nowrap;
    }
  `,
})
export class TokenTableComponent {
  readonly caption = input.required<string>();
  readonly tokens = input.required<ApiToken[]>();
  readonly showOwner = input(false);
  readonly myId = input<string | null>(null);
  readonly revoke = output<ApiToken>();

  protected isExpired(token: ApiToken): boolean {
    return Date.parse(token.expires_at) <= Date.now();
  }
}
