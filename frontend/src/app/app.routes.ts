import type { Routes } from '@angular/router';

import { authGuard, guestGuard } from './core/auth/auth.guard';
import { roleGuard } from './core/auth/role.guard';
import { ADMIN_ROLES } from './core/layout/nav-items';

export const routes: Routes = [
  {
    path: 'login',
    canActivate: [guestGuard],
    title: 'Sign in · ResolutionFlow',
    loadComponent: () => import('./features/auth/login/login.component').then((m) => m.LoginComponent),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./core/layout/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'flows' },
      {
        path: 'flows/:id/analytics',
        loadChildren: () => import('./features/analytics/analytics.routes').then((m) => m.FLOW_ANALYTICS_ROUTES),
      },
      {
        // The deep link for ticketing tools: starts a session with the ticket attached, then opens the runner.
        path: 'flows/:id/start',
        title: 'Starting a session · ResolutionFlow',
        loadComponent: () =>
          import('./features/runner/start-from-link.component').then((m) => m.StartFromLinkComponent),
      },
      { path: 'flows', loadChildren: () => import('./features/flows/flows.routes').then((m) => m.FLOWS_ROUTES) },
      {
        path: 'sessions/:id/run',
        loadChildren: () => import('./features/runner/runner.routes').then((m) => m.RUNNER_ROUTES),
      },
      {
        path: 'sessions',
        loadChildren: () => import('./features/sessions/sessions.routes').then((m) => m.SESSIONS_ROUTES),
      },
      {
        path: 'analytics',
        loadChildren: () => import('./features/analytics/analytics.routes').then((m) => m.ANALYTICS_ROUTES),
      },
      {
        path: 'tokens',
        loadChildren: () => import('./features/tokens/api-tokens.routes').then((m) => m.API_TOKENS_ROUTES),
      },
      // Admin areas (analytics, users, step library) go here, each with canActivate: [roleGuard(...ADMIN_ROLES)].
      {
        path: 'admin',
        canActivate: [roleGuard(...ADMIN_ROLES)],
        loadChildren: () => import('./features/admin/admin.routes').then((m) => m.ADMIN_ROUTES),
      },
    ],
  },
  { path: '**', redirectTo: 'flows' },
];
