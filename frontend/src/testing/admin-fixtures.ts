import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';

import type { AccountUser, FlowDetail, LibraryStep } from '../app/features/admin/admin-api-types';

/** Sample payloads for the admin pages' component tests, shaped like the generated client's models. */

export const ADMIN_USER: AccountUser = {
  id: 'user-admin',
  account_id: 'account-1',
  email: 'admin@northwind.example',
  name: 'Ada Admin',
  role: 'team_admin',
  is_active: true,
  created_at: '2026-01-05T08:00:00.000Z',
};

export const ENGINEER_USER: AccountUser = {
  ...ADMIN_USER,
  id: 'user-erin',
  email: 'erin@northwind.example',
  name: 'Erin Engineer',
  role: 'engineer',
};

export const SPOOLER_STEP: LibraryStep = {
  id: 'step-spooler',
  title: 'Restart the print spooler',
  instructions: 'Open services.msc and restart Print Spooler.',
  helpful_yes: 12,
  helpful_no: 3,
  created_by: null,
  created_at: '2026-02-01T08:00:00.000Z',
  updated_at: '2026-02-01T08:00:00.000Z',
};

export const DNS_STEP: LibraryStep = {
  ...SPOOLER_STEP,
  id: 'step-dns',
  title: 'Flush DNS',
  instructions: 'ipconfig /flushdns',
  helpful_yes: 0,
  helpful_no: 0,
};

/** A published flow: question → (yes) step → solution, (no) solution. */
export const PRINTER_FLOW: FlowDetail = {
  id: 'tree-printer',
  name: 'Printer not printing',
  description: 'Jobs stuck in the queue.',
  kind: 'decision',
  status: 'published',
  start_node_id: 'node-q',
  usage_count: 42,
  version: 3,
  created_by: null,
  created_at: '2026-10-01T10:00:00.000Z',
  updated_at: '2026-11-01T10:00:00.000Z',
  nodes: [
    {
      id: 'node-q',
      type: 'question',
      title: 'Is the printer on?',
      body: 'Look at the front panel.',
      help_text: null,
      step_id: null,
      position: 0,
      options: [
        { id: 'opt-yes', label: 'Yes', next_node_id: 'node-spooler' },
        { id: 'opt-no', label: 'No', next_node_id: 'node-power' },
      ],
    },
    {
      id: 'node-spooler',
      type: 'step',
      title: 'Restart the print spooler',
      body: 'Open services.msc and restart Print Spooler.',
      help_text: null,
      step_id: 'step-spooler',
      position: 1,
      options: [{ id: 'opt-done', label: 'Done', next_node_id: 'node-fixed' }],
    },
    {
      id: 'node-power',
      type: 'solution',
      title: 'Switch it on',
      body: 'The switch is at the back.',
      help_text: null,
      step_id: null,
      position: 2,
      options: [],
    },
    {
      id: 'node-fixed',
      type: 'solution',
      title: 'Printing again',
      body: '',
      help_text: null,
      step_id: null,
      position: 3,
      options: [],
    },
  ],
};

/** Answers a pending request with the backend's error shape. */
export function failWith(request: TestRequest, status: number, message: string | string[]): void {
  const statusText: Record<number, string> = { 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Entity' };
  request.flush(
    { statusCode: status, message, error: statusText[status] ?? 'Error' },
    { status, statusText: statusText[status] ?? 'Error' },
  );
}

/** The one pending request for `method url`, e.g. expectCall(http, 'PATCH', '/api/v1/users/user-erin'). */
export function expectCall(http: HttpTestingController, method: string, url: string): TestRequest {
  return http.expectOne((request) => request.method === method && request.url === url, `${method} ${url}`);
}
