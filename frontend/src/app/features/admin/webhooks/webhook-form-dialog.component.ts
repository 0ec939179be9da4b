import { ChangeDetectionStrategy, Component, inject, input, output, signal, type OnInit } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';

import { DialogComponent } from '../../../shared/dialog.component';
import { FieldControlDirective } from '../../../shared/form-field/field-control.directive';
import { FormFieldComponent } from '../../../shared/form-field/form-field.component';
import { NoticeComponent } from '../../../shared/notice.component';
import { fieldErrors } from '../api-errors';
import {
  EVENT_CHOICES,
  WEBHOOK_EVENTS,
  type CreatedWebhookEndpoint,
  type SubscribableEvent,
  type WebhookEndpoint,
} from './webhook-types';
import { WebhooksService } from './webhooks.service';

type Field = 'url' | 'events' | 'description';

const CLIENT_MESSAGES: Record<Field, string> = {
  url: 'Enter the address that receives the events, starting with https:// (or http://).',
  events: 'Choose at least one event.',
  description: 'Keep the description to 500 characters.',
};

/**
 * Adds a webhook endpoint, or edits one (`endpoint` given): where to send, which events, and a note
 * for the team. Whether the address may be reached (no private or cloud-metadata addresses) is the
 * server's call: its 422 is shown under the address.
 */
@Component({
  selector: 'rf-webhook-form-dialog',
  imports: [ReactiveFormsModule, DialogComponent, NoticeComponent, FormFieldComponent, FieldControlDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './webhook-form-dialog.component.html',
  styleUrl: '../../../shared/checkbox-choices.scss',
})
export class WebhookFormDialogComponent implements OnInit {
  private readonly webhooks = inject(WebhooksService);
  private readonly fb = inject(NonNullableFormBuilder);

  /** The endpoint to edit; none to add one. */
  readonly endpoint = input<WebhookEndpoint | null>(null);
  readonly created = output<CreatedWebhookEndpoint>();
  readonly saved = output<WebhookEndpoint>();
  readonly closed = output<void>();

  protected readonly eventChoices = WEBHOOK_EVENTS.map((event) => ({ event, ...EVENT_CHOICES[event] }));

  protected readonly form = this.fb.group({
    url: ['', [Validators.required, Validators.maxLength(2048), Validators.pattern(/^https?:\/\/\S+$/i)]],
    description: ['', Validators.maxLength(500)],
    /** One checkbox per event, in WEBHOOK_EVENTS' order (a FormGroup's keys may not hold the events' dots). */
    events: this.fb.array(WEBHOOK_EVENTS.map(() => false)),
  });
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  protected readonly serverErrors = signal<Partial<Record<Field, string>>>({});
  protected readonly generalError = signal<string | null>(null);

  ngOnInit(): void {
    const endpoint = this.endpoint();
    if (endpoint) {
      this.form.setValue({
        url: endpoint.url,
        description: endpoint.description ?? '',
        events: WEBHOOK_EVENTS.map((event) => endpoint.events.includes(event)),
      });
    }
  }

  protected chosenEvents(): SubscribableEvent[] {
    const chosen = this.form.controls.events.getRawValue();
    return WEBHOOK_EVENTS.filter((_event, index) => chosen[index]);
  }

  protected errorFor(field: Field): string | null {
    const server = this.serverErrors()[field];
    if (server) {
      return server;
    }
    if (!this.submitted()) {
      return null;
    }
    if (field === 'events') {
      return this.chosenEvents().length === 0 ? CLIENT_MESSAGES.events : null;
    }
    return this.form.controls[field].invalid ? CLIENT_MESSAGES[field] : null;
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    this.serverErrors.set({});
    const events = this.chosenEvents();
    if (this.form.invalid || events.length === 0 || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.generalError.set(null);
    const url = this.form.controls.url.value.trim();
    const description = this.form.controls.description.value.trim();
    const endpoint = this.endpoint();
    try {
      if (endpoint) {
        // Events the form does not offer (webhook.test, subscribed through the API) are kept.
        const kept = endpoint.events.filter((event) => !(WEBHOOK_EVENTS as string[]).includes(event));
        this.saved.emit(
          await this.webhooks.update(endpoint.id, {
            url,
            events: [...events, ...kept],
            description: description === '' ? null : description,
          }),
        );
      } else {
        this.created.emit(
          await this.webhooks.create(description === '' ? { url, events } : { url, events, description }),
        );
      }
    } catch (error) {
      const { byField, general } = fieldErrors(
        error,
        ['url', 'events', 'description'],
        endpoint ? 'Could not save the endpoint.' : 'Could not add the endpoint.',
      );
      this.serverErrors.set(byField);
      this.generalError.set(general);
    } finally {
      this.saving.set(false);
    }
  }
}
