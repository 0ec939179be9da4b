import { randomUUID } from 'node:crypto';

import { SessionRatingsRepository } from '../../src/feedback/session-ratings.repository';
import { raceInDatabase } from './support/database-race';
import { addUser, auth, createFlow, Login, registerAccount } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('feedback: CSAT ratings and step votes', () => {
  let t: TestApp;
  let admin: Login;
  let engineer: Login;
  let stepId: string;
  let flow: Awaited<ReturnType<typeof createFlow>>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await registerAccount(t);
    engineer = await addUser(t, admin);
    stepId = (
      await t.http.post('/api/v1/steps').set(auth(admin.token)).send({ title: 'Restart the spooler' }).expect(201)
    ).body.id;
    flow = await createFlow(t, admin, {}, stepId);
  });
  afterAll(() => t.close());

  /** A session standing at the flow's step (votes are taken on steps a session reached). */
  const start = async (who: Login = engineer) => {
    const session = (
      await t.http.post('/api/v1/sessions').set(auth(who.token)).send({ tree_id: flow.tree.id }).expect(201)
    ).body;
    const option = session.current_node.options.find(
      (o: { next_node_id: string }) => o.next_node_id === flow.ids.step,
    ).id;
    return (
      await t.http
        .post(`/api/v1/sessions/${session.id}/decisions`)
        .set(auth(who.token))
        .send({ node_id: flow.ids.question, option_id: option })
        .expect(200)
    ).body;
  };
  const finish = async (sessionId: string, who: Login = engineer) =>
    t.http
      .post(`/api/v1/sessions/${sessionId}/complete`)
      .set(auth(who.token))
      .send({ outcome: 'resolved' })
      .expect(200);
  const counters = async () => {
    const res = await t.http.get(`/api/v1/steps/${stepId}`).set(auth(admin.token)).expect(200);
    return { yes: res.body.helpful_yes, no: res.body.helpful_no };
  };

  describe('session rating (CSAT)', () => {
    it('rates a completed session once: 201, then 409; GET returns it', async () => {
      const session = await start();
      await finish(session.id);
      const url = `/api/v1/sessions/${session.id}`;
      await t.http.get(`${url}/rating`).set(auth(engineer.token)).expect(404);

      const rated = await t.http
        .post(`${url}/rate`)
        .set(auth(engineer.token))
        .send({ rating: 4, comment: ' Clear steps ' })
        .expect(201);
      expect(rated.body).toEqual({
        id: expect.any(String),
        session_id: session.id,
        rating: 4,
        comment: 'Clear steps',
        created_at: expect.any(String),
      });
      await t.http.post(`${url}/rate`).set(auth(engineer.token)).send({ rating: 5 }).expect(409);

      const read = await t.http.get(`${url}/rating`).set(auth(engineer.token)).expect(200);
      expect(read.body.rating).toBe(4);
      const listed = await t.http.get('/api/v1/sessions').set(auth(engineer.token)).expect(200);
      expect(listed.body.items.find((s: { id: string }) => s.id === session.id).rating).toBe(4);
    });

    it('refuses to rate a running session (400), another engineer’s (403), another account’s (404)', async () => {
      const session = await start();
      const url = `/api/v1/sessions/${session.id}/rate`;
      await t.http.post(url).set(auth(engineer.token)).send({ rating: 3 }).expect(400);
      await finish(session.id);
      const colleague = await addUser(t, admin);
      await t.http.post(url).set(auth(colleague.token)).send({ rating: 3 }).expect(403);
      await t.http.post(url).set(auth(admin.token)).send({ rating: 3 }).expect(403);
      const stranger = await registerAccount(t, 'Other');
      await t.http.post(url).set(auth(stranger.token)).send({ rating: 3 }).expect(404);
      await t.http.get(`/api/v1/sessions/${session.id}/rating`).set(auth(stranger.token)).expect(404);
    });

    it('validates the body with 422 naming the field', async () => {
      const session = await start();
      await finish(session.id);
      const url = `/api/v1/sessions/${session.id}/rate`;
      for (const body of [{ rating: 0 }, { rating: 6 }, { rating: 4.5 }, { rating: '5' }, {}]) {
        const res = await t.http.post(url).set(auth(engineer.token)).send(body).expect(422);
        expect(res.body.message.join(' ')).toMatch(/rating/);
      }
      const long = await t.http
        .post(url)
        .set(auth(engineer.token))
        .send({ rating: 3, comment: 'x'.repeat(501) })
        .expect(422);
      expect(long.body.message.join(' ')).toMatch(/comment/);
      await t.http
        .post(url)
        .set(auth(engineer.token))
        .send({ rating: 3, comment: 'x'.repeat(500) })
        .expect(201);
    });

    it('is race-safe: 25 simultaneous ratings give one 201, 24 × 409 and one row', async () => {
      const session = await start();
      await finish(session.id);
      const results = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          t.http
            .post(`/api/v1/sessions/${session.id}/rate`)
            .set(auth(engineer.token))
            .send({ rating: (i % 5) + 1 }),
        ),
      );
      const codes = results.map((r) => r.status);
      expect(codes.filter((c) => c === 201)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(24);
      const [{ rows }] = await t.dataSource.query(
        'SELECT count(*)::int AS rows FROM session_ratings WHERE session_id = $1',
        [session.id],
      );
      expect(rows).toBe(1);
    });

    it('is race-safe in the database: two rating statements at once, on two connections, write one row', async () => {
      // One instance sends one rating of a session at a time (its write coalescer keys by session), so
      // the HTTP race above never reaches the database's race. Two instances would each send one: here
      // the service's own statement runs twice at once on two pooled connections, both held at the
      // session's row until both are in the database, so the unique (account_id, session_id) key decides.
      const session = await start();
      await finish(session.id);
      const caller = { userId: engineer.user.id, accountId: engineer.user.account_id };
      // rateAll is the repository's one statement, private so the service goes through the coalescer.
      const ratings = t.app.get(SessionRatingsRepository) as unknown as {
        rateAll(calls: object[], accountId: string): Promise<({ id: string | null } | undefined)[]>;
      };
      const statement = (rating: number) =>
        ratings.rateAll([{ ...caller, sessionId: session.id, rating, comment: null }], caller.accountId);
      const results = await raceInDatabase(
        t.databaseUrl,
        'SELECT 1 FROM sessions WHERE account_id = $1 AND id = $2 FOR UPDATE',
        [caller.accountId, session.id],
        2,
        () => Promise.all([statement(2), statement(5)]),
      );
      expect(results.map(([row]) => row?.id != null).sort()).toEqual([false, true]);
      const [{ rows }] = await t.dataSource.query(
        'SELECT count(*)::int AS rows FROM session_ratings WHERE session_id = $1',
        [session.id],
      );
      expect(rows).toBe(1);
    });
  });

  describe('step feedback (thumbs)', () => {
    it('creates (201), updates (200) and keeps the library counters exact', async () => {
      const before = await counters();
      const session = await start();
      const url = `/api/v1/steps/${stepId}/feedback`;
      const first = await t.http
        .post(url)
        .set(auth(engineer.token))
        .send({ session_id: session.id, was_helpful: true })
        .expect(201);
      expect(first.body).toEqual({
        step_id: stepId,
        node_id: flow.ids.step,
        session_id: session.id,
        was_helpful: true,
        status: 'created',
      });
      expect(await counters()).toEqual({ yes: before.yes + 1, no: before.no });

      const changed = await t.http
        .post(url)
        .set(auth(engineer.token))
        .send({ session_id: session.id, was_helpful: false })
        .expect(200);
      expect(changed.body.status).toBe('updated');
      expect(await counters()).toEqual({ yes: before.yes, no: before.no + 1 });

      await t.http.post(url).set(auth(engineer.token)).send({ session_id: session.id, was_helpful: false }).expect(200);
      expect(await counters()).toEqual({ yes: before.yes, no: before.no + 1 });
    });

    it('is allowed after completion too, and answers 20 simultaneous votes with one 201 and 19 × 200', async () => {
      const before = await counters();
      const session = await start();
      await finish(session.id);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.http
            .post(`/api/v1/steps/${stepId}/feedback`)
            .set(auth(engineer.token))
            .send({ session_id: session.id, was_helpful: i % 2 === 0 }),
        ),
      );
      const codes = results.map((r) => r.status);
      expect(codes.filter((c) => c === 201)).toHaveLength(1);
      expect(codes.filter((c) => c === 200)).toHaveLength(19);
      const after = await counters();
      expect(after.yes + after.no).toBe(before.yes + before.no + 1);
    });

    it('keeps counters equal to the stored votes under concurrent votes from many sessions', async () => {
      const sessions = await Promise.all(Array.from({ length: 12 }, () => start()));
      await Promise.all(
        sessions.flatMap((session, i) => [
          t.http
            .post(`/api/v1/steps/${stepId}/feedback`)
            .set(auth(engineer.token))
            .send({ session_id: session.id, was_helpful: i % 3 !== 0 }),
          t.http
            .post(`/api/v1/steps/${stepId}/feedback`)
            .set(auth(engineer.token))
            .send({ session_id: session.id, was_helpful: i % 2 === 0 }),
        ]),
      );
      const [truth] = await t.dataSource.query(
        `SELECT count(*) FILTER (WHERE was_helpful)::int AS yes, count(*) FILTER (WHERE NOT was_helpful)::int AS no
           FROM step_ratings WHERE step_id = $1`,
        [stepId],
      );
      expect(await counters()).toEqual(truth);
    });

    it('lands on the node this session visited when several nodes reuse the step; refuses one it reached none of (409)', async () => {
      const [first, second, done] = [randomUUID(), randomUUID(), randomUUID()];
      const reused = (
        await t.http.post('/api/v1/steps').set(auth(admin.token)).send({ title: 'Reseat the cable' }).expect(201)
      ).body.id;
      const question = randomUUID();
      const tree = (
        await t.http
          .post('/api/v1/trees')
          .set(auth(admin.token))
          .send({
            name: 'Two paths, one step',
            kind: 'decision',
            status: 'published',
            start_node_id: question,
            nodes: [
              {
                id: question,
                type: 'question',
                title: 'Which port?',
                options: [
                  { label: 'Front', next_node_id: first },
                  { label: 'Back', next_node_id: second },
                ],
              },
              {
                id: first,
                type: 'step',
                title: 'Reseat the front cable',
                step_id: reused,
                options: [{ label: 'Done', next_node_id: done }],
              },
              {
                id: second,
                type: 'step',
                title: 'Reseat the back cable',
                step_id: reused,
                options: [{ label: 'Done', next_node_id: done }],
              },
              { id: done, type: 'solution', title: 'Connected' },
            ],
          })
          .expect(201)
      ).body;
      const vote = async (sessionId: string) =>
        (
          await t.http
            .post(`/api/v1/steps/${reused}/feedback`)
            .set(auth(engineer.token))
            .send({ session_id: sessionId, was_helpful: true })
            .expect(201)
        ).body;

      const viaBack = (
        await t.http.post('/api/v1/sessions').set(auth(engineer.token)).send({ tree_id: tree.id }).expect(201)
      ).body;
      const back = viaBack.current_node.options.find((o: { label: string }) => o.label === 'Back').id;
      await t.http
        .post(`/api/v1/sessions/${viaBack.id}/decisions`)
        .set(auth(engineer.token))
        .send({ node_id: question, option_id: back })
        .expect(200);
      expect((await vote(viaBack.id)).node_id).toBe(second);

      const notYet = (
        await t.http.post('/api/v1/sessions').set(auth(engineer.token)).send({ tree_id: tree.id }).expect(201)
      ).body;
      const refused = await t.http
        .post(`/api/v1/steps/${reused}/feedback`)
        .set(auth(engineer.token))
        .send({ session_id: notYet.id, was_helpful: true });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/not reached that step/);
      await t.http
        .put(`/api/v1/sessions/${notYet.id}/nodes/${first}/feedback`)
        .set(auth(engineer.token))
        .send({ was_helpful: true })
        .expect(409);
    });

    it('refuses a step the flow does not use (422), other engineers (403), other accounts (404)', async () => {
      const session = await start();
      const unused = (await t.http.post('/api/v1/steps').set(auth(admin.token)).send({ title: 'Unused' }).expect(201))
        .body.id;
      const res = await t.http
        .post(`/api/v1/steps/${unused}/feedback`)
        .set(auth(engineer.token))
        .send({ session_id: session.id, was_helpful: true })
        .expect(422);
      expect(res.body.message).toMatch(/step_id/);

      const colleague = await addUser(t, admin);
      await t.http
        .post(`/api/v1/steps/${stepId}/feedback`)
        .set(auth(colleague.token))
        .send({ session_id: session.id, was_helpful: true })
        .expect(403);

      const stranger = await registerAccount(t, 'Stranger');
      const strangerStep = (
        await t.http.post('/api/v1/steps').set(auth(stranger.token)).send({ title: 'S' }).expect(201)
      ).body.id;
      await t.http
        .post(`/api/v1/steps/${stepId}/feedback`)
        .set(auth(stranger.token))
        .send({ session_id: session.id, was_helpful: true })
        .expect(404);
      await t.http
        .post(`/api/v1/steps/${strangerStep}/feedback`)
        .set(auth(engineer.token))
        .send({ session_id: session.id, was_helpful: true })
        .expect(404);
      await t.http
        .post(`/api/v1/steps/${stepId}/feedback`)
        .set(auth(engineer.token))
        .send({ session_id: 'nope', was_helpful: true })
        .expect(422);
      await t.http
        .post(`/api/v1/steps/${stepId}/feedback`)
        .set(auth(engineer.token))
        .send({ session_id: session.id, was_helpful: 'yes' })
        .expect(422);
    });
  });

  describe('node feedback', () => {
    it('votes on a node, changes it, lists it, and retracts it (DELETE 204), moving counters both ways', async () => {
      const before = await counters();
      const session = await start();
      const url = `/api/v1/sessions/${session.id}/nodes/${flow.ids.step}/feedback`;
      const created = await t.http.put(url).set(auth(engineer.token)).send({ was_helpful: true }).expect(201);
      expect(created.body).toMatchObject({ node_id: flow.ids.step, step_id: stepId, status: 'created' });
      await t.http.put(url).set(auth(engineer.token)).send({ was_helpful: false }).expect(200);

      const listed = await t.http.get(`/api/v1/sessions/${session.id}/feedback`).set(auth(engineer.token)).expect(200);
      expect(listed.body).toEqual([expect.objectContaining({ node_id: flow.ids.step, was_helpful: false })]);
      expect(await counters()).toEqual({ yes: before.yes, no: before.no + 1 });

      await t.http.delete(url).set(auth(engineer.token)).expect(204);
      await t.http.delete(url).set(auth(engineer.token)).expect(204);
      expect(await counters()).toEqual(before);
      const empty = await t.http.get(`/api/v1/sessions/${session.id}/feedback`).set(auth(engineer.token)).expect(200);
      expect(empty.body).toEqual([]);
    });

    it('takes feedback only on step nodes of the session’s flow', async () => {
      const session = await start();
      await t.http
        .put(`/api/v1/sessions/${session.id}/nodes/${flow.ids.question}/feedback`)
        .set(auth(engineer.token))
        .send({ was_helpful: true })
        .expect(422);
      const other = await createFlow(t, admin, { name: 'Other flow' });
      await t.http
        .put(`/api/v1/sessions/${session.id}/nodes/${other.ids.step}/feedback`)
        .set(auth(engineer.token))
        .send({ was_helpful: true })
        .expect(404);
      const stranger = await registerAccount(t, 'Far away');
      await t.http
        .put(`/api/v1/sessions/${session.id}/nodes/${flow.ids.step}/feedback`)
        .set(auth(stranger.token))
        .send({ was_helpful: true })
        .expect(404);
      await t.http
        .delete(`/api/v1/sessions/${session.id}/nodes/${flow.ids.step}/feedback`)
        .set(auth(stranger.token))
        .expect(404);
    });
  });
});
