// The analytics dashboards on the demo data: the team admin's morning round (team page, 90 days,
// one engineer, one flow in depth) and the engineer who may see only their own numbers.
import { demoAccount } from '../support/demo-account.mjs';

export default {
  name: 'analytics dashboards: team, flow and my analytics; engineers kept out of team',
  timeout: 60_000,
  async run(t) {
    const { page, assert } = t;
    // ngx-charts animates bars into place; screenshots wait for that to finish.
    const screenshot = async (name) => {
      await page.waitForTimeout(900);
      await t.screenshot(name);
    };
    const mainNav = page.getByRole('navigation', { name: 'Main' });
    const rowNames = async (table) =>
      (await table.locator('tbody th').allTextContents()).map((name) => name.replace(/\s+/g, ' ').trim());

    const account = await demoAccount('analytics');

    t.step('the team admin opens Team analytics from the sidebar');
    await t.login(account.admin, account.password);
    await mainNav.getByRole('link', { name: 'Team analytics', exact: true }).click();
    await page.waitForURL(/\/analytics\/team/);
    await page.getByRole('heading', { name: 'Team analytics', level: 1 }).waitFor();
    await page.locator('rf-summary-kpis').waitFor();

    t.step('switch to 90 days: the URL and the pressed button follow');
    await page.getByRole('button', { name: '90 days', exact: true }).click();
    await page.waitForURL(/[?&]period=90d/);
    await t.expectAttribute(page.getByRole('button', { name: '90 days', exact: true }), 'aria-pressed', 'true');
    await page.locator('rf-summary-kpis').waitFor();
    await t.expectText(page.locator('rf-analytics-toolbar'), 'Showing');

    t.step('the charts render with data');
    const sessionsChart = page.locator('rf-sessions-chart');
    await t.eventually(async () => {
      // One group of stacked bars per day of the 90-day window, and some bars with a real height.
      assert.equal(await sessionsChart.locator('svg g[ngx-charts-series-vertical]').count(), 90);
      const heights = await sessionsChart
        .locator('svg path.bar')
        .evaluateAll((bars) => bars.map((bar) => bar.getBoundingClientRect().height));
      assert.ok(heights.filter((height) => height > 2).length > 50, 'most days have visible bars');
    });
    const dataRows = await sessionsChart.locator('table tbody tr').count();
    assert.equal(dataRows, 90, 'the screen-reader table has one row per day');
    const csatLine = await page.locator('rf-csat-trend-chart svg path.line').getAttribute('d');
    assert.ok(csatLine && csatLine.split(/[LC]/).length > 10, 'the CSAT line has points');
    const outcomeLabels = await page.locator('rf-outcome-breakdown-chart svg text.textDataLabel').allTextContents();
    assert.equal(outcomeLabels.length, 4);
    assert.ok(
      outcomeLabels.every((label) => /\d+ · \d+%/.test(label.trim())),
      `outcome labels: ${outcomeLabels}`,
    );
    const topEngineers = page.locator('rf-ranked-table').nth(1);
    assert.ok((await rowNames(topEngineers)).length >= 5, 'the top engineers table lists the team');
    await screenshot('team-analytics.png');

    t.step('filter by an engineer through the searchable select');
    const engineer = page.getByRole('combobox', { name: 'Engineer' });
    await engineer.click();
    await engineer.fill('tom');
    await page.getByRole('option', { name: /Tom Becker/ }).click();
    await page.waitForURL(/[?&]engineer=[0-9a-f-]{36}/);
    assert.match(page.url(), /period=90d/, 'the period stays');
    await t.expectText(page.locator('.page-header'), 'Sessions run by Tom Becker');
    await t.eventually(async () => assert.deepEqual(await rowNames(topEngineers), ['Tom Becker']));
    assert.equal(await engineer.inputValue(), 'Tom Becker');

    t.step('open a flow’s analytics from the top flows table');
    await page
      .locator('rf-ranked-table')
      .first()
      .getByRole('link', { name: /^VPN will not connect/ })
      .click();
    await page.waitForURL(/\/flows\/[0-9a-f-]{36}\/analytics\?period=90d$/);
    await page.getByRole('heading', { name: 'VPN will not connect', level: 1 }).waitFor();
    await page.locator('rf-summary-kpis').waitFor();

    t.step('the flow page shows step feedback worst first, and comments with names for the admin');
    const steps = page.locator('rf-step-feedback-list li');
    await steps.first().waitFor();
    const rates = (await page.locator('rf-step-feedback-list .bars__value').allTextContents()).map((text) =>
      parseInt(text, 10),
    );
    assert.ok(rates.length >= 2, 'several steps have votes');
    assert.deepEqual(
      rates,
      [...rates].sort((a, b) => a - b),
      `least helpful first: ${rates}`,
    );
    const comments = page.locator('rf-recent-comments li');
    await comments.first().waitFor();
    assert.ok((await comments.count()) >= 3, 'recent comments are listed');
    assert.ok(
      (await page.locator('rf-recent-comments .comment__author').count()) > 0,
      'a team admin sees who commented',
    );
    await page.locator('rf-drop-off-list').getByRole('heading', { name: 'Where sessions get stuck' }).waitFor();
    await page.locator('rf-csat-distribution-chart svg path.bar:not(.hidden)').first().waitFor();
    await screenshot('flow-analytics.png');

    t.step('the back button returns to the filtered team page');
    await page.goBack();
    await page.waitForURL(/\/analytics\/team\?.*engineer=/);
    await t.expectText(page.locator('.page-header'), 'Sessions run by Tom Becker');

    t.step('an engineer sees no Team analytics entry and is turned away from its URL');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await t.login(account.engineer(1), account.password);
    const labels = (await mainNav.getByRole('link').allTextContents()).map((label) => label.trim());
    assert.ok(labels.includes('My analytics'), `engineer nav: ${labels}`);
    assert.ok(!labels.includes('Team analytics'), `engineer nav: ${labels}`);
    await t.goto('/analytics/team?period=90d');
    await page.waitForURL((url) => url.pathname === '/flows');

    t.step('the engineer’s own analytics');
    await mainNav.getByRole('link', { name: 'My analytics', exact: true }).click();
    await page.waitForURL(/\/analytics\/me/);
    await page.locator('rf-summary-kpis').waitFor();
    // A day without sessions is drawn as a hidden zero-height bar, and the window's first day may have none.
    await page.locator('rf-sessions-chart svg path.bar:not(.hidden)').first().waitFor();
    await t.expectText(page.locator('rf-ranked-table h2'), 'Your top flows');
    await screenshot('my-analytics.png');
  },
};
