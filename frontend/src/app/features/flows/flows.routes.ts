import type { Routes } from '@angular/router';

export const FLOWS_ROUTES: Routes = [
  {
    path: '',
    title: 'Flows · ResolutionFlow',
    loadComponent: () => import('./flow-list.component').then((m) => m.FlowListComponent),
  },
];
