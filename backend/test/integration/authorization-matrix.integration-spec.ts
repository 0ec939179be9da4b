import { PasswordService } from '../../src/auth/password.service';
import { Caller, CALLERS, MATRIX, World } from './support/authorization-matrix';
import { addUser, auth, Login, registerAccount, uniqueEmail } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('authorization matrix: every route × every caller × own and other account', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await registerAccount(t, 'A');
    const engineer = await addUser(t, admin);
    // super_admin is never granted through the API: an operator makes one from the command line (bin/create-super-admin.ts).
    const email = uniqueEmail('super');
    await t.dataSource.query(
      `INSERT INTO users (account_id, email, name, password_hash, role) VALUES ($1, $2, 'Super', $3, 'super_admin')`,
      [admin.user.account_id, email, await new PasswordService().hash('super-secret')],
    );
    const superLogin = await t.http.post('/api/v1/auth/login').send({ email, password: 'super-secret' }).expect(200);
    const superAdmin: Login = { token: superLogin.body.access_token, user: superLogin.body.user };
    world = { http: t.http, engineer, admin, superAdmin, stranger: await registerAccount(t, 'B') };
  });
  afterAll(() => t.close());

  it('has a row for every route of the OpenAPI spec, and no stale rows', async () => {
    const spec = (await t.http.get('/api/docs-json').expect(200)).body;
    const routes = Object.entries(spec.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(Object.keys(MATRIX).sort()).toEqual(routes.sort());
  });

  const tokenOf = (caller: Caller): string | null =>
    caller === 'anonymous'
      ? null
      : { engineer: world.engineer, team_admin: world.admin, super_admin: world.superAdmin }[caller].token;

  const call = async (route: string, token: string | null, request: { path: string; body?: unknown }) => {
    const method = route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let req = t.http[method](request.path);
    if (token) req = req.set(auth(token));
    return request.body === undefined ? req : req.send(request.body as object);
  };

  for (const [route, row] of Object.entries(MATRIX)) {
    for (const caller of CALLERS) {
      it(`${route} as ${caller} → ${row.expect[caller]}`, async () => {
        const res = await call(route, tokenOf(caller), await row.make(world));
        expect({ status: res.status, body: res.body }).toMatchObject({ status: row.expect[caller] });
      });
    }
    if (row.otherAccount !== null) {
      it(`${route} on another account's resource → ${row.otherAccount}`, async () => {
        const res = await call(route, world.stranger.token, await row.make(world));
        expect({ status: res.status, body: res.body }).toMatchObject({ status: row.otherAccount });
      });
    }
  }
});
