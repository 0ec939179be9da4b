import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { ENGINEER, rememberSignedIn, TEAM_ADMIN } from '../../../testing/fixtures';
import { provideApiConfiguration } from '../../api/api-configuration';
import { routes } from '../../app.routes';
import type { User } from '../../core/api-types';
import { navItemsFor } from '../../core/layout/nav-items';

describe('admin area access', () => {
  async function navigateAs(user: User, url: string): Promise<string> {
    TestBed.resetTestingModule();
    localStorage.clear();
    rememberSignedIn(user);
    TestBed.configureTestingModule({
      providers: [provideRouter(routes), provideHttpClient(), provideHttpClientTesting(), provideApiConfiguration('')],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    // The pages start loading their data; these tests only care where the router ended up.
    TestBed.inject(HttpTestingController).match(() => true);
    return TestBed.inject(Router).url;
  }

  it('shows engineers no admin entries', () => {
    const paths = navItemsFor('engineer').map((item) => item.path);
    expect(paths).toContain('/flows');
    expect(paths.filter((path) => path.startsWith('/admin'))).toEqual([]);
  });

  it('shows admins the flow editor, step library, users and webhooks', () => {
    for (const role of ['team_admin', 'super_admin'] as const) {
      expect(navItemsFor(role).map((item) => item.path)).toEqual(
        expect.arrayContaining(['/admin/flows', '/admin/steps', '/admin/users', '/admin/webhooks']),
      );
    }
  });

  it('sends an engineer who types an admin address back to the flows', async () => {
    expect(await navigateAs(ENGINEER, '/admin/users')).toBe('/flows');
  });

  it('keeps engineers out of the webhooks and their deliveries', async () => {
    expect(await navigateAs(ENGINEER, '/admin/webhooks')).toBe('/flows');
    expect(await navigateAs(ENGINEER, '/admin/webhooks/hook-1')).toBe('/flows');
  });

  it('lets a team admin in', async () => {
    expect(await navigateAs(TEAM_ADMIN, '/admin/steps')).toBe('/admin/steps');
  });

  it('lets a team admin open the webhooks and an endpoint’s deliveries', async () => {
    expect(await navigateAs(TEAM_ADMIN, '/admin/webhooks')).toBe('/admin/webhooks');
    expect(await navigateAs(TEAM_ADMIN, '/admin/webhooks/hook-1')).toBe('/admin/webhooks/hook-1');
  });
});
