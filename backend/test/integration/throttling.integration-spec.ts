import { auth, createApiToken, registerAccount, uniqueEmail } from './support/fixtures';
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
        await t.http
          .post('/api/v1/auth/login')
          .set(from(`203.0.113.${i + 1}`))
          .send({ email: admin.user.email, password: 'wrong-guess' }),
      );
    }
    expect(attempts.map((r) => r.status)).toEqual([401, 401, 401, 401, 429, 429]);
    expect(attempts[4].headers['retry-after']).toBeDefined();
    expect(attempts[4].body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });

    // Another user's login is unaffected.
    const other = await registerAccount(t);
    await t.http
      .post('/api/v1/auth/login')
      .set(from('203.0.113.99'))
      .send({ email: other.user.email, password: 'correct-horse' })
      .expect(200);
  });

  it('limits login and register attempts per IP', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await t.http
        .post('/api/v1/auth/login')
        .set(from('198.51.100.7'))
        .send({ email: `nobody${i}@example.test`, password: 'whatever1' });
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
      codes.push(
        (
          await t.http
            .get('/api/v1/trees')
            .set(from(`10.20.${Math.floor(i / 200)}.${(i % 200) + 1}`))
            .set(auth(spread.token))
        ).status,
      );
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

  it('keys the per-e-mail limit on the normalised address: case and compatibility variants share it, a dotted İ is another address', async () => {
    const t0 = await registerAccount(t, 'Unicode');
    const email = `limit-i.${Date.now()}@example.test`;
    await t.http
      .post('/api/v1/users')
      .set(auth(t0.token))
      .send({ email, name: 'Limit', password: 'right-password', role: 'engineer' })
      .expect(201);
    const login = (address: string, password: string, ip: string) =>
      t.http.post('/api/v1/auth/login').set(from(ip)).send({ email: address, password });
    for (let i = 0; i < 4; i++) await login(email, 'wrong-guess', `203.0.113.${120 + i}`).expect(401);
    await login(email, 'wrong-guess', '203.0.113.130').expect(429);
    // Upper case, fullwidth letters and the Kelvin sign are the same address: still limited.
    await login(email.toUpperCase(), 'right-password', '203.0.113.131').expect(429);
    await login(email.replace('limit', '\uff4c\uff49\uff4d\uff49\uff54'), 'right-password', '203.0.113.132').expect(
      429,
    );
    // Before, this one logged in with the right password (PostgreSQL's lower() folded İ, JavaScript's did not).
    await login(email.replace('limit-i', 'l\u0130mit-\u0130'), 'right-password', '203.0.113.133').expect(401);
  });

  it('limits POST /users like /auth/register: its 409 tells whether an address exists in any account', async () => {
    const [a, b] = [await registerAccount(t, 'Oracle A'), await registerAccount(t, 'Oracle B')];
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.http
        .post('/api/v1/users')
        .set(auth(b.token))
        .set(from(`198.51.100.${40 + i}`))
        .send({ email: a.user.email, name: 'Probe', password: 'probe-pass', role: 'engineer' });
      codes.push(res.status);
    }
    expect(codes).toEqual([409, 409, 409, 409, 429, 429]);
    // Per IP as well (8 a minute here): a run of different addresses from one IP stops.
    const perIp: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await t.http
        .post('/api/v1/users')
        .set(auth(b.token))
        .set(from('198.51.100.60'))
        .send({ email: uniqueEmail('probe'), name: 'Probe', password: 'probe-pass', role: 'engineer' });
      perIp.push(res.status);
    }
    expect(perIp).toEqual([201, 201, 201, 201, 201, 201, 201, 201, 429, 429]);
  });

  it('tells no one how many attempts an e-mail address has had (no X-RateLimit-*-auth-email headers)', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set(from('203.0.113.200'))
      .send({ email: uniqueEmail(), password: 'whatever1' })
      .expect(401);
    expect(Object.keys(res.headers).filter((name) => name.includes('auth-email'))).toEqual([]);
    expect(res.headers['x-ratelimit-remaining-auth-ip']).toBeDefined();
  });
});
