import type { Routes } from '@angular/router';

import { roleGuard } from '../../core/auth/role.guard';
import { ADMIN_ROLES } from '../../core/layout/nav-items';

/** /analytics/me for everyone, /analytics/team for team and super admins (the API says the same). */
export const ANALYTICS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'me' },
  {
    path: 'me',
    title: 'My analytics · ResolutionFlow',
    loadComponent: () => import('./me/my-analytics.component').then((m) => m.MyAnalyticsComponent),
  },
  {
    path: 'team',
    title: 'Team analytics · ResolutionFlow',
    canActivate: [roleGuard(...ADMIN_ROLES)],
    loadComponent: () => import('./team/team-analytics.component').then((m) => m.TeamAnalyticsComponent),
  },
];

/** /flows/:id/analytics, for anyone who can see the flow. */
export const FLOW_ANALYTICS_ROUTES: Routes = [
  {
    path: '',
    title: 'Flow analytics · ResolutionFlow',
    loadComponent: () => import('./flow/flow-analytics.component').then((m) => m.FlowAnalyticsComponent),
  },
];
