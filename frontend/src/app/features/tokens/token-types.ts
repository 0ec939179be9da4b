import type { createToken, listTokens } from '../../api/functions';
import type { CreateApiTokenDto } from '../../api/models';
import type { ApiBody } from '../../core/api-types';

export type ApiToken = ApiBody<typeof listTokens>[number];
export type CreatedApiToken = ApiBody<typeof createToken>;
export type NewApiToken = CreateApiTokenDto;
export type TokenScope = NewApiToken['scopes'][number];

/**
 * Every scope, in the order the form shows them, with what it allows. Typed against the generated
 * client, so a scope added to the API fails the build until it is described here.
 */
export const SCOPE_CHOICES: Record<TokenScope, { label: string; hint: string }> = {
  'flows:read': { label: 'Read flows', hint: 'Flows and the step library' },
  'flows:write': { label: 'Edit flows', hint: 'Create, change and delete flows and library steps (team admins)' },
  'sessions:read': { label: 'Read sessions', hint: 'Sessions, their ratings and step votes' },
  'sessions:write': { label: 'Run sessions', hint: 'Start sessions, answer, go back, complete' },
  'feedback:write': { label: 'Give feedback', hint: 'Rate sessions and vote on steps' },
  'analytics:read': { label: 'Read analytics', hint: 'Reports and their CSV exports' },
  'users:read': { label: 'Read users', hint: 'The account’s users (team admins)' },
  'users:write': { label: 'Manage users', hint: 'Add and change users (team admins)' },
  'webhooks:manage': { label: 'Manage webhooks', hint: 'Webhook endpoints and deliveries (team admins)' },
};

export const TOKEN_SCOPES = Object.keys(SCOPE_CHOICES) as TokenScope[];

/** Expiry choices in days; the API takes 1–365. */
export const EXPIRY_CHOICES = [7, 30, 90, 180, 365] as const;
export const DEFAULT_EXPIRY_DAYS = 90;
