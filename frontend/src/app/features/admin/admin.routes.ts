import type { CanDeactivateFn, Routes } from '@angular/router';

import type { FlowEditorComponent } from './flow-editor/flow-editor.component';

/** Leaving the flow editor with unsaved edits asks first. */
const unsavedFlowGuard: CanDeactivateFn<FlowEditorComponent> = (editor) => editor.canLeave();

/** Team admin pages. app.routes.ts guards the whole area with roleGuard(...ADMIN_ROLES). */
export const ADMIN_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'flows' },
  {
    path: 'users',
    title: 'Users · ResolutionFlow',
    loadComponent: () => import('./users/users-page.component').then((m) => m.UsersPageComponent),
  },
  {
    path: 'steps',
    title: 'Step library · ResolutionFlow',
    loadComponent: () => import('./steps/step-library.component').then((m) => m.StepLibraryComponent),
  },
  {
    path: 'webhooks',
    title: 'Webhooks · ResolutionFlow',
    loadComponent: () => import('./webhooks/webhooks-page.component').then((m) => m.WebhooksPageComponent),
  },
  {
    path: 'webhooks/:id',
    title: 'Webhook deliveries · ResolutionFlow',
    loadComponent: () =>
      import('./webhooks/webhook-deliveries-page.component').then((m) => m.WebhookDeliveriesPageComponent),
  },
  {
    path: 'sessions',
    title: 'Sessions · ResolutionFlow',
    data: { scope: 'team' },
    loadComponent: () =>
      import('../session-explorer/sessions-explorer.component').then((m) => m.SessionsExplorerComponent),
  },
  {
    path: 'sessions/:id',
    title: 'Session · ResolutionFlow',
    data: { scope: 'team' },
    loadComponent: () => import('../session-explorer/session-detail.component').then((m) => m.SessionDetailComponent),
  },
  {
    path: 'flows',
    title: 'Flow editor · ResolutionFlow',
    loadComponent: () => import('./flow-editor/flows-page.component').then((m) => m.FlowsPageComponent),
  },
  {
    path: 'flows/new',
    title: 'New flow · ResolutionFlow',
    canDeactivate: [unsavedFlowGuard],
    loadComponent: () => import('./flow-editor/flow-editor.component').then((m) => m.FlowEditorComponent),
  },
  {
    path: 'flows/:id/edit',
    title: 'Edit flow · ResolutionFlow',
    canDeactivate: [unsavedFlowGuard],
    loadComponent: () => import('./flow-editor/flow-editor.component').then((m) => m.FlowEditorComponent),
  },
];
