import { AuthUser } from '../../src/common/auth-user';
import { SessionsService } from '../../src/sessions/sessions.service';
import { addUser, auth, createApiToken, createFlow, Login, registerAccount } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

const REF = 'INC0012345';
const URL = 'https://acme.service-now.com/nav_to.do?uri=incident.do?sys_id=9d385017c611228701d22104cc95c371';

/** Parses the simple CSV the list exports (no quoted line breaks in these fixtures). */
function parseCsv(text: string): Record<string, string>[] {
  const splitLine = (line: string) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += ch;
    }
    return [...cells, cell];
  };
  const [header, ...lines] = text.split('\r\n').filter(Boolean);
  const columns = splitLine(header);
  return lines.map((line) => Object.fromEntries(splitLine(line).map((value, i) => [columns[i], value])));
}

describe('the ticket a session belongs to', () => {
  let t: TestApp;
  let admin: Login;
  let engineer: Login;
  let colleague: Login;
  let stranger: Login;
  let flow: Awaited<ReturnType<typeof createFlow>>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await registerAccount(t, 'Ticket A');
    engineer = await addUser(t, admin);
    colleague = await addUser(t, admin);
    stranger = await registerAccount(t, 'Ticket B');
    flow = await createFlow(t, admin);
  });
  afterAll(() => t.close());

  const start = async (who: Login, ticket: Record<string, unknown> = {}) =>
    (
      await t.http
        .post('/api/v1/sessions')
        .set(auth(who.token))
        .send({ tree_id: flow.tree.id, ...ticket })
        .expect(201)
    ).body;
  const list = async (who: Login, query: string) =>
    (await t.http.get(`/api/v1/sessions?${query}`).set(auth(who.token)).expect(200)).body;

  it('is given at start and comes back on every session answer', async () => {
    const started = await start(engineer, { external_ref: `  ${REF}  `, external_url: URL });
    expect(started).toMatchObject({ external_ref: REF, external_url: URL });

    const url = `/api/v1/sessions/${started.id}`;
    const answers = [
      await t.http.get(url).set(auth(engineer.token)).expect(200),
      await t.http
        .post(`${url}/decisions`)
        .set(auth(engineer.token))
        .send({ node_id: flow.ids.question, option_id: flow.tree.nodes[0].options[0].id })
        .expect(200),
      await t.http.post(`${url}/back`).set(auth(engineer.token)).expect(200),
      await t.http.post(`${url}/complete`).set(auth(engineer.token)).send({ outcome: 'resolved' }).expect(200),
      await t.http.get(url).set(auth(admin.token)).expect(200),
    ];
    for (const answer of answers) expect(answer.body).toMatchObject({ external_ref: REF, external_url: URL });

    const page = await list(engineer, 'limit=100');
    expect(page.items.find((item: { id: string }) => item.id === started.id)).toMatchObject({
      external_ref: REF,
      external_url: URL,
    });
  });

  it('is optional: a session without one answers null for both', async () => {
    const started = await start(engineer);
    expect(started).toMatchObject({ external_ref: null, external_url: null });
    const onlyRef = await start(engineer, { external_ref: 'CHG-7', external_url: null });
    expect(onlyRef).toMatchObject({ external_ref: 'CHG-7', external_url: null });
  });

  it('works through an API token with sessions:write, as a ticketing tool would send it', async () => {
    const { token } = await createApiToken(t, engineer, ['sessions:write', 'sessions:read']);
    const res = await t.http
      .post('/api/v1/sessions')
      .set(auth(token))
      .send({ tree_id: flow.tree.id, external_ref: 'INC-TOKEN-1' })
      .expect(201);
    expect(res.body).toMatchObject({ user_id: engineer.user.id, external_ref: 'INC-TOKEN-1' });
    const found = (await t.http.get('/api/v1/sessions?external_ref=INC-TOKEN-1').set(auth(token)).expect(200)).body;
    expect(found.items.map((item: { id: string }) => item.id)).toEqual([res.body.id]);
  });

  it.each([
    ['a 201-character reference', { external_ref: 'x'.repeat(201) }, 'external_ref'],
    ['an empty reference', { external_ref: '' }, 'external_ref'],
    ['a blank reference', { external_ref: '   ' }, 'external_ref'],
    ['a numeric reference', { external_ref: 12345 }, 'external_ref'],
    ['text that is no URL', { external_url: 'not a url' }, 'external_url'],
    ['a javascript: URL', { external_url: 'javascript:alert(1)' }, 'external_url'],
    ['an ftp: URL', { external_url: 'ftp://files.example.com/ticket' }, 'external_url'],
    ['a URL without scheme', { external_url: 'helpdesk.example.com/INC1' }, 'external_url'],
    ['a 2,010-character URL', { external_url: `https://example.com/${'a'.repeat(1990)}` }, 'external_url'],
    ['a numeric URL', { external_url: 42 }, 'external_url'],
  ])('refuses %s with 422 naming the field, and starts nothing', async (_what, ticket, field) => {
    const before = (await list(engineer, 'limit=1')).total;
    const res = await t.http
      .post('/api/v1/sessions')
      .set(auth(engineer.token))
      .send({ tree_id: flow.tree.id, ...ticket })
      .expect(422);
    expect(res.body.message.join(' ')).toContain(field);
    expect((await list(engineer, 'limit=1')).total).toBe(before);
  });

  it('accepts the longest allowed values', async () => {
    const ref = 'R'.repeat(200);
    const url = `https://example.com/${'a'.repeat(2000 - 'https://example.com/'.length)}`;
    expect(url).toHaveLength(2000);
    expect(await start(engineer, { external_ref: ref, external_url: url })).toMatchObject({
      external_ref: ref,
      external_url: url,
    });
  });

  describe('finding a ticket’s sessions', () => {
    let mine: string;
    let theirs: string;

    beforeAll(async () => {
      mine = (await start(engineer, { external_ref: 'INC-FIND-1' })).id;
      theirs = (await start(colleague, { external_ref: 'INC-FIND-1' })).id;
      await start(engineer, { external_ref: 'INC-FIND-10' });
      await start(engineer, { external_ref: 'inc-find-1' });
      await start(stranger, { external_ref: 'INC-FIND-1' }).catch(() => undefined);
    });

    it('matches exactly, among an engineer’s own sessions', async () => {
      const page = await list(engineer, 'external_ref=INC-FIND-1');
      expect(page.items.map((item: { id: string }) => item.id)).toEqual([mine]);
      expect(page.total).toBe(1);
      // Trimmed as the reference was at start; otherwise exact (case, prefixes).
      expect(
        (await list(engineer, 'external_ref=%20INC-FIND-1%20')).items.map((item: { id: string }) => item.id),
      ).toEqual([mine]);
    });

    it('searches the whole account for a team admin, and nothing of another account', async () => {
      const page = await list(admin, 'external_ref=INC-FIND-1');
      expect(page.items.map((item: { id: string }) => item.id).sort()).toEqual([mine, theirs].sort());
      expect((await list(stranger, 'external_ref=INC-FIND-1&all=true')).total).toBe(0);
    });

    it('combines with the other filters', async () => {
      const page = await list(admin, `external_ref=INC-FIND-1&user_id=${colleague.user.id}`);
      expect(page.items.map((item: { id: string }) => item.id)).toEqual([theirs]);
      expect((await list(admin, 'external_ref=INC-FIND-1&status=completed')).total).toBe(0);
    });

    it('answers 422 to a reference that could never match', async () => {
      const res = await t.http
        .get(`/api/v1/sessions?external_ref=${'x'.repeat(201)}`)
        .set(auth(engineer.token))
        .expect(422);
      expect(res.body.message.join(' ')).toContain('external_ref');
      await t.http.get('/api/v1/sessions?external_ref=').set(auth(engineer.token)).expect(422);
      await t.http.get('/api/v1/sessions?external_ref=%20%20').set(auth(engineer.token)).expect(422);
    });
  });

  describe('the CSV of the list', () => {
    it('holds every matching session (not a page) with the ticket, by format=csv or Accept: text/csv', async () => {
      const ids = [
        (await start(colleague, { external_ref: 'CSV-1', external_url: 'https://helpdesk.example/CSV-1' })).id,
        (await start(colleague, { external_ref: '=HYPERLINK("http://evil.example","click")' })).id,
        (await start(colleague)).id,
      ];
      const byFormat = await t.http.get('/api/v1/sessions?format=csv&limit=1').set(auth(colleague.token)).expect(200);
      expect(byFormat.headers['content-type']).toMatch(/^text\/csv/);
      expect(byFormat.headers['content-disposition']).toContain('sessions.csv');
      const rows = parseCsv(byFormat.text);
      const total = (await list(colleague, 'limit=1')).total;
      expect(rows).toHaveLength(total);
      expect(rows.map((row) => row.id)).toEqual(expect.arrayContaining(ids));
      expect(rows.find((row) => row.id === ids[0])).toMatchObject({
        external_ref: 'CSV-1',
        external_url: 'https://helpdesk.example/CSV-1',
      });
      // A reference a spreadsheet would run as a formula stays text.
      expect(rows.find((row) => row.id === ids[1])?.external_ref).toBe('\'=HYPERLINK("http://evil.example","click")');
      expect(rows.find((row) => row.id === ids[2])).toMatchObject({ external_ref: '', external_url: '' });

      const byAccept = await t.http
        .get('/api/v1/sessions?external_ref=CSV-1')
        .set(auth(colleague.token))
        .set('Accept', 'text/csv')
        .expect(200);
      expect(parseCsv(byAccept.text).map((row) => row.id)).toEqual([ids[0]]);
    });

    it('reads every session exactly once across slices, even when many started at the same instant', async () => {
      const caller: AuthUser = {
        id: admin.user.id,
        accountId: admin.user.account_id,
        email: admin.user.email,
        name: admin.user.name,
        role: 'team_admin',
      };
      for (let i = 0; i < 7; i++) await start(admin, { external_ref: 'SLICE' });
      await t.dataSource.query(
        `UPDATE sessions SET started_at = '2026-03-01T10:00:00.123456Z' WHERE external_ref = 'SLICE'`,
      );
      await t.dataSource.query(
        `UPDATE sessions SET started_at = '2026-03-01T10:00:00.123789Z' WHERE id = (SELECT id FROM sessions WHERE external_ref = 'SLICE' LIMIT 1)`,
      );
      const seen: string[] = [];
      for await (const slice of t.app.get(SessionsService).listAll(caller, { external_ref: 'SLICE' }, 2))
        seen.push(...slice.map((s) => s.id));
      const expected = await t.dataSource.query(`SELECT id FROM sessions WHERE external_ref = 'SLICE'`);
      expect(seen).toHaveLength(7);
      expect(new Set(seen)).toEqual(new Set(expected.map((row: { id: string }) => row.id)));
    });
  });
});
