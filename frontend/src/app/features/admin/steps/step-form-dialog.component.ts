import { ChangeDetectionStrategy, Component, inject, input, output, signal, type OnInit } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';

import { DialogComponent } from '../../../shared/dialog.component';
import { FieldControlDirective } from '../../../shared/form-field/field-control.directive';
import { FormFieldComponent } from '../../../shared/form-field/form-field.component';
import { NoticeComponent } from '../../../shared/notice.component';
import type { LibraryStep } from '../admin-api-types';
import { fieldErrors } from '../api-errors';
import { StepLibraryService } from './step-library.service';

/** Creates a library step, or edits one (`step` given). */
@Component({
  selector: 'rf-step-form-dialog',
  imports: [ReactiveFormsModule, DialogComponent, NoticeComponent, FormFieldComponent, FieldControlDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <rf-dialog [title]="step() ? 'Edit step' : 'New step'" [locked]="saving()" (closed)="closed.emit()">
      <form id="step-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        @if (generalError(); as message) {
          <rf-notice tone="danger">{{ message }}</rf-notice>
        }
        <rf-form-field label="Title" controlId="step-title" [error]="titleError()">
          <input rfFieldControl type="text" formControlName="title" placeholder="Restart the print spooler" />
        </rf-form-field>
        <rf-form-field
          label="Instructions"
          controlId="step-instructions"
          hint="What the engineer does, one action per line."
          [error]="instructionsError()"
        >
          <textarea rfFieldControl rows="7" formControlName="instructions"></textarea>
        </rf-form-field>
      </form>
      <div rfDialogActions>
        <button type="button" class="btn" (click)="closed.emit()" [disabled]="saving()">Cancel</button>
        <button type="submit" form="step-form" class="btn btn--primary" [disabled]="saving()">
          {{ saving() ? 'Saving…' : step() ? 'Save step' : 'Add step' }}
        </button>
      </div>
    </rf-dialog>
  `,
})
export class StepFormDialogComponent implements OnInit {
  private readonly stepsService = inject(StepLibraryService);

  readonly step = input<LibraryStep | null>(null);
  readonly saved = output<LibraryStep>();
  readonly closed = output<void>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    instructions: ['', Validators.maxLength(10000)],
  });
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  protected readonly serverErrors = signal<{ title?: string; instructions?: string }>({});
  protected readonly generalError = signal<string | null>(null);

  ngOnInit(): void {
    const step = this.step();
    if (step) {
      this.form.setValue({ title: step.title, instructions: step.instructions });
    }
  }

  protected titleError(): string | null {
    const control = this.form.controls.title;
    if (control.invalid && (control.touched || this.submitted())) {
      return control.hasError('maxlength') ? 'Keep the title under 200 characters.' : 'Give the step a title.';
    }
    return this.serverErrors().title ?? null;
  }

  protected instructionsError(): string | null {
    const control = this.form.controls.instructions;
    if (control.invalid) {
      return 'Keep the instructions under 10,000 characters.';
    }
    return this.serverErrors().instructions ?? null;
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    if (this.form.controls.title.value.trim() === '') {
      this.form.controls.title.setValue('');
    }
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.generalError.set(null);
    this.serverErrors.set({});
    const input = { title: this.form.controls.title.value.trim(), instructions: this.form.controls.instructions.value };
    try {
      const existing = this.step();
      this.saved.emit(
        existing ? await this.stepsService.update(existing.id, input) : await this.stepsService.create(input),
      );
    } catch (error) {
      const { byField, general } = fieldErrors(error, ['title', 'instructions'], 'Could not save the step.');
      this.serverErrors.set(byField);
      this.generalError.set(general);
    } finally {
      this.saving.set(false);
    }
  }
}
