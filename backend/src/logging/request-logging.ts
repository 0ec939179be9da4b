import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { Logger } from 'pino';

import { currentLogger, requestContext, RequestContext } from './request-context';

/** Health probes every few seconds would drown the log; a failing probe is still logged. */
const HEALTH_PROBE = /^\/api\/health(\/|\?|$)/;

/**
 * One line per request when its response is finished (or the client went away first), and the
 * request's context around everything that handles it, so every line logged meanwhile carries
 * the same id (Fastify's request id: logging/request-id.ts), also answered as X-Request-Id.
 * Nothing is serialised per request unless a line is written: a request the log level leaves
 * out costs a header, a listener and the context.
 */
export function installRequestLogging(fastify: FastifyInstance, root: Logger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const started = performance.now();
    const context: RequestContext = { id: request.id, method: request.method, url: request.url };
    reply.header('X-Request-Id', context.id);
    const res = reply.raw;
    res.once('close', () => {
      const finished = res.writableFinished;
      const status = res.statusCode;
      // A client that hangs up (a timeout, a closed tab, a load generator stopping) is not an error of ours.
      const level = !finished ? 'info' : status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      if (!root.isLevelEnabled(level) || (level === 'info' && finished && HEALTH_PROBE.test(context.url))) return;
      const responseTime = Math.round(performance.now() - started);
      // The context is passed: 'close' is emitted outside the request's own async context.
      const logger = currentLogger(root, context);
      if (finished) logger[level]({ res: { statusCode: status }, responseTime }, 'request completed');
      // No status: nothing was answered.
      else logger[level]({ responseTime }, 'request aborted');
    });
    // Fastify carries the context over a body's reading (its parser runs bound to it).
    requestContext.run(context, done);
  });
}
