import { auth, registerAccount } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('CORS, with CORS_ORIGINS set', () => {
  const portal = 'https://portal.example';
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ corsOrigins: [portal] })));
  afterAll(() => t.close());

  it('lets a listed origin send every method the API uses, with its authorization header', async () => {
    const preflight = await t.http
      .options('/api/v1/users/0b6c6a57-4c39-4a52-9d0e-6c0a1f0e6d11')
      .set('Origin', portal)
      .set('Access-Control-Request-Method', 'PATCH')
      .set('Access-Control-Request-Headers', 'authorization,content-type')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(portal);
    expect(preflight.headers['access-control-allow-methods']?.split(/,\s*/)).toEqual(
      expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    );
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('lets a listed origin read the request id, and tells no other origin anything', async () => {
    const admin = await registerAccount(t);
    const listed = await t.http.get('/api/v1/auth/me').set(auth(admin.token)).set('Origin', portal).expect(200);
    expect(listed.headers['access-control-allow-origin']).toBe(portal);
    expect(listed.headers['access-control-expose-headers']).toMatch(/X-Request-Id/i);
    const other = await t.http
      .get('/api/v1/auth/me')
      .set(auth(admin.token))
      .set('Origin', 'https://elsewhere.example')
      .expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
