import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';

/** The request being handled, for every line logged while handling it. */
export interface RequestContext {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  /** The root logger's child bound to this request, made on the request's first log line. */
  logger?: Logger;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/** The logger for the current request (its id, method and URL on every line), else the root logger. */
export function currentLogger(root: Logger, context = requestContext.getStore()): Logger {
  if (!context) return root;
  context.logger ??= root.child({ req: { id: context.id, method: context.method, url: context.url } });
  return context.logger;
}
