// Signing in and out, a wrong password, and the role-aware navigation: whatever the admin sees
// beyond the engineer's entries must open for the admin and stay closed to the engineer.
import { demoAccount } from '../support/demo-account.mjs';

export default {
  name: 'sign-in errors, admin navigation and logout',
  async run(t) {
    const { page, assert } = t;
    const account = await demoAccount('navigation');
    const mainNav = page.getByRole('navigation', { name: 'Main' });
    const navLinks = async () =>
      Promise.all(
        (await mainNav.getByRole('link').all()).map(async (link) => ({
          label: (await link.textContent()).trim(),
          href: await link.getAttribute('href'),
        })),
      );

    t.step('a wrong password shows an error and keeps the user on the login page');
    await t.goto('/login');
    await page.getByLabel('Email').fill(account.admin);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await t.expectText(page.getByTestId('login-error'), 'Email or password is incorrect.');
    assert.equal(new URL(page.url()).pathname, '/login');

    t.step('the team admin signs in');
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await t.expectText(page.getByTestId('user-name'), 'Morgan Admin');
    await page.getByRole('heading', { name: 'Flows', level: 1 }).waitFor();
    const adminLinks = await navLinks();

    t.step('log out');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await t.goto('/sessions');
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    t.step('an engineer signs in and sees no admin entries');
    await t.login(account.engineer(2), account.password);
    await t.expectText(page.getByTestId('user-name'), 'Tom Becker');
    const engineerLinks = await navLinks();
    const engineerLabels = engineerLinks.map((link) => link.label);
    assert.deepEqual(engineerLabels.slice(0, 2), ['Flows', 'My sessions']);
    for (const label of engineerLabels) {
      assert.ok(
        adminLinks.some((link) => link.label === label),
        `the admin also sees "${label}"`,
      );
    }
    const adminOnly = adminLinks.filter((link) => !engineerLabels.includes(link.label));
    // An empty list would skip every check below: the admin pages must be there.
    for (const label of ['Team analytics', 'Flow editor', 'Step library', 'Users', 'Webhooks']) {
      assert.ok(
        adminOnly.some((link) => link.label === label),
        `"${label}" is an admin-only entry: ${adminOnly.map((link) => link.label)}`,
      );
    }
    t.step(`admin-only entries: ${adminOnly.map((link) => link.label).join(', ')}`);

    for (const link of adminOnly) {
      t.step(`an engineer opening ${link.href} is sent back to Flows`);
      await t.goto(link.href);
      // The exact path: /admin/flows also ends in /flows.
      await page.waitForURL((url) => url.pathname === '/flows');
      await page.getByRole('heading', { name: 'Flows', level: 1 }).waitFor();
    }

    t.step('the admin can open every admin-only entry');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await t.login(account.admin, account.password);
    for (const link of adminOnly) {
      await mainNav.getByRole('link', { name: link.label, exact: true }).click();
      await page.waitForURL((url) => url.pathname === link.href);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
    }
  },
};
