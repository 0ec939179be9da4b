import type { Routes } from '@angular/router';

export const RUNNER_ROUTES: Routes = [
  {
    path: '',
    title: 'Session · ResolutionFlow',
    loadComponent: () => import('./runner.component').then((m) => m.RunnerComponent),
  },
];
