import type { Routes } from '@angular/router';

export const API_TOKENS_ROUTES: Routes = [
  {
    path: '',
    title: 'API tokens · ResolutionFlow',
    loadComponent: () => import('./api-tokens-page.component').then((m) => m.ApiTokensPageComponent),
  },
];
