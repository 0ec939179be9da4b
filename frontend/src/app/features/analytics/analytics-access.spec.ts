import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { expectReport, MY_REPORT, TEAM_REPORT, TEAM_USERS } from '../../../testing/analytics-fixtures';
import { openAnalytics, textOf } from '../../../testing/analytics-harness';
import { ENGINEER, rememberSignedIn, settle, TEAM_ADMIN } from '../../../testing/fixtures';
import { provideApiConfiguration } from '../../api/api-configuration';
import type { User } from '../../core/api-types';
import { ShellComponent } from '../../core/layout/shell.component';

jest.setTimeout(20_000);

/** Who may open which analytics page, and what the sidebar offers them. */
describe('analytics access', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('turns an engineer away from Team analytics, to the flows', async () => {
    const view = await openAnalytics('/analytics/team', ENGINEER);

    expect(view.router.url).toBe('/flows');
    expect(textOf(view.page().querySelector('h1'))).toBe('Flows');
    view.http.expectNone('/api/v1/analytics/team');
    view.http.verify();
  });

  it('opens Team analytics for a team admin', async () => {
    const view = await openAnalytics('/analytics/team', TEAM_ADMIN);
    view.http.expectOne('/api/v1/users').flush(TEAM_USERS);
    expectReport(view.http, '/api/v1/analytics/team').flush(TEAM_REPORT);
    await view.settle();

    expect(view.router.url).toBe('/analytics/team');
    expect(textOf(view.page().querySelector('h1'))).toBe('Team analytics');
    view.http.verify();
  });

  it('opens My analytics for an engineer, also from the bare /analytics', async () => {
    const view = await openAnalytics('/analytics', ENGINEER);
    expectReport(view.http, '/api/v1/analytics/me').flush(MY_REPORT);
    await view.settle();

    expect(view.router.url).toBe('/analytics/me');
    expect(textOf(view.page().querySelector('h1'))).toBe('My analytics');
  });

  describe('the sidebar', () => {
    async function navFor(user: User): Promise<string[]> {
      localStorage.clear();
      rememberSignedIn(user);
      TestBed.configureTestingModule({
        providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideApiConfiguration('')],
      });
      const fixture = TestBed.createComponent(ShellComponent);
      await settle(fixture);
      TestBed.inject(HttpTestingController).expectOne('/api/v1/auth/me').flush(user);
      await settle(fixture);
      return Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('nav[aria-label="Main"] a')).map(
        (link) => `${textOf(link)} → ${link.getAttribute('href')}`,
      );
    }

    it('offers an engineer My analytics and no Team analytics', async () => {
      const links = await navFor(ENGINEER);

      expect(links).toContain('My analytics → /analytics/me');
      expect(links.some((link) => link.startsWith('Team analytics'))).toBe(false);
    });

    it('offers a team admin both', async () => {
      const links = await navFor(TEAM_ADMIN);

      expect(links).toContain('My analytics → /analytics/me');
      expect(links).toContain('Team analytics → /analytics/team');
    });
  });
});
