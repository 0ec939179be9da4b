import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';

import type { Role } from '../api-types';
import { AuthService } from './auth.service';

/**
 * Lets only the given roles through, e.g. `canActivate: [roleGuard('super_admin', 'team_admin')]`.
 * Others land on /flows, which every role may see. The API enforces the same rule; this only
 * keeps people out of screens that would fail.
 */
export function roleGuard(...allowed: readonly Role[]): CanActivateFn {
  return () => {
    const auth = inject(AuthService);
    if (auth.hasRole(...allowed)) {
      return true;
    }
    const router = inject(Router);
    return auth.isAuthenticated() ? router.createUrlTree(['/flows']) : router.createUrlTree(['/login']);
  };
}
