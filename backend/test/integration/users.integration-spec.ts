import { addUser, auth, registerAccount, uniqueEmail } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('users', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('lets a team_admin create and list the account’s users', async () => {
    const admin = await registerAccount(t);
    const email = uniqueEmail('eng');
    const created = await t.http
      .post('/api/v1/users')
      .set(auth(admin.token))
      .send({ email, name: 'Eve Engineer', password: 'engineer-pass', role: 'engineer' })
      .expect(201);
    expect(created.body).toMatchObject({ email, role: 'engineer', is_active: true, account_id: admin.user.account_id });

    const list = await t.http.get('/api/v1/users').set(auth(admin.token)).expect(200);
    expect(list.body.map((u: { email: string }) => u.email)).toEqual(expect.arrayContaining([email, admin.user.email]));
  });

  it('forbids engineers from managing users (403)', async () => {
    const admin = await registerAccount(t);
    const engineer = await addUser(t, admin);
    await t.http.get('/api/v1/users').set(auth(engineer.token)).expect(403);
    await t.http
      .post('/api/v1/users')
      .set(auth(engineer.token))
      .send({ email: uniqueEmail(), name: 'X', password: 'engineer-pass', role: 'engineer' })
      .expect(403);
  });

  it('refuses a super_admin role from a team_admin (422)', async () => {
    const admin = await registerAccount(t);
    const res = await t.http
      .post('/api/v1/users')
      .set(auth(admin.token))
      .send({ email: uniqueEmail(), name: 'X', password: 'engineer-pass', role: 'super_admin' })
      .expect(422);
    expect(res.body.message.join(' ')).toMatch(/role/);
  });

  it('applies a role change at once, without a new token', async () => {
    const admin = await registerAccount(t);
    const engineer = await addUser(t, admin);
    await t.http.get('/api/v1/users').set(auth(engineer.token)).expect(403);
    await t.http
      .patch(`/api/v1/users/${engineer.user.id}`)
      .set(auth(admin.token))
      .send({ role: 'team_admin' })
      .expect(200);
    await t.http.get('/api/v1/users').set(auth(engineer.token)).expect(200);
  });

  it('stops a deactivated user’s token and login, and brings them back on reactivation', async () => {
    const admin = await registerAccount(t);
    const engineer = await addUser(t, admin);
    await t.http
      .patch(`/api/v1/users/${engineer.user.id}`)
      .set(auth(admin.token))
      .send({ is_active: false })
      .expect(200);
    await t.http.get('/api/v1/auth/me').set(auth(engineer.token)).expect(401);
    await t.http.post('/api/v1/auth/login').send({ email: engineer.user.email, password: 'engineer-pass' }).expect(401);

    await t.http
      .patch(`/api/v1/users/${engineer.user.id}`)
      .set(auth(admin.token))
      .send({ is_active: true })
      .expect(200);
    await t.http.post('/api/v1/auth/login').send({ email: engineer.user.email, password: 'engineer-pass' }).expect(200);
  });

  it('keeps the last active team_admin (409)', async () => {
    const admin = await registerAccount(t);
    const res = await t.http
      .patch(`/api/v1/users/${admin.user.id}`)
      .set(auth(admin.token))
      .send({ role: 'engineer' })
      .expect(409);
    expect(res.body.message).toMatch(/at least one active team_admin/);
    await t.http.patch(`/api/v1/users/${admin.user.id}`).set(auth(admin.token)).send({ is_active: false }).expect(409);

    const second = await addUser(t, admin, 'team_admin');
    await t.http.patch(`/api/v1/users/${admin.user.id}`).set(auth(second.token)).send({ role: 'engineer' }).expect(200);
  });

  it('answers 404 for another account’s user and for a malformed id', async () => {
    const a = await registerAccount(t, 'A');
    const b = await registerAccount(t, 'B');
    await t.http.patch(`/api/v1/users/${b.user.id}`).set(auth(a.token)).send({ name: 'Hijack' }).expect(404);
    await t.http.get(`/api/v1/users/${b.user.id}`).set(auth(a.token)).expect(404);
    await t.http.get('/api/v1/users/not-a-uuid').set(auth(a.token)).expect(404);
    const list = await t.http.get('/api/v1/users').set(auth(a.token)).expect(200);
    expect(list.body.map((u: { id: string }) => u.id)).not.toContain(b.user.id);
  });
});
