import express from 'express';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { frontendMiddleware } from './frontend-middleware';

describe('frontend middleware', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rf-frontend-'));
  const app = express();
  beforeAll(() => {
    writeFileSync(join(dir, 'index.html'), '<app-root></app-root>');
    writeFileSync(join(dir, 'main.js'), 'console.log(1)');
    // A file where an API path would be: it must never be served in the API's place.
    mkdirSync(join(dir, 'api', 'v1'), { recursive: true });
    writeFileSync(join(dir, 'api', 'v1', 'flows'), 'not the API');
    app.use(frontendMiddleware(dir));
    app.use((_req, res) => void res.status(404).json({ statusCode: 404 }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the app’s files, cached for an hour', async () => {
    const res = await request(app).get('/main.js').expect(200);
    expect(res.text).toBe('console.log(1)');
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('answers the app’s own routes with index.html, never cached, so deep links and reloads work', async () => {
    const res = await request(app).get('/analytics/team?period=90d').expect(200);
    expect(res.text).toBe('<app-root></app-root>');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('leaves API paths and other methods to the API', async () => {
    await request(app).get('/api/v1/flows').expect(404, { statusCode: 404 });
    await request(app).get('/api').expect(404);
    await request(app).post('/analytics').expect(404);
  });
});
