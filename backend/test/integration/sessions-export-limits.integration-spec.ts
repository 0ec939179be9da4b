import { get as httpGet, IncomingMessage } from 'node:http';

import { auth, createFlow, Login, registerAccount } from './support/fixtures';
import { exportTransactions, insertOpenSessions, listeningPort, until } from './support/sessions-export';
import { createTestApp, TestApp } from './support/test-app';

/**
 * A sessions CSV export holds a pooled connection and a read snapshot while it streams, so: an
 * export whose client stops reading is ended after SESSIONS_EXPORT_IDLE_SECONDS (its transaction
 * rolled back), and an account runs at most SESSIONS_EXPORT_PER_ACCOUNT exports at once (429).
 */
describe('sessions CSV export limits', () => {
  let t: TestApp;
  let admin: Login;
  let other: Login;
  let port: number;
  const saved = { idle: process.env.SESSIONS_EXPORT_IDLE_SECONDS, per: process.env.SESSIONS_EXPORT_PER_ACCOUNT };

  beforeAll(async () => {
    process.env.SESSIONS_EXPORT_IDLE_SECONDS = '1';
    process.env.SESSIONS_EXPORT_PER_ACCOUNT = '1';
    t = await createTestApp();
    admin = await registerAccount(t, 'Export Co');
    other = await registerAccount(t, 'Other Co');
    const flow = await createFlow(t, admin, { name: 'Printer' });
    // ≈ 15 MB of CSV: more than the socket and the stream hold, so the export waits on its client.
    await insertOpenSessions(
      t,
      { accountId: admin.user.account_id, treeId: flow.tree.id, userId: admin.user.id, nodeId: flow.ids.question },
      50000,
    );
    port = await listeningPort(t);
  });
  afterAll(async () => {
    await t.close();
    for (const [name, value] of [
      ['SESSIONS_EXPORT_IDLE_SECONDS', saved.idle],
      ['SESSIONS_EXPORT_PER_ACCOUNT', saved.per],
    ] as const)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  });

  const exports = (state: 'idle in transaction') => exportTransactions(t, state);

  /** An export whose client reads its first bytes, then nothing more (until `resume`). */
  async function stalledExport(who: Login) {
    const req = httpGet(`http://127.0.0.1:${port}/api/v1/sessions?format=csv&all=true`, { headers: auth(who.token) });
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      req.on('response', resolve);
      req.on('error', reject);
    });
    expect(response.statusCode).toBe(200);
    response.pause();
    // A paused client notices the server closing only once it reads again.
    const ended = new Promise<{ complete: boolean }>((resolve) => {
      response.on('close', () => resolve({ complete: response.complete }));
      response.on('error', () => undefined);
      req.on('error', () => undefined);
    });
    return { req, response, ended };
  }

  it('ends an export whose client stopped reading, and rolls its transaction back', async () => {
    const started = Date.now();
    const { response, ended } = await stalledExport(admin);
    await until('the export held up by its client', async () => (await exports('idle in transaction')) === 1);
    // Nothing moves for a second: the API ends the transaction and the response, the client still there.
    await until('the export’s transaction to end', async () => (await exports('idle in transaction')) === 0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    response.resume();
    expect(await ended).toEqual({ complete: false });
    // Its slot is free again: the next export runs, whole.
    const next = await t.http.get('/api/v1/sessions?format=csv&all=true&limit=1').set(auth(admin.token)).expect(200);
    expect(next.text.split('\r\n').filter(Boolean)).toHaveLength(50001);
  });

  it('runs one export per account at once: the second answers 429 until the first is over', async () => {
    const first = await stalledExport(admin);
    const refused = await t.http.get('/api/v1/sessions?format=csv&all=true').set(auth(admin.token)).expect(429);
    expect(refused.body.message).toMatch(/already runs 1 sessions export at once/);
    // Per account: another account's export runs meanwhile, and JSON pages are not exports.
    await t.http.get('/api/v1/sessions?format=csv&all=true').set(auth(other.token)).expect(200);
    await t.http.get('/api/v1/sessions?all=true&limit=1').set(auth(admin.token)).expect(200);
    first.req.destroy();
    await first.ended;
    await until('the slot to be given back', async () => {
      const res = await t.http.get('/api/v1/sessions?format=csv&all=true&status=completed').set(auth(admin.token));
      return res.status === 200;
    });
  });
});
