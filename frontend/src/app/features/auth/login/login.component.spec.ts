import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { ENGINEER, settle } from '../../../../testing/fixtures';
import { provideApiConfiguration } from '../../../api/api-configuration';
import { authInterceptor } from '../../../core/auth/auth.interceptor';
import { TOKEN_STORAGE_KEY } from '../../../core/auth/auth.service';
import { LoginComponent } from './login.component';

describe('LoginComponent', () => {
  let fixture: ComponentFixture<LoginComponent>;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideApiConfiguration(''),
      ],
    });
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginComponent);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function type(selector: string, value: string): void {
    const input = page().querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function signIn(email: string, password: string): Promise<void> {
    type('#login-email', email);
    type('#login-password', password);
    page().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(fixture);
  }

  it('shows the demo accounts', () => {
    expect(page().textContent).toContain(
      'Demo: admin@northwind.example / engineer1@northwind.example, password demo1234',
    );
  });

  it('signs in, keeps the token and opens the flows', async () => {
    await signIn('engineer1@northwind.example', 'demo1234');

    const request = http.expectOne('/api/v1/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'engineer1@northwind.example', password: 'demo1234' });
    request.flush({ access_token: 'jwt-123', user: ENGINEER });
    await settle(fixture);

    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('jwt-123');
    expect(router.navigateByUrl).toHaveBeenCalledWith('/flows');
  });

  it('goes back to the page the user came from', async () => {
    fixture.componentRef.setInput('returnUrl', '/sessions');
    await signIn('engineer1@northwind.example', 'demo1234');

    http.expectOne('/api/v1/auth/login').flush({ access_token: 'jwt-123', user: ENGINEER });
    await settle(fixture);

    expect(router.navigateByUrl).toHaveBeenCalledWith('/sessions');
  });

  it('says the credentials are wrong on 401 and stays on the page', async () => {
    await signIn('engineer1@northwind.example', 'wrong-password');

    http
      .expectOne('/api/v1/auth/login')
      .flush(
        { statusCode: 401, message: 'Invalid email or password', error: 'Unauthorized' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle(fixture);

    const alert = page().querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Email or password is incorrect.');
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(router.navigateByUrl).not.toHaveBeenCalled();
    expect(router.navigate).not.toHaveBeenCalled();
    expect(page().querySelector<HTMLInputElement>('#login-password')!.value).toBe('');
    expect(page().textContent).not.toContain('Enter your password.');
  });

  it('does not call the API while the form is incomplete', async () => {
    await signIn('', '');

    http.expectNone('/api/v1/auth/login');
    expect(page().textContent).toContain('Enter a valid email address.');
    expect(page().textContent).toContain('Enter your password.');
  });
});
