// The link a ticketing tool puts in a ticket: /flows/:id/start?external_ref=…&external_url=…
// A signed-out engineer signs in, lands in the runner of a new session with the ticket attached,
// and the ticket shows as a link; the API finds the session by its reference.
import { api, E2E_PASSWORD, registerAccount } from '../support/accounts.mjs';

const REF = 'INC-E2E-4711';
const TICKET_URL = 'https://helpdesk.example/incident/INC-E2E-4711';

export default {
  name: 'ticket deep link: sign in, start with the reference, see it in the runner',
  async run(t) {
    const { page, assert, baseUrl } = t;
    const account = await registerAccount(baseUrl, 'ticket');

    t.step('the account has a published flow and an engineer');
    const engineerEmail = account.email.replace('@', '.engineer@');
    assert.equal(
      (
        await api(baseUrl, account.token, 'POST', '/users', {
          email: engineerEmail,
          name: 'Eve Engineer',
          password: E2E_PASSWORD,
          role: 'engineer',
        })
      ).status,
      201,
    );
    const [q, fixed] = ['7d1a3c52-0b8e-4f7a-9c61-2b5e8d4f1a01', '7d1a3c52-0b8e-4f7a-9c61-2b5e8d4f1a02'];
    const flow = await api(baseUrl, account.token, 'POST', '/trees', {
      name: 'VPN will not connect',
      description: 'From the ticket',
      kind: 'decision',
      status: 'published',
      start_node_id: q,
      nodes: [
        {
          id: q,
          type: 'question',
          title: 'Is the VPN client up to date?',
          options: [{ label: 'Yes', next_node_id: fixed }],
        },
        { id: fixed, type: 'solution', title: 'Reconnect' },
      ],
    });
    assert.equal(flow.status, 201);

    t.step('the engineer follows the link from the ticket while signed out, and signs in');
    const link = `/flows/${flow.body.id}/start?external_ref=${encodeURIComponent(REF)}&external_url=${encodeURIComponent(TICKET_URL)}`;
    await t.goto(link);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByLabel('Email').fill(engineerEmail);
    await page.getByLabel('Password').fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    t.step('the runner opens on a new session, showing the ticket as a link');
    await page.waitForURL((url) => /^\/sessions\/[0-9a-f-]{36}\/run$/.test(url.pathname));
    await t.expectText(page.getByTestId('flow-name'), 'VPN will not connect');
    const ticket = page.getByTestId('session-ticket').getByRole('link');
    await t.expectText(ticket, REF);
    assert.equal(await ticket.getAttribute('href'), TICKET_URL);
    const sessionId = new URL(page.url()).pathname.split('/')[2];

    t.step('Back does not start a second session; the API finds the session by its reference');
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/login' || url.pathname === '/flows');
    const found = await api(baseUrl, account.token, 'GET', `/sessions?external_ref=${encodeURIComponent(REF)}`);
    assert.equal(found.status, 200);
    assert.deepEqual(
      found.body.items.map((item) => [item.id, item.external_ref, item.external_url]),
      [[sessionId, REF, TICKET_URL]],
    );

    t.step('My sessions shows the reference whole, on one line (never broken mid-word), titled in full');
    await t.goto('/sessions');
    const cell = page.locator('td[data-label="Reference"]').first();
    await t.expectText(cell, REF);
    assert.equal(await cell.getAttribute('title'), REF);
    const shape = await cell.locator('rf-ticket-reference').evaluate((el) => {
      const style = getComputedStyle(el);
      return {
        whiteSpace: style.whiteSpace,
        height: el.getBoundingClientRect().height,
        line: parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.6,
      };
    });
    assert.equal(shape.whiteSpace, 'nowrap');
    assert.ok(shape.height < shape.line * 1.5, `one line: ${shape.height}px high, a line is ${shape.line}px`);
    await t.screenshot('sessions-reference.png');
  },
};
