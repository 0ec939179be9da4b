import { HttpErrorResponse } from '@angular/common/http';

/** The backend's error body: `{ statusCode, message, error }`, where message may be a list (validation). */
interface ApiErrorBody {
  message?: string | string[];
}

export function isHttpStatus(error: unknown, status: number): boolean {
  return error instanceof HttpErrorResponse && error.status === status;
}

/** A sentence to show the user for a failed request. */
export function apiErrorMessage(error: unknown, fallback = 'Something went wrong. Please try again.'): string {
  if (!(error instanceof HttpErrorResponse)) {
    return fallback;
  }
  if (error.status === 0) {
    return 'Cannot reach the server. Check your connection and try again.';
  }
  const body = error.error as ApiErrorBody | null;
  const message = body?.message;
  if (Array.isArray(message) && message.length > 0) {
    return message.join('. ');
  }
  if (typeof message === 'string' && message.trim() !== '') {
    return message;
  }
  return fallback;
}
