import type { Session, SessionNode, User } from '../app/core/api-types';
import { TOKEN_STORAGE_KEY, USER_STORAGE_KEY } from '../app/core/auth/auth.service';

/** Sample API payloads for component tests, shaped like the generated client's models. */

export const ENGINEER: User = {
  id: 'user-1',
  email: 'engineer1@northwind.example',
  name: 'Erin Engineer',
  role: 'engineer',
  account_id: 'account-1',
  is_active: true,
  created_at: '2026-01-05T08:00:00.000Z',
};

export const TEAM_ADMIN: User = { ...ENGINEER, id: 'user-2', name: 'Ada Admin', role: 'team_admin' };

export const POWER_QUESTION: SessionNode = {
  id: 'node-power',
  type: 'question',
  title: 'Is the printer powered on?',
  body: 'Look at the front panel.\nThe power light should be green.',
  help_text: 'The switch is on the back, next to the cable.',
  step_id: null,
  position: 0,
  options: [
    { id: 'opt-power-yes', label: 'Yes, the light is green', next_node_id: 'node-queue' },
    { id: 'opt-power-no', label: 'No, it is off', next_node_id: 'node-switch-on' },
  ],
};

export const QUEUE_QUESTION: SessionNode = {
  id: 'node-queue',
  type: 'question',
  title: 'Are jobs stuck in the print queue?',
  body: 'Open Settings → Printers and check the queue.',
  help_text: null,
  step_id: null,
  position: 1,
  options: [
    { id: 'opt-queue-yes', label: 'Yes', next_node_id: 'node-clear-queue' },
    { id: 'opt-queue-no', label: 'No', next_node_id: 'node-driver' },
  ],
};

export const CLEAR_QUEUE_SOLUTION: SessionNode = {
  id: 'node-clear-queue',
  type: 'solution',
  title: 'Clear the print queue',
  body: 'Cancel all documents, then restart the Print Spooler service.',
  help_text: null,
  step_id: null,
  position: 2,
  options: [],
};

export function sessionAt(node: SessionNode | null, overrides: Partial<Session> = {}): Session {
  return {
    id: 'session-1',
    tree_id: 'tree-printer',
    tree_name: 'Printer not printing',
    user_id: ENGINEER.id,
    user_name: ENGINEER.name,
    started_at: '2026-11-24T09:00:00.000Z',
    completed_at: null,
    duration_minutes: null,
    outcome: null,
    notes: null,
    current_node_id: node?.id ?? null,
    current_node: node,
    path: [],
    rating: null,
    external_ref: null,
    external_url: null,
    tree_version: 1,
    duration_seconds: null,
    current_node_title: node?.title ?? null,
    ended_at_node_id: null,
    ended_at_node_title: null,
    steps_answered: 0,
    comment: null,
    votes: [],
    ...overrides,
  };
}

export const ANSWERED_POWER: Session['path'][number] = {
  node_id: POWER_QUESTION.id,
  option_id: 'opt-power-yes',
  at: '2026-11-24T09:01:00.000Z',
  node_title: POWER_QUESTION.title,
  option_label: 'Yes, the light is green',
  seconds: 60,
};

export const ANSWERED_QUEUE: Session['path'][number] = {
  node_id: QUEUE_QUESTION.id,
  option_id: 'opt-queue-yes',
  at: '2026-11-24T09:02:00.000Z',
  node_title: QUEUE_QUESTION.title,
  option_label: 'Yes',
  seconds: 60,
};

/** Lets pending promises, HTTP callbacks and zoneless change detection finish. */
export async function settle(fixture?: { whenStable(): Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture?.whenStable();
}

/** Signs a user in the way the app remembers it, before AuthService is first injected. */
export function rememberSignedIn(user: User, token = 'test-token'): void {
  localStorage.setItem(TOKEN_STORAGE_KEY, token);
  localStorage.setItem(USER_STORAGE_KEY, JSON.stringify(user));
}
