import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { expectCall, failWith } from '../../../testing/admin-fixtures';
import { ENGINEER, POWER_QUESTION, rememberSignedIn, sessionAt, settle } from '../../../testing/fixtures';
import { provideApiConfiguration } from '../../api/api-configuration';
import { authGuard } from '../../core/auth/auth.guard';
import { StartFromLinkComponent } from './start-from-link.component';

@Component({ selector: 'rf-stub', template: '' })
class StubComponent {}

const LINK =
  '/flows/tree-printer/start?external_ref=INC0012345&external_url=https%3A%2F%2Fhelpdesk.example%2FINC0012345';

describe('StartFromLinkComponent (the deep link for ticketing tools)', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'login', component: StubComponent },
            { path: 'flows/:id/start', canActivate: [authGuard], component: StartFromLinkComponent },
            { path: 'sessions/:id/run', component: StubComponent },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiConfiguration(''),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('starts a session with the ticket attached, then opens the runner in its place', async () => {
    rememberSignedIn(ENGINEER);
    const harness = await RouterTestingHarness.create();
    void harness.navigateByUrl(LINK);
    await settle();

    const request = expectCall(http, 'POST', '/api/v1/sessions');
    expect(request.request.body).toEqual({
      tree_id: 'tree-printer',
      external_ref: 'INC0012345',
      external_url: 'https://helpdesk.example/INC0012345',
    });
    request.flush(sessionAt(POWER_QUESTION, { id: 'session-9', external_ref: 'INC0012345' }));
    await settle();

    expect(TestBed.inject(Router).url).toBe('/sessions/session-9/run');
  });

  it('sends a signed-out engineer to sign in first, keeping the whole link to come back to', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(LINK);

    const router = TestBed.inject(Router);
    const url = router.parseUrl(router.url);
    expect(url.root.children['primary'].segments.map((segment) => segment.path)).toEqual(['login']);
    // Angular writes the link back in its own (equivalent) encoding: compare what it means.
    const back = router.parseUrl(url.queryParams['returnUrl']);
    expect(back.toString()).toBe(router.parseUrl(LINK).toString());
    expect(back.queryParams).toEqual({
      external_ref: 'INC0012345',
      external_url: 'https://helpdesk.example/INC0012345',
    });
    http.expectNone('/api/v1/sessions');
  });

  it('starts without a ticket when the link has none', async () => {
    rememberSignedIn(ENGINEER);
    const harness = await RouterTestingHarness.create();
    void harness.navigateByUrl('/flows/tree-printer/start?external_ref=');
    await settle();

    expect(expectCall(http, 'POST', '/api/v1/sessions').request.body).toEqual({ tree_id: 'tree-printer' });
  });

  it('explains a link to a flow that is not there, and starts nothing else', async () => {
    rememberSignedIn(ENGINEER);
    const harness = await RouterTestingHarness.create();
    void harness.navigateByUrl(LINK);
    await settle();
    failWith(expectCall(http, 'POST', '/api/v1/sessions'), 404, 'Flow not found');
    await settle();
    harness.detectChanges();

    expect(harness.routeNativeElement?.textContent).toContain('names a flow that does not exist');
    const router = TestBed.inject(Router);
    expect(router.url).toBe(router.parseUrl(LINK).toString());
  });

  it('shows the server’s reason for a bad ticket URL', async () => {
    rememberSignedIn(ENGINEER);
    const harness = await RouterTestingHarness.create();
    void harness.navigateByUrl('/flows/tree-printer/start?external_ref=INC1&external_url=javascript:alert(1)');
    await settle();
    failWith(expectCall(http, 'POST', '/api/v1/sessions'), 422, ['external_url must be an http or https URL']);
    await settle();
    harness.detectChanges();

    expect(harness.routeNativeElement?.textContent).toContain('external_url must be an http or https URL');
  });
});
