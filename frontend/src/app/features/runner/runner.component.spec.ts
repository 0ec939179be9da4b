import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { polyfillDialog } from '../../../testing/dialog';
import {
  ANSWERED_POWER,
  ANSWERED_QUEUE,
  CLEAR_QUEUE_SOLUTION,
  ENGINEER,
  POWER_QUESTION,
  QUEUE_QUESTION,
  rememberSignedIn,
  sessionAt,
  settle,
} from '../../../testing/fixtures';
import { provideApiConfiguration } from '../../api/api-configuration';
import type { Session, SessionNode } from '../../core/api-types';
import { STEP_FEEDBACK_HINT_KEY } from '../feedback/step-feedback.component';
import { RunnerComponent } from './runner.component';

const SESSION_URL = '/api/v1/sessions/session-1';

const RESTART_SPOOLER_STEP: SessionNode = {
  id: 'node-spooler',
  type: 'step',
  title: 'Restart the print spooler',
  body: 'Run services.msc and restart "Print Spooler".',
  help_text: null,
  step_id: 'step-spooler',
  position: 3,
  options: [
    { id: 'opt-spooler-fixed', label: 'That fixed it', next_node_id: 'node-clear-queue' },
    { id: 'opt-spooler-still', label: 'Still stuck', next_node_id: 'node-readd' },
  ],
};

const READD_PRINTER_STEP: SessionNode = {
  id: 'node-readd',
  type: 'step',
  title: 'Remove and re-add the printer',
  body: 'Settings → Printers → Remove, then Add a printer.',
  help_text: null,
  step_id: null,
  position: 4,
  options: [{ id: 'opt-readd-done', label: 'Done', next_node_id: 'node-clear-queue' }],
};

const ANSWERED_SPOOLER: Session['path'][number] = {
  node_id: RESTART_SPOOLER_STEP.id,
  option_id: 'opt-spooler-still',
  at: '2026-11-24T09:03:00.000Z',
  node_title: RESTART_SPOOLER_STEP.title,
  option_label: 'Still stuck',
  seconds: 60,
};

const FINISHED = sessionAt(null, {
  path: [ANSWERED_POWER, ANSWERED_QUEUE],
  completed_at: '2026-11-24T09:04:30.000Z',
  outcome: 'resolved',
});

const NOT_FOUND = { status: 404, statusText: 'Not Found' };

describe('RunnerComponent', () => {
  let fixture: ComponentFixture<RunnerComponent>;
  let http: HttpTestingController;

  beforeAll(() => polyfillDialog());

  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(STEP_FEEDBACK_HINT_KEY, '1');
    rememberSignedIn(ENGINEER);
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideApiConfiguration('')],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    fixture?.destroy();
  });

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

  function csat(): HTMLDialogElement | null {
    return page().querySelector('dialog[data-testid="csat-dialog"]');
  }

  function thumbs(): HTMLButtonElement[] {
    return Array.from(page().querySelectorAll<HTMLButtonElement>('[data-testid="step-feedback"] button'));
  }

  function pressedThumbs(): string[] {
    return thumbs()
      .filter((thumb) => thumb.getAttribute('aria-pressed') === 'true')
      .map((thumb) => thumb.getAttribute('aria-label') ?? '');
  }

  async function finishAtSolution(): Promise<void> {
    await openSession(sessionAt(CLEAR_QUEUE_SOLUTION, { path: [ANSWERED_POWER, ANSWERED_QUEUE] }));
    await click('Finish');
    http.expectOne({ method: 'POST', url: `${SESSION_URL}/complete` }).flush(FINISHED);
    await settle(fixture);
  }

  it('shows the ticket the session belongs to, as a link when it has a URL', async () => {
    await openSession(
      sessionAt(POWER_QUESTION, {
        external_ref: 'INC0012345',
        external_url: 'https://helpdesk.example/incident/INC0012345',
      }),
    );
    const link = page().querySelector<HTMLAnchorElement>('[data-testid="session-ticket"] a')!;
    expect(link.textContent).toContain('INC0012345');
    expect(link.getAttribute('href')).toBe('https://helpdesk.example/incident/INC0012345');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('shows a ticket reference without a URL as text, and nothing for a session without a ticket', async () => {
    await openSession(sessionAt(POWER_QUESTION, { external_ref: 'CHG-7' }));
    expect(page().querySelector('[data-testid="session-ticket"]')?.textContent).toContain('CHG-7');
    expect(page().querySelector('[data-testid="session-ticket"] a')).toBeNull();
    fixture.destroy();

    await openSession(sessionAt(POWER_QUESTION));
    expect(page().querySelector('[data-testid="session-ticket"]')).toBeNull();
  });
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
    expect(links).toEqual(expect.arrayContaining(['/flows', '/sessions']));
    expect(page().querySelector('.option')).toBeNull();

    // Then it asks the server whether the session is rated (404: not yet) and offers the CSAT dialog.
    http.expectOne({ method: 'GET', url: `${SESSION_URL}/rating` }).flush({ statusCode: 404 }, NOT_FOUND);
    await settle(fixture);
    expect(csat()?.open).toBe(true);
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
    http.expectOne({ method: 'GET', url: `${SESSION_URL}/rating` }).flush({ statusCode: 404 }, NOT_FOUND);
    await settle(fixture);
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

    expect(page().querySelector('[data-testid="conflict-notice"]')?.textContent).toContain('changed somewhere else');
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

  describe('step feedback', () => {
    it('shows thumbs on step nodes only, starting from the votes the server has', async () => {
      await openSession(sessionAt(POWER_QUESTION));
      expect(thumbs()).toEqual([]);
      http.expectNone(`${SESSION_URL}/feedback`);
      fixture.destroy();

      await openSession(sessionAt(RESTART_SPOOLER_STEP, { path: [ANSWERED_POWER, ANSWERED_QUEUE] }));
      http.expectOne({ method: 'GET', url: `${SESSION_URL}/feedback` }).flush([
        {
          node_id: 'node-spooler',
          step_id: 'step-spooler',
          was_helpful: false,
          updated_at: '2026-11-24T09:02:30.000Z',
        },
      ]);
      await settle(fixture);

      expect(thumbs().map((thumb) => thumb.getAttribute('aria-label'))).toEqual([
        'This step helped',
        'This step did not help',
      ]);
      expect(pressedThumbs()).toEqual(['This step did not help']);
    });

    it('votes per node and loads the session’s votes only once', async () => {
      await openSession(sessionAt(RESTART_SPOOLER_STEP, { path: [ANSWERED_POWER, ANSWERED_QUEUE] }));
      http.expectOne({ method: 'GET', url: `${SESSION_URL}/feedback` }).flush([]);
      await settle(fixture);

      thumbs()[0].click();
      await settle(fixture);
      const vote = http.expectOne({ method: 'PUT', url: `${SESSION_URL}/nodes/node-spooler/feedback` });
      expect(vote.request.body).toEqual({ was_helpful: true });
      vote.flush({
        session_id: 'session-1',
        node_id: 'node-spooler',
        step_id: 'step-spooler',
        was_helpful: true,
        status: 'created',
      });
      await settle(fixture);

      await click('Still stuck');
      http
        .expectOne({ method: 'POST', url: `${SESSION_URL}/decisions` })
        .flush(sessionAt(READD_PRINTER_STEP, { path: [ANSWERED_POWER, ANSWERED_QUEUE, ANSWERED_SPOOLER] }));
      await settle(fixture);
      expect(title()).toBe('Remove and re-add the printer');
      expect(pressedThumbs()).toEqual([]);

      await click('Back');
      http
        .expectOne({ method: 'POST', url: `${SESSION_URL}/back` })
        .flush(sessionAt(RESTART_SPOOLER_STEP, { path: [ANSWERED_POWER, ANSWERED_QUEUE] }));
      await settle(fixture);
      expect(pressedThumbs()).toEqual(['This step helped']);
      http.expectNone(`${SESSION_URL}/feedback`);
    });
  });

  describe('rating the session', () => {
    function rateFourStars(): void {
      csat()!.querySelector<HTMLElement>('[role="radio"][aria-label="4 – Good"]')!.click();
    }

    it('rates after Finish and shows the stars in the summary', async () => {
      await finishAtSolution();
      http.expectOne({ method: 'GET', url: `${SESSION_URL}/rating` }).flush({ statusCode: 404 }, NOT_FOUND);
      await settle(fixture);

      rateFourStars();
      await settle(fixture);
      Array.from(csat()!.querySelectorAll('button'))
        .find((candidate) => candidate.textContent?.trim() === 'Submit')!
        .click();
      await settle(fixture);
      http
        .expectOne({ method: 'POST', url: `${SESSION_URL}/rate` })
        .flush(
          { id: 'rating-1', session_id: 'session-1', rating: 4, comment: null, created_at: '2026-11-24T09:05:00.000Z' },
          { status: 201, statusText: 'Created' },
        );
      await settle(fixture);

      expect(csat()).toBeNull();
      expect(page().querySelector('[data-testid="rating-notice"]')?.textContent).toContain('Your rating was saved');
      expect(page().querySelector('[data-testid="summary-rating"] [role="img"]')?.getAttribute('aria-label')).toBe(
        'Rated 4 out of 5',
      );
    });

    it('does not ask when the server already has a rating', async () => {
      await finishAtSolution();
      http.expectOne({ method: 'GET', url: `${SESSION_URL}/rating` }).flush({
        id: 'rating-1',
        session_id: 'session-1',
        rating: 5,
        comment: null,
        created_at: '2026-11-24T09:05:00.000Z',
      });
      await settle(fixture);

      expect(csat()).toBeNull();
      expect(page().querySelector('[data-testid="summary-rating"] [role="img"]')?.getAttribute('aria-label')).toBe(
        'Rated 5 out of 5',
      );
    });

    it('closes with a notice when the session turns out to be rated already (409)', async () => {
      await finishAtSolution();
      http.expectOne({ method: 'GET', url: `${SESSION_URL}/rating` }).flush({ statusCode: 404 }, NOT_FOUND);
      await settle(fixture);

      rateFourStars();
      await settle(fixture);
      csat()!.querySelector('form')!.dispatchEvent(new Event('submit'));
      await settle(fixture);
      http
        .expectOne({ method: 'POST', url: `${SESSION_URL}/rate` })
        .flush({ statusCode: 409, message: 'Session already rated' }, { status: 409, statusText: 'Conflict' });
      await settle(fixture);
      http.expectOne({ method: 'GET', url: `${SESSION_URL}/rating` }).flush({
        id: 'rating-0',
        session_id: 'session-1',
        rating: 2,
        comment: null,
        created_at: '2026-11-24T09:04:50.000Z',
      });
      await settle(fixture);

      expect(csat()).toBeNull();
      expect(page().querySelector('[data-testid="rating-notice"]')?.textContent).toContain('already rated');
      expect(page().querySelector('[data-testid="summary-rating"] [role="img"]')?.getAttribute('aria-label')).toBe(
        'Rated 2 out of 5',
      );
    });

    it('offers "Rate this session" on a finished, unrated session, and keeps offering it after Skip', async () => {
      await openSession(FINISHED);
      expect(csat()).toBeNull();

      await click('Rate this session');
      expect(csat()?.open).toBe(true);

      await click('Skip');
      expect(csat()).toBeNull();
      expect(button('Rate this session')).toBeTruthy();
    });

    it('does not offer rating someone else’s session', async () => {
      await openSession({ ...FINISHED, user_id: 'someone-else' });

      expect(page().querySelector('[data-testid="summary-rating"]')?.textContent).toContain('Not rated');
      expect(page().querySelector('[data-testid="summary-rating"] button')).toBeNull();
    });
  });
});
