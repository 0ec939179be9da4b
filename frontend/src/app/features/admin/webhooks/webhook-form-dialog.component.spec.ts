import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';

import { expectCall, failWith } from '../../../../testing/admin-fixtures';
import { settle } from '../../../../testing/fixtures';
import { SECRET, TICKETS_ENDPOINT } from '../../../../testing/webhook-fixtures';
import { provideApiConfiguration } from '../../../api/api-configuration';
import { WebhookFormDialogComponent } from './webhook-form-dialog.component';
import type { CreatedWebhookEndpoint, WebhookEndpoint } from './webhook-types';

describe('WebhookFormDialogComponent', () => {
  let fixture: ComponentFixture<WebhookFormDialogComponent>;
  let http: HttpTestingController;
  let created: CreatedWebhookEndpoint[];
  let saved: WebhookEndpoint[];

  async function render(endpoint: WebhookEndpoint | null = null): Promise<void> {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideApiConfiguration('')],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(WebhookFormDialogComponent);
    fixture.componentRef.setInput('endpoint', endpoint);
    created = [];
    saved = [];
    fixture.componentInstance.created.subscribe((value) => created.push(value));
    fixture.componentInstance.saved.subscribe((value) => saved.push(value));
    await settle(fixture);
  }

  afterEach(() => http.verify());

  const page = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const field = (selector: string) => page().querySelector<HTMLInputElement>(selector)!;
  const checkbox = (event: string) => field(`input[data-event="${event}"]`);

  function type(selector: string, value: string): void {
    field(selector).value = value;
    field(selector).dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    page().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(fixture);
  }

  it('offers every event as a checkbox', async () => {
    await render();
    const events = Array.from(page().querySelectorAll<HTMLInputElement>('input[data-event]')).map((input) =>
      input.getAttribute('data-event'),
    );
    expect(events).toEqual([
      'session.started',
      'session.completed',
      'session.rated',
      'step.feedback',
      'flow.published',
    ]);
  });

  it('asks for an address and an event before sending anything', async () => {
    await render();
    await submit();

    expect(page().querySelector('#webhook-url-error')!.textContent).toContain('starting with https://');
    expect(field('#webhook-url').getAttribute('aria-invalid')).toBe('true');
    expect(page().querySelector('#webhook-events-error')!.textContent).toContain('Choose at least one event.');

    type('#webhook-url', 'ftp://files.example.com');
    await submit();
    expect(page().querySelector('#webhook-url-error')).not.toBeNull();
    http.expectNone((request) => request.method === 'POST');
  });

  it('sends the address, the chosen events and the description, and hands on the secret', async () => {
    await render();
    type('#webhook-url', '  https://hooks.example.org/rf ');
    type('#webhook-description', 'Slack bot');
    checkbox('step.feedback').click();
    checkbox('session.started').click();
    await submit();

    const request = expectCall(http, 'POST', '/api/v1/webhooks');
    expect(request.request.body).toEqual({
      url: 'https://hooks.example.org/rf',
      events: ['session.started', 'step.feedback'],
      description: 'Slack bot',
    });
    const answer: CreatedWebhookEndpoint = { ...TICKETS_ENDPOINT, secret: SECRET };
    request.flush(answer);
    await settle(fixture);
    expect(created).toEqual([answer]);
  });

  it('shows the server’s refusal of the address (422 naming url) under the address', async () => {
    await render();
    type('#webhook-url', 'http://127.0.0.1:8080/hook');
    checkbox('session.completed').click();
    await submit();

    failWith(expectCall(http, 'POST', '/api/v1/webhooks'), 422, [
      'url is not an allowed webhook target: 127.0.0.1 is a loopback, private or unspecified address',
    ]);
    await settle(fixture);

    expect(page().querySelector('#webhook-url-error')!.textContent).toBe(
      'Url is not an allowed webhook target: 127.0.0.1 is a loopback, private or unspecified address.',
    );
    expect(field('#webhook-url').getAttribute('aria-invalid')).toBe('true');
    expect(page().querySelector('[role="alert"]')).toBeNull();
    expect(created).toEqual([]);
  });

  it('shows a general failure above the form', async () => {
    await render();
    type('#webhook-url', 'https://hooks.example.org/rf');
    checkbox('session.completed').click();
    await submit();

    failWith(expectCall(http, 'POST', '/api/v1/webhooks'), 409, 'Too many webhook endpoints');
    await settle(fixture);

    expect(page().querySelector('[role="alert"]')!.textContent).toContain('Too many webhook endpoints');
  });

  it('fills in the endpoint to edit and saves the changes', async () => {
    await render(TICKETS_ENDPOINT);

    expect(page().textContent).toContain('Edit webhook endpoint');
    expect(field('#webhook-url').value).toBe(TICKETS_ENDPOINT.url);
    expect(field('#webhook-description').value).toBe('Zendesk: close the ticket');
    expect(checkbox('session.completed').checked).toBe(true);
    expect(checkbox('session.rated').checked).toBe(true);
    expect(checkbox('flow.published').checked).toBe(false);

    checkbox('flow.published').click();
    type('#webhook-description', '');
    await submit();

    const request = expectCall(http, 'PATCH', '/api/v1/webhooks/hook-tickets');
    expect(request.request.body).toEqual({
      url: TICKETS_ENDPOINT.url,
      events: ['session.completed', 'session.rated', 'flow.published'],
      description: null,
    });
    request.flush({ ...TICKETS_ENDPOINT, description: null });
    await settle(fixture);
    expect(saved).toHaveLength(1);
  });

  it('keeps an event the form does not offer (webhook.test, subscribed through the API) when saving', async () => {
    await render({ ...TICKETS_ENDPOINT, events: ['session.completed', 'webhook.test'] });
    checkbox('session.rated').click();
    await submit();

    const request = expectCall(http, 'PATCH', '/api/v1/webhooks/hook-tickets');
    expect(request.request.body.events).toEqual(['session.completed', 'session.rated', 'webhook.test']);
    request.flush(TICKETS_ENDPOINT);
    await settle(fixture);
  });
});
