import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastify from 'fastify';
import request from 'supertest';

import { serveFrontend } from './frontend-routes';
import { FASTIFY_OPTIONS } from './http-adapter';

describe('frontend routes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rf-frontend-'));
  const app = fastify(FASTIFY_OPTIONS);
  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<app-root></app-root>');
    writeFileSync(join(dir, 'main.js'), 'console.log(1)');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'logo.svg'), '<svg/>');
    // A file where an API path would be: it must never be served in the API's place.
    mkdirSync(join(dir, 'api', 'v1'), { recursive: true });
    writeFileSync(join(dir, 'api', 'v1', 'flows'), 'not the API');
    // The API's own routes and 404, as Nest registers them.
    app.get('/api/v1/sessions', async () => ({ items: [] }));
    app.setNotFoundHandler((req, reply) =>
      reply.status(404).send({ statusCode: 404, message: `Cannot ${req.method} ${req.url}` }),
    );
    await serveFrontend(app, dir);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the app’s files, in folders too, cached for an hour', async () => {
    const res = await request(app.server).get('/main.js').expect(200);
    expect(res.text).toBe('console.log(1)');
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.headers['content-type']).toMatch(/javascript/);
    await request(app.server).get('/assets/logo.svg').expect(200).expect('content-type', /svg/);
  });

  it('answers the app’s own routes with index.html, never cached, so deep links and reloads work', async () => {
    for (const path of [
      '/',
      '/analytics/team?period=90d',
      '/flows/3f1c/run',
      '/main.js.map',
      '/assets/',
      '/..%2F..%2Fetc%2Fpasswd',
    ]) {
      const res = await request(app.server).get(path).expect(200);
      expect(res.text).toBe('<app-root></app-root>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    await request(app.server).get('/%E0%A4%A').expect(400);
  });

  it('leaves API paths and other methods to the API', async () => {
    await request(app.server).get('/api/v1/sessions').expect(200, { items: [] });
    await request(app.server)
      .get('/api/v1/flows')
      .expect(404, { statusCode: 404, message: 'Cannot GET /api/v1/flows' });
    await request(app.server).get('/api').expect(404);
    await request(app.server).get('/api?x=1').expect(404);
    await request(app.server).get('/api/v1/flows/..%2F..%2Fmain.js').expect(404);
    await request(app.server).post('/analytics').expect(404);
  });
});
