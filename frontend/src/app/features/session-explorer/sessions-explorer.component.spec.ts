import { Location } from '@angular/common';
import { HttpHeaders, provideHttpClient, type HttpRequest } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { provideLocationMocks } from '@angular/common/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { blobText, textOf } from '../../../testing/analytics-harness';
import { polyfillDialog } from '../../../testing/dialog';
import { ENGINEER, rememberSignedIn, sessionAt, settle, TEAM_ADMIN } from '../../../testing/fixtures';
import { provideApiConfiguration } from '../../api/api-configuration';
import type { User } from '../../core/api-types';
import { ADMIN_ROUTES } from '../admin/admin.routes';
import { SESSIONS_ROUTES } from '../sessions/sessions.routes';
import type { ExplorerItem } from './session-explorer-types';

const LIST = '/api/v1/sessions';
const TREE_ID = '0b6f2f4e-5f9a-4c1e-9d7a-2c9d1f0a6b11';
const USER_ID = '7f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const NODE_ID = 'c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f';

// The first test of a file compiles the lazy page; on a busy two-core CI machine that alone can take seconds.
jest.setTimeout(20_000);

function listItem(overrides: Partial<ExplorerItem>): ExplorerItem {
  const { current_node: _node, path: _path, votes: _votes, ...summary } = sessionAt(null);
  return { ...summary, ...overrides };
}

interface View {
  harness: RouterTestingHarness;
  http: HttpTestingController;
  page(): HTMLElement;
  url(): string;
  settle(): Promise<void>;
}

async function open(url: string, user: User = TEAM_ADMIN): Promise<View> {
  localStorage.clear();
  rememberSignedIn(user);
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
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  const view: View = {
    harness,
    http: TestBed.inject(HttpTestingController),
    page: () => harness.routeNativeElement as HTMLElement,
    url: () => TestBed.inject(Location).path(),
    settle: () => settle(harness.fixture),
  };
  await view.settle();
  // The filter's choices: the account's flows (and, for a team admin, its people).
  view.http.expectOne('/api/v1/trees').flush([{ id: TREE_ID, name: 'VPN will not connect', status: 'published' }]);
  if (user.role !== 'engineer') {
    view.http.expectOne('/api/v1/users').flush([{ ...ENGINEER, id: USER_ID, name: 'Tom Tech' }]);
  }
  await view.settle();
  return view;
}

function isList(req: HttpRequest<unknown>): boolean {
  return req.url === LIST && req.params.get('format') !== 'csv';
}

function rows(view: View): HTMLTableRowElement[] {
  return Array.from(view.page().querySelectorAll('tbody tr'));
}

function select(view: View, label: string): HTMLSelectElement {
  const field = Array.from(view.page().querySelectorAll('rf-form-field')).find(
    (element) => textOf(element.querySelector('label')) === label,
  );
  return field!.querySelector('select')!;
}

async function choose(view: View, label: string, value: string): Promise<void> {
  const element = select(view, label);
  element.value = value;
  element.dispatchEvent(new Event('change'));
  await view.settle();
}

function buttonNamed(view: View, name: string): HTMLButtonElement {
  const found = Array.from(view.page().querySelectorAll('button')).find(
    (button) => textOf(button) === name || button.getAttribute('aria-label') === name,
  );
  if (!found) {
    throw new Error(`No button "${name}"`);
  }
  return found;
}

afterEach(() => {
  jest.restoreAllMocks();
  TestBed.resetTestingModule();
});

describe('Sessions (team admin)', () => {
  let view: View;

  afterEach(() => view?.http.verify());

  it('sends every filter in the URL to the API under the same name, with all=true, and shows the total', async () => {
    const query =
      `tree_id=${TREE_ID}&user_id=${USER_ID}&status=completed&outcome=escalated,unresolved&from=2026-11-01&to=2026-11-01` +
      `&stopped_at_node_id=${NODE_ID}&ended_at_node_id=${NODE_ID}&visited_node_id=${NODE_ID}&vote_node_id=${NODE_ID}` +
      `&vote=unhelpful&rating=2&rating_min=1&rating_max=3&has_comment=true&external_ref=INC-7&tree_version=3&sort=-duration` +
      `&tz=Europe%2FBerlin&ignored=yes`;
    view = await open(`/admin/sessions?${query}`);
    const request = view.http.expectOne(isList);
    const params = request.request.params;
    expect(params.get('all')).toBe('true');
    expect(params.get('limit')).toBe('50');
    for (const pair of query.split('&').filter((part) => !part.startsWith('ignored'))) {
      const [key, value] = pair.split('=');
      expect([key, params.get(key)]).toEqual([key, decodeURIComponent(value)]);
    }
    expect(params.has('ignored')).toBe(false);
    request.flush({
      items: [
        listItem({
          id: 's-1',
          tree_name: 'VPN will not connect',
          tree_version: 3,
          user_name: 'Tom Tech',
          completed_at: '2026-11-01T10:04:12.000Z',
          outcome: 'escalated',
          duration_seconds: 252,
          rating: 2,
          external_ref: 'INC-7',
        }),
      ],
      total: 1,
      next_cursor: null,
    });
    await view.settle();

    expect(textOf(view.page().querySelector('[data-testid="sessions-total"]'))).toBe('1 session match');
    const [row] = rows(view);
    expect(textOf(row.children[0])).toBe('VPN will not connect v3');
    expect(textOf(row.children[1])).toBe('Tom Tech');
    expect(textOf(row.children[3])).toBe('4m 12s');
    expect(textOf(row.children[4])).toBe('Escalated');
    expect(row.querySelector('a[href="/admin/sessions/s-1"]')).not.toBeNull();
    const chips = Array.from(view.page().querySelectorAll('.chip')).map((chip) => textOf(chip).replace(/ ×$/, ''));
    expect(chips).toContain('Flow: VPN will not connect');
    expect(chips).toContain('Engineer: Tom Tech');
    expect(chips).toContain('Outcome: Escalated or Unresolved');
    expect(chips).toContain('Step voted not helpful');
  });

  it('puts a changed filter in the URL and reloads the list from the first page', async () => {
    view = await open('/admin/sessions?period=30d');
    view.http.expectOne(isList).flush({ items: [], total: 0, next_cursor: null });
    await view.settle();
    expect(textOf(view.page().querySelector('h2'))).toBe('No sessions match');

    await choose(view, 'Status', 'in_progress');
    expect(view.url()).toBe('/admin/sessions?status=in_progress&period=30d');
    const request = view.http.expectOne(isList);
    expect(request.request.params.get('status')).toBe('in_progress');
    expect(request.request.params.get('period')).toBe('30d');
    request.flush({ items: [], total: 0, next_cursor: null });
    await view.settle();

    await choose(view, 'Period', '7d');
    expect(view.url()).toBe('/admin/sessions?status=in_progress&period=7d');
    view.http.expectOne(isList).flush({ items: [], total: 0, next_cursor: null });
    await view.settle();

    buttonNamed(view, 'Remove filter: In progress').click();
    await view.settle();
    expect(view.url()).toBe('/admin/sessions?period=7d');
    view.http.expectOne(isList).flush({ items: [], total: 0, next_cursor: null });
    await view.settle();
  });

  it('loads more by cursor and keeps the rows it has', async () => {
    view = await open('/admin/sessions?period=7d');
    view.http.expectOne(isList).flush({
      items: [listItem({ id: 'a' }), listItem({ id: 'b' })],
      total: 3,
      next_cursor: 'cursor-2',
    });
    await view.settle();
    expect(textOf(view.page().querySelector('.more span'))).toBe('Showing 2 of 3 sessions');

    buttonNamed(view, 'Load more').click();
    await view.settle();
    const request = view.http.expectOne(isList);
    expect(request.request.params.get('cursor')).toBe('cursor-2');
    expect(request.request.params.get('period')).toBe('7d');
    request.flush({ items: [listItem({ id: 'c' })], total: 3, next_cursor: null });
    await view.settle();

    expect(rows(view)).toHaveLength(3);
    expect(Array.from(view.page().querySelectorAll('button')).some((b) => textOf(b) === 'Load more')).toBe(false);
  });

  it('downloads the CSV of every match with the same query', async () => {
    view = await open(`/admin/sessions?period=90d&tree_id=${TREE_ID}`);
    view.http.expectOne(isList).flush({ items: [listItem({ id: 'a' })], total: 1, next_cursor: null });
    await view.settle();
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:sessions-csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicks: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });

    buttonNamed(view, 'Download CSV').click();
    await view.settle();
    const request: TestRequest = view.http.expectOne((req) => req.url === LIST && req.params.get('format') === 'csv');
    expect(request.request.params.get('period')).toBe('90d');
    expect(request.request.params.get('tree_id')).toBe(TREE_ID);
    expect(request.request.params.get('all')).toBe('true');
    expect(request.request.params.has('limit')).toBe(false);
    request.flush('id,flow\n', {
      headers: new HttpHeaders({ 'Content-Disposition': 'attachment; filename="sessions.csv"' }),
    });
    await view.settle();

    expect(clicks.map((link) => link.download)).toEqual(['sessions.csv']);
    expect(await blobText(createObjectURL.mock.calls[0][0])).toBe('id,flow\n');
  });
});

describe('My sessions (engineer)', () => {
  let view: View;

  beforeAll(() => polyfillDialog());
  afterEach(() => view?.http.verify());

  async function listed(...items: ExplorerItem[]): Promise<TestRequest> {
    const request = view.http.expectOne(isList);
    request.flush({ items, total: items.length, next_cursor: null });
    await view.settle();
    return request;
  }

  function ratingCell(row: HTMLTableRowElement): HTMLElement {
    return row.querySelector('[data-testid="session-rating"]')!;
  }

  function csat(): HTMLDialogElement | null {
    return view.page().querySelector('dialog[data-testid="csat-dialog"]');
  }

  const DONE_UNRATED = listItem({
    id: 'session-done',
    tree_name: 'Printer not printing',
    completed_at: '2026-11-24T09:12:05.000Z',
    duration_seconds: 726,
    outcome: 'resolved',
  });

  it('lists only my sessions (no all=true, no engineer filter) with details and a way to continue', async () => {
    view = await open('/sessions?outcome=resolved', ENGINEER);
    const request = await listed(listItem({ id: 'session-active', tree_name: 'VPN will not connect' }), DONE_UNRATED);
    expect(request.request.params.has('all')).toBe(false);
    expect(request.request.params.get('outcome')).toBe('resolved');
    expect(view.page().querySelector('rf-searchable-select')).toBeNull();
    expect(textOf(view.page().querySelector('h1'))).toBe('My sessions');

    const [active, done] = rows(view);
    expect(textOf(active)).toContain('In progress');
    expect(active.querySelector('a[href="/sessions/session-active/run"]')?.textContent?.trim()).toBe('Continue');
    expect(active.querySelector('a[href="/sessions/session-active"]')?.textContent?.trim()).toBe('Details');
    expect(textOf(done)).toContain('12m 06s');
    expect(done.querySelector('a[href$="/run"]')).toBeNull();
    expect(ratingCell(active).textContent).toContain('Not finished');
  });

  it('rates a finished session from the list and shows its stars', async () => {
    view = await open('/sessions', ENGINEER);
    await listed(DONE_UNRATED);

    const rate = ratingCell(rows(view)[0]).querySelector('button')!;
    expect(rate.getAttribute('aria-label')).toBe('Rate session: Printer not printing');
    rate.click();
    await view.settle();
    csat()!.querySelector<HTMLElement>('[role="radio"][aria-label="4 – Good"]')!.click();
    await view.settle();
    csat()!.querySelector('form')!.dispatchEvent(new Event('submit'));
    await view.settle();
    const request = view.http.expectOne({ method: 'POST', url: '/api/v1/sessions/session-done/rate' });
    expect(request.request.body).toEqual({ rating: 4 });
    request.flush(
      { id: 'rating-1', session_id: 'session-done', rating: 4, comment: null, created_at: '2026-11-24T10:00:00.000Z' },
      { status: 201, statusText: 'Created' },
    );
    await view.settle();

    expect(csat()).toBeNull();
    expect(ratingCell(rows(view)[0]).querySelector('[role="img"]')?.getAttribute('aria-label')).toBe(
      'Rated 4 out of 5',
    );
    expect(view.page().querySelector('[data-testid="rating-notice"]')?.textContent).toContain('was saved');
  });

  it('reloads the list when the session was already rated elsewhere (409)', async () => {
    view = await open('/sessions', ENGINEER);
    await listed(DONE_UNRATED);

    ratingCell(rows(view)[0]).querySelector('button')!.click();
    await view.settle();
    csat()!.querySelector<HTMLElement>('[role="radio"][aria-label="4 – Good"]')!.click();
    await view.settle();
    csat()!.querySelector('form')!.dispatchEvent(new Event('submit'));
    await view.settle();
    view.http
      .expectOne({ method: 'POST', url: '/api/v1/sessions/session-done/rate' })
      .flush({ statusCode: 409, message: 'Session already rated' }, { status: 409, statusText: 'Conflict' });
    await view.settle();
    await listed({ ...DONE_UNRATED, rating: 5 });

    expect(view.page().querySelector('[data-testid="rating-notice"]')?.textContent).toContain('already rated');
    expect(ratingCell(rows(view)[0]).querySelector('[role="img"]')?.getAttribute('aria-label')).toBe(
      'Rated 5 out of 5',
    );
  });
});

describe('a failing list', () => {
  it('says so and retries', async () => {
    const view = await open('/admin/sessions?rating=9');
    view.http
      .expectOne(isList)
      .flush({ statusCode: 422, message: ['rating must not be greater than 5'] }, { status: 422, statusText: 'x' });
    await view.settle();
    expect(textOf(view.page().querySelector('rf-load-error'))).toContain('rating');
    buttonNamed(view, 'Try again').click();
    await view.settle();
    view.http.expectOne(isList).flush({ items: [], total: 0, next_cursor: null });
    await view.settle();
    view.http.verify();
    expect(TestBed.inject(Router).url).toBe('/admin/sessions?rating=9');
  });
});
