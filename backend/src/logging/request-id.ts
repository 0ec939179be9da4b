import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';

/** A caller-supplied request id is kept only if it is short and plain, so it cannot forge log lines. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's X-Request-Id if it is safe, else a new one; either way sent back as X-Request-Id. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}
