import { auth, registerAccount } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('HTTP basics', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('answers malformed JSON with 400 in the API’s error shape', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(res.body).toEqual({ statusCode: 400, message: 'Malformed JSON in request body', error: 'Bad Request' });
  });

  it('answers a JSON body that is not an object with 400', async () => {
    for (const body of ['null', '[]', '[{"email":"a@b.c"}]', '5', '"text"', 'true']) {
      const res = await t.http
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        message: 'The request body must be a JSON object',
        error: 'Bad Request',
      });
    }
  });

  it('answers a body over 100 kB with 413', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(120_000) }))
      .expect(413);
    expect(res.body).toEqual({
      statusCode: 413,
      message: 'Request body is larger than 100kb',
      error: 'Payload Too Large',
    });
  });

  it('answers a body that is not JSON with 415, and reads JSON with a charset', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'text/plain')
      .send('email=a@b.c')
      .expect(415);
    expect(res.body).toEqual({
      statusCode: 415,
      message: 'Request bodies are JSON: send Content-Type: application/json',
      error: 'Unsupported Media Type',
    });
    const login = { email: 'nobody@example.com', password: 'wrong-password-123' };
    await t.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json; charset=utf-8')
      .send(JSON.stringify(login))
      .expect(401);
  });

  it('answers unknown API routes with a JSON 404 and no stack trace', async () => {
    const admin = await registerAccount(t);
    const res = await t.http.get('/api/v1/nowhere').set(auth(admin.token)).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts/);
  });

  it('reports health with the database up', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
    const ready = await t.http.get('/api/health/ready').expect(200);
    expect(ready.body).toEqual({ status: 'ok', database: 'up', migrations: 'applied' });
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const spec = await t.http.get('/api/docs-json').expect(200);
    expect(spec.body.info.title).toBe('ResolutionFlow API');
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/sessions/{id}/decisions']),
    );
    await t.http.get('/api/docs/').expect(200).expect('Content-Type', /html/);
  });

  it('gives every answer an X-Request-Id, a refused body’s included, and keeps a plain one the caller sent', async () => {
    const malformed = await t.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(malformed.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const unauthorised = await t.http.get('/api/v1/auth/me').set('X-Request-Id', 'support-ticket-7').expect(401);
    expect(unauthorised.headers['x-request-id']).toBe('support-ticket-7');
  });

  it('gives a client a bounded time to send its request', () => {
    expect(t.app.getHttpServer().requestTimeout).toBe(300_000);
  });

  it('sends security headers', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('migrations are reversible: down then up again leaves a working schema', async () => {
    const migrations = t.dataSource.migrations.length;
    for (let i = 0; i < migrations; i++) await t.dataSource.undoLastMigration({ transaction: 'each' });
    const [{ count }] = await t.dataSource.query(
      "SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'",
    );
    expect(count).toBe(0);
    await t.dataSource.runMigrations({ transaction: 'each' });
    await registerAccount(t);
  });
});
