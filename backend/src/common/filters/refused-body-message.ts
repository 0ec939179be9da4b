import { HttpStatus } from '@nestjs/common';

import { BODY_LIMIT_BYTES } from '../../http-adapter';

/**
 * Fastify refuses a body over the limit (413) or of a type the API does not read (415) before any
 * handler runs, and Nest passes these on as HttpExceptions with Fastify's terse wording. Nothing
 * else answers these statuses, so they get a message the client can act on.
 */
export function refusedBodyMessage(status: number): string | undefined {
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) return `Request body is larger than ${BODY_LIMIT_BYTES / 1024}kb`;
  if (status === HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    return 'Request bodies are JSON: send Content-Type: application/json';
  return undefined;
}
