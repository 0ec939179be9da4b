import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { ENGINEER, rememberSignedIn, settle, TEAM_ADMIN } from '../../../testing/fixtures';
import { provideApiConfiguration } from '../../api/api-configuration';
import type { User } from '../api-types';
import { TOKEN_STORAGE_KEY } from '../auth/auth.service';
import { ShellComponent } from './shell.component';

describe('ShellComponent', () => {
  let fixture: ComponentFixture<ShellComponent>;
  let http: HttpTestingController;
  let router: Router;

  async function renderFor(user: User): Promise<void> {
    localStorage.clear();
    rememberSignedIn(user);
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideApiConfiguration('')],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(ShellComponent);
    await settle(fixture);
    http.expectOne('/api/v1/auth/me').flush(user);
    await settle(fixture);
  }

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  it('shows who is signed in and their role', async () => {
    await renderFor(TEAM_ADMIN);

    expect(page().querySelector('[data-testid="user-name"]')?.textContent).toBe('Ada Admin');
    expect(page().querySelector('rf-role-badge')?.textContent).toBe('Team admin');
  });

  it('offers the engineer Flows, My sessions, My analytics and API tokens', async () => {
    await renderFor(ENGINEER);

    const links = Array.from(page().querySelectorAll('nav[aria-label="Main"] a'));
    expect(links.map((link) => link.textContent?.trim())).toEqual([
      'Flows',
      'My sessions',
      'My analytics',
      'API tokens',
    ]);
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/flows', '/sessions', '/analytics/me', '/tokens']);
  });

  it('logs out: forgets the token and returns to the login page', async () => {
    await renderFor(ENGINEER);

    const logout = Array.from(page().querySelectorAll('button')).find((b) => b.textContent?.includes('Log out'))!;
    logout.click();
    await settle(fixture);

    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(router.navigate).toHaveBeenCalledWith(['/login'], { queryParams: {} });
    expect(page().querySelector('[data-testid="user-name"]')).toBeNull();
  });
});
