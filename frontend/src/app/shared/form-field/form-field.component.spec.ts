import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';

import { settle } from '../../../testing/fixtures';
import { FieldControlDirective } from './field-control.directive';
import { FormFieldComponent } from './form-field.component';

@Component({
  imports: [FormFieldComponent, FieldControlDirective],
  template: `
    <rf-form-field label="E-mail" controlId="email" [hint]="hint()" [error]="error()">
      <input rfFieldControl type="email" />
    </rf-form-field>
  `,
})
class HostComponent {
  readonly hint = signal<string | null>('We never share it.');
  readonly error = signal<string | null>(null);
}

describe('FormFieldComponent', () => {
  let fixture: ComponentFixture<HostComponent>;
  const input = () => fixture.nativeElement.querySelector('input') as HTMLInputElement;

  beforeEach(async () => {
    fixture = TestBed.createComponent(HostComponent);
    await settle(fixture);
  });

  it('labels the control and describes it by its hint', () => {
    expect(input().id).toBe('email');
    expect(fixture.nativeElement.querySelector('label').getAttribute('for')).toBe('email');
    expect(input().getAttribute('aria-invalid')).toBe('false');
    expect(input().getAttribute('aria-describedby')).toBe('email-hint');
    expect(fixture.nativeElement.querySelector('#email-hint').textContent).toBe('We never share it.');
  });

  it('marks the control invalid and describes it by its error too while there is one', async () => {
    fixture.componentInstance.error.set('E-mail must be a valid e-mail address.');
    await settle(fixture);
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(input().getAttribute('aria-describedby')).toBe('email-hint email-error');
    expect(fixture.nativeElement.querySelector('#email-error').textContent).toBe(
      'E-mail must be a valid e-mail address.',
    );

    fixture.componentInstance.hint.set(null);
    fixture.componentInstance.error.set(null);
    await settle(fixture);
    expect(input().hasAttribute('aria-describedby')).toBe(false);
    expect(fixture.nativeElement.querySelector('.field__error')).toBeNull();
  });
});
