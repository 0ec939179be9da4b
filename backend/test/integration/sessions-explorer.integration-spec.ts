import { get as httpGet, IncomingMessage } from 'node:http';

import { csvCell } from '../../src/analytics/report/export/analytics-csv';
import { addUser, auth, createFlow, flowPayload, Login, registerAccount } from './support/fixtures';
import { exportTransactions, insertOpenSessions, listeningPort, until } from './support/sessions-export';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The sessions explorer (GET /sessions filters, cursor, CSV; GET /sessions/:id for admins):
 * each filter, each refusal, and paging without gaps or repeats where sort keys are equal.
 */
describe('sessions explorer', () => {
  let t: TestApp;
  let admin: Login;
  let engineer: Login;
  let colleague: Login;
  let stranger: Login;
  let flow: Awaited<ReturnType<typeof createFlow>>;
  /** The engineer's sessions, by what was done with them. */
  const s: Record<string, string> = {};

  const list = async (who: Login, query: string) => {
    const res = await t.http.get(`/api/v1/sessions?${query}`).set(auth(who.token));
    expect(res.status).toBe(200);
    return res.body as { items: Record<string, unknown>[]; total: number; next_cursor: string | null };
  };
  const ids = async (who: Login, query: string) => {
    const page = await list(who, `limit=100&${query}`);
    expect(page.total).toBe(page.items.length);
    return page.items.map((item) => item.id as string).sort();
  };
  const option = (node: string, next: string) =>
    flow.tree.nodes
      .find((n: { id: string }) => n.id === node)
      .options.find((o: { next_node_id: string }) => o.next_node_id === next).id;

  async function run(who: Login, moves: [string, string][], finish?: string, ref?: string): Promise<string> {
    const started = await t.http
      .post('/api/v1/sessions')
      .set(auth(who.token))
      .send({ tree_id: flow.tree.id, ...(ref ? { external_ref: ref } : {}) })
      .expect(201);
    for (const [node, next] of moves)
      await t.http
        .post(`/api/v1/sessions/${started.body.id}/decisions`)
        .set(auth(who.token))
        .send({ node_id: node, option_id: option(node, next) })
        .expect(200);
    if (finish)
      await t.http
        .post(`/api/v1/sessions/${started.body.id}/complete`)
        .set(auth(who.token))
        .send({ outcome: finish, notes: `notes of ${finish}` })
        .expect(200);
    return started.body.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await registerAccount(t, 'Explorer Co');
    engineer = await addUser(t, admin);
    colleague = await addUser(t, admin);
    stranger = await registerAccount(t, 'Elsewhere');
    flow = await createFlow(t, admin);
    const { question, step, fixed, escalate } = flow.ids;

    s.fixedRated = await run(engineer, [[question, fixed]], 'resolved', 'INC-1');
    s.atStepVoted = await run(engineer, [[question, step]]);
    s.escalated = await run(
      engineer,
      [
        [question, step],
        [step, escalate],
      ],
      'escalated',
    );
    s.atQuestion = await run(engineer, [], undefined, 'INC-2');
    s.colleagues = await run(colleague, [[question, fixed]], 'workaround');

    const rate = (id: string, rating: number, comment?: string) =>
      t.http
        .post(`/api/v1/sessions/${id}/rate`)
        .set(auth(engineer.token))
        .send({ rating, ...(comment ? { comment } : {}) })
        .expect(201);
    await rate(s.fixedRated, 5, 'Quick and clear');
    await rate(s.escalated, 2);
    const vote = (id: string, helpful: boolean) =>
      t.http
        .put(`/api/v1/sessions/${id}/nodes/${step}/feedback`)
        .set(auth(engineer.token))
        .send({ was_helpful: helpful })
        .expect(201);
    await vote(s.atStepVoted, true);
    await vote(s.escalated, false);
  });
  afterAll(() => t.close());

  it('filters by each of the contract’s filters', async () => {
    const { question, step, fixed, escalate } = flow.ids;
    const sorted = (...names: string[]) => names.map((name) => s[name]).sort();
    const mine = sorted('fixedRated', 'atStepVoted', 'escalated', 'atQuestion');
    expect(await ids(engineer, '')).toEqual(mine);
    expect(await ids(engineer, `tree_id=${flow.tree.id}`)).toEqual(mine);
    expect(await ids(engineer, 'status=in_progress')).toEqual(sorted('atStepVoted', 'atQuestion'));
    expect(await ids(engineer, 'status=active')).toEqual(sorted('atStepVoted', 'atQuestion'));
    expect(await ids(engineer, 'status=completed')).toEqual(sorted('fixedRated', 'escalated'));
    expect(await ids(engineer, 'outcome=escalated')).toEqual(sorted('escalated'));
    expect(await ids(engineer, 'outcome=resolved,escalated')).toEqual(sorted('fixedRated', 'escalated'));
    expect(await ids(engineer, 'outcome=workaround')).toEqual([]);
    expect(await ids(engineer, 'period=7d')).toEqual(mine);
    expect(await ids(engineer, 'period=30d&tz=Pacific/Kiritimati')).toEqual(mine);
    expect(await ids(engineer, 'from=2020-01-01&to=2020-12-31')).toEqual([]);
    expect(await ids(engineer, `stopped_at_node_id=${step}`)).toEqual(sorted('atStepVoted'));
    expect(await ids(engineer, `stopped_at_node_id=${question}`)).toEqual(sorted('atQuestion'));
    expect(await ids(engineer, `ended_at_node_id=${fixed}`)).toEqual(sorted('fixedRated'));
    expect(await ids(engineer, `ended_at_node_id=${escalate}`)).toEqual(sorted('escalated'));
    expect(await ids(engineer, `visited_node_id=${step}`)).toEqual(sorted('atStepVoted', 'escalated'));
    expect(await ids(engineer, `visited_node_id=${question}`)).toEqual(mine);
    expect(await ids(engineer, `vote_node_id=${step}`)).toEqual(sorted('atStepVoted', 'escalated'));
    expect(await ids(engineer, `vote_node_id=${step}&vote=helpful`)).toEqual(sorted('atStepVoted'));
    expect(await ids(engineer, 'vote=unhelpful')).toEqual(sorted('escalated'));
    expect(await ids(engineer, `vote_node_id=${step}&vote=helpful&period=7d`)).toEqual(sorted('atStepVoted'));
    expect(await ids(engineer, 'rating=5')).toEqual(sorted('fixedRated'));
    expect(await ids(engineer, 'rating_min=2')).toEqual(sorted('fixedRated', 'escalated'));
    expect(await ids(engineer, 'rating_min=3&rating_max=5')).toEqual(sorted('fixedRated'));
    expect(await ids(engineer, 'rating_max=2&period=30d')).toEqual(sorted('escalated'));
    expect(await ids(engineer, 'has_comment=true')).toEqual(sorted('fixedRated'));
    expect(await ids(engineer, 'has_comment=false')).toEqual(sorted('atStepVoted', 'escalated', 'atQuestion'));
    expect(await ids(engineer, 'external_ref=INC-2')).toEqual(sorted('atQuestion'));
    expect(await ids(engineer, 'tree_version=1')).toEqual(mine);
    expect(await ids(engineer, 'tree_version=2')).toEqual([]);
    // Filters combine (AND).
    expect(await ids(engineer, `status=completed&visited_node_id=${step}&rating=2`)).toEqual(sorted('escalated'));
    // An admin's all=true and user_id.
    expect(await ids(admin, 'all=true&outcome=workaround')).toEqual(sorted('colleagues'));
    expect(await ids(admin, `user_id=${colleague.user.id}`)).toEqual(sorted('colleagues'));
  });

  it('gives each item the explorer’s fields', async () => {
    const page = await list(engineer, `limit=100&ended_at_node_id=${flow.ids.escalate}`);
    expect(page.items[0]).toMatchObject({
      id: s.escalated,
      tree_version: 1,
      current_node_id: flow.ids.escalate,
      current_node_title: 'Escalate to the print team',
      ended_at_node_id: flow.ids.escalate,
      ended_at_node_title: 'Escalate to the print team',
      steps_answered: 2,
      rating: 2,
      comment: null,
      outcome: 'escalated',
      external_ref: null,
    });
    expect(page.items[0].duration_seconds).toEqual(expect.any(Number));
    const running = (await list(engineer, `limit=100&stopped_at_node_id=${flow.ids.step}`)).items[0];
    expect(running).toMatchObject({
      current_node_title: 'Restart the print spooler',
      ended_at_node_id: null,
      ended_at_node_title: null,
      duration_seconds: null,
      steps_answered: 1,
    });
  });

  it('refuses an engineer the account’s or another engineer’s sessions (403), and other accounts see nothing', async () => {
    await t.http.get('/api/v1/sessions?all=true').set(auth(engineer.token)).expect(403);
    await t.http.get(`/api/v1/sessions?user_id=${colleague.user.id}`).set(auth(engineer.token)).expect(403);
    expect((await list(engineer, `user_id=${engineer.user.id}`)).total).toBe(4);
    expect((await list(engineer, 'all=false')).total).toBe(4);
    // Another account's admin: our ids match nothing there.
    expect((await list(stranger, `all=true&tree_id=${flow.tree.id}`)).total).toBe(0);
    expect((await list(stranger, `user_id=${engineer.user.id}`)).total).toBe(0);
    expect((await list(stranger, `all=true&stopped_at_node_id=${flow.ids.step}`)).total).toBe(0);
    expect((await list(stranger, `all=true&vote_node_id=${flow.ids.step}`)).total).toBe(0);
    await t.http.get(`/api/v1/sessions/${s.escalated}`).set(auth(stranger.token)).expect(404);
    await t.http.get(`/api/v1/sessions/${s.escalated}`).set(auth(colleague.token)).expect(403);
  });

  it('answers 422 naming the bad filter', async () => {
    const bad: [string, string][] = [
      ['tree_id=nope', 'tree_id'],
      ['user_id=nope', 'user_id'],
      ['status=paused', 'status'],
      ['outcome=resolved,lost', 'outcome'],
      ['outcome=', 'outcome'],
      ['period=5d', 'period'],
      ['from=2026-01-01', 'to'],
      ['from=2026-02-30&to=2026-03-01', 'from'],
      ['from=2026-03-01&to=2026-02-01', 'to'],
      ['period=7d&tz=Mars/Olympus', 'tz'],
      ['stopped_at_node_id=1', 'stopped_at_node_id'],
      ['ended_at_node_id=1', 'ended_at_node_id'],
      ['visited_node_id=1', 'visited_node_id'],
      ['vote_node_id=1', 'vote_node_id'],
      ['vote=meh', 'vote'],
      ['rating=6', 'rating'],
      ['rating=2.5', 'rating'],
      ['rating_min=0', 'rating_min'],
      ['rating_min=4&rating_max=2', 'rating_max'],
      ['has_comment=yes', 'has_comment'],
      ['tree_version=0', 'tree_version'],
      ['tree_version=x', 'tree_version'],
      ['sort=name', 'sort'],
      ['limit=101', 'limit'],
      ['cursor=garbage', 'cursor'],
      ['cursor=abc&offset=5', 'offset'],
      ['format=xml', 'format'],
    ];
    for (const [query, field] of bad) {
      const res = await t.http.get(`/api/v1/sessions?${query}`).set(auth(admin.token));
      expect([query, res.status]).toEqual([query, 422]);
      expect([query, JSON.stringify(res.body)]).toEqual([query, expect.stringContaining(field)]);
      // Each message once, though several rules of a field may share it.
      expect([query, res.body.message]).toEqual([query, [...new Set(res.body.message)]]);
    }
    // A cursor of another sort, or a tampered one, is refused too (never a 5xx).
    const page = await list(admin, 'all=true&limit=1');
    expect(page.next_cursor).toEqual(expect.any(String));
    await t.http
      .get(`/api/v1/sessions?all=true&sort=rating&cursor=${page.next_cursor}`)
      .set(auth(admin.token))
      .expect(422);
    const tampered = Buffer.from(JSON.stringify(['-started_at', 'yesterday', s.escalated])).toString('base64url');
    await t.http.get(`/api/v1/sessions?all=true&cursor=${tampered}`).set(auth(admin.token)).expect(422);
    // Well-formed keys PostgreSQL cannot hold: 4xx, never a 5xx.
    const forged = (sort: string, key: string) =>
      Buffer.from(JSON.stringify([sort, key, '00000000-0000-0000-0000-000000000000'])).toString('base64url');
    for (const [sort, key] of [
      ['-started_at', '2024-13-45 99:99:99+00'],
      ['-started_at', '0000-01-01 00:00:00+00'],
      ['started_at', '2024-01-01 00:00:00+99'],
      ['duration', '99999999999:00:00'],
      ['duration', '999999999999 days'],
    ]) {
      const res = await t.http
        .get(`/api/v1/sessions?all=true&sort=${sort}&cursor=${forged(sort, key)}`)
        .set(auth(admin.token));
      expect([sort, key, res.status]).toEqual([sort, key, 422]);
    }
  });

  describe('paging', () => {
    let busy: Login;
    let expected: Record<string, string[]>;

    beforeAll(async () => {
      busy = await addUser(t, admin);
      // 30 sessions with one start instant; durations and ratings repeat, some are missing.
      const rows: { id: string }[] = await t.dataSource.query(
        `INSERT INTO sessions (account_id, tree_id, user_id, current_node_id, path, started_at, completed_at, outcome)
         SELECT $1, $2, $3, $4, '[]', timestamptz '2026-11-02 10:00:00.123456+00',
                CASE WHEN i % 4 = 0 THEN NULL ELSE timestamptz '2026-11-02 10:00:00.123456+00' + (i % 3) * interval '1 minute' END,
                CASE WHEN i % 4 = 0 THEN NULL ELSE 'resolved' END
           FROM generate_series(1, 30) i
         RETURNING id`,
        [admin.user.account_id, flow.tree.id, busy.user.id, flow.ids.fixed],
      );
      await t.dataSource.query(
        `INSERT INTO session_ratings (account_id, session_id, user_id, tree_id, rating)
         SELECT $1, s.id, s.user_id, s.tree_id, 1 + (row_number() OVER (ORDER BY s.id)) % 2
           FROM sessions s WHERE s.account_id = $1 AND s.user_id = $2 AND s.completed_at IS NOT NULL
          ORDER BY s.id LIMIT 12`,
        [admin.user.account_id, busy.user.id],
      );
      expect(rows).toHaveLength(30);
      const order = async (sql: string) =>
        (
          await t.dataSource.query(
            `SELECT s.id FROM sessions s LEFT JOIN session_ratings r ON r.account_id = s.account_id AND r.session_id = s.id
              WHERE s.account_id = $1 AND s.user_id = $2 ORDER BY ${sql}`,
            [admin.user.account_id, busy.user.id],
          )
        ).map((row: { id: string }) => row.id);
      const duration = '(s.completed_at - s.started_at)';
      expected = {
        '-started_at': await order('s.started_at DESC, s.id DESC'),
        started_at: await order('s.started_at, s.id'),
        duration: await order(`${duration} IS NULL, ${duration}, s.id`),
        '-duration': await order(`${duration} IS NULL, ${duration} DESC, s.id DESC`),
        rating: await order('r.rating IS NULL, r.rating, s.id'),
        '-rating': await order('r.rating IS NULL, r.rating DESC, s.id DESC'),
      };
    });

    it('walks every sort with next_cursor without gaps or repeats, where keys are equal', async () => {
      for (const [sort, ids] of Object.entries(expected)) {
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page = await list(busy, `limit=7&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
          expect(page.total).toBe(30);
          seen.push(...page.items.map((item) => item.id as string));
          cursor = page.next_cursor;
          pages++;
        } while (cursor && pages < 10);
        expect([sort, seen]).toEqual([sort, ids]);
      }
      // Rated in the last 7 days (the window on the ratings' time, the matches sorted, not walked).
      const rated: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(busy, `limit=5&rating_min=1&period=7d${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.total).toBe(12);
        rated.push(...page.items.map((item) => item.id as string));
        cursor = page.next_cursor;
      } while (cursor && rated.length < 30);
      const ratedIds = new Set(expected.rating.slice(0, 12));
      expect(rated).toEqual(expected['-started_at'].filter((id) => ratedIds.has(id)));
    });

    it('keeps offset paging, and a CSV has every match (not a page) in the list’s order', async () => {
      const second = await list(busy, 'limit=10&offset=10');
      expect(second.items.map((item) => item.id)).toEqual(expected['-started_at'].slice(10, 20));
      const csv = await t.http.get('/api/v1/sessions?format=csv&limit=5&sort=rating').set(auth(busy.token)).expect(200);
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toContain('tree_version');
      expect(lines[0]).toContain('ended_at_node_title');
      expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(expected.rating);
    });
  });

  it('lets a team admin read any session of the account: path with seconds, votes, rating, comment, notes, ticket', async () => {
    const detail = (await t.http.get(`/api/v1/sessions/${s.escalated}`).set(auth(admin.token)).expect(200)).body;
    expect(detail).toMatchObject({
      id: s.escalated,
      user_id: engineer.user.id,
      rating: 2,
      comment: null,
      notes: 'notes of escalated',
      outcome: 'escalated',
      votes: [
        { node_id: flow.ids.step, node_title: 'Restart the print spooler', vote: 'unhelpful', at: expect.any(String) },
      ],
    });
    expect(detail.path.map((entry: { node_title: string }) => entry.node_title)).toEqual([
      'Is the printer on the network?',
      'Restart the print spooler',
    ]);
    const started = Date.parse(detail.started_at);
    const [first, second] = detail.path;
    expect(first.seconds).toBeCloseTo((Date.parse(first.at) - started) / 1000, 3);
    expect(second.seconds).toBeCloseTo((Date.parse(second.at) - Date.parse(first.at)) / 1000, 3);
    expect(first).toMatchObject({ option_label: 'Yes', at: expect.any(String) });

    const rated = (await t.http.get(`/api/v1/sessions/${s.fixedRated}`).set(auth(admin.token)).expect(200)).body;
    expect(rated).toMatchObject({ rating: 5, comment: 'Quick and clear', external_ref: 'INC-1', votes: [] });
    // The engineer reads their own.
    await t.http.get(`/api/v1/sessions/${s.fixedRated}`).set(auth(engineer.token)).expect(200);
  });

  it('records the flow version a session started on', async () => {
    const { body } = flowPayload({ name: 'Versioned' });
    const tree = (await t.http.post('/api/v1/trees').set(auth(admin.token)).send(body).expect(201)).body;
    const start = async () =>
      (await t.http.post('/api/v1/sessions').set(auth(colleague.token)).send({ tree_id: tree.id }).expect(201)).body;
    const before = await start();
    expect(before.tree_version).toBe(1);
    await t.http
      .put(`/api/v1/trees/${tree.id}`)
      .set(auth(admin.token))
      .send({ ...body, name: 'Versioned (edited)', version: 1 })
      .expect(200);
    const after = await start();
    expect(after.tree_version).toBe(2);
    expect(await ids(colleague, `tree_id=${tree.id}&tree_version=1`)).toEqual([before.id]);
    expect(await ids(colleague, `tree_id=${tree.id}&tree_version=2`)).toEqual([after.id]);
  });

  it('ends the export’s transaction and frees its connection when the client hangs up mid-CSV', async () => {
    const bulk = await addUser(t, admin);
    // ≈ 30 MB of CSV: more than the socket and the stream hold, so the export waits on the client.
    await insertOpenSessions(
      t,
      { accountId: admin.user.account_id, treeId: flow.tree.id, userId: bulk.user.id, nodeId: flow.ids.question },
      100000,
    );
    const port = await listeningPort(t);
    const exports = (state: 'idle in transaction') => exportTransactions(t, state);
    // The first bytes arrive; the client reads no more, so the export stops mid-way, its
    // transaction open between two slices; then the client goes away.
    const req = httpGet(`http://127.0.0.1:${port}/api/v1/sessions?format=csv&all=true&user_id=${bulk.user.id}`, {
      headers: auth(admin.token),
    });
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      req.on('response', resolve);
      req.on('error', reject);
    });
    response.pause();
    await until('the export held up by the client', async () => (await exports('idle in transaction')) === 1);
    const [{ left }] = await t.dataSource.query(`SELECT clock_timestamp() AS left`);
    req.destroy();
    // Rolled back: no transaction open when the client left is still open (a connection given
    // back to the pool inside it would stay in it, whoever used it next).
    const openSince = async () =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start < $1`,
          [left],
        )
      )[0].n as number;
    await until('the export’s transaction to end', async () => (await openSince()) === 0);
    // The API answers on.
    expect((await list(admin, `limit=1&all=true&user_id=${bulk.user.id}`)).total).toBe(100000);
  });

  /** The cells of an RFC 4180 CSV, line by line (quoted cells may hold commas, quotes and line breaks). */
  function csvRows(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted && c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = !quoted;
      } else if (!quoted && c === ',') {
        row.push(cell);
        cell = '';
      } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
        row.push(cell);
        rows.push(row);
        row = [];
        cell = '';
        i++;
      } else {
        cell += c;
      }
    }
    return rows;
  }

  it('writes in the CSV exactly what the list answers, cell by cell (instants to the millisecond)', async () => {
    const csvUser = await addUser(t, admin);
    // Microseconds either side of a millisecond, and a comment and notes that need quoting.
    const sessions: { id: string }[] = await t.dataSource.query(
      `INSERT INTO sessions (account_id, tree_id, user_id, current_node_id, path, started_at, completed_at, outcome, notes)
       VALUES ($1, $2, $3, $4, '[]', '2026-11-03 08:00:00.999999+00', '2026-11-03 08:07:31.000500+00', 'resolved', 'a, "quoted"
note'),
              ($1, $2, $3, $4, '[]', '2026-11-03 09:00:00.000001+00', '2026-11-03 09:00:00.001999+00', 'escalated', NULL),
              ($1, $2, $3, $4, '[]', '2026-11-03 10:00:00.123456+00', NULL, NULL, NULL)
       RETURNING id`,
      [admin.user.account_id, flow.tree.id, csvUser.user.id, flow.ids.fixed],
    );
    await t.dataSource.query(
      `INSERT INTO session_ratings (account_id, session_id, user_id, tree_id, rating, comment) VALUES ($1, $2, $3, $4, 2, '=SUM(A1)')`,
      [admin.user.account_id, sessions[0].id, csvUser.user.id, flow.tree.id],
    );
    const query = `all=true&user_id=${csvUser.user.id}`;
    const json = await list(admin, `limit=100&${query}`);
    const csv = await t.http.get(`/api/v1/sessions?format=csv&${query}`).set(auth(admin.token)).expect(200);
    const [header, ...lines] = csvRows(csv.text);
    expect(lines).toHaveLength(3);
    expect(json.items.map((item) => item.duration_seconds)).toEqual([null, 0.001, 450.001]);
    expect(json.items.map((item) => item.started_at)).toEqual([
      '2026-11-03T10:00:00.123Z',
      '2026-11-03T09:00:00.000Z',
      '2026-11-03T08:00:00.999Z',
    ]);
    lines.forEach((line, i) =>
      expect(Object.fromEntries(header.map((column, k) => [column, line[k]]))).toEqual(
        Object.fromEntries(
          // The cell as the CSV writes the JSON's value (formula-safe, quoted), read back.
          header.map((column) => [
            column,
            csvRows(`${csvCell(json.items[i][column] as string | number | null)}\r\n`)[0][0],
          ]),
        ),
      ),
    );
  });
});
