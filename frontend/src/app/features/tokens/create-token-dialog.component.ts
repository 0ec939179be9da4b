import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';

import { DialogComponent } from '../../shared/dialog.component';
import { NoticeComponent } from '../../shared/notice.component';
import { fieldErrors } from '../admin/api-errors';
import { ApiTokensService } from './api-tokens.service';
import {
  DEFAULT_EXPIRY_DAYS,
  EXPIRY_CHOICES,
  SCOPE_CHOICES,
  TOKEN_SCOPES,
  type CreatedApiToken,
  type TokenScope,
} from './token-types';

type Field = 'name' | 'scopes' | 'expires_in_days';

const CLIENT_MESSAGES: Record<Field, string> = {
  name: 'Name the token (up to 100 characters), e.g. after the tool that will use it.',
  scopes: 'Choose at least one scope.',
  expires_in_days: 'Choose when the token expires.',
};

/** Makes a personal API token: a name, what it may do, and when it stops working. */
@Component({
  selector: 'rf-create-token-dialog',
  imports: [ReactiveFormsModule, DialogComponent, NoticeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './create-token-dialog.component.html',
  styleUrl: '../../shared/checkbox-choices.scss',
})
export class CreateTokenDialogComponent {
  private readonly tokens = inject(ApiTokensService);

  readonly created = output<CreatedApiToken>();
  readonly closed = output<void>();

  protected readonly scopeChoices = TOKEN_SCOPES.map((scope) => ({ scope, ...SCOPE_CHOICES[scope] }));
  protected readonly expiryChoices = EXPIRY_CHOICES;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(100), Validators.pattern(/\S/)]],
    expiresInDays: [DEFAULT_EXPIRY_DAYS as number, Validators.required],
    scopes: this.fb.group(
      Object.fromEntries(TOKEN_SCOPES.map((scope) => [scope, new FormControl(false, { nonNullable: true })])) as Record<
        TokenScope,
        FormControl<boolean>
      >,
    ),
  });
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  protected readonly serverErrors = signal<Partial<Record<Field, string>>>({});
  protected readonly generalError = signal<string | null>(null);

  protected chosenScopes(): TokenScope[] {
    const chosen = this.form.controls.scopes.getRawValue();
    return TOKEN_SCOPES.filter((scope) => chosen[scope]);
  }

  protected errorFor(field: Field): string | null {
    const server = this.serverErrors()[field];
    if (server) {
      return server;
    }
    if (!this.submitted()) {
      return null;
    }
    if (field === 'scopes') {
      return this.chosenScopes().length === 0 ? CLIENT_MESSAGES.scopes : null;
    }
    const control = field === 'name' ? this.form.controls.name : this.form.controls.expiresInDays;
    return control.invalid ? CLIENT_MESSAGES[field] : null;
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    this.serverErrors.set({});
    const scopes = this.chosenScopes();
    if (this.form.invalid || scopes.length === 0 || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.generalError.set(null);
    const { name, expiresInDays } = this.form.getRawValue();
    try {
      this.created.emit(
        await this.tokens.create({ name: name.trim(), scopes, expires_in_days: Number(expiresInDays) }),
      );
    } catch (error) {
      const { byField, general } = fieldErrors(
        error,
        ['name', 'scopes', 'expires_in_days'],
        'Could not create the token.',
      );
      this.serverErrors.set(byField);
      this.generalError.set(general);
    } finally {
      this.saving.set(false);
    }
  }
}
