import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';

import { AuthService } from './auth.service';

/** Credential endpoints answer 401 for a wrong password; that is a form error, not an expired session. */
const CREDENTIAL_URLS = ['/auth/login', '/auth/register'];

/** Adds the bearer token to our own API calls and sends the user to /login when the token stops working. */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const token = auth.token();
  const isOwnApi = !/^[a-z][a-z\d+.-]*:\/\//i.test(request.url);

  const authorized =
    token !== null && isOwnApi ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;

  return next(authorized).pipe(
    catchError((error: unknown) => {
      const isCredentialCall = CREDENTIAL_URLS.some((url) => request.url.endsWith(url));
      if (error instanceof HttpErrorResponse && error.status === 401 && isOwnApi && !isCredentialCall) {
        auth.logout(router.url);
      }
      return throwError(() => error);
    }),
  );
};
