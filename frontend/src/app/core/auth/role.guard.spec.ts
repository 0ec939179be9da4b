import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { ENGINEER, rememberSignedIn, TEAM_ADMIN } from '../../../testing/fixtures';
import { ADMIN_ROLES } from '../layout/nav-items';
import { authGuard } from './auth.guard';
import { roleGuard } from './role.guard';

@Component({ template: '<h1>Analytics</h1>' })
class AnalyticsPageComponent {}

@Component({ template: '<h1>Flows</h1>' })
class FlowsPageComponent {}

@Component({ template: '<h1>Sign in</h1>' })
class LoginPageComponent {}

describe('roleGuard', () => {
  async function open(url: string): Promise<{ url: string; heading: string | null | undefined }> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'login', component: LoginPageComponent },
          { path: 'flows', canActivate: [authGuard], component: FlowsPageComponent },
          {
            path: 'analytics',
            canActivate: [authGuard, roleGuard(...ADMIN_ROLES)],
            component: AnalyticsPageComponent,
          },
        ]),
      ],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return {
      url: TestBed.inject(Router).url,
      heading: harness.routeNativeElement?.querySelector('h1')?.textContent,
    };
  }

  beforeEach(() => localStorage.clear());

  it('opens an admin page for a team admin', async () => {
    rememberSignedIn(TEAM_ADMIN);

    const result = await open('/analytics');

    expect(result.url).toBe('/analytics');
    expect(result.heading).toBe('Analytics');
  });

  it('sends an engineer to the flows instead of an admin page', async () => {
    rememberSignedIn(ENGINEER);

    const result = await open('/analytics');

    expect(result.url).toBe('/flows');
    expect(result.heading).toBe('Flows');
  });

  it('sends a signed-out visitor to sign in, remembering the page', async () => {
    const result = await open('/analytics');

    expect(result.url).toBe('/login?returnUrl=%2Fanalytics');
    expect(result.heading).toBe('Sign in');
  });
});
