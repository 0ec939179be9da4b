import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideLocationMocks } from '@angular/common/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { textOf } from '../../../testing/analytics-harness';
import {
  ANSWERED_POWER,
  ANSWERED_QUEUE,
  CLEAR_QUEUE_SOLUTION,
  rememberSignedIn,
  sessionAt,
  settle,
  TEAM_ADMIN,
} from '../../../testing/fixtures';
import { provideApiConfiguration } from '../../api/api-configuration';
import { ADMIN_ROUTES } from '../admin/admin.routes';
import { SESSIONS_ROUTES } from '../sessions/sessions.routes';
import type { SessionDetail } from './session-explorer-types';

jest.setTimeout(20_000);

const DETAIL: SessionDetail = {
  ...sessionAt(CLEAR_QUEUE_SOLUTION, {
    id: 'session-9',
    user_name: 'Tom Tech',
    completed_at: '2026-11-24T09:03:30.000Z',
    outcome: 'resolved',
    rating: 2,
    notes: 'Spooler restarted twice.',
    external_ref: 'INC-42',
    tree_version: 4,
    duration_seconds: 210,
    comment: 'Took too long to find the queue.',
    path: [
      { ...ANSWERED_POWER, seconds: 60 },
      { ...ANSWERED_QUEUE, seconds: 120 },
    ],
    votes: [
      {
        node_id: ANSWERED_QUEUE.node_id,
        node_title: ANSWERED_QUEUE.node_title,
        vote: 'unhelpful',
        at: '2026-11-24T09:03:00.000Z',
      },
    ],
  }),
};

describe('SessionDetailComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  async function open(url: string): Promise<void> {
    localStorage.clear();
    rememberSignedIn(TEAM_ADMIN);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'admin', children: ADMIN_ROUTES },
          { path: 'sessions', children: SESSIONS_ROUTES },
        ]),
        provideLocationMocks(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiConfiguration(''),
      ],
    });
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    http = TestBed.inject(HttpTestingController);
    await settle(harness.fixture);
  }

  function page(): HTMLElement {
    return harness.routeNativeElement as HTMLElement;
  }

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
  });

  it('shows the path as a timeline with the time at each node, the votes, rating, comment, notes and reference', async () => {
    await open('/admin/sessions/session-9');
    http.expectOne('/api/v1/sessions/session-9').flush(DETAIL);
    await settle(harness.fixture);

    expect(textOf(page().querySelector('h1'))).toBe('Printer not printing');
    expect(textOf(page().querySelector('.page-header p:not(.eyebrow)'))).toContain('Tom Tech');
    expect(textOf(page().querySelector('.page-header p:not(.eyebrow)'))).toContain('flow version 4');
    expect(page().querySelector('.eyebrow a')?.getAttribute('href')).toBe('/admin/sessions');

    const facts = textOf(page().querySelector('[data-testid="session-facts"]'));
    expect(facts).toContain('Resolved');
    expect(facts).toContain('3m 30s');
    expect(facts).toContain('INC-42');
    expect(page().querySelector('[data-testid="session-facts"] [role="img"]')?.getAttribute('aria-label')).toBe(
      'Rated 2 out of 5',
    );
    expect(textOf(page().querySelector('[data-testid="session-comment"]'))).toBe('Took too long to find the queue.');
    expect(textOf(page().querySelector('[data-testid="session-notes"]'))).toBe('Spooler restarted twice.');

    const steps = Array.from(page().querySelectorAll('[data-testid="session-timeline"] > li'));
    expect(steps.map((step) => textOf(step.querySelector('.timeline__head')))).toEqual([
      'Is the printer powered on? 1m 00s',
      'Are jobs stuck in the print queue? 2m 00s',
      'Clear the print queue',
    ]);
    expect(textOf(steps[0].querySelector('.timeline__answer'))).toBe('→ Yes, the light is green');
    expect(textOf(steps[1].querySelector('.vote'))).toBe('Voted not helpful');
    expect(steps[0].querySelector('.vote')).toBeNull();
    expect(textOf(steps[2].querySelector('.timeline__answer'))).toBe('Finished here');
    // The bars compare the time spent at each answered node: a third and two thirds.
    expect(parseFloat(steps[1].querySelector<HTMLElement>('.timeline__bar span')!.style.width)).toBeCloseTo(66.7, 1);
  });

  it('says when a session cannot be seen, and links back to My sessions for an engineer’s route', async () => {
    await open('/sessions/missing');
    http
      .expectOne('/api/v1/sessions/missing')
      .flush({ statusCode: 404, message: 'Not found' }, { status: 404, statusText: 'Not Found' });
    await settle(harness.fixture);

    expect(textOf(page().querySelector('rf-load-error'))).toContain('does not exist');
    expect(page().querySelector('.eyebrow a')?.getAttribute('href')).toBe('/sessions');
  });
});
