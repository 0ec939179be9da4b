import { auth, createApiToken, registerAccount } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('abuse limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    process.env.THROTTLE_GLOBAL_PER_MINUTE = '60';
    process.env.THROTTLE_AUTH_PER_MINUTE = '8';
    process.env.THROTTLE_LOGIN_PER_EMAIL = '4';
    t = await createTestApp();
  });
  afterAll(() => t.close());

  // The app trusts X-Forwarded-For from loopback only (a local proxy), so tests can act as many IPs.
  const from = (ip: string) => ({ 'X-Forwarded-For': ip });

  it('limits login attempts per e-mail across IPs, with 429 and Retry-After', async () => {
    const admin = await registerAccount(t);
    const attempts = [];
    for (let i = 0; i < 6; i++) {
      attempts.push(
        await t.http.post('/api/v1/auth/login').set(from(`203.0.113.${i + 1}`)).send({ email: admin.user.email, password: 'wrong-guess' }),
      );
    }
    expect(attempts.map((r) => r.status)).toEqual([401, 401, 401, 401, 429, 429]);
    expect(attempts[4].headers['retry-after']).toBeDefined();
    expect(attempts[4].body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });

    // Another user's login is unaffected.
    const other = await registerAccount(t);
    await t.http.post('/api/v1/auth/login').set(from('203.0.113.99')).send({ email: other.user.email, password: 'correct-horse' }).expect(200);
  });

  it('limits login and register attempts per IP', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await t.http.post('/api/v1/auth/login').set(from('198.51.100.7')).send({ email: `nobody${i}@example.test`, password: 'whatever1' });
      codes.push(res.status);
    }
    expect(codes.slice(0, 8).every((c) => c === 401)).toBe(true);
    expect(codes.slice(8)).toEqual([429, 429]);
  });

  it('counts per API token as it counts per IP: a token spread over many IPs still stops', async () => {
    const admin = await registerAccount(t);
    const spread = await createApiToken(t, admin, ['flows:read']);
    const other = await createApiToken(t, admin, ['flows:read']);
    const codes: number[] = [];
    for (let i = 0; i < 65; i++) {
      codes.push((await t.http.get('/api/v1/trees').set(from(`10.20.${Math.floor(i / 200)}.${(i % 200) + 1}`)).set(auth(spread.token))).status);
    }
    expect(codes.slice(0, 60).every((c) => c === 200)).toBe(true);
    expect(codes.slice(60)).toEqual([429, 429, 429, 429, 429]);
    // Another token of the same person, and the person's JWT, are counted apart.
    await t.http.get('/api/v1/trees').set(from('10.21.0.1')).set(auth(other.token)).expect(200);
    await t.http.get('/api/v1/trees').set(from('10.21.0.2')).set(auth(admin.token)).expect(200);
  });

  it('has a global ceiling per IP, and health stays reachable for other callers', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 65; i++) codes.push((await t.http.get('/api/health').set(from('192.0.2.50'))).status);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThan(0);
    await t.http.get('/api/health').set(from('192.0.2.51')).expect(200);
  });
});
