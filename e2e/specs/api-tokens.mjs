// An integration's credential, end to end: a person makes an API token in the UI, a script uses
// it (fetch, as a ticketing tool would), the person revokes it in the UI, and the script is refused.
import { api, registerAccount } from '../support/accounts.mjs';

export default {
  name: 'API tokens: create in the UI, use with fetch, revoke in the UI, then 401',
  async run(t) {
    const { page, assert, baseUrl } = t;
    const account = await registerAccount(baseUrl, 'tokens');

    t.step('the admin of a fresh account opens API tokens from the menu');
    await t.login(account.email, account.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
    await page.waitForURL((url) => url.pathname === '/tokens');
    await page.getByRole('heading', { name: 'API tokens', level: 1 }).waitFor();
    await t.expectText(page.locator('main'), 'You have no API tokens');

    t.step('create a token that may read flows and analytics, expiring in 30 days');
    await page.getByRole('button', { name: 'New token' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API token' });
    await dialog.getByLabel('Name').fill('E2E integration');
    await dialog.locator('input[data-scope="flows:read"]').check();
    await dialog.locator('input[data-scope="analytics:read"]').check();
    await dialog.getByLabel('Expires after').selectOption({ label: '30 days' });
    await dialog.getByRole('button', { name: 'Create token' }).click();
    await dialog.waitFor({ state: 'detached' });

    t.step('the secret is shown once, with a warning and a copy button');
    const secret = await page.getByTestId('new-token-secret').inputValue();
    assert.match(secret, /^rf_pat_[0-9A-Za-z]{38}$/);
    await t.expectText(page.locator('main'), 'This is the only time it is shown');
    await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
    await page.getByTestId('copy-token').click();
    await t.expectText(page.getByTestId('copy-token'), 'Copied');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);

    t.step('a script uses the token: it acts as the admin, within its scopes');
    const me = await api(baseUrl, secret, 'GET', '/auth/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.email, account.email);
    assert.equal((await api(baseUrl, secret, 'GET', '/trees')).status, 200);
    assert.equal((await api(baseUrl, secret, 'GET', '/analytics/team?period=7d')).status, 200);
    const outside = await api(baseUrl, secret, 'GET', '/sessions');
    assert.equal(outside.status, 403);
    assert.equal(outside.body.required_scope, 'sessions:read');
    assert.equal((await api(baseUrl, secret, 'GET', '/tokens')).status, 403, 'a token cannot manage tokens');

    t.step('once dismissed, the secret is gone from the page; the list shows the prefix, scopes and last use');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.reload();
    const row = page.getByTestId('my-tokens').locator('tr[data-token="E2E integration"]');
    await t.expectText(row, secret.slice(0, 13));
    await t.expectText(row, 'flows:read');
    await t.expectText(row, 'analytics:read');
    assert.ok(!(await row.textContent()).includes('Never'), 'last used is shown after the script used it');
    assert.ok(!(await page.locator('main').textContent()).includes(secret.slice(13)), 'the secret is never listed');

    t.step('revoke it in the UI, after confirming');
    await row.getByRole('button', { name: 'Revoke E2E integration' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke “E2E integration”?' });
    await confirm.getByRole('button', { name: 'Revoke', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await t.expectText(page.locator('main'), 'is revoked');
    await row.waitFor({ state: 'detached' });

    t.step('the script is refused from its next request');
    const refused = await api(baseUrl, secret, 'GET', '/auth/me');
    assert.equal(refused.status, 401);
    assert.match(refused.body.message, /revoked/);
  },
};
