import { PasswordService } from '../../src/auth/password.service';
import { MATRIX, World } from './support/authorization-matrix';
import { addUser, auth, createApiToken, Login, registerAccount, uniqueEmail } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

const SCOPES = [
  'flows:read',
  'flows:write',
  'sessions:read',
  'sessions:write',
  'feedback:write',
  'analytics:read',
  'users:read',
  'users:write',
  'webhooks:manage',
];
const SPECIAL = ['public', 'any', 'person-only'];

type Operation = { 'x-required-scope'?: string; description?: string };

/**
 * Every operation of the OpenAPI spec × an API token with exactly the scope it names, and one with
 * every other scope, for an engineer and a team admin: the first answers what the owner's JWT
 * answers (authorization-matrix.ts), the second 403 naming the scope. A new route without a
 * stated scope fails the first test.
 */
describe('API token scopes: every route × its scope', () => {
  let t: TestApp;
  let world: World;
  let operations: Record<string, Operation>;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await registerAccount(t, 'Scopes A');
    const engineer = await addUser(t, admin);
    const email = uniqueEmail('super');
    await t.dataSource.query(
      `INSERT INTO users (account_id, email, name, password_hash, role) VALUES ($1, $2, 'Super', $3, 'super_admin')`,
      [admin.user.account_id, email, await new PasswordService().hash('super-secret')],
    );
    const superLogin = await t.http.post('/api/v1/auth/login').send({ email, password: 'super-secret' }).expect(200);
    const superAdmin: Login = { token: superLogin.body.access_token, user: superLogin.body.user };
    world = { http: t.http, engineer, admin, superAdmin, stranger: await registerAccount(t, 'Scopes B') };
    const spec = (await t.http.get('/api/docs-json').expect(200)).body;
    operations = Object.fromEntries(
      Object.entries(spec.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op]),
      ),
    );
  });
  afterAll(() => t.close());

  it('states the scope every operation needs, in x-required-scope and in its description', () => {
    const missing = Object.entries(operations)
      .filter(([, op]) => ![...SCOPES, ...SPECIAL].includes(op['x-required-scope'] as string))
      .map(([route]) => route);
    expect(missing).toEqual([]);
    for (const op of Object.values(operations)) {
      const needed = op['x-required-scope'] as string;
      expect(op.description).toContain(SPECIAL.includes(needed) ? '' : `\`${needed}\``);
    }
    expect(operations['POST /api/v1/tokens']['x-required-scope']).toBe('person-only');
    expect(operations['POST /api/v1/auth/login']['x-required-scope']).toBe('public');
  });

  const call = async (route: string, token: string, request: { path: string; body?: unknown }) => {
    const method = route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const req = t.http[method](request.path).set(auth(token));
    return request.body === undefined ? req : req.send(request.body as object);
  };

  for (const [route, row] of Object.entries(MATRIX)) {
    for (const caller of ['engineer', 'team_admin'] as const) {
      const owner = () => (caller === 'engineer' ? world.engineer : world.admin);

      it(`${route} as ${caller}: a token with the route's scope answers as the JWT does`, async () => {
        const needed = operations[route]['x-required-scope'] as string;
        const scopes = SCOPES.includes(needed) ? [needed] : ['flows:read'];
        const { token } = await createApiToken(t, owner(), scopes);
        const res = await call(route, token, await row.make(world));
        const expected = needed === 'person-only' ? 403 : row.expect[caller];
        expect({ status: res.status, body: res.body }).toMatchObject({ status: expected });
      });

      it(`${route} as ${caller}: a token with every other scope gets 403 naming the scope`, async () => {
        const needed = operations[route]['x-required-scope'] as string;
        if (!SCOPES.includes(needed)) return; // public, any-token and person-only routes: see the test above.
        const { token } = await createApiToken(
          t,
          owner(),
          SCOPES.filter((scope) => scope !== needed),
        );
        const res = await call(route, token, await row.make(world));
        expect({ status: res.status, body: res.body }).toMatchObject({ status: 403, body: { required_scope: needed } });
        expect(res.body.message).toContain(needed);
      });
    }
  }
});
