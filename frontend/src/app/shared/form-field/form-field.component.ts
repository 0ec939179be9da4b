import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/**
 * A labelled form field: the label, the control (projected, marked `rfFieldControl`), an optional
 * hint and the field's error. The control is described by the hint and the error and marked
 * invalid while there is an error, so every form says the same thing to a screen reader.
 */
@Component({
  selector: 'rf-form-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'field' },
  templateUrl: './form-field.component.html',
})
export class FormFieldComponent {
  readonly label = input.required<string>();
  /** The projected control's id: the label points at it, the hint and error ids derive from it. */
  readonly controlId = input.required<string>();
  readonly hint = input<string | null>(null);
  readonly error = input<string | null>(null);
  /** Marks the control invalid without an error text (e.g. a problem listed elsewhere on the page). */
  readonly invalid = input(false);

  readonly hintId = computed(() => `${this.controlId()}-hint`);
  readonly errorId = computed(() => `${this.controlId()}-error`);
  /** What the control's aria-describedby lists: the hint and the error, when shown. */
  readonly describedBy = computed(() => {
    const ids = [this.hint() ? this.hintId() : null, this.error() ? this.errorId() : null].filter((id) => id !== null);
    return ids.length > 0 ? ids.join(' ') : null;
  });
  readonly isInvalid = computed(() => this.invalid() || this.error() !== null);
}
