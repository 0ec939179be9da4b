import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { polyfillDialog } from '../../../testing/dialog';
import { sessionAt, settle } from '../../../testing/fixtures';
import { provideApiConfiguration } from '../../api/api-configuration';
import type { SessionListItem } from '../../core/api-types';
import { MySessionsComponent } from './my-sessions.component';

function listItem(overrides: Partial<SessionListItem>): SessionListItem {
  const { current_node: _node, path: _path, ...summary } = sessionAt(null);
  return { ...summary, ...overrides };
}

describe('MySessionsComponent', () => {
  let fixture: ComponentFixture<MySessionsComponent>;
  let http: HttpTestingController;

  beforeAll(() => polyfillDialog());

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideApiConfiguration('')],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MySessionsComponent);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  function rows(): HTMLTableRowElement[] {
    return Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('tbody tr'));
  }

  it('lists my sessions with status, duration and a way to continue active ones', async () => {
    const request = http.expectOne((req) => req.url === '/api/v1/sessions');
    expect(request.request.params.get('limit')).toBe('20');
    expect(request.request.params.get('offset')).toBe('0');
    request.flush({
      items: [
        listItem({ id: 'session-active', tree_name: 'VPN will not connect' }),
        listItem({
          id: 'session-done',
          tree_name: 'Printer not printing',
          completed_at: '2026-11-24T09:12:05.000Z',
          outcome: 'resolved',
        }),
      ],
      total: 2,
    });
    await settle(fixture);

    const [active, done] = rows();
    expect(active.textContent).toContain('VPN will not connect');
    expect(active.textContent).toContain('In progress');
    expect(active.querySelector('a')?.textContent?.trim()).toBe('Continue');
    expect(active.querySelector('a')?.getAttribute('href')).toBe('/sessions/session-active/run');
    expect(done.textContent).toContain('Resolved');
    expect(done.textContent).toContain('12m 05s');
    expect(done.querySelector('a')?.textContent?.trim()).toBe('View');
  });

  it('filters by status', async () => {
    http.expectOne((req) => req.url === '/api/v1/sessions').flush({ items: [], total: 0 });
    await settle(fixture);

    const active = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button')).find(
      (button) => button.textContent?.trim() === 'In progress',
    )!;
    active.click();
    await settle(fixture);

    const request = http.expectOne((req) => req.url === '/api/v1/sessions');
    expect(request.request.params.get('status')).toBe('active');
    request.flush({ items: [], total: 0 });
    await settle(fixture);
    expect(active.getAttribute('aria-pressed')).toBe('true');
  });

  it('pages through the exact total', async () => {
    const pageOf = (from: number) => Array.from({ length: 20 }, (_, i) => listItem({ id: `session-${from + i}` }));
    http.expectOne((req) => req.url === '/api/v1/sessions').flush({ items: pageOf(0), total: 45, next_cursor: null });
    await settle(fixture);
    const pager = (fixture.nativeElement as HTMLElement).querySelector('nav.pager')!;
    const label = () => pager.querySelector('span')?.textContent?.trim();
    const next = Array.from(pager.querySelectorAll('button')).find((button) => button.textContent?.trim() === 'Next')!;
    expect(label()).toBe('1–20 of 45');

    for (let offset = 20; offset <= 40; offset += 20) {
      expect(next.disabled).toBe(false);
      next.click();
      await settle(fixture);
      const request = http.expectOne((req) => req.url === '/api/v1/sessions');
      expect(request.request.params.get('offset')).toBe(String(offset));
      request.flush({ items: pageOf(offset).slice(0, Math.min(20, 45 - offset)), total: 45, next_cursor: null });
      await settle(fixture);
    }
    expect(label()).toBe('41–45 of 45');
    expect(next.disabled).toBe(true);
  });

  describe('ratings', () => {
    const DONE_UNRATED = listItem({
      id: 'session-done',
      tree_name: 'Printer not printing',
      completed_at: '2026-11-24T09:12:05.000Z',
      outcome: 'resolved',
    });
    const DONE_RATED = listItem({
      id: 'session-rated',
      tree_name: 'VPN will not connect',
      completed_at: '2026-11-23T15:00:00.000Z',
      outcome: 'resolved',
      rating: 4,
    });

    function page(): HTMLElement {
      return fixture.nativeElement as HTMLElement;
    }

    function csat(): HTMLDialogElement | null {
      return page().querySelector('dialog[data-testid="csat-dialog"]');
    }

    function ratingCell(row: HTMLTableRowElement): HTMLElement {
      return row.querySelector('[data-testid="session-rating"]')!;
    }

    async function listed(...items: SessionListItem[]): Promise<void> {
      http.expectOne((req) => req.url === '/api/v1/sessions').flush({ items, total: items.length });
      await settle(fixture);
    }

    async function rateFirstRowFourStars(): Promise<void> {
      ratingCell(rows()[0]).querySelector('button')!.click();
      await settle(fixture);
      csat()!.querySelector<HTMLElement>('[role="radio"][aria-label="4 – Good"]')!.click();
      await settle(fixture);
      csat()!.querySelector('form')!.dispatchEvent(new Event('submit'));
      await settle(fixture);
    }

    it('shows stars for rated sessions, Rate for finished unrated ones, nothing for running ones', async () => {
      await listed(listItem({ id: 'session-active' }), DONE_UNRATED, DONE_RATED);

      const [active, unrated, rated] = rows();
      expect(ratingCell(active).querySelector('button')).toBeNull();
      expect(ratingCell(active).textContent).toContain('Not finished');
      const rate = ratingCell(unrated).querySelector('button')!;
      expect(rate.textContent?.trim()).toBe('Rate');
      expect(rate.getAttribute('aria-label')).toBe('Rate session: Printer not printing');
      expect(ratingCell(rated).querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('Rated 4 out of 5');
      expect(ratingCell(rated).querySelector('button')).toBeNull();
    });

    it('rates a session from the list and shows its stars', async () => {
      await listed(DONE_UNRATED);

      await rateFirstRowFourStars();
      const request = http.expectOne({ method: 'POST', url: '/api/v1/sessions/session-done/rate' });
      expect(request.request.body).toEqual({ rating: 4 });
      request.flush(
        {
          id: 'rating-1',
          session_id: 'session-done',
          rating: 4,
          comment: null,
          created_at: '2026-11-24T10:00:00.000Z',
        },
        { status: 201, statusText: 'Created' },
      );
      await settle(fixture);

      expect(csat()).toBeNull();
      expect(ratingCell(rows()[0]).querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('Rated 4 out of 5');
      expect(page().querySelector('[data-testid="rating-notice"]')?.textContent).toContain('was saved');
    });

    it('reloads the list when the session was already rated elsewhere (409)', async () => {
      await listed(DONE_UNRATED);

      await rateFirstRowFourStars();
      http
        .expectOne({ method: 'POST', url: '/api/v1/sessions/session-done/rate' })
        .flush({ statusCode: 409, message: 'Session already rated' }, { status: 409, statusText: 'Conflict' });
      await settle(fixture);
      await listed({ ...DONE_UNRATED, rating: 5 });

      expect(csat()).toBeNull();
      expect(page().querySelector('[data-testid="rating-notice"]')?.textContent).toContain('already rated');
      expect(ratingCell(rows()[0]).querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('Rated 5 out of 5');
    });
  });
});
