import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';

import { settle } from '../../../testing/fixtures';
import { provideApiConfiguration } from '../../api/api-configuration';
import { STEP_FEEDBACK_HINT_KEY, StepFeedbackComponent, type StepVoteChange } from './step-feedback.component';

const FEEDBACK_URL = '/api/v1/sessions/session-1/nodes/node-restart/feedback';

describe('StepFeedbackComponent', () => {
  let fixture: ComponentFixture<StepFeedbackComponent>;
  let http: HttpTestingController;
  let changes: StepVoteChange[];

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideApiConfiguration('')],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(initialVote: boolean | null = null): Promise<void> {
    fixture = TestBed.createComponent(StepFeedbackComponent);
    fixture.componentRef.setInput('sessionId', 'session-1');
    fixture.componentRef.setInput('nodeId', 'node-restart');
    fixture.componentRef.setInput('initialVote', initialVote);
    changes = [];
    fixture.componentInstance.voteChange.subscribe((change) => changes.push(change));
    await settle(fixture);
  }

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function thumb(label: 'This step helped' | 'This step did not help'): HTMLButtonElement {
    return page().querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
  }

  function pressed(): string[] {
    return Array.from(page().querySelectorAll('button[aria-pressed="true"]')).map(
      (button) => button.getAttribute('aria-label') ?? '',
    );
  }

  function status(): string {
    return page().querySelector('[role="status"]')?.textContent?.trim() ?? '';
  }

  function hint(): HTMLElement | null {
    return page().querySelector('[data-testid="step-feedback-hint"]');
  }

  async function press(label: 'This step helped' | 'This step did not help'): Promise<void> {
    thumb(label).click();
    await settle(fixture);
  }

  it('offers two labelled thumbs, neither pressed, with a one-time hint', async () => {
    await render();

    expect(page().textContent).toContain('Did this step help?');
    expect(thumb('This step helped').getAttribute('aria-pressed')).toBe('false');
    expect(thumb('This step did not help').getAttribute('aria-pressed')).toBe('false');
    expect(hint()?.textContent).toContain('Rate this step to help improve flows');
  });

  it('shows the vote at once, saves it, and thanks the engineer', async () => {
    await render();

    await press('This step helped');

    expect(pressed()).toEqual(['This step helped']);
    const request = http.expectOne({ method: 'PUT', url: FEEDBACK_URL });
    expect(request.request.body).toEqual({ was_helpful: true });
    request.flush(
      { session_id: 'session-1', node_id: 'node-restart', step_id: null, was_helpful: true, status: 'created' },
      { status: 201, statusText: 'Created' },
    );
    await settle(fixture);

    expect(pressed()).toEqual(['This step helped']);
    expect(status()).toBe('Thanks for the feedback.');
    expect(changes).toEqual([{ nodeId: 'node-restart', vote: true }]);
  });

  it('switches a thumbs up to a thumbs down', async () => {
    await render(true);
    expect(pressed()).toEqual(['This step helped']);

    await press('This step did not help');

    expect(pressed()).toEqual(['This step did not help']);
    const request = http.expectOne({ method: 'PUT', url: FEEDBACK_URL });
    expect(request.request.body).toEqual({ was_helpful: false });
    request.flush({
      session_id: 'session-1',
      node_id: 'node-restart',
      step_id: null,
      was_helpful: false,
      status: 'updated',
    });
    await settle(fixture);
    expect(changes).toEqual([{ nodeId: 'node-restart', vote: false }]);
  });

  it('takes the vote back when the active thumb is pressed again', async () => {
    await render(false);
    expect(pressed()).toEqual(['This step did not help']);

    await press('This step did not help');

    expect(pressed()).toEqual([]);
    http.expectOne({ method: 'DELETE', url: FEEDBACK_URL }).flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);

    expect(pressed()).toEqual([]);
    expect(status()).toBe('');
    expect(changes).toEqual([{ nodeId: 'node-restart', vote: null }]);
  });

  it('puts the thumbs back and says so quietly when the server refuses', async () => {
    await render();

    await press('This step did not help');
    expect(pressed()).toEqual(['This step did not help']);
    http
      .expectOne({ method: 'PUT', url: FEEDBACK_URL })
      .flush({ statusCode: 500, message: 'Internal server error' }, { status: 500, statusText: 'Server Error' });
    await settle(fixture);

    expect(pressed()).toEqual([]);
    expect(status()).toBe('Could not save your feedback. Please try again.');
    expect(page().querySelector('[role="alert"]')).toBeNull();
    expect(changes).toEqual([]);
  });

  it('rolls a failed retraction back to the earlier vote', async () => {
    await render(true);

    await press('This step helped');
    expect(pressed()).toEqual([]);
    http.expectOne({ method: 'DELETE', url: FEEDBACK_URL }).error(new ProgressEvent('error'));
    await settle(fixture);

    expect(pressed()).toEqual(['This step helped']);
    expect(status()).toContain('Could not save your feedback');
  });

  it('retires the hint for good once the engineer votes', async () => {
    await render();

    await press('This step helped');
    expect(hint()).toBeNull();
    http.expectOne({ method: 'PUT', url: FEEDBACK_URL }).flush({});
    await settle(fixture);

    await render();
    expect(hint()).toBeNull();
  });

  it('retires the hint for good when it is closed', async () => {
    await render();

    hint()!.querySelector<HTMLButtonElement>('button[aria-label="Dismiss tip"]')!.click();
    await settle(fixture);
    expect(hint()).toBeNull();
    expect(localStorage.getItem(STEP_FEEDBACK_HINT_KEY)).toBe('1');

    await render();
    expect(hint()).toBeNull();
  });

  it('starts from the next node’s own vote when the runner moves on', async () => {
    await render(true);
    expect(pressed()).toEqual(['This step helped']);

    fixture.componentRef.setInput('nodeId', 'node-next');
    fixture.componentRef.setInput('initialVote', null);
    await settle(fixture);

    expect(pressed()).toEqual([]);
  });
});
