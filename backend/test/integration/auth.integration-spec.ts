import { JwtService } from '@nestjs/jwt';

import { addUser, auth, registerAccount, uniqueEmail } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('registers a new account and its first team_admin', async () => {
    const email = uniqueEmail('Founder');
    const res = await t.http
      .post('/api/v1/auth/register')
      .send({ account_name: 'Contoso IT', name: 'Founder', email, password: 'long-enough' })
      .expect(201);
    expect(res.body.access_token).toEqual(expect.any(String));
    expect(res.body.user).toMatchObject({ email: email.toLowerCase(), name: 'Founder', role: 'team_admin' });
    expect(res.body.user.account_id).toEqual(expect.any(String));
    expect(res.body.user).not.toHaveProperty('password_hash');
  });

  it('refuses a duplicate e-mail, whatever its case, with 409', async () => {
    const email = uniqueEmail('dup');
    const body = { account_name: 'One', name: 'A', email, password: 'long-enough' };
    await t.http.post('/api/v1/auth/register').send(body).expect(201);
    const res = await t.http
      .post('/api/v1/auth/register')
      .send({ ...body, email: email.toUpperCase() })
      .expect(409);
    expect(res.body).toEqual({ statusCode: 409, message: expect.stringMatching(/e-mail/), error: 'Conflict' });
  });

  it('answers 409 to every loser of a concurrent registration race, never 500', async () => {
    const email = uniqueEmail('race');
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.http.post('/api/v1/auth/register').send({ account_name: 'Race', name: 'R', email, password: 'long-enough' }),
      ),
    );
    const codes = attempts.map((r) => r.status).sort();
    expect(codes).toEqual([201, ...Array(7).fill(409)]);
  });

  it('names the invalid fields with 422', async () => {
    const res = await t.http
      .post('/api/v1/auth/register')
      .send({ account_name: '', name: 'X', email: 'not-an-email', password: 'short' })
      .expect(422);
    const message = res.body.message.join(' ');
    expect(message).toMatch(/account_name/);
    expect(message).toMatch(/email/);
    expect(message).toMatch(/password/);
  });

  it('refuses unknown fields (whitelist) with 422', async () => {
    const res = await t.http
      .post('/api/v1/auth/register')
      .send({ account_name: 'A', name: 'B', email: uniqueEmail(), password: 'long-enough', role: 'super_admin' })
      .expect(422);
    expect(res.body.message.join(' ')).toMatch(/role should not exist/);
  });

  it('logs in with the right password and gives one answer for a wrong password or unknown e-mail', async () => {
    const admin = await registerAccount(t);
    const ok = await t.http
      .post('/api/v1/auth/login')
      .send({ email: admin.user.email.toUpperCase(), password: 'correct-horse' })
      .expect(200);
    expect(ok.body.user.id).toBe(admin.user.id);

    const wrongPassword = await t.http
      .post('/api/v1/auth/login')
      .send({ email: admin.user.email, password: 'nope-nope' })
      .expect(401);
    const unknownEmail = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@example.test', password: 'nope-nope' })
      .expect(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
  });

  it('GET /auth/me answers the caller, and 401 without a valid token', async () => {
    const admin = await registerAccount(t);
    const me = await t.http.get('/api/v1/auth/me').set(auth(admin.token)).expect(200);
    expect(me.body).toMatchObject({ id: admin.user.id, role: 'team_admin' });
    await t.http.get('/api/v1/auth/me').expect(401);
    await t.http.get('/api/v1/auth/me').set(auth('garbage')).expect(401);
  });

  it('rejects expired tokens and tokens signed with another algorithm or secret', async () => {
    const admin = await registerAccount(t);
    const payload = { sub: admin.user.id, account_id: admin.user.account_id };
    const secret = process.env.JWT_SECRET as string;
    const expired = new JwtService().sign(payload, { secret, algorithm: 'HS256', expiresIn: -10 });
    const otherAlgorithm = new JwtService().sign(payload, { secret, algorithm: 'HS512' });
    const otherSecret = new JwtService().sign(payload, { secret: 'x'.repeat(40), algorithm: 'HS256' });
    for (const token of [expired, otherAlgorithm, otherSecret]) {
      await t.http.get('/api/v1/auth/me').set(auth(token)).expect(401);
    }
  });

  it('refuses a token that was accepted before, once it expires or if one character of it changes', async () => {
    const admin = await registerAccount(t);
    const payload = { sub: admin.user.id, account_id: admin.user.account_id };
    const secret = process.env.JWT_SECRET as string;
    // The clock is Jest's (Date only; timers stay real for the database and HTTP): the token
    // expires when the test says so, not after a real wait that a busy machine may overrun.
    jest.useFakeTimers({
      now: Date.now(),
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    try {
      const exp = Math.floor(Date.now() / 1000) + 60;
      const shortLived = new JwtService().sign({ ...payload, exp }, { secret, algorithm: 'HS256' });
      // Accepted now, and again (kept as verified).
      await t.http.get('/api/v1/auth/me').set(auth(shortLived)).expect(200);
      await t.http.get('/api/v1/auth/me').set(auth(shortLived)).expect(200);
      // Another signature over the same claims is not the token that verified.
      const [header, claims, signature] = shortLived.split('.');
      const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
      await t.http
        .get('/api/v1/auth/me')
        .set(auth([header, claims, flipped].join('.')))
        .expect(401);
      // Still accepted in its last second; refused from its expiry on.
      jest.setSystemTime(exp * 1000 - 1);
      await t.http.get('/api/v1/auth/me').set(auth(shortLived)).expect(200);
      jest.setSystemTime(exp * 1000);
      const refused = await t.http.get('/api/v1/auth/me').set(auth(shortLived)).expect(401);
      expect(refused.body.message).toBe('Unauthorized');
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses an accepted token at once when its user is deactivated', async () => {
    const admin = await registerAccount(t);
    const leaver = await addUser(t, admin);
    // Used once, so the token is kept as verified before the user goes.
    await t.http.get('/api/v1/auth/me').set(auth(leaver.token)).expect(200);
    await t.http.patch(`/api/v1/users/${leaver.user.id}`).set(auth(admin.token)).send({ is_active: false }).expect(200);
    const refused = await t.http.get('/api/v1/auth/me').set(auth(leaver.token)).expect(401);
    expect(refused.body.message).toBe('Your session has ended; please log in again');
  });
});
