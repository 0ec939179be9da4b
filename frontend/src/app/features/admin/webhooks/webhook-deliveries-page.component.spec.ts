import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { expectCall, failWith } from '../../../../testing/admin-fixtures';
import { rememberSignedIn, settle, TEAM_ADMIN } from '../../../../testing/fixtures';
import { DELIVERED, DELIVERED_DETAIL, GAVE_UP, RETRYING, TICKETS_ENDPOINT } from '../../../../testing/webhook-fixtures';
import { provideApiConfiguration } from '../../../api/api-configuration';
import { DELIVERIES_POLL_MS, WebhookDeliveriesPageComponent } from './webhook-deliveries-page.component';
import type { WebhookDelivery } from './webhook-types';

const BASE = '/api/v1/webhooks/hook-tickets';

describe('WebhookDeliveriesPageComponent', () => {
  let fixture: ComponentFixture<WebhookDeliveriesPageComponent>;
  let http: HttpTestingController;

  /** Opens the page; it looks again by itself after `pollMs` (long by default, so tests stay still). */
  async function start(pollMs = 60_000): Promise<void> {
    localStorage.clear();
    rememberSignedIn(TEAM_ADMIN);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiConfiguration(''),
        { provide: DELIVERIES_POLL_MS, useValue: pollMs },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(WebhookDeliveriesPageComponent);
    fixture.componentRef.setInput('id', 'hook-tickets');
    await settle(fixture);
  }

  afterEach(() => http.verify());

  const page = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const dialog = (): HTMLElement | null => page().querySelector('[role="dialog"]');
  const row = (id: string) => page().querySelector<HTMLTableRowElement>(`tr[data-delivery="${id}"]`);

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

  function expectDeliveries(status: string | null) {
    const request = expectCall(http, 'GET', `${BASE}/deliveries`);
    expect(request.request.params.get('status')).toBe(status);
    return request;
  }

  async function open(deliveries: WebhookDelivery[], pollMs?: number): Promise<void> {
    await start(pollMs);
    expectCall(http, 'GET', BASE).flush(TICKETS_ENDPOINT);
    expectDeliveries(null).flush(deliveries);
    await settle(fixture);
  }

  it('shows the endpoint and each delivery’s event, status, attempts, answer and times', async () => {
    await open([RETRYING, DELIVERED, GAVE_UP]);

    expect(page().querySelector('[data-testid="endpoint-url"]')!.textContent).toBe(TICKETS_ENDPOINT.url);
    expect(page().textContent).toContain('Enabled');

    const delivered = row('msg-delivered')!;
    expect(delivered.textContent).toContain('session.completed');
    expect(delivered.textContent).toContain('Succeeded');
    expect(delivered.querySelector('.number')!.textContent!.trim()).toBe('2');
    expect(delivered.textContent).toContain('200');
    expect(delivered.querySelector('time[datetime="2026-12-01T10:00:12.000Z"]')).not.toBeNull();

    const retrying = row('msg-retrying')!;
    expect(retrying.textContent).toContain('Retrying');
    expect(retrying.textContent).toContain('503');
    expect(retrying.textContent).toContain('Next');
    expect(retrying.querySelector('time[datetime="2026-12-01T11:00:30.000Z"]')).not.toBeNull();

    const failed = row('msg-failed')!;
    expect(failed.textContent).toContain('Failed');
    expect(failed.textContent).toContain('connect ECONNREFUSED 203.0.113.7:443');
  });

  it('looks again by itself while a delivery is on its way, and stops once none is', async () => {
    const pending: WebhookDelivery = { ...DELIVERED, status: 'pending', attempts: 0, delivered_at: null };
    await open([pending, GAVE_UP], 20);
    expect(row('msg-delivered')!.textContent).toContain('Pending');

    await new Promise((resolve) => setTimeout(resolve, 40));
    expectDeliveries(null).flush([DELIVERED, GAVE_UP]);
    await settle(fixture);
    expect(row('msg-delivered')!.textContent).toContain('Succeeded');

    await new Promise((resolve) => setTimeout(resolve, 60));
    http.expectNone(`${BASE}/deliveries`);
  });

  it('does not look again for a retry hours away', async () => {
    await open([{ ...RETRYING, next_attempt_at: new Date(Date.now() + 3_600_000).toISOString() }], 20);
    await new Promise((resolve) => setTimeout(resolve, 60));
    http.expectNone(`${BASE}/deliveries`);
  });

  it('says so when nothing was sent yet', async () => {
    await open([]);
    expect(page().textContent).toContain('Nothing sent yet');
  });

  it('filters the log by status', async () => {
    await open([DELIVERED, GAVE_UP]);

    const select = page().querySelector<HTMLSelectElement>('#delivery-status-filter')!;
    select.value = 'failed';
    select.dispatchEvent(new Event('change'));
    await settle(fixture);
    expectDeliveries('failed').flush([GAVE_UP]);
    await settle(fixture);

    expect(row('msg-failed')).not.toBeNull();
    expect(row('msg-delivered')).toBeNull();

    select.value = 'pending';
    select.dispatchEvent(new Event('change'));
    await settle(fixture);
    expectDeliveries('pending').flush([]);
    await settle(fixture);
    expect(page().textContent).toContain('No deliveries with this status.');

    select.value = '';
    select.dispatchEvent(new Event('change'));
    await settle(fixture);
    expectDeliveries(null).flush([DELIVERED]);
    await settle(fixture);
    expect(row('msg-delivered')).not.toBeNull();
  });

  it('opens a delivery on its attempts: time, answer, duration, error and the start of the body', async () => {
    await open([DELIVERED]);

    await click(button('Attempts of session.completed delivery msg-delivered'));
    expect(dialog()!.textContent).toContain('Loading attempts');
    expectCall(http, 'GET', `${BASE}/deliveries/msg-delivered`).flush(DELIVERED_DETAIL);
    await settle(fixture);

    const attempts = Array.from(dialog()!.querySelectorAll('[data-testid="delivery-attempts"] > li'));
    expect(attempts).toHaveLength(2);
    expect(attempts[0].textContent).toContain('HTTP 500');
    expect(attempts[0].textContent).toContain('87 ms');
    expect(attempts[0].querySelector('pre')!.textContent).toBe('{"error":"database is down"}');
    expect(attempts[0].querySelector('time')!.getAttribute('datetime')).toBe('2026-12-01T10:00:01.000Z');
    expect(attempts[1].textContent).toContain('HTTP 200');
    expect(attempts[1].classList).toContain('attempt--ok');
    expect(dialog()!.textContent).toContain('msg-delivered');
  });

  it('shows an attempt that got no answer with its error', async () => {
    await open([GAVE_UP]);

    await click(button('Attempts of session.rated delivery msg-failed'));
    expectCall(http, 'GET', `${BASE}/deliveries/msg-failed`).flush({
      ...GAVE_UP,
      attempt_log: [
        {
          at: '2026-11-30T08:00:01.000Z',
          response_status: null,
          duration_ms: 10000,
          error: 'timed out after 10 s',
          response_excerpt: null,
        },
      ],
    });
    await settle(fixture);

    const attempt = dialog()!.querySelector('[data-testid="delivery-attempts"] > li')!;
    expect(attempt.textContent).toContain('No response');
    expect(attempt.textContent).toContain('timed out after 10 s');
    expect(attempt.querySelector('pre')).toBeNull();
  });

  it('redelivers from the attempts, then shows the log again', async () => {
    await open([GAVE_UP]);

    await click(button('Attempts of session.rated delivery msg-failed'));
    expectCall(http, 'GET', `${BASE}/deliveries/msg-failed`).flush({ ...GAVE_UP, attempt_log: [] });
    await settle(fixture);
    await click(button('Redeliver', dialog()!));
    expectCall(http, 'POST', `${BASE}/deliveries/msg-failed/redeliver`).flush(null, {
      status: 202,
      statusText: 'Accepted',
    });
    await settle(fixture);

    expect(dialog()).toBeNull();
    expect(page().textContent).toContain('The session.rated event is queued to be sent again.');
    expectDeliveries(null).flush([{ ...GAVE_UP, status: 'pending' }]);
    await settle(fixture);
    expect(row('msg-failed')!.textContent).toContain('Pending');
  });

  it('keeps the attempts open with the reason when redelivering fails', async () => {
    await open([GAVE_UP]);

    await click(button('Attempts of session.rated delivery msg-failed'));
    expectCall(http, 'GET', `${BASE}/deliveries/msg-failed`).flush({ ...GAVE_UP, attempt_log: [] });
    await settle(fixture);
    await click(button('Redeliver', dialog()!));
    failWith(expectCall(http, 'POST', `${BASE}/deliveries/msg-failed/redeliver`), 409, 'The endpoint is disabled');
    await settle(fixture);

    expect(dialog()!.textContent).toContain('The endpoint is disabled');
  });

  it('sends a test event and refreshes the log', async () => {
    await open([]);

    await click(button('Send a test'));
    expectCall(http, 'POST', `${BASE}/test`).flush(null, { status: 202, statusText: 'Accepted' });
    await settle(fixture);
    expectDeliveries(null).flush([{ ...DELIVERED, id: 'msg-test', event_type: 'webhook.test', attempts: 1 }]);
    await settle(fixture);

    expect(page().textContent).toContain('A webhook.test event is on its way');
    expect(row('msg-test')!.textContent).toContain('webhook.test');
  });

  it('says so when the endpoint cannot be found', async () => {
    await start();
    failWith(expectCall(http, 'GET', BASE), 404, 'Webhook endpoint not found');
    expectDeliveries(null).flush([]);
    await settle(fixture);

    expect(page().textContent).toContain('Webhook endpoint not found');
  });
});
