import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

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
});
