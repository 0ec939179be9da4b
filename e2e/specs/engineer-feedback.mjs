// The engineer's whole loop on the demo data: run the VPN flow, vote on a step, finish,
// rate the session in the CSAT dialog, and find the rating again after a reload.
import { demoAccount } from '../support/demo-account.mjs';

export default {
  name: 'engineer runs a flow, rates a step and the session',
  async run(t) {
    const { page, assert } = t;
    const title = page.getByTestId('node-title');

    const account = await demoAccount('feedback');

    t.step('sign in as a demo engineer');
    await t.login(account.engineer(1), account.password);

    t.step('start the VPN flow');
    await page.getByRole('button', { name: 'Start VPN will not connect' }).click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]{36}\/run$/);
    const sessionId = page.url().split('/').at(-2);
    await t.expectText(title, 'Does the user have internet with the VPN disconnected?');

    t.step('answer questions until a step');
    await page.getByRole('button', { name: 'Yes, sites load' }).click();
    await t.expectText(title, 'What does GlobalProtect say?');
    await page.getByRole('button', { name: 'Authentication failed' }).click();
    await t.expectText(title, 'Clear cached credentials in Credential Manager');

    t.step('thumbs up on the step');
    const hint = page.getByText('Rate this step to help improve flows');
    await hint.waitFor();
    await t.screenshot('step-hint.png');
    const helped = page.getByRole('button', { name: 'This step helped', exact: true });
    const notHelped = page.getByRole('button', { name: 'This step did not help', exact: true });
    await t.expectAttribute(helped, 'aria-pressed', 'false');
    const voted = page.waitForResponse((r) => r.url().endsWith('/feedback') && r.request().method() === 'PUT');
    await helped.click();
    assert.equal((await voted).status(), 201, 'the vote is created');
    await t.expectAttribute(helped, 'aria-pressed', 'true');
    await t.expectAttribute(notHelped, 'aria-pressed', 'false');
    await hint.waitFor({ state: 'hidden' });

    t.step('reload mid-flow: the vote comes back from the server');
    await page.reload();
    await t.expectText(title, 'Clear cached credentials in Credential Manager');
    await t.expectAttribute(helped, 'aria-pressed', 'true');
    assert.equal(await hint.count(), 0, 'the hint stays dismissed');
    await t.screenshot('runner.png');

    t.step('answer to the solution and finish');
    await page.getByRole('button', { name: 'That fixed it' }).click();
    await t.expectText(title, 'Stale credentials cleared: connected');
    assert.ok(await page.getByRole('radio', { name: /^Resolved/ }).isChecked(), 'Resolved is suggested on a solution');
    await page.getByLabel('Notes').fill('Old VPN password was saved in Credential Manager; cleared it.');
    await page.getByRole('button', { name: 'Finish', exact: true }).click();

    t.step('the CSAT dialog opens with focus inside');
    const dialog = page.getByRole('dialog', { name: 'How did this flow work for you?' });
    await dialog.waitFor();
    await page.getByTestId('session-summary').waitFor();
    await t.eventually(async () =>
      assert.ok(
        await page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null),
        'focus is in the dialog',
      ),
    );
    const submit = dialog.getByRole('button', { name: 'Submit' });
    assert.ok(await submit.isDisabled(), 'Submit waits for a star');

    t.step('choose 4 stars with the keyboard and write a comment');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    await t.expectAttribute(dialog.getByRole('radio', { name: '4 – Good' }), 'aria-checked', 'true');
    const comment = 'Clear steps; the Credential Manager tip fixed it in two minutes.';
    await dialog.getByLabel('Comment').fill(comment);
    await t.expectText(dialog.getByTestId('csat-counter'), `${comment.length} / 500`);
    assert.ok(await submit.isEnabled(), 'Submit is enabled once a star is chosen');
    await t.screenshot('csat.png');

    t.step('submit the rating');
    const rated = page.waitForResponse((r) => r.url().endsWith('/rate') && r.request().method() === 'POST');
    await submit.click();
    assert.equal((await rated).status(), 201, 'the rating is created');
    await dialog.waitFor({ state: 'hidden' });
    await t.expectText(page.getByTestId('rating-notice'), 'Your rating was saved');

    t.step('reload: the session shows as rated, and the dialog does not come back');
    await page.reload();
    await page.getByTestId('summary-rating').getByRole('img', { name: 'Rated 4 out of 5' }).waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0);
    const stored = await page.evaluate(async (id) => {
      const response = await fetch(`/api/v1/sessions/${id}/rating`, {
        headers: { Authorization: `Bearer ${localStorage.getItem('rf.access_token')}` },
      });
      return response.json();
    }, sessionId);
    assert.equal(stored.rating, 4);
    assert.equal(stored.comment, comment);

    t.step('My sessions lists it with its stars');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My sessions' }).click();
    const row = page.locator('tbody tr').first();
    await t.expectText(row, 'VPN will not connect');
    await t.expectText(row, 'Resolved');
    await row.getByRole('img', { name: 'Rated 4 out of 5' }).waitFor();
    assert.equal(await row.getByRole('button', { name: /^Rate/ }).count(), 0, 'a rated session offers no Rate button');
    await t.screenshot('my-sessions.png');

    t.step('Rate on an older unrated session opens the same dialog; Escape skips it');
    const unrated = page
      .locator('tbody tr')
      .filter({ has: page.getByRole('button', { name: /^Rate session:/ }) })
      .first();
    await unrated.getByRole('button', { name: /^Rate session:/ }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await unrated.getByRole('button', { name: /^Rate session:/ }).waitFor();
  },
};
