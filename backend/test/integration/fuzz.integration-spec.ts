import fc from 'fast-check';

import { PasswordService } from '../../src/auth/password.service';
import { Caller, MATRIX, World } from './support/authorization-matrix';
import { addUser, auth, Login, registerAccount, uniqueEmail } from './support/fixtures';
import { mutations, Schema } from './support/spec-mutations';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Requests generated from the OpenAPI spec: every single-field breakage of each valid body
 * must be refused with a 4xx, and random junk in bodies, path ids and query strings must never
 * produce a 5xx. Fixed seed and bounded runs in CI; FUZZ_RUNS raises the count for a longer run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

describe('fuzzing from the OpenAPI spec', () => {
  let t: TestApp;
  let world: World;
  let spec: {
    paths: Record<
      string,
      Record<
        string,
        { requestBody?: { content: Record<string, { schema: Schema }> }; parameters?: { in: string; name: string }[] }
      >
    >;
    components: { schemas: Record<string, Schema> };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await registerAccount(t, 'Fuzz A');
    const engineer = await addUser(t, admin);
    const email = uniqueEmail('super');
    await t.dataSource.query(
      `INSERT INTO users (account_id, email, name, password_hash, role) VALUES ($1, $2, 'Super', $3, 'super_admin')`,
      [admin.user.account_id, email, await new PasswordService().hash('super-secret')],
    );
    const login = await t.http.post('/api/v1/auth/login').send({ email, password: 'super-secret' }).expect(200);
    const superAdmin: Login = { token: login.body.access_token, user: login.body.user };
    world = { http: t.http, engineer, admin, superAdmin, stranger: await registerAccount(t, 'Fuzz B') };
    spec = (await t.http.get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  const tokenFor = (caller: Caller) =>
    ({ anonymous: null, engineer: world.engineer, team_admin: world.admin, super_admin: world.superAdmin })[caller]
      ?.token ?? null;
  /** The caller a route accepts (2xx), so a refusal can only come from the broken input. */
  const acceptedCaller = (route: string): Caller =>
    (['engineer', 'team_admin', 'anonymous'] as Caller[]).find((c) => MATRIX[route].expect[c] < 300) ?? 'team_admin';

  const send = (method: Method, path: string, token: string | null, body?: unknown, raw?: string) => {
    let req = t.http[method](path);
    if (token) req = req.set(auth(token));
    if (raw !== undefined) return req.set('Content-Type', 'application/json').send(raw);
    return body === undefined ? req : req.send(body as object);
  };

  const bodyRoutes = () =>
    Object.keys(MATRIX).filter((route) => {
      const [method, path] = route.split(' ');
      return !!spec.paths[path]?.[method.toLowerCase()]?.requestBody;
    });

  it('refuses every single-field breakage of a valid body with a 4xx', async () => {
    const accepted: string[] = [];
    let checked = 0;
    for (const route of bodyRoutes()) {
      const [method, path] = route.split(' ');
      const operation = spec.paths[path][method.toLowerCase()];
      const schema = operation.requestBody!.content['application/json'].schema;
      const caller = acceptedCaller(route);
      const request = await MATRIX[route].make(world);
      for (const mutation of mutations(request.body, schema, spec.components.schemas)) {
        const res = await send(method.toLowerCase() as Method, request.path, tokenFor(caller), mutation.body);
        checked++;
        if (res.status < 400 || res.status >= 500) accepted.push(`${route}: ${mutation.description} → ${res.status}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('never answers 5xx to random JSON bodies, path ids or query strings', async () => {
    const failures: string[] = [];
    const routes = Object.keys(MATRIX);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.jsonValue({ maxDepth: 3 }),
        fc.oneof(
          fc.uuid(),
          fc.string({ unit: 'grapheme', maxLength: 40 }),
          fc.constantFrom('..%2f..%2fetc', '%00', 'null', '-1', '9'.repeat(40)),
        ),
        fc.dictionary(
          fc.constantFrom(
            'period',
            'limit',
            'offset',
            'status',
            'tz',
            'from',
            'to',
            'search',
            'user_id',
            'all',
            'format',
            'engineer_id',
          ),
          fc.oneof(
            fc.string({ maxLength: 30 }),
            fc.constantFrom('9999-12-31', '0001-01-01', '2999-12-31', '+010000-01-01', 'a\u0000b'),
          ),
        ),
        async (route, body, pathValue, query) => {
          const [method, template] = route.split(' ');
          const path = template.replace(/\{[^}]+\}/g, encodeURIComponent(pathValue));
          const qs = new URLSearchParams(query).toString();
          const verb = method.toLowerCase() as Method;
          const raw = verb === 'get' || verb === 'delete' ? undefined : JSON.stringify(body);
          const res = await send(verb, qs ? `${path}?${qs}` : path, world.admin.token, undefined, raw);
          if (res.status >= 500)
            failures.push(`${route} ${path}?${qs} ${JSON.stringify(body).slice(0, 120)} → ${res.status}`);
        },
      ),
      { numRuns: RUNS * routes.length, seed: SEED },
    );
    expect(failures).toEqual([]);
  });

  it('answers issue 20’s hostile inputs on every route with a 4xx or a success, never a 5xx', async () => {
    const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    const bodies = [
      `{"name":${deep(2650)},"title":${deep(2650)},"email":${deep(2650)}}`,
      '{"name":"a\\u0000b","title":"a\\u0000b","email":"a\\u0000b@example.test","comment":"a\\u0000b","notes":"a\\u0000b","account_name":"a\\u0000b"}',
      '{"nodes":[[]],"options":[[]],"start_node_id":"00000000-0000-4000-8000-000000000000","name":"x"}',
    ];
    const queries = [
      'from=9999-12-31&to=9999-12-31',
      'from=9999-12-31&to=9999-12-31&format=csv',
      'search=a%00b',
      'tz=a%00b&period=7d',
    ];
    const failures: string[] = [];
    for (const route of Object.keys(MATRIX)) {
      const [method, template] = route.split(' ');
      const verb = method.toLowerCase() as Method;
      const request = await MATRIX[route].make(world);
      const path = request.path.split('?')[0];
      for (const caller of ['anonymous', 'engineer', 'team_admin', 'super_admin'] as Caller[]) {
        const attempts: Promise<{ status: number }>[] = [];
        if (verb === 'get' || verb === 'delete')
          for (const query of queries) attempts.push(send(verb, `${path}?${query}`, tokenFor(caller)));
        else for (const raw of bodies) attempts.push(send(verb, path, tokenFor(caller), undefined, raw));
        for (const res of await Promise.all(attempts))
          if (res.status >= 500) failures.push(`${route} (${template}) as ${caller} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('survives prototype-pollution payloads without polluting anything', async () => {
    const payloads = [
      '{"__proto__": {"polluted": true}, "title": "Proto step"}',
      '{"constructor": {"prototype": {"polluted": true}}, "title": "Ctor step"}',
      '{"title": "Nested", "instructions": {"__proto__": {"polluted": true}}}',
    ];
    for (const raw of payloads) {
      const res = await send('post', '/api/v1/steps', world.admin.token, undefined, raw);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/__proto__, constructor and prototype are not allowed/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses huge and odd strings without a 5xx and stays up', async () => {
    const odd = [
      '\u0000',
      '\uFFFF',
      '💥'.repeat(300),
      'ﷺ'.repeat(1000),
      '<script>alert(1)</script>',
      "'; DROP TABLE users; --",
    ];
    for (const value of odd) {
      const res = await send('post', '/api/v1/steps', world.admin.token, { title: value });
      expect(res.status).toBeLessThan(500);
    }
    const big = await send('post', '/api/v1/steps', world.admin.token, {
      title: 'x',
      instructions: 'y'.repeat(99_000),
    });
    expect([413, 422]).toContain(big.status);
    await t.http.get('/api/health').expect(200);
  });
});
