import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';

/** A caller-supplied request id is kept only if it is short and plain, so it cannot forge log lines. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's X-Request-Id if it is safe, else a new one (the request logging answers it as X-Request-Id). */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}
