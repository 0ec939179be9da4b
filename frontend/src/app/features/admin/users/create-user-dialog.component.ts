import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';

import { isHttpStatus } from '../../../core/http/api-error';
import { DialogComponent } from '../../../shared/dialog.component';
import { FieldControlDirective } from '../../../shared/form-field/field-control.directive';
import { FormFieldComponent } from '../../../shared/form-field/form-field.component';
import { NoticeComponent } from '../../../shared/notice.component';
import type { AccountUser, AssignableRole } from '../admin-api-types';
import { fieldErrors } from '../api-errors';
import { AccountUsersService } from './account-users.service';

type Field = 'name' | 'email' | 'password' | 'role';

const CLIENT_MESSAGES: Record<Field, string> = {
  name: 'Enter the person’s name.',
  email: 'Enter a valid e-mail address.',
  password: 'The initial password needs at least 8 characters.',
  role: 'Choose a role.',
};

/** Adds an engineer or admin to the account with an initial password the admin hands over. */
@Component({
  selector: 'rf-create-user-dialog',
  imports: [ReactiveFormsModule, DialogComponent, NoticeComponent, FormFieldComponent, FieldControlDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './create-user-dialog.component.html',
})
export class CreateUserDialogComponent {
  private readonly usersService = inject(AccountUsersService);

  readonly created = output<AccountUser>();
  readonly closed = output<void>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(120)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    password: ['', [Validators.required, Validators.minLength(8), Validators.maxLength(200)]],
    role: ['engineer' as AssignableRole, Validators.required],
  });
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  /** The server's word on a field (duplicate e-mail, 422 messages), until the field changes. */
  protected readonly serverErrors = signal<Partial<Record<Field, string>>>({});
  protected readonly generalError = signal<string | null>(null);

  constructor() {
    for (const field of Object.keys(this.form.controls) as Field[]) {
      this.form.controls[field].valueChanges.subscribe(() => {
        if (this.serverErrors()[field]) {
          this.serverErrors.update(({ [field]: _cleared, ...rest }) => rest);
        }
      });
    }
  }

  protected errorFor(field: Field): string | null {
    const server = this.serverErrors()[field];
    if (server) {
      return server;
    }
    const control = this.form.controls[field];
    return control.invalid && (control.touched || this.submitted()) ? CLIENT_MESSAGES[field] : null;
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.generalError.set(null);
    const { name, email, password, role } = this.form.getRawValue();
    try {
      const user = await this.usersService.create({ name: name.trim(), email: email.trim(), password, role });
      this.created.emit(user);
    } catch (error) {
      if (isHttpStatus(error, 409)) {
        this.serverErrors.set({ email: 'An account with this e-mail already exists. Use another address.' });
      } else {
        const { byField, general } = fieldErrors(
          error,
          ['name', 'email', 'password', 'role'],
          'Could not create the user.',
        );
        this.serverErrors.set(byField);
        this.generalError.set(general);
      }
    } finally {
      this.saving.set(false);
    }
  }
}
