import { NextFunction, Request, Response } from 'express';
import { Logger } from 'pino';
import { performance } from 'node:perf_hooks';
import { currentLogger, requestContext, RequestContext } from './request-context';
import { requestId } from './request-id';

/** Health probes every few seconds would drown the log; a failing probe is still logged. */
const HEALTH_PROBE = /^\/api\/health(\/|\?|$)/;

/**
 * One line per request when its response is finished (or the client went away first), and the
 * request's context around everything that handles it, so every line logged meanwhile carries
 * the same id. Nothing is serialised per request unless a line is written: a request the log
 * level leaves out costs an id, a listener and the context.
 */
export function requestLogging(root: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    const context: RequestContext = { id: requestId(req, res), method: req.method, url: req.originalUrl };
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
    requestContext.run(context, next);
  };
}
