import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, type OnInit } from '@angular/core';

import { AuthService } from '../../core/auth/auth.service';
import { ADMIN_ROLES } from '../../core/layout/nav-items';
import { DialogComponent } from '../../shared/dialog.component';
import { NoticeComponent } from '../../shared/notice.component';
import { errorMessage } from '../admin/api-errors';
import { ApiTokensService } from './api-tokens.service';
import { CreateTokenDialogComponent } from './create-token-dialog.component';
import { NewTokenSecretComponent } from './new-token-secret.component';
import { TokenTableComponent } from './token-table.component';
import type { ApiToken, CreatedApiToken } from './token-types';

/**
 * Everyone's personal API tokens for integrations: make one (its secret shown once), see what
 * each may do and when it was last used, revoke it. Team admins also see every token of the
 * account, with its owner, and may revoke any.
 */
@Component({
  selector: 'rf-api-tokens-page',
  imports: [
    DatePipe,
    DialogComponent,
    NoticeComponent,
    CreateTokenDialogComponent,
    NewTokenSecretComponent,
    TokenTableComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './api-tokens-page.component.html',
  styleUrl: './api-tokens-page.component.scss',
})
export class ApiTokensPageComponent implements OnInit {
  private readonly tokens = inject(ApiTokensService);
  private readonly auth = inject(AuthService);

  protected readonly isAdmin = computed(() => this.auth.hasRole(...ADMIN_ROLES));
  protected readonly mine = signal<ApiToken[]>([]);
  /** Every token of the account (team admins), or null until loaded. */
  protected readonly accountTokens = signal<ApiToken[] | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly success = signal<string | null>(null);
  protected readonly creating = signal(false);
  /** The token just made: its secret is shown until the person dismisses it, then never again. */
  protected readonly newToken = signal<CreatedApiToken | null>(null);
  protected readonly revoking = signal<ApiToken | null>(null);
  protected readonly revokeBusy = signal(false);
  protected readonly revokeError = signal<string | null>(null);

  protected readonly myId = computed(() => this.auth.user()?.id ?? null);

  async ngOnInit(): Promise<void> {
    await this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const [mine, all] = await Promise.all([
        this.tokens.list(),
        this.isAdmin() ? this.tokens.list(true) : Promise.resolve(null),
      ]);
      this.mine.set(mine);
      this.accountTokens.set(all);
    } catch (error) {
      this.loadError.set(errorMessage(error, 'Could not load the API tokens.'));
    } finally {
      this.loading.set(false);
    }
  }

  protected openCreate(): void {
    this.success.set(null);
    this.newToken.set(null);
    this.creating.set(true);
  }

  protected onCreated(token: CreatedApiToken): void {
    this.creating.set(false);
    this.newToken.set(token);
    const { token: _secret, ...listed } = token;
    this.mine.update((tokens) => [listed, ...tokens]);
    this.accountTokens.update((tokens) => (tokens === null ? null : [listed, ...tokens]));
  }

  protected askRevoke(token: ApiToken): void {
    this.revokeError.set(null);
    this.revoking.set(token);
  }

  protected async confirmRevoke(): Promise<void> {
    const token = this.revoking();
    if (!token || this.revokeBusy()) {
      return;
    }
    this.revokeBusy.set(true);
    this.revokeError.set(null);
    try {
      await this.tokens.revoke(token.id);
      this.mine.update((tokens) => tokens.filter((candidate) => candidate.id !== token.id));
      this.accountTokens.update((tokens) => tokens?.filter((candidate) => candidate.id !== token.id) ?? null);
      if (this.newToken()?.id === token.id) {
        this.newToken.set(null);
      }
      this.revoking.set(null);
      this.success.set(`“${token.name}” is revoked: anything still using it is refused from now on.`);
    } catch (error) {
      this.revokeError.set(errorMessage(error, `Could not revoke “${token.name}”.`));
    } finally {
      this.revokeBusy.set(false);
    }
  }
}
