import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import {
  ANSWERED_POWER,
  ANSWERED_QUEUE,
  CLEAR_QUEUE_SOLUTION,
  POWER_QUESTION,
  QUEUE_QUESTION,
  sessionAt,
  settle,
} from '../../../testing/fixtures';
import { provideApiConfiguration } from '../../api/api-configuration';
import type { Session } from '../../core/api-types';
import { RunnerComponent } from './runner.component';

const SESSION_URL = '/api/v1/sessions/session-1';

describe('RunnerComponent', () => {
  let fixture: ComponentFixture<RunnerComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideApiConfiguration('')],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function openSession(session: Session): Promise<void> {
    fixture = TestBed.createComponent(RunnerComponent);
    fixture.componentRef.setInput('id', session.id);
    await settle(fixture);
    http.expectOne({ method: 'GET', url: SESSION_URL }).flush(session);
    await settle(fixture);
  }

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function text(): string {
    return page().textContent ?? '';
  }

  function title(): string | undefined {
    return page().querySelector('[data-testid="node-title"]')?.textContent?.trim();
  }

  function button(label: string): HTMLButtonElement {
    const match = Array.from(page().querySelectorAll<HTMLButtonElement>('button')).find((candidate) =>
      candidate.textContent?.includes(label),
    );
    if (!match) {
      throw new Error(`No button labelled "${label}"`);
    }
    return match;
  }

  function optionLabels(): string[] {
    return Array.from(page().querySelectorAll('.option__label')).map((label) => label.textContent?.trim() ?? '');
  }

  async function click(label: string): Promise<void> {
    button(label).click();
    await settle(fixture);
  }

  it('shows the flow, the current question, its help and the answers', async () => {
    await openSession(sessionAt(POWER_QUESTION));

    expect(page().querySelector('h1')?.textContent).toContain('Printer not printing');
    expect(title()).toBe('Is the printer powered on?');
    expect(page().querySelector('[data-testid="node-body"]')?.textContent).toBe(
      'Look at the front panel.\nThe power light should be green.',
    );
    expect(page().querySelector('details summary')?.textContent).toContain('Need help?');
    expect(text()).toContain('The switch is on the back');
    expect(optionLabels()).toEqual(['Yes, the light is green', 'No, it is off']);
    expect(button('Back').disabled).toBe(true);
    expect(text()).toContain('Step 1');
    expect(page().querySelector('rf-finish-panel')).toBeNull();
  });

  it('sends the chosen answer and moves to the next question', async () => {
    await openSession(sessionAt(POWER_QUESTION));

    await click('Yes, the light is green');

    const request = http.expectOne({ method: 'POST', url: `${SESSION_URL}/decisions` });
    expect(request.request.body).toEqual({ node_id: 'node-power', option_id: 'opt-power-yes' });
    request.flush(sessionAt(QUEUE_QUESTION, { path: [ANSWERED_POWER] }));
    await settle(fixture);

    expect(title()).toBe('Are jobs stuck in the print queue?');
    expect(optionLabels()).toEqual(['Yes', 'No']);
    expect(page().querySelector('[data-testid="path-trail"]')?.textContent).toContain('Yes, the light is green');
    expect(button('Back').disabled).toBe(false);
    expect(text()).toContain('Step 2');
    expect(document.activeElement?.textContent).toBe('Are jobs stuck in the print queue?');
  });

  it('answers with the number keys', async () => {
    await openSession(sessionAt(POWER_QUESTION));

    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true }));
    await settle(fixture);

    const request = http.expectOne({ method: 'POST', url: `${SESSION_URL}/decisions` });
    expect(request.request.body).toEqual({ node_id: 'node-power', option_id: 'opt-power-no' });
    request.flush(sessionAt(QUEUE_QUESTION, { path: [ANSWERED_POWER] }));
    await settle(fixture);
  });

  it('goes back to the previous question', async () => {
    await openSession(sessionAt(QUEUE_QUESTION, { path: [ANSWERED_POWER] }));

    await click('Back');

    http.expectOne({ method: 'POST', url: `${SESSION_URL}/back` }).flush(sessionAt(POWER_QUESTION));
    await settle(fixture);

    expect(title()).toBe('Is the printer powered on?');
    expect(button('Back').disabled).toBe(true);
  });

  it('finishes on a solution with the chosen outcome and notes, then shows the result', async () => {
    await openSession(sessionAt(CLEAR_QUEUE_SOLUTION, { path: [ANSWERED_POWER, ANSWERED_QUEUE] }));

    const resolved = page().querySelector<HTMLInputElement>('input[type="radio"][value="resolved"]')!;
    expect(resolved.checked).toBe(true);
    expect(page().querySelector('rf-finish-panel h2')?.textContent).toContain('Finish session');

    page().querySelector<HTMLInputElement>('input[type="radio"][value="workaround"]')!.click();
    const notes = page().querySelector<HTMLTextAreaElement>('#finish-notes')!;
    notes.value = 'Spooler restarted; ticket INC-42';
    notes.dispatchEvent(new Event('input'));
    await settle(fixture);
    await click('Finish');

    const request = http.expectOne({ method: 'POST', url: `${SESSION_URL}/complete` });
    expect(request.request.body).toEqual({ outcome: 'workaround', notes: 'Spooler restarted; ticket INC-42' });
    request.flush(
      sessionAt(null, {
        path: [ANSWERED_POWER, ANSWERED_QUEUE],
        completed_at: '2026-11-24T09:04:30.000Z',
        outcome: 'workaround',
        notes: 'Spooler restarted; ticket INC-42',
      }),
    );
    await settle(fixture);

    const summary = page().querySelector('[data-testid="session-summary"]');
    expect(summary?.textContent).toContain('Session complete');
    expect(summary?.textContent).toContain('Workaround');
    expect(summary?.textContent).toContain('4m 30s');
    expect(summary?.textContent).toContain('Spooler restarted; ticket INC-42');
    const links = Array.from(summary!.querySelectorAll('a')).map((link) => link.getAttribute('href'));
    expect(links).toEqual(['/flows', '/sessions']);
    expect(page().querySelector('.option')).toBeNull();
  });

  it('lets the engineer end early, but only with an outcome', async () => {
    await openSession(sessionAt(POWER_QUESTION));

    await click('End session early');
    expect(page().querySelector('rf-finish-panel h2')?.textContent).toContain('End session early');

    await click('Finish');
    expect(text()).toContain('Choose an outcome to finish.');
    http.expectNone(`${SESSION_URL}/complete`);

    page().querySelector<HTMLInputElement>('input[type="radio"][value="escalated"]')!.click();
    await settle(fixture);
    await click('Finish');

    const request = http.expectOne({ method: 'POST', url: `${SESSION_URL}/complete` });
    expect(request.request.body).toEqual({ outcome: 'escalated' });
    request.flush(sessionAt(null, { completed_at: '2026-11-24T09:00:45.000Z', outcome: 'escalated' }));
    await settle(fixture);

    expect(page().querySelector('[data-testid="session-summary"]')?.textContent).toContain('Escalated');
  });

  it('reloads and explains when the session moved on elsewhere (409)', async () => {
    await openSession(sessionAt(POWER_QUESTION));

    await click('No, it is off');
    http
      .expectOne({ method: 'POST', url: `${SESSION_URL}/decisions` })
      .flush(
        { statusCode: 409, message: 'Node is not the current node', error: 'Conflict' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle(fixture);

    http.expectOne({ method: 'GET', url: SESSION_URL }).flush(sessionAt(QUEUE_QUESTION, { path: [ANSWERED_POWER] }));
    await settle(fixture);

    expect(page().querySelector('[data-testid="conflict-notice"]')?.textContent).toContain(
      'changed somewhere else',
    );
    expect(title()).toBe('Are jobs stuck in the print queue?');
  });

  it('shows an error and a retry when the session cannot be loaded', async () => {
    fixture = TestBed.createComponent(RunnerComponent);
    fixture.componentRef.setInput('id', 'session-1');
    await settle(fixture);
    http
      .expectOne(SESSION_URL)
      .flush({ statusCode: 404, message: 'Not found', error: 'Not Found' }, { status: 404, statusText: 'Not Found' });
    await settle(fixture);

    expect(page().querySelector('[role="alert"]')?.textContent).toContain('does not exist');
    expect(button('Try again')).toBeTruthy();
  });
});
