import { HttpErrorResponse } from '@angular/common/http';

import { apiErrorMessage } from '../../core/http/api-error';

/**
 * Error messages of the admin pages' requests. Operations without a JSON answer (DELETE
 * /steps/:id answers 204) are requested as text, so their error body arrives as a JSON string:
 * it is parsed here before the usual rules apply.
 */
export function errorMessage(error: unknown, fallback?: string): string {
  return apiErrorMessage(withParsedBody(error), fallback);
}

/**
 * Splits a 422's messages ("email must be a valid e-mail address", "password must be longer…")
 * by the field they start with, so each shows under its own input; the rest stays general.
 */
export function fieldErrors<Field extends string>(
  error: unknown,
  fields: readonly Field[],
  fallback: string,
): { byField: Partial<Record<Field, string>>; general: string | null } {
  const parsed = withParsedBody(error);
  const byField: Partial<Record<Field, string>> = {};
  const body = parsed instanceof HttpErrorResponse ? (parsed.error as { message?: string | string[] } | null) : null;
  if (!(parsed instanceof HttpErrorResponse) || parsed.status !== 422 || !body?.message) {
    return { byField, general: apiErrorMessage(parsed, fallback) };
  }
  const messages = Array.isArray(body.message) ? body.message : [body.message];
  const rest: string[] = [];
  for (const message of messages) {
    const field = fields.find(
      (name) => message === name || message.startsWith(`${name} `) || message.startsWith(`${name}:`),
    );
    if (field && !byField[field]) {
      byField[field] = capitalise(message);
    } else if (!field) {
      rest.push(message);
    }
  }
  return { byField, general: rest.length > 0 ? rest.join('. ') : null };
}

function withParsedBody(error: unknown): unknown {
  if (!(error instanceof HttpErrorResponse) || typeof error.error !== 'string') {
    return error;
  }
  try {
    return new HttpErrorResponse({
      error: JSON.parse(error.error),
      headers: error.headers,
      status: error.status,
      statusText: error.statusText,
      url: error.url ?? undefined,
    });
  } catch {
    return error;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
}
