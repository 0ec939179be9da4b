import { SessionTreeVersion1764001300000 } from '../../src/database/migrations/1764001300000-SessionTreeVersion';
import { auth, flowPayload, Login, registerAccount } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Migration SessionTreeVersion on existing sessions: the version is written only where it is
 * known (the flow was never edited, or the session started after its last change); the others
 * stay NULL rather than being credited to the flow's current version.
 */
describe('migration SessionTreeVersion: backfill of existing sessions', () => {
  let t: TestApp;
  let admin: Login;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await registerAccount(t, 'Versions Co');
  });
  afterAll(() => t.close());

  it('writes the version only where it is known', async () => {
    const create = async (name: string) => {
      const { body } = flowPayload({ name });
      return { body, tree: (await t.http.post('/api/v1/trees').set(auth(admin.token)).send(body).expect(201)).body };
    };
    const start = async (treeId: string) =>
      (await t.http.post('/api/v1/sessions').set(auth(admin.token)).send({ tree_id: treeId }).expect(201)).body.id;
    const untouched = await create('Never edited');
    const edited = await create('Edited');
    const onUntouched = await start(untouched.tree.id);
    const beforeEdit = await start(edited.tree.id);
    await t.http
      .put(`/api/v1/trees/${edited.tree.id}`)
      .set(auth(admin.token))
      .send({ ...edited.body, name: 'Edited (v2)', version: 1 })
      .expect(200);
    const afterEdit = await start(edited.tree.id);
    // An old session of the untouched flow, started long before it was created (seeded data).
    await t.dataSource.query(`UPDATE sessions SET started_at = now() - interval '400 days' WHERE id = $1`, [
      onUntouched,
    ]);

    // As if these sessions predated the column: drop it and run the migration again.
    const runner = t.dataSource.createQueryRunner();
    try {
      await runner.query(`ALTER TABLE sessions DROP COLUMN tree_version`);
      await new SessionTreeVersion1764001300000().up(runner);
    } finally {
      await runner.release();
    }
    const versions = Object.fromEntries(
      (
        await t.dataSource.query(`SELECT id, tree_version FROM sessions WHERE id = ANY($1::uuid[])`, [
          [onUntouched, beforeEdit, afterEdit],
        ])
      ).map((row: { id: string; tree_version: number | null }) => [row.id, row.tree_version]),
    );
    expect(versions).toEqual({ [onUntouched]: 1, [beforeEdit]: null, [afterEdit]: 2 });
    // The rollup trigger left out of the backfill is on again.
    const [trigger] = await t.dataSource.query(
      `SELECT tgenabled FROM pg_trigger WHERE tgname = 'sessions_rollup_upd' AND tgrelid = 'sessions'::regclass`,
    );
    expect(trigger.tgenabled).toBe('O');
    // New sessions record it at start.
    const fresh = await start(edited.tree.id);
    const [row] = await t.dataSource.query(`SELECT tree_version FROM sessions WHERE id = $1`, [fresh]);
    expect(row.tree_version).toBe(2);
  });
});
