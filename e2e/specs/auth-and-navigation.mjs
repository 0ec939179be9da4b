// Signing in and out, a wrong password, and the role-aware navigation: whatever the admin sees
// beyond the engineer's entries must open for the admin and stay closed to the engineer.
export default {
  name: 'sign-in errors, admin navigation and logout',
  async run(t) {
    const { page, assert } = t;
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
    await page.getByLabel('Email').fill('admin@northwind.example');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await t.expectText(page.getByTestId('login-error'), 'Email or password is incorrect.');
    assert.match(page.url(), /\/login/);

    t.step('the team admin signs in');
    await page.getByLabel('Password').fill('demo1234');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await t.expectText(page.getByTestId('user-name'), 'Morgan Admin');
    await page.getByRole('heading', { name: 'Flows', level: 1 }).waitFor();
    const adminLinks = await navLinks();

    t.step('log out');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await t.goto('/sessions');
    await page.waitForURL(/\/login/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    t.step('an engineer signs in and sees no admin entries');
    await t.login('engineer2@northwind.example', 'demo1234');
    await t.expectText(page.getByTestId('user-name'), 'Tom Becker');
    const engineerLinks = await navLinks();
    const engineerLabels = engineerLinks.map((link) => link.label);
    assert.deepEqual(engineerLabels.slice(0, 2), ['Flows', 'My sessions']);
    for (const label of engineerLabels) {
      assert.ok(adminLinks.some((link) => link.label === label), `the admin also sees "${label}"`);
    }
    const adminOnly = adminLinks.filter((link) => !engineerLabels.includes(link.label));
    t.step(`admin-only entries: ${adminOnly.map((link) => link.label).join(', ') || 'none yet'}`);

    for (const link of adminOnly) {
      t.step(`an engineer opening ${link.href} is sent back to Flows`);
      await t.goto(link.href);
      await page.waitForURL(/\/flows$/);
    }

    if (adminOnly.length) {
      t.step('the admin can open every admin-only entry');
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL(/\/login/);
      await t.login('admin@northwind.example', 'demo1234');
      for (const link of adminOnly) {
        await mainNav.getByRole('link', { name: link.label, exact: true }).click();
        await page.waitForURL((url) => url.pathname.startsWith(link.href));
        await page.getByRole('heading', { level: 1 }).first().waitFor();
      }
    }
  },
};
