// The admin portal end to end: the demo team admin adds an engineer, builds a three-node flow
// from scratch in the flow editor (a question and two solutions), publishes it and signs out;
// the new engineer signs in, runs the flow to a solution and finishes the session.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { demoAccount } from '../support/demo-account.mjs';

const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'output');

const ENGINEER = { name: 'Casey Newhire', email: 'casey.newhire@builder.northwind.example', password: 'welcome-2026' };
const FLOW = {
  name: 'Monitor stays black',
  question: 'Is the monitor’s power light on?',
  yes: { label: 'Yes, it is on', solution: 'Reseat the video cable' },
  no: { label: 'No, it is off', solution: 'Plug in the power cable' },
};

export default {
  name: 'admin adds an engineer and builds a flow the engineer runs',
  timeout: 60_000,
  async run(t) {
    const { page, assert } = t;
    const mainNav = page.getByRole('navigation', { name: 'Main' });
    const account = await demoAccount('builder');

    t.step('the team admin signs in and opens Users');
    await t.login(account.admin, account.password);
    await mainNav.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();

    t.step('add an engineer');
    await page.getByRole('button', { name: 'Add user' }).click();
    const addDialog = page.getByRole('dialog', { name: 'Add a user' });
    await t.eventually(async () =>
      assert.equal(
        await page.evaluate(() => document.activeElement?.id),
        'new-user-name',
        'focus starts in the dialog',
      ),
    );
    await addDialog.getByLabel('Name').fill(ENGINEER.name);
    await addDialog.getByLabel('E-mail').fill(ENGINEER.email);
    await addDialog.getByLabel('Initial password').fill(ENGINEER.password);
    await addDialog.getByLabel('Role').selectOption('engineer');
    await addDialog.getByRole('button', { name: 'Add user' }).click();
    await addDialog.waitFor({ state: 'hidden' });
    const row = page.locator(`tr[data-user="${ENGINEER.email}"]`);
    await t.expectText(row, ENGINEER.name);
    await t.expectText(row, 'Active');
    assert.equal(await row.getByRole('combobox').inputValue(), 'engineer');

    t.step('start a new flow in the flow editor');
    await mainNav.getByRole('link', { name: 'Flow editor' }).click();
    await page.getByRole('link', { name: 'New flow' }).click();
    await page.getByRole('heading', { name: 'New flow', level: 1 }).waitFor();
    await page.locator('#flow-name').fill(FLOW.name);
    await page.locator('#flow-description').fill('Nothing on screen after the laptop is docked.');
    await page.getByLabel('Title of node 1').fill(FLOW.question);

    t.step('two answers, each creating its solution');
    const question = page.getByTestId('node-editor').first();
    for (const [index, answer] of [FLOW.yes, FLOW.no].entries()) {
      const option = index + 1;
      await question.getByRole('button', { name: '+ Add answer' }).click();
      await page.getByLabel(`Label of option ${option} of node 1`).fill(answer.label);
      await page.getByLabel(`Next node of option ${option} of node 1`).selectOption(`new:solution`);
      await page.getByLabel(`Title of node ${option + 1}`).fill(answer.solution);
      await page.getByLabel(`What fixes it of node ${option + 1}`).fill(`Then ask the user to check the screen.`);
    }
    await t.expectText(page.getByTestId('checks'), 'No problems found.');
    const diagram = page.getByTestId('flow-diagram');
    await t.expectAttribute(diagram, 'aria-label', 'Diagram of the flow: 3 nodes in 2 rows, 2 links');

    t.step('preview walks the flow before it is saved');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('dialog', { name: 'Preview' });
    await preview.getByRole('button', { name: FLOW.no.label }).click();
    await t.expectText(preview.getByTestId('preview-node'), 'Solution reached.');
    await preview.getByRole('button', { name: 'Close' }).click();
    await preview.waitFor({ state: 'hidden' });

    t.step('screenshot of the editor with its diagram');
    mkdirSync(OUTPUT, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: join(OUTPUT, 'flow-editor.png'),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: 1150 },
    });

    t.step('publish');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/trees') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Publish' }).click();
    const response = await created;
    assert.equal(response.status(), 201, 'the flow is created');
    const body = response.request().postDataJSON();
    assert.equal(body.status, 'published');
    assert.equal(body.nodes.length, 3);
    await page.waitForURL(/\/admin\/flows\/[0-9a-f-]{36}\/edit$/);
    await page.getByText(`Published: engineers can run “${FLOW.name}” now.`).waitFor();

    t.step('the flow list shows it published');
    await page.getByRole('link', { name: '← All flows' }).click();
    await t.expectText(page.locator(`tr[data-flow="${FLOW.name}"]`), 'Published');

    t.step('a richer flow in the editor, for the docs');
    await page.getByRole('link', { name: 'Printer not printing', exact: true }).click();
    await t.eventually(async () =>
      assert.match(await page.getByTestId('flow-diagram').getAttribute('aria-label'), /: 9 nodes/),
    );
    await page.screenshot({
      path: join(OUTPUT, 'flow-editor-demo-flow.png'),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: 1240 },
    });

    t.step('log out');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);

    t.step('the new engineer signs in and sees no admin pages');
    await t.login(ENGINEER.email, ENGINEER.password);
    await t.expectText(page.getByTestId('user-name'), ENGINEER.name);
    assert.equal(await mainNav.getByRole('link', { name: 'Flow editor' }).count(), 0);
    assert.equal(await mainNav.getByRole('link', { name: 'Users' }).count(), 0);

    t.step('run the new flow to a solution');
    await page.getByRole('button', { name: `Start ${FLOW.name}` }).click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]{36}\/run$/);
    const sessionId = page.url().split('/').at(-2);
    const title = page.getByTestId('node-title');
    await t.expectText(title, FLOW.question);
    await page.getByRole('button', { name: FLOW.no.label }).click();
    await t.expectText(title, FLOW.no.solution);

    t.step('finish the session');
    await page.getByRole('button', { name: 'Finish', exact: true }).click();
    const csat = page.getByRole('dialog', { name: 'How did this flow work for you?' });
    await csat.waitFor();
    await csat.getByRole('button', { name: 'Skip' }).click();
    await csat.waitFor({ state: 'hidden' });
    await page.getByTestId('session-summary').waitFor();

    const session = await page.evaluate(async (id) => {
      const answer = await fetch(`/api/v1/sessions/${id}`, {
        headers: { Authorization: `Bearer ${localStorage.getItem('rf.access_token')}` },
      });
      return answer.json();
    }, sessionId);
    assert.ok(session.completed_at, 'the session is completed');
    assert.equal(session.tree_name, FLOW.name);
    assert.equal(session.outcome, 'resolved');
    assert.deepEqual(
      session.path.map((entry) => [entry.node_title, entry.option_label]),
      [[FLOW.question, FLOW.no.label]],
    );
  },
};
