import { ChangeDetectionStrategy, Component, computed, inject, signal, type OnInit } from '@angular/core';
import { Router } from '@angular/router';

import { AuthService } from '../../../core/auth/auth.service';
import { DialogComponent } from '../../../shared/dialog.component';
import { LoadErrorComponent } from '../../../shared/load-error/load-error.component';
import { NoticeComponent } from '../../../shared/notice.component';
import { RoleBadgeComponent } from '../../../shared/role-badge.component';
import { RowActionComponent } from '../../../shared/row-action/row-action.component';
import { RowActionsComponent } from '../../../shared/row-actions/row-actions.component';
import type { AccountUser, AssignableRole } from '../admin-api-types';
import { errorMessage } from '../api-errors';
import { AccountUsersService } from './account-users.service';
import { CreateUserDialogComponent } from './create-user-dialog.component';

/** Team admins run their team here: who may sign in, and who may administer. */
@Component({
  selector: 'rf-users-page',
  imports: [
    NoticeComponent,
    RoleBadgeComponent,
    DialogComponent,
    CreateUserDialogComponent,
    RowActionsComponent,
    RowActionComponent,
    LoadErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-page.component.html',
  styleUrl: './users-page.component.scss',
})
export class UsersPageComponent implements OnInit {
  private readonly usersService = inject(AccountUsersService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly users = signal<AccountUser[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly success = signal<string | null>(null);
  /** A failed change, shown under the row it concerns (e.g. the last-admin rule). */
  protected readonly rowError = signal<{ userId: string; message: string } | null>(null);
  protected readonly busyUserId = signal<string | null>(null);
  protected readonly creating = signal(false);
  protected readonly deactivating = signal<AccountUser | null>(null);
  protected readonly deactivateError = signal<string | null>(null);

  protected readonly me = computed(() => this.auth.user()?.id ?? null);
  protected readonly activeCount = computed(() => this.users().filter((user) => user.is_active).length);

  async ngOnInit(): Promise<void> {
    await this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      this.users.set(await this.usersService.list());
    } catch (error) {
      this.loadError.set(errorMessage(error, 'Could not load the users.'));
    } finally {
      this.loading.set(false);
    }
  }

  /** A super admin's row belongs to the operator; team admins cannot change it. */
  protected canManage(user: AccountUser): boolean {
    return user.role !== 'super_admin';
  }

  protected openCreate(): void {
    this.success.set(null);
    this.creating.set(true);
  }

  protected onCreated(user: AccountUser): void {
    this.creating.set(false);
    this.users.update((users) => [...users, user].sort((a, b) => a.name.localeCompare(b.name)));
    this.success.set(`${user.name} can now sign in as ${user.email}.`);
  }

  protected async changeRole(user: AccountUser, event: Event): Promise<void> {
    const select = event.target as HTMLSelectElement;
    const role = select.value as AssignableRole;
    if (role === user.role) {
      return;
    }
    const changed = await this.applyChange(user, { role });
    if (!changed) {
      // The server said no: show the role the user still has.
      select.value = user.role;
    }
  }

  protected askDeactivate(user: AccountUser): void {
    this.deactivateError.set(null);
    this.deactivating.set(user);
  }

  protected async confirmDeactivate(): Promise<void> {
    const user = this.deactivating();
    if (!user) {
      return;
    }
    this.busyUserId.set(user.id);
    this.deactivateError.set(null);
    try {
      this.replace(await this.usersService.update(user.id, { is_active: false }));
      this.deactivating.set(null);
      this.success.set(`${user.name} is deactivated and can no longer sign in.`);
      if (user.id === this.me()) {
        this.auth.logout();
      }
    } catch (error) {
      this.deactivateError.set(errorMessage(error, `Could not deactivate ${user.name}.`));
    } finally {
      this.busyUserId.set(null);
    }
  }

  protected async reactivate(user: AccountUser): Promise<void> {
    if (await this.applyChange(user, { is_active: true })) {
      this.success.set(`${user.name} can sign in again.`);
    }
  }

  private async applyChange(
    user: AccountUser,
    changes: { role?: AssignableRole; is_active?: boolean },
  ): Promise<boolean> {
    this.busyUserId.set(user.id);
    this.rowError.set(null);
    this.success.set(null);
    try {
      const updated = await this.usersService.update(user.id, changes);
      this.replace(updated);
      if (user.id === this.me() && updated.role === 'engineer') {
        // The signed-in admin gave up their own admin role: the admin pages are no longer theirs.
        await this.auth.refreshUser();
        await this.router.navigate(['/flows']);
      }
      return true;
    } catch (error) {
      this.rowError.set({ userId: user.id, message: errorMessage(error, `Could not change ${user.name}.`) });
      return false;
    } finally {
      this.busyUserId.set(null);
    }
  }

  private replace(updated: AccountUser): void {
    this.users.update((users) => users.map((user) => (user.id === updated.id ? updated : user)));
  }
}
