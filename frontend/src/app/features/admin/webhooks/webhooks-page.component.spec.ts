import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { expectCall, failWith } from '../../../../testing/admin-fixtures';
import { rememberSignedIn, settle, TEAM_ADMIN } from '../../../../testing/fixtures';
import { BROKEN_ENDPOINT, SECRET, TICKETS_ENDPOINT } from '../../../../testing/webhook-fixtures';
import { provideApiConfiguration } from '../../../api/api-configuration';
import type { CreatedWebhookEndpoint, WebhookEndpoint } from './webhook-types';
import { WebhooksPageComponent } from './webhooks-page.component';

describe('WebhooksPageComponent', () => {
  let fixture: ComponentFixture<WebhooksPageComponent>;
  let http: HttpTestingController;
  let clipboard: jest.Mock;

  beforeEach(async () => {
    localStorage.clear();
    rememberSignedIn(TEAM_ADMIN);
    clipboard = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: clipboard }, configurable: true });
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideApiConfiguration('')],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(WebhooksPageComponent);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  const page = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const dialog = (): HTMLElement | null => page().querySelector('[role="dialog"]');
  const row = (url: string) => page().querySelector<HTMLTableRowElement>(`tr[data-endpoint="${url}"]`);
  const secretField = () => page().querySelector<HTMLInputElement>('[data-testid="webhook-secret"]');

  function button(label: string, root: ParentNode = page()): HTMLButtonElement {
    const found = Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find(
      (candidate) => candidate.textContent?.trim() === label || candidate.getAttribute('aria-label') === label,
    );
    if (!found) {
      throw new Error(`No button "${label}"`);
    }
    return found;
  }

  async function click(target: HTMLElement): Promise<void> {
    target.click();
    await settle(fixture);
  }

  async function list(endpoints: WebhookEndpoint[]): Promise<void> {
    expectCall(http, 'GET', '/api/v1/webhooks').flush(endpoints);
    await settle(fixture);
  }

  function type(selector: string, value: string): void {
    const input = dialog()!.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('lists the endpoints with their events, and says which are off and why', async () => {
    await list([TICKETS_ENDPOINT, BROKEN_ENDPOINT]);

    const tickets = row(TICKETS_ENDPOINT.url)!;
    expect(tickets.textContent).toContain('Zendesk: close the ticket');
    expect(tickets.textContent).toContain('session.completed');
    expect(tickets.textContent).toContain('session.rated');
    expect(tickets.textContent).toContain('Enabled');
    expect(tickets.querySelector('a')!.getAttribute('href')).toBe('/admin/webhooks/hook-tickets');

    const broken = row(BROKEN_ENDPOINT.url)!;
    expect(broken.textContent).toContain('Disabled');
    expect(broken.querySelector('[data-testid="disabled-reason"]')!.textContent).toContain(
      '20 deliveries in a row failed',
    );
    expect(button(`Enable ${BROKEN_ENDPOINT.url}`)).toBeTruthy();
    expect(tickets.querySelector('[data-testid="failures-in-a-row"]')).toBeNull();
    expect(button(`Send a test event to ${BROKEN_ENDPOINT.url}`).disabled).toBe(true);
  });

  it('warns while deliveries to an enabled endpoint keep failing', async () => {
    await list([{ ...TICKETS_ENDPOINT, consecutive_failures: 3 }]);
    expect(row(TICKETS_ENDPOINT.url)!.querySelector('[data-testid="failures-in-a-row"]')!.textContent).toContain(
      '3 failed in a row',
    );
  });

  it('says so when there is no endpoint yet', async () => {
    await list([]);
    expect(page().textContent).toContain('No webhook endpoints yet');
  });

  it('offers to try again when the list cannot be loaded', async () => {
    failWith(expectCall(http, 'GET', '/api/v1/webhooks'), 403, 'Forbidden resource');
    await settle(fixture);
    expect(page().textContent).toContain('Forbidden resource');

    await click(button('Try again'));
    await list([TICKETS_ENDPOINT]);
    expect(row(TICKETS_ENDPOINT.url)).not.toBeNull();
  });

  it('adds an endpoint and shows its signing secret once, with a copy button', async () => {
    await list([]);

    await click(button('Add endpoint'));
    type('#webhook-url', 'https://hooks.example.org/rf');
    dialog()!.querySelector<HTMLInputElement>('input[data-event="session.completed"]')!.click();
    dialog()!.querySelector<HTMLInputElement>('input[data-event="flow.published"]')!.click();
    await click(button('Add endpoint', dialog()!));

    const request = expectCall(http, 'POST', '/api/v1/webhooks');
    expect(request.request.body).toEqual({
      url: 'https://hooks.example.org/rf',
      events: ['session.completed', 'flow.published'],
    });
    const created: CreatedWebhookEndpoint = {
      ...TICKETS_ENDPOINT,
      id: 'hook-new',
      url: 'https://hooks.example.org/rf',
      events: ['session.completed', 'flow.published'],
      description: null,
      secret: SECRET,
    };
    request.flush(created);
    await settle(fixture);

    expect(dialog()).toBeNull();
    expect(secretField()!.value).toBe(SECRET);
    expect(page().textContent).toContain('This is the only time it is shown');
    await click(page().querySelector<HTMLButtonElement>('[data-testid="copy-webhook-secret"]')!);
    expect(clipboard).toHaveBeenCalledWith(SECRET);
    expect(page().querySelector('[data-testid="copy-webhook-secret"]')!.textContent).toContain('Copied');
    expect(row('https://hooks.example.org/rf')!.textContent).toContain('flow.published');
    expect(page().querySelector('[data-testid="webhook-endpoints"]')!.textContent).not.toContain(SECRET);

    await click(button('I have copied it'));
    expect(secretField()).toBeNull();
    expect(page().textContent).not.toContain(SECRET);
  });

  it('edits an endpoint’s address, events and description', async () => {
    await list([TICKETS_ENDPOINT]);

    await click(button(`Edit ${TICKETS_ENDPOINT.url}`));
    expect(dialog()!.querySelector<HTMLInputElement>('#webhook-url')!.value).toBe(TICKETS_ENDPOINT.url);
    type('#webhook-description', 'Zendesk');
    dialog()!.querySelector<HTMLInputElement>('input[data-event="session.rated"]')!.click();
    await click(button('Save endpoint', dialog()!));

    const request = expectCall(http, 'PATCH', '/api/v1/webhooks/hook-tickets');
    expect(request.request.body).toEqual({
      url: TICKETS_ENDPOINT.url,
      events: ['session.completed'],
      description: 'Zendesk',
    });
    request.flush({ ...TICKETS_ENDPOINT, events: ['session.completed'], description: 'Zendesk' });
    await settle(fixture);

    expect(dialog()).toBeNull();
    expect(row(TICKETS_ENDPOINT.url)!.textContent).not.toContain('session.rated');
    expect(page().textContent).toContain('is saved');
  });

  it('sends a test event', async () => {
    await list([TICKETS_ENDPOINT]);

    await click(button(`Send a test event to ${TICKETS_ENDPOINT.url}`));
    expectCall(http, 'POST', '/api/v1/webhooks/hook-tickets/test').flush(null, {
      status: 202,
      statusText: 'Accepted',
    });
    await settle(fixture);

    expect(page().textContent).toContain('A webhook.test event is on its way');
  });

  it('shows under the row why an action failed', async () => {
    await list([TICKETS_ENDPOINT]);

    await click(button(`Send a test event to ${TICKETS_ENDPOINT.url}`));
    failWith(expectCall(http, 'POST', '/api/v1/webhooks/hook-tickets/test'), 404, 'Webhook endpoint not found');
    await settle(fixture);

    expect(page().querySelector('.row-error')!.textContent).toContain('Webhook endpoint not found');
  });

  it('turns an endpoint off and on again', async () => {
    await list([TICKETS_ENDPOINT]);

    await click(button(`Disable ${TICKETS_ENDPOINT.url}`));
    const off = expectCall(http, 'PATCH', '/api/v1/webhooks/hook-tickets');
    expect(off.request.body).toEqual({ enabled: false });
    off.flush({ ...TICKETS_ENDPOINT, enabled: false, disabled_reason: 'Disabled by Ada Admin' });
    await settle(fixture);
    expect(row(TICKETS_ENDPOINT.url)!.textContent).toContain('Disabled by Ada Admin');

    await click(button(`Enable ${TICKETS_ENDPOINT.url}`));
    const on = expectCall(http, 'PATCH', '/api/v1/webhooks/hook-tickets');
    expect(on.request.body).toEqual({ enabled: true });
    on.flush(TICKETS_ENDPOINT);
    await settle(fixture);
    expect(row(TICKETS_ENDPOINT.url)!.textContent).toContain('Enabled');
    expect(page().textContent).toContain('receives events again');
  });

  it('rotates the secret after confirmation and shows the new one once', async () => {
    await list([TICKETS_ENDPOINT]);

    await click(button(`Rotate the secret of ${TICKETS_ENDPOINT.url}`));
    expect(dialog()!.textContent).toContain('keeps signing beside it for 24 hours');
    await click(button('Rotate secret', dialog()!));
    expectCall(http, 'POST', '/api/v1/webhooks/hook-tickets/rotate-secret').flush({ secret: SECRET });
    await settle(fixture);

    expect(dialog()).toBeNull();
    expect(secretField()!.value).toBe(SECRET);
    expect(page().textContent).toContain('New signing secret');
  });

  it('deletes an endpoint after confirmation', async () => {
    await list([TICKETS_ENDPOINT, BROKEN_ENDPOINT]);

    await click(button(`Delete ${TICKETS_ENDPOINT.url}`));
    expect(dialog()!.textContent).toContain(TICKETS_ENDPOINT.url);
    await click(button('Delete endpoint', dialog()!));
    expectCall(http, 'DELETE', '/api/v1/webhooks/hook-tickets').flush('', { status: 204, statusText: 'No Content' });
    await settle(fixture);

    expect(dialog()).toBeNull();
    expect(row(TICKETS_ENDPOINT.url)).toBeNull();
    expect(row(BROKEN_ENDPOINT.url)).not.toBeNull();
    expect(page().textContent).toContain('is deleted');
  });

  it('keeps the confirmation open with the reason when deleting fails', async () => {
    await list([TICKETS_ENDPOINT]);

    await click(button(`Delete ${TICKETS_ENDPOINT.url}`));
    await click(button('Delete endpoint', dialog()!));
    expectCall(http, 'DELETE', '/api/v1/webhooks/hook-tickets').flush(
      JSON.stringify({ statusCode: 404, message: 'Webhook endpoint not found', error: 'Not Found' }),
      { status: 404, statusText: 'Not Found' },
    );
    await settle(fixture);

    expect(dialog()!.textContent).toContain('Webhook endpoint not found');
    expect(row(TICKETS_ENDPOINT.url)).not.toBeNull();
  });
});
