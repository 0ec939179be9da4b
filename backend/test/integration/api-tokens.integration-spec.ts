import { createHash } from 'node:crypto';

import { addUser, auth, createApiToken, createFlow, Login, registerAccount } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

const ALL_SCOPES = [
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
const DAY_MS = 86_400_000;

describe('API tokens', () => {
  let t: TestApp;
  let admin: Login;
  let engineer: Login;
  let stranger: Login;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await registerAccount(t, 'Tokens A');
    engineer = await addUser(t, admin);
    stranger = await registerAccount(t, 'Tokens B');
  });
  afterAll(() => t.close());

  const listAs = async (who: Login, query = '') =>
    (await t.http.get(`/api/v1/tokens${query}`).set(auth(who.token)).expect(200)).body;

  describe('creating', () => {
    it('answers 201 with the secret, once, shaped rf_pat_<base62><checksum>, expiring in 90 days by default', async () => {
      const before = Date.now();
      const res = await t.http
        .post('/api/v1/tokens')
        .set(auth(engineer.token))
        .send({ name: '  ServiceNow  ', scopes: ['sessions:write', 'sessions:read'] })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        name: 'ServiceNow',
        scopes: ['sessions:read', 'sessions:write'],
        token_prefix: res.body.token.slice(0, 13),
        expires_at: expect.any(String),
        created_at: expect.any(String),
        last_used_at: null,
        user_id: engineer.user.id,
        owner: { id: engineer.user.id, name: engineer.user.name, email: engineer.user.email },
        token: expect.stringMatching(/^rf_pat_[0-9A-Za-z]{38}$/),
      });
      const expiresIn = Date.parse(res.body.expires_at) - before;
      expect(expiresIn).toBeGreaterThan(90 * DAY_MS - 60_000);
      expect(expiresIn).toBeLessThan(90 * DAY_MS + 60_000);
    });

    it('takes expires_in_days from 1 to 365', async () => {
      const one = await createApiToken(t, engineer, ['flows:read'], { expires_in_days: 1 });
      const year = await createApiToken(t, engineer, ['flows:read'], { expires_in_days: 365 });
      const days = (token: { expires_at: string }) => Math.round((Date.parse(token.expires_at) - Date.now()) / DAY_MS);
      expect(days(one)).toBe(1);
      expect(days(year)).toBe(365);
    });

    it.each([
      [{ scopes: ['flows:read'] }, 'name'],
      [{ name: '', scopes: ['flows:read'] }, 'name'],
      [{ name: '   ', scopes: ['flows:read'] }, 'name'],
      [{ name: 'x'.repeat(101), scopes: ['flows:read'] }, 'name'],
      [{ name: 42, scopes: ['flows:read'] }, 'name'],
      [{ name: 'N' }, 'scopes'],
      [{ name: 'N', scopes: [] }, 'scopes'],
      [{ name: 'N', scopes: 'flows:read' }, 'scopes'],
      [{ name: 'N', scopes: ['flows:read', 'admin:everything'] }, 'scopes'],
      [{ name: 'N', scopes: ['FLOWS:READ'] }, 'scopes'],
      [{ name: 'N', scopes: ['flows:read'], expires_in_days: 0 }, 'expires_in_days'],
      [{ name: 'N', scopes: ['flows:read'], expires_in_days: 366 }, 'expires_in_days'],
      [{ name: 'N', scopes: ['flows:read'], expires_in_days: 1.5 }, 'expires_in_days'],
      [{ name: 'N', scopes: ['flows:read'], expires_in_days: '30' }, 'expires_in_days'],
      [{ name: 'N', scopes: ['flows:read'], expires_in_days: -5 }, 'expires_in_days'],
    ])('refuses %j with 422 naming %s, and makes nothing', async (body, field) => {
      const before = (await listAs(engineer)).length;
      const res = await t.http.post('/api/v1/tokens').set(auth(engineer.token)).send(body).expect(422);
      expect(res.body.message.join(' ')).toContain(field);
      expect((await listAs(engineer)).length).toBe(before);
    });

    it('keeps only the SHA-256 digest in the database, never the token', async () => {
      const created = await createApiToken(t, engineer, ['flows:read']);
      const [row] = await t.dataSource.query(`SELECT * FROM api_tokens WHERE id = $1`, [created.id]);
      expect(Buffer.from(row.token_digest).equals(createHash('sha256').update(created.token).digest())).toBe(true);
      const secretPart = created.token.slice(13);
      const [{ everything }] = await t.dataSource.query(
        `SELECT string_agg(row_to_json(a)::text, ' ') AS everything FROM api_tokens a`,
      );
      expect(everything).not.toContain(secretPart);
      expect(everything).not.toContain(created.token);
    });
  });

  describe('listing', () => {
    it('shows the caller’s live tokens with prefix, scopes, expiry and last use, never the secret', async () => {
      const created = await createApiToken(t, engineer, ['analytics:read'], { name: 'BI export' });
      const list = await listAs(engineer);
      const listed = list.find((token: { id: string }) => token.id === created.id);
      expect(listed).toEqual({
        id: created.id,
        name: 'BI export',
        scopes: ['analytics:read'],
        token_prefix: created.token.slice(0, 13),
        expires_at: expect.any(String),
        created_at: expect.any(String),
        last_used_at: null,
        user_id: engineer.user.id,
        owner: { id: engineer.user.id, name: engineer.user.name, email: engineer.user.email },
      });
      const text = JSON.stringify(list);
      expect(text).not.toContain(created.token.slice(13));
      expect(list.every((token: { user_id: string }) => token.user_id === engineer.user.id)).toBe(true);
    });

    it('lets a team admin see every token of the account, with owners, using all=true', async () => {
      const mine = await createApiToken(t, admin, ['users:read']);
      const theirs = await createApiToken(t, engineer, ['sessions:read']);
      const foreign = await createApiToken(t, stranger, ['flows:read']);

      const own = await listAs(admin);
      expect(own.map((token: { id: string }) => token.id)).toContain(mine.id);
      expect(own.map((token: { id: string }) => token.id)).not.toContain(theirs.id);

      const all = await listAs(admin, '?all=true');
      const ids = all.map((token: { id: string }) => token.id);
      expect(ids).toEqual(expect.arrayContaining([mine.id, theirs.id]));
      expect(ids).not.toContain(foreign.id);
      expect(all.find((token: { id: string }) => token.id === theirs.id).owner).toEqual({
        id: engineer.user.id,
        name: engineer.user.name,
        email: engineer.user.email,
      });
      expect(JSON.stringify(all)).not.toContain(theirs.token.slice(13));
    });

    it('refuses all=true to an engineer (403) and a bad value (422)', async () => {
      await t.http.get('/api/v1/tokens?all=true').set(auth(engineer.token)).expect(403);
      const bad = await t.http.get('/api/v1/tokens?all=yes').set(auth(admin.token)).expect(422);
      expect(bad.body.message.join(' ')).toContain('all');
    });
  });

  describe('using', () => {
    it('acts as its owner on any route its scopes cover', async () => {
      const { token } = await createApiToken(t, engineer, ['flows:read']);
      const me = await t.http.get('/api/v1/auth/me').set(auth(token)).expect(200);
      expect(me.body).toMatchObject({ id: engineer.user.id, account_id: engineer.user.account_id, role: 'engineer' });
      await t.http.get('/api/v1/trees').set(auth(token)).expect(200);
      // "Bearer" in any case, as for JWTs.
      await t.http.get('/api/v1/trees').set('Authorization', `bearer ${token}`).expect(200);
    });

    it('with only analytics:read, reads team analytics as an admin but gets 403 naming sessions:write on POST /sessions', async () => {
      const flow = await createFlow(t, admin);
      const { token } = await createApiToken(t, admin, ['analytics:read']);
      await t.http.get('/api/v1/analytics/team?period=7d').set(auth(token)).expect(200);
      const refused = await t.http
        .post('/api/v1/sessions')
        .set(auth(token))
        .send({ tree_id: flow.tree.id })
        .expect(403);
      expect(refused.body).toMatchObject({ statusCode: 403, required_scope: 'sessions:write' });
      expect(refused.body.message).toContain('sessions:write');
      const sessions = await t.dataSource.query(`SELECT count(*)::int AS n FROM sessions WHERE tree_id = $1`, [
        flow.tree.id,
      ]);
      expect(sessions[0].n).toBe(0);
    });

    it('never adds power the owner’s role lacks', async () => {
      const { token } = await createApiToken(t, engineer, ALL_SCOPES);
      await t.http.get('/api/v1/users').set(auth(token)).expect(403);
      await t.http.get('/api/v1/analytics/team').set(auth(token)).expect(403);
      await t.http.post('/api/v1/steps').set(auth(token)).send({ title: 'Not allowed' }).expect(403);
      await t.http.get('/api/v1/analytics/me').set(auth(token)).expect(200);
    });

    it('cannot manage tokens, whatever its scopes: only a signed-in person can', async () => {
      const own = await createApiToken(t, admin, ALL_SCOPES);
      const other = await createApiToken(t, admin, ['flows:read']);
      for (const res of [
        await t.http
          .post('/api/v1/tokens')
          .set(auth(own.token))
          .send({ name: 'Minted', scopes: ['flows:read'] }),
        await t.http.get('/api/v1/tokens').set(auth(own.token)),
        await t.http.get('/api/v1/tokens?all=true').set(auth(own.token)),
        await t.http.delete(`/api/v1/tokens/${other.id}`).set(auth(own.token)),
      ]) {
        expect(res.status).toBe(403);
      }
      // Nothing was minted or revoked.
      await t.http.get('/api/v1/trees').set(auth(other.token)).expect(200);
      expect((await listAs(admin)).some((token: { name: string }) => token.name === 'Minted')).toBe(false);
    });

    it.each([
      ['altered', (token: string) => token.slice(0, 20) + (token[20] === 'a' ? 'b' : 'a') + token.slice(21)],
      ['truncated', (token: string) => token.slice(0, -1)],
      ['extended', (token: string) => `${token}0`],
      ['made up', () => 'rf_pat_000000000000000000000000000000000000AB'],
    ])('answers 401 to an %s token', async (_what, change) => {
      const { token } = await createApiToken(t, engineer, ['flows:read']);
      const res = await t.http
        .get('/api/v1/trees')
        .set(auth(change(token)))
        .expect(401);
      expect(res.body.message).toBe('Invalid API token');
    });

    it('answers 401 to a well-formed token that was never issued', async () => {
      const { token } = await createApiToken(t, engineer, ['flows:read']);
      await t.dataSource.query(`DELETE FROM api_tokens WHERE token_digest = $1`, [
        createHash('sha256').update(token).digest(),
      ]);
      await t.http.get('/api/v1/trees').set(auth(token)).expect(401);
    });
  });

  describe('revoking', () => {
    it('takes effect on the next request, and the token leaves the list', async () => {
      const created = await createApiToken(t, engineer, ['flows:read']);
      await t.http.get('/api/v1/trees').set(auth(created.token)).expect(200);
      await t.http.delete(`/api/v1/tokens/${created.id}`).set(auth(engineer.token)).expect(204);
      const res = await t.http.get('/api/v1/trees').set(auth(created.token)).expect(401);
      expect(res.body.message).toMatch(/revoked/);
      expect((await listAs(engineer)).map((token: { id: string }) => token.id)).not.toContain(created.id);
      await t.http.delete(`/api/v1/tokens/${created.id}`).set(auth(engineer.token)).expect(404);
    });

    it('may be done by a team admin of the account, not by another engineer or another account', async () => {
      const created = await createApiToken(t, engineer, ['flows:read']);
      const colleague = await addUser(t, admin);
      await t.http.delete(`/api/v1/tokens/${created.id}`).set(auth(colleague.token)).expect(404);
      await t.http.delete(`/api/v1/tokens/${created.id}`).set(auth(stranger.token)).expect(404);
      await t.http.get('/api/v1/trees').set(auth(created.token)).expect(200);
      await t.http.delete(`/api/v1/tokens/${created.id}`).set(auth(admin.token)).expect(204);
      await t.http.get('/api/v1/trees').set(auth(created.token)).expect(401);
    });

    it('answers 404 to ids that are not UUIDs', async () => {
      await t.http.delete('/api/v1/tokens/not-a-uuid').set(auth(engineer.token)).expect(404);
    });
  });

  describe('expiry', () => {
    it('takes effect on the next request, and the answer says the token expired', async () => {
      const created = await createApiToken(t, engineer, ['flows:read'], { expires_in_days: 1 });
      await t.http.get('/api/v1/trees').set(auth(created.token)).expect(200);
      await t.dataSource.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        created.id,
      ]);
      const res = await t.http.get('/api/v1/trees').set(auth(created.token)).expect(401);
      expect(res.body.message).toMatch(/expired/);
    });
  });

  describe('the owner changes', () => {
    it('a demoted owner’s token loses admin power at once; a deactivated owner’s stops working', async () => {
      const second = await addUser(t, admin, 'team_admin');
      const { token } = await createApiToken(t, second, ['users:read']);
      await t.http.get('/api/v1/users').set(auth(token)).expect(200);

      await t.http
        .patch(`/api/v1/users/${second.user.id}`)
        .set(auth(admin.token))
        .send({ role: 'engineer' })
        .expect(200);
      await t.http.get('/api/v1/users').set(auth(token)).expect(403);
      await t.http.get('/api/v1/auth/me').set(auth(token)).expect(200);

      await t.http
        .patch(`/api/v1/users/${second.user.id}`)
        .set(auth(admin.token))
        .send({ is_active: false })
        .expect(200);
      const res = await t.http.get('/api/v1/auth/me').set(auth(token)).expect(401);
      expect(res.body.message).toMatch(/owner/);
    });
  });

  describe('last_used_at', () => {
    it('is set on use, to the minute, with one write for many requests in a minute', async () => {
      const created = await createApiToken(t, engineer, ['flows:read']);
      await t.dataSource.query(`
        CREATE TABLE token_writes (id uuid);
        CREATE FUNCTION note_token_write() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN INSERT INTO token_writes VALUES (NEW.id); RETURN NEW; END $$;
        CREATE TRIGGER token_writes AFTER UPDATE ON api_tokens FOR EACH ROW EXECUTE FUNCTION note_token_write();`);
      try {
        const before = Date.now();
        for (let i = 0; i < 15; i++) await t.http.get('/api/v1/trees').set(auth(created.token)).expect(200);
        await Promise.all(
          Array.from({ length: 15 }, () => t.http.get('/api/v1/trees').set(auth(created.token)).expect(200)),
        );
        const writes = await t.dataSource.query(`SELECT count(*)::int AS n FROM token_writes WHERE id = $1`, [
          created.id,
        ]);
        // The first use writes; the rest of the minute does not (a second write only if the minute turned meanwhile).
        expect(writes[0].n).toBeGreaterThanOrEqual(1);
        expect(writes[0].n).toBeLessThanOrEqual(2);
        const listed = (await listAs(engineer)).find((token: { id: string }) => token.id === created.id);
        expect(Date.parse(listed.last_used_at)).toBeGreaterThanOrEqual(before - 1000);
        expect(Date.parse(listed.last_used_at)).toBeLessThanOrEqual(Date.now() + 1000);
      } finally {
        await t.dataSource.query(
          `DROP TRIGGER token_writes ON api_tokens; DROP FUNCTION note_token_write(); DROP TABLE token_writes;`,
        );
      }
    });
  });
});
