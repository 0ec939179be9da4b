import { Directive, inject } from '@angular/core';

import { FormFieldComponent } from './form-field.component';

/** The control of an `rf-form-field`: takes the field's id, invalid state and description. */
@Directive({
  selector: '[rfFieldControl]',
  host: {
    '[id]': 'field.controlId()',
    '[attr.aria-invalid]': 'field.isInvalid()',
    '[attr.aria-describedby]': 'field.describedBy()',
  },
})
export class FieldControlDirective {
  protected readonly field = inject(FormFieldComponent);
}
