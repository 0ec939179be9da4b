import type { Routes } from '@angular/router';

export const SESSIONS_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'My sessions · ResolutionFlow',
    loadComponent: () => import('./my-sessions.component').then((m) => m.MySessionsComponent),
  },
];
