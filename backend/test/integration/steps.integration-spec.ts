import { addUser, auth, createFlow, registerAccount } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('step library', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('lets admins write and everyone in the account read', async () => {
    const admin = await registerAccount(t);
    const engineer = await addUser(t, admin);
    const created = await t.http
      .post('/api/v1/steps')
      .set(auth(admin.token))
      .send({ title: 'Restart the print spooler', instructions: 'services.msc → Print Spooler → Restart' })
      .expect(201);
    expect(created.body).toMatchObject({ title: 'Restart the print spooler', helpful_yes: 0, helpful_no: 0 });

    const list = await t.http.get('/api/v1/steps').set(auth(engineer.token)).expect(200);
    expect(list.body.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
    await t.http.get(`/api/v1/steps/${created.body.id}`).set(auth(engineer.token)).expect(200);

    await t.http.post('/api/v1/steps').set(auth(engineer.token)).send({ title: 'Nope' }).expect(403);
    await t.http
      .patch(`/api/v1/steps/${created.body.id}`)
      .set(auth(engineer.token))
      .send({ title: 'Nope' })
      .expect(403);
    await t.http.delete(`/api/v1/steps/${created.body.id}`).set(auth(engineer.token)).expect(403);

    const updated = await t.http
      .patch(`/api/v1/steps/${created.body.id}`)
      .set(auth(admin.token))
      .send({ title: 'Restart the spooler service' })
      .expect(200);
    expect(updated.body.title).toBe('Restart the spooler service');
    expect(updated.body.instructions).toBe('services.msc → Print Spooler → Restart');
  });

  it('searches titles and instructions, treating % and _ literally', async () => {
    const admin = await registerAccount(t);
    for (const title of ['Clear DNS cache', 'Reset Wi-Fi adapter', '100% disk usage check']) {
      await t.http.post('/api/v1/steps').set(auth(admin.token)).send({ title }).expect(201);
    }
    const wifi = await t.http.get('/api/v1/steps?search=wi-fi').set(auth(admin.token)).expect(200);
    expect(wifi.body.map((s: { title: string }) => s.title)).toEqual(['Reset Wi-Fi adapter']);
    const percent = await t.http.get('/api/v1/steps?search=%25').set(auth(admin.token)).expect(200);
    expect(percent.body.map((s: { title: string }) => s.title)).toEqual(['100% disk usage check']);
  });

  it('refuses to delete a step a live flow uses, naming the flow (409), then deletes once archived', async () => {
    const admin = await registerAccount(t);
    const step = await t.http.post('/api/v1/steps').set(auth(admin.token)).send({ title: 'Spooler' }).expect(201);
    const { tree } = await createFlow(t, admin, { name: 'Printer triage' }, step.body.id);

    const refused = await t.http.delete(`/api/v1/steps/${step.body.id}`).set(auth(admin.token)).expect(409);
    expect(refused.body.message).toMatch(/Printer triage/);

    await t.http.delete(`/api/v1/trees/${tree.id}`).set(auth(admin.token)).expect(200);
    await t.http.delete(`/api/v1/steps/${step.body.id}`).set(auth(admin.token)).expect(204);
    await t.http.get(`/api/v1/steps/${step.body.id}`).set(auth(admin.token)).expect(404);
  });

  it('hides other accounts’ steps (404) and validates bodies (422)', async () => {
    const a = await registerAccount(t, 'A');
    const b = await registerAccount(t, 'B');
    const step = await t.http.post('/api/v1/steps').set(auth(b.token)).send({ title: 'B only' }).expect(201);
    await t.http.get(`/api/v1/steps/${step.body.id}`).set(auth(a.token)).expect(404);
    await t.http.patch(`/api/v1/steps/${step.body.id}`).set(auth(a.token)).send({ title: 'x' }).expect(404);
    await t.http.delete(`/api/v1/steps/${step.body.id}`).set(auth(a.token)).expect(404);
    const list = await t.http.get('/api/v1/steps').set(auth(a.token)).expect(200);
    expect(list.body).toEqual([]);

    const bad = await t.http.post('/api/v1/steps').set(auth(a.token)).send({ title: 42 }).expect(422);
    expect(bad.body.message.join(' ')).toMatch(/title/);
  });
});
