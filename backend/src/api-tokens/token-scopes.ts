/**
 * What an API token may be allowed to do. A token acts as its owner narrowed to these: a scope
 * never adds power the owner's role lacks (an engineer's `users:read` token still gets 403 on
 * /users). Each route names the one scope it needs with @RequiresScope (common/decorators).
 */
export const TOKEN_SCOPES = [
  'flows:read',
  'flows:write',
  'sessions:read',
  'sessions:write',
  'feedback:write',
  'analytics:read',
  'users:read',
  'users:write',
  'webhooks:manage',
] as const;

export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** One line per scope, for the OpenAPI description and the docs. */
export const SCOPE_DESCRIPTIONS: Record<TokenScope, string> = {
  'flows:read': 'Read flows and the step library',
  'flows:write': 'Create, change and delete flows and library steps (team admins)',
  'sessions:read': 'Read sessions, their ratings and step votes',
  'sessions:write': 'Start sessions, answer, go back, complete',
  'feedback:write': 'Rate sessions and vote on steps',
  'analytics:read': 'Read analytics reports and their CSV exports',
  'users:read': 'Read the account’s users (team admins)',
  'users:write': 'Add and change users (team admins)',
  'webhooks:manage': 'Manage webhook endpoints and their deliveries (team admins)',
};

export const isTokenScope = (value: unknown): value is TokenScope => TOKEN_SCOPES.includes(value as TokenScope);
