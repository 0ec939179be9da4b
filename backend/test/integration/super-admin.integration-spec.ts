import { Logger } from '@nestjs/common';

import { createSuperAdmin } from '../../src/users/super-admin';
import { auth, createFlow, Login, registerAccount, uniqueEmail } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * super_admin (issue 20, item 9): made from the command line only, reads any account's team
 * analytics (each such read logged), changes nothing anywhere.
 */
describe('super_admin', () => {
  let t: TestApp;
  let customer: Login;
  let superAdmin: { token: string; id: string; email: string };
  const password = 'a long operations password';

  beforeAll(async () => {
    t = await createTestApp();
    customer = await registerAccount(t, 'Customer');
    const created = await createSuperAdmin(t.dataSource, {
      email: uniqueEmail('ops').toUpperCase(),
      name: 'Ops',
      password,
    });
    const login = await t.http.post('/api/v1/auth/login').send({ email: created.email, password }).expect(200);
    expect(login.body.user).toMatchObject({ role: 'super_admin', email: created.email });
    expect(login.body.user.account_id).not.toBe(customer.user.account_id);
    superAdmin = { token: login.body.access_token, id: login.body.user.id, email: created.email };
  });
  afterAll(() => t.close());

  it('is made by the command-line function only, with a long password and a free address', async () => {
    await expect(
      createSuperAdmin(t.dataSource, { email: uniqueEmail('ops'), name: 'Ops', password: 'short' }),
    ).rejects.toThrow(/at least 16/);
    await expect(createSuperAdmin(t.dataSource, { email: customer.user.email, name: 'Ops', password })).rejects.toThrow(
      /already belongs/,
    );
    const res = await t.http
      .post('/api/v1/users')
      .set(auth(customer.token))
      .send({ email: uniqueEmail(), name: 'X', password: 'long-enough', role: 'super_admin' })
      .expect(422);
    expect(res.body.message.join(' ')).toMatch(/role/);
  });

  it('reads another account’s team analytics, and each such read is logged', async () => {
    await createFlow(t, customer);
    const audit = jest.spyOn(Logger.prototype, 'log');
    try {
      const url = `/api/v1/analytics/team?period=7d&account_id=${customer.user.account_id}`;
      await t.http.get(url).set(auth(superAdmin.token)).expect(200);
      await t.http.get(url).set(auth(superAdmin.token)).expect(200);
      const lines = audit.mock.calls
        .map(([message]) => String(message))
        .filter((message) => message.startsWith('super_admin'));
      expect(lines).toEqual([
        `super_admin ${superAdmin.id} (${superAdmin.email}) read the team analytics of account ${customer.user.account_id}`,
        `super_admin ${superAdmin.id} (${superAdmin.email}) read the team analytics of account ${customer.user.account_id}`,
      ]);
      // The customer's own admin naming their account is no cross-account read.
      await t.http.get(url).set(auth(customer.token)).expect(200);
      expect(audit.mock.calls.filter(([message]) => String(message).startsWith('super_admin'))).toHaveLength(2);
    } finally {
      audit.mockRestore();
    }
  });

  it('changes nothing: every write answers 403, in its own account as in any other', async () => {
    const { tree } = await createFlow(t, customer);
    const writes: [string, string, object?][] = [
      ['post', '/api/v1/steps', { title: 'Ops step' }],
      ['post', '/api/v1/trees', { name: 'x' }],
      ['put', `/api/v1/trees/${tree.id}`, { name: 'x' }],
      ['delete', `/api/v1/trees/${tree.id}`],
      ['post', '/api/v1/users', { email: uniqueEmail(), name: 'X', password: 'long-enough', role: 'engineer' }],
      ['patch', `/api/v1/users/${customer.user.id}`, { name: 'Renamed' }],
      ['post', '/api/v1/sessions', { tree_id: tree.id }],
      ['post', '/api/v1/tokens', { name: 'ops', scopes: ['analytics:read'] }],
    ];
    const http = t.http as unknown as Record<string, (p: string) => ReturnType<typeof t.http.get>>;
    for (const [method, path, body] of writes) {
      const res = await http[method](path).set(auth(superAdmin.token)).send(body);
      expect({ method, path, status: res.status, message: res.body.message }).toEqual({
        method,
        path,
        status: 403,
        message: 'A super_admin reads; it changes no account’s data',
      });
    }
    const after = await t.http.get(`/api/v1/trees/${tree.id}`).set(auth(customer.token)).expect(200);
    expect(after.body.status).toBe('published');
  });
});
