import type { Routes } from '@angular/router';

/** Everyone's own sessions: the list (with the same filters as a team admin's) and one session in full. */
export const SESSIONS_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'My sessions · ResolutionFlow',
    data: { scope: 'mine' },
    loadComponent: () =>
      import('../session-explorer/sessions-explorer.component').then((m) => m.SessionsExplorerComponent),
  },
  {
    path: ':id',
    title: 'Session · ResolutionFlow',
    data: { scope: 'mine' },
    loadComponent: () => import('../session-explorer/session-detail.component').then((m) => m.SessionDetailComponent),
  },
];
