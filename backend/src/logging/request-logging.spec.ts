import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { Logger as NestLogger } from '@nestjs/common';
import fastify, { FastifyInstance } from 'fastify';
import request from 'supertest';

import { LogLevel } from '../config/app-config';
import { FASTIFY_OPTIONS } from '../http-adapter';
import { AppLogger } from './app-logger';
import { installRequestLogging } from './request-logging';
import { createRootLogger } from './root-logger';

/** A Fastify app logging as the API does, into `lines`, with a few routes to log about. */
async function appLoggingTo(level: LogLevel, extra?: (app: FastifyInstance) => void) {
  const lines: Record<string, unknown>[] = [];
  const written: (() => void)[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      written.splice(0).forEach((resolve) => resolve());
      done();
    },
  });
  /** Resolves once a line has been written (now or later). */
  const lineWritten = () => new Promise<void>((resolve) => (lines.length ? resolve() : written.push(resolve)));
  let hangReached: () => void = () => undefined;
  const hanging = new Promise<void>((resolve) => (hangReached = resolve));
  const root = createRootLogger(level, sink);
  const nest = new AppLogger(root);
  const api = fastify(FASTIFY_OPTIONS);
  installRequestLogging(api, root);
  api.get('/api/health', async () => ({ status: 'ok' }));
  api.get('/ok', async () => ({ ok: true }));
  api.get('/missing', async (_req, reply) => reply.status(404).send({}));
  api.get('/broken', async (_req, reply) => reply.status(500).send({}));
  const chatty = async () => {
    nest.log('before the await', 'Chatty');
    await new Promise((resolve) => setTimeout(resolve, 5));
    nest.warn({ password: 'hunter2', detail: 'after the await' }, 'Chatty');
    nest.error('it failed', 'Error: it failed\n    at somewhere', 'Chatty');
    return {};
  };
  api.get('/chatty', chatty);
  // With a body: it is read from the socket's own events, after the context was entered.
  api.post('/chatty', chatty);
  api.get('/hang', () => {
    hangReached();
    return new Promise(() => undefined);
  });
  extra?.(api);
  await api.ready();
  // The sink is written synchronously by pino, but give 'close' listeners a turn.
  const settled = () => new Promise((resolve) => setTimeout(resolve, 20));
  return { app: api.server, lines, settled, lineWritten, hanging, close: () => api.close() };
}

describe('request logging', () => {
  it('answers a generated X-Request-Id, keeps a plain one the caller sent and replaces an unsafe one', async () => {
    const { app } = await appLoggingTo('info');
    const generated = await request(app).get('/ok').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request(app).get('/ok').set('X-Request-Id', 'ticket-42.retry_1').expect(200);
    expect(kept.headers['x-request-id']).toBe('ticket-42.retry_1');
    for (const unsafe of ['a b', 'x'.repeat(65), '{"level":60}']) {
      const replaced = await request(app).get('/ok').set('X-Request-Id', unsafe).expect(200);
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('writes one line per request with its id, method, URL, status and time, at a level by status', async () => {
    const { app, lines, settled } = await appLoggingTo('info');
    await request(app).get('/ok?x=1').set('X-Request-Id', 'r-1').expect(200);
    await request(app).get('/missing').set('X-Request-Id', 'r-2').expect(404);
    await request(app).get('/broken').set('X-Request-Id', 'r-3').expect(500);
    await settled();
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        req: { id: 'r-1', method: 'GET', url: '/ok?x=1' },
        res: { statusCode: 200 },
      }),
      expect.objectContaining({
        level: 40,
        msg: 'request completed',
        req: { id: 'r-2', method: 'GET', url: '/missing' },
        res: { statusCode: 404 },
      }),
      expect.objectContaining({
        level: 50,
        msg: 'request completed',
        req: { id: 'r-3', method: 'GET', url: '/broken' },
        res: { statusCode: 500 },
      }),
    ]);
    expect(lines[0].responseTime).toEqual(expect.any(Number));
  });

  it('carries the request id on every line logged while handling it, across awaits, with secrets redacted', async () => {
    const { app, lines, settled } = await appLoggingTo('info');
    await Promise.all([
      request(app).get('/chatty').set('X-Request-Id', 'first').expect(200),
      request(app).get('/chatty').set('X-Request-Id', 'second').expect(200),
      request(app).post('/chatty').set('X-Request-Id', 'third').send({ some: 'body' }).expect(200),
    ]);
    await settled();
    for (const id of ['first', 'second', 'third']) {
      const own = lines.filter((line) => (line.req as { id: string }).id === id);
      expect(own).toEqual([
        expect.objectContaining({ level: 30, context: 'Chatty', msg: 'before the await' }),
        expect.objectContaining({ level: 40, context: 'Chatty', detail: 'after the await', password: '[redacted]' }),
        expect.objectContaining({
          level: 50,
          context: 'Chatty',
          msg: 'it failed',
          stack: 'Error: it failed\n    at somewhere',
        }),
        expect.objectContaining({ level: 30, msg: 'request completed' }),
      ]);
    }
    expect(JSON.stringify(lines)).not.toContain('hunter2');
  });

  it('leaves out what the level excludes and successful health probes, but not a failing one', async () => {
    const quiet = await appLoggingTo('warn');
    await request(quiet.app).get('/ok').expect(200);
    await request(quiet.app).get('/missing').expect(404);
    await quiet.settled();
    expect(quiet.lines.map((line) => (line.res as { statusCode: number }).statusCode)).toEqual([404]);

    const probes = await appLoggingTo('info', (api) =>
      api.get('/api/health/ready', async (_req, reply) => reply.status(503).send({})),
    );
    await request(probes.app).get('/api/health').expect(200);
    await request(probes.app).get('/api/health/ready').expect(503);
    await probes.settled();
    expect(probes.lines).toEqual([
      expect.objectContaining({ level: 50, req: expect.objectContaining({ url: '/api/health/ready' }) }),
    ]);
  });

  it('logs a request whose client went away before the answer as aborted', async () => {
    const { app: server, lines, lineWritten, hanging, close } = await appLoggingTo('info');
    server.listen(0);
    try {
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      const client = httpRequest({ port, path: '/hang', headers: { 'X-Request-Id': 'gone' } });
      client.on('error', () => undefined);
      client.end();
      // Hang up once the handler has the request, then wait for the line it leaves.
      await hanging;
      client.destroy();
      await lineWritten();
      expect(lines).toEqual([
        expect.objectContaining({
          level: 30,
          msg: 'request aborted',
          req: expect.objectContaining({ id: 'gone', url: '/hang' }),
        }),
      ]);
      expect(lines[0]).not.toHaveProperty('res');
    } finally {
      await close();
    }
  });

  it('writes Nest’s own lines outside a request without a request', () => {
    const lines: Record<string, unknown>[] = [];
    const root = createRootLogger(
      'info',
      new Writable({ write: (chunk, _e, done) => (lines.push(JSON.parse(String(chunk))), done()) }),
    );
    NestLogger.overrideLogger(new AppLogger(root));
    try {
      new NestLogger('Bootstrap').log('ready');
      new NestLogger('Exceptions').error('Error: boom\n    at here');
    } finally {
      NestLogger.overrideLogger(false);
    }
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, context: 'Bootstrap', msg: 'ready' }),
      expect.objectContaining({ level: 50, context: 'Exceptions', msg: 'Error: boom\n    at here' }),
    ]);
    expect(lines[0]).not.toHaveProperty('req');
  });
});
