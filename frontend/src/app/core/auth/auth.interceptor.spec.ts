import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { ENGINEER, rememberSignedIn } from '../../../testing/fixtures';
import { authInterceptor } from './auth.interceptor';
import { AuthService, TOKEN_STORAGE_KEY } from './auth.service';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let router: Router;

  function setUp(): void {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => backend.verify());

  it('sends the stored token as a bearer header on API calls', () => {
    rememberSignedIn(ENGINEER, 'token-abc');
    setUp();

    http.get('/api/v1/trees').subscribe();

    const request = backend.expectOne('/api/v1/trees');
    expect(request.request.headers.get('Authorization')).toBe('Bearer token-abc');
    request.flush([]);
  });

  it('sends no Authorization header when nobody is signed in', () => {
    setUp();

    http.get('/api/v1/trees').subscribe();

    const request = backend.expectOne('/api/v1/trees');
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush([]);
  });

  it('never sends the token to another origin', () => {
    rememberSignedIn(ENGINEER, 'token-abc');
    setUp();

    http.get('https://status.example.com/health').subscribe();

    const request = backend.expectOne('https://status.example.com/health');
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush({});
  });

  it('signs the user out and goes to /login when the API answers 401', () => {
    rememberSignedIn(ENGINEER, 'expired-token');
    setUp();
    let failure: unknown;

    http.get('/api/v1/sessions').subscribe({ error: (error: unknown) => (failure = error) });
    backend
      .expectOne('/api/v1/sessions')
      .flush({ statusCode: 401, message: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });

    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(false);
    expect(router.navigate).toHaveBeenCalledWith(['/login'], expect.anything());
    expect(failure).toBeInstanceOf(HttpErrorResponse);
  });

  it('leaves a wrong password on the login form instead of redirecting', () => {
    setUp();

    http.post('/api/v1/auth/login', {}).subscribe({ error: () => undefined });
    backend
      .expectOne('/api/v1/auth/login')
      .flush({ statusCode: 401, message: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });

    expect(router.navigate).not.toHaveBeenCalled();
  });
});
