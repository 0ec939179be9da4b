import { Logger } from '@nestjs/common';

import { addUser, auth, createFlow, flowPayload, Login, registerAccount } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/** Input an attacker sends (issue 20, items 4–7): each is a 4xx naming what is wrong, never a 5xx. */
/** The depth limit the API states (json-body.ts). */
const MAX_JSON_DEPTH = 32;

describe('hostile input', () => {
  let t: TestApp;
  let admin: Login;
  let engineer: Login;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await registerAccount(t, 'Hostile');
    engineer = await addUser(t, admin);
  });
  afterAll(() => t.close());

  describe('far dates in analytics', () => {
    it.each(['me', 'team', 'flows/:flow'])(
      '%s with from=to=9999-12-31 → 422 naming the field (JSON and CSV)',
      async (path) => {
        const { tree } = await createFlow(t, admin);
        const caller = path === 'me' ? engineer : admin;
        for (const format of ['json', 'csv']) {
          const res = await t.http
            .get(`/api/v1/analytics/${path.replace(':flow', tree.id)}?from=9999-12-31&to=9999-12-31&format=${format}`)
            .set(auth(caller.token))
            .expect(422);
          expect(res.body.message).toEqual(
            expect.arrayContaining([
              'from must be a date as YYYY-MM-DD, from 1970-01-01 to 2999-12-31',
              'to must be a date as YYYY-MM-DD, from 1970-01-01 to 2999-12-31',
            ]),
          );
        }
        // The last accepted day answers.
        await t.http
          .get(`/api/v1/analytics/${path.replace(':flow', tree.id)}?from=2999-12-31&to=2999-12-31`)
          .set(auth(caller.token))
          .expect(200);
      },
    );
  });

  describe('arrays in place of objects in a flow', () => {
    const cases: [string, (body: ReturnType<typeof flowPayload>['body']) => object, RegExp][] = [
      ['nodes: [[]]', (body) => ({ ...body, nodes: [[]] }), /each value in nodes must be an object/],
      ['nodes: [[node]]', (body) => ({ ...body, nodes: [body.nodes] }), /each value in nodes must be an object/],
      [
        'options: [[]]',
        (body) => ({ ...body, nodes: body.nodes.map((node, i) => (i === 0 ? { ...node, options: [[]] } : node)) }),
        /nodes\.0\.options/,
      ],
      [
        'options: [[option]]',
        (body) => ({
          ...body,
          nodes: body.nodes.map((node, i) => (i === 0 ? { ...node, options: [node.options] } : node)),
        }),
        /nodes\.0\.options/,
      ],
    ];
    it.each(cases)('%s → 422 on POST and PUT', async (_name, mutate, message) => {
      const { body } = flowPayload();
      const created = await t.http
        .post('/api/v1/trees')
        .set(auth(admin.token))
        .send(mutate(structuredClone(body)))
        .expect(422);
      expect(created.body.message.join(' ')).toMatch(message);
      const { tree } = await createFlow(t, admin);
      const edited = await t.http
        .put(`/api/v1/trees/${tree.id}`)
        .set(auth(admin.token))
        .send(mutate(flowPayload().body))
        .expect(422);
      expect(edited.body.message.join(' ')).toMatch(message);
    });
  });

  describe('deeply nested JSON', () => {
    const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    const cases: [string, string, (json: string) => string][] = [
      [
        '/api/v1/auth/register',
        'post',
        (deep) => `{"account_name":${deep},"name":"x","email":"deep@example.test","password":"long-enough"}`,
      ],
      ['/api/v1/auth/login', 'post', (deep) => `{"email":${deep},"password":"whatever"}`],
      ['/api/v1/steps', 'post', (deep) => `{"title":${deep}}`],
      ['/api/v1/trees', 'post', (deep) => `{"name":${deep},"start_node_id":"x","nodes":[]}`],
    ];
    it.each(cases)(
      '%s with 2,650 levels in a string field → 400 naming the limit, nothing logged as an error',
      async (path, _method, body) => {
        const errors = jest.spyOn(Logger.prototype, 'error');
        try {
          const res = await t.http
            .post(path)
            .set(auth(admin.token))
            .set('Content-Type', 'application/json')
            .send(body(nested(2650)))
            .expect(400);
          expect(res.body.message).toBe(`The request body is nested deeper than ${MAX_JSON_DEPTH} levels`);
          expect(errors).not.toHaveBeenCalled();
        } finally {
          errors.mockRestore();
        }
      },
    );

    it('takes bodies up to the limit (then the field’s own check answers)', async () => {
      const res = await t.http
        .post('/api/v1/steps')
        .set(auth(admin.token))
        .set('Content-Type', 'application/json')
        .send(`{"title":${nested(MAX_JSON_DEPTH - 1)}}`)
        .expect(422);
      expect(res.body.message.join(' ')).toMatch(/title/);
      // Brackets inside strings are text, not depth.
      await t.http
        .post('/api/v1/steps')
        .set(auth(admin.token))
        .send({ title: '['.repeat(5000) })
        .expect(422); // too long, not too deep
      await t.http
        .post('/api/v1/steps')
        .set(auth(admin.token))
        .send({ title: '[{"\\"'.repeat(40) })
        .expect(201);
    });
  });

  describe('NUL characters in text', () => {
    const NUL = 'a\u0000b';
    it('refuses them in every kind of text field with 422 naming the field', async () => {
      const { tree } = await createFlow(t, admin);
      const session = (
        await t.http.post('/api/v1/sessions').set(auth(engineer.token)).send({ tree_id: tree.id }).expect(201)
      ).body;
      const flow = flowPayload();
      const withNodeTitle = structuredClone(flow.body);
      withNodeTitle.nodes[1].title = NUL;
      const cases: [string, string, string, object, Login | null][] = [
        ['step title', 'post', '/api/v1/steps', { title: NUL }, admin],
        [
          'user name',
          'post',
          '/api/v1/users',
          { email: 'nul@example.test', name: NUL, password: 'long-enough', role: 'engineer' },
          admin,
        ],
        ['flow name', 'post', '/api/v1/trees', { ...flow.body, name: NUL }, admin],
        ['node title', 'post', '/api/v1/trees', withNodeTitle, admin],
        [
          'account name',
          'post',
          '/api/v1/auth/register',
          { account_name: NUL, name: 'x', email: 'nul-account@example.test', password: 'long-enough' },
          null,
        ],
        [
          'session notes',
          'post',
          `/api/v1/sessions/${session.id}/complete`,
          { outcome: 'resolved', notes: NUL },
          engineer,
        ],
      ];
      const expected: Record<string, string> = {
        'step title': 'title',
        'user name': 'name',
        'flow name': 'name',
        'node title': 'nodes.1.title',
        'account name': 'account_name',
        'session notes': 'notes',
      };
      for (const [name, , path, body, caller] of cases) {
        const request = t.http.post(path).send(body);
        if (caller) request.set(auth(caller.token));
        const res = await request;
        expect({ name, status: res.status, message: res.body.message }).toEqual({
          name,
          status: 422,
          message: [`${expected[name]} must not contain NUL characters (\\u0000)`],
        });
      }
      // The comment of a rating, and a query string.
      await t.http
        .post(`/api/v1/sessions/${session.id}/complete`)
        .set(auth(engineer.token))
        .send({ outcome: 'resolved' })
        .expect(200);
      const rating = await t.http
        .post(`/api/v1/sessions/${session.id}/rate`)
        .set(auth(engineer.token))
        .send({ rating: 4, comment: NUL })
        .expect(422);
      expect(rating.body.message).toEqual(['comment must not contain NUL characters (\\u0000)']);
      const search = await t.http.get('/api/v1/steps?search=a%00b').set(auth(admin.token)).expect(422);
      expect(search.body.message).toEqual(['search must not contain NUL characters (\\u0000)']);
    });
  });
});
