// From a number to the sessions behind it (issue 24): the team admin clicks figures of Team and
// Flow analytics (a day, an outcome bar, a stuck node, a CSAT bar) and the Sessions list's total is
// each time the figure clicked; then opens one session and sees where its time went.
import { demoAccount } from '../support/demo-account.mjs';

export default {
  name: 'session explorer: analytics figures drill down to their sessions; a session in full',
  timeout: 90_000,
  async run(t) {
    const { page, assert } = t;
    const mainNav = page.getByRole('navigation', { name: 'Main' });
    const count = (text) => Number((text ?? '').replace(/[^\d]/g, ''));
    /** The list's total ("1,234 sessions match"), once the list for the current URL has loaded. */
    const listTotal = async () => {
      const total = page.getByTestId('sessions-total');
      await t.expectText(total, 'match');
      return count((await total.textContent()).split('session')[0]);
    };
    /** Back to the report, and wait for it to draw again. */
    const backTo = async (pattern) => {
      await page.goBack();
      await page.waitForURL(pattern);
      await page.locator('rf-summary-kpis').waitFor();
    };

    const account = await demoAccount('explorer');
    await t.login(account.admin, account.password);

    t.step('Team analytics, 90 days; the Sessions KPI opens the whole list with the same total');
    await t.goto('/analytics/team?period=90d');
    await page.locator('rf-summary-kpis').waitFor();
    const kpiValue = count(
      await page.locator('rf-kpi-card').filter({ hasText: 'Sessions' }).first().locator('.kpi__value').textContent(),
    );
    assert.ok(kpiValue > 0, 'the demo account has sessions');
    await page.getByRole('link', { name: 'See these sessions' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/sessions' && url.search === '?period=90d');
    assert.equal(await listTotal(), kpiValue, 'Sessions KPI = list total');
    // The Engineer picker's label reads like the other filter labels (it was smaller).
    const labelFont = (name) =>
      page
        .locator('rf-session-filters label')
        .filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) })
        .evaluate((el) => `${getComputedStyle(el).fontSize} ${getComputedStyle(el).fontWeight}`);
    assert.equal(await labelFont('Engineer'), await labelFont('Flow'), 'Engineer label = Flow label');
    await t.screenshot('sessions-filters.png');
    await backTo(/\/analytics\/team\?period=90d$/);

    t.step('a day of "Sessions per day", through its table row (the keyboard path)');
    const dayRows = page.locator('rf-sessions-chart tbody tr');
    const dayRow = dayRows.filter({ has: page.locator('th a') }).last();
    const daySessions = count(await dayRow.locator('td').first().textContent());
    const dayLink = dayRow.locator('th a');
    await dayLink.focus();
    // The hidden table shows itself while one of its links has focus.
    await t.eventually(async () => assert.ok((await dayLink.boundingBox())?.width > 10, 'the focused link is visible'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/sessions\?from=(\d{4}-\d\d-\d\d)&to=\1$/);
    assert.equal(await listTotal(), daySessions, 'a day = list total');
    await backTo(/\/analytics\/team\?period=90d$/);

    t.step('an outcome bar, clicked in the chart');
    const outcomeChart = page.locator('rf-outcome-breakdown-chart');
    await outcomeChart.locator('svg path.bar:not(.hidden)').first().waitFor();
    const escalatedRow = outcomeChart.locator('tbody tr').filter({ hasText: 'Escalated' });
    const escalated = count(await escalatedRow.locator('td').first().textContent());
    await page.waitForTimeout(900); // ngx-charts animates bars into place
    await outcomeChart.locator('svg path.bar[aria-label^="Escalated"]').click();
    await page.waitForURL(/\/admin\/sessions\?period=90d&outcome=escalated$/);
    assert.equal(await listTotal(), escalated, 'an outcome = list total');
    await t.screenshot('sessions-explorer.png');

    t.step('the list loads more by cursor, and the CSV has every match');
    const rowsBefore = await page.locator('tbody tr').count();
    if (escalated > rowsBefore) {
      await page.getByRole('button', { name: 'Load more' }).click();
      await t.eventually(async () => assert.ok((await page.locator('tbody tr').count()) > rowsBefore));
    }
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = await (await download.createReadStream()).toArray();
    const lines = Buffer.concat(csv).toString('utf8').trim().split('\n');
    assert.equal(lines.length - 1, escalated, 'the CSV has a line per matching session');

    t.step('a flow in depth: a stuck node and a CSAT bar');
    await t.goto('/analytics/team?period=90d');
    await page
      .locator('rf-ranked-table')
      .first()
      .getByRole('link', { name: /^VPN will not connect/ })
      .click();
    await page.waitForURL(/\/flows\/[0-9a-f-]{36}\/analytics\?period=90d$/);
    await page.locator('rf-summary-kpis').waitFor();
    const flowUrl = page.url();
    const nodeTimes = page.locator('rf-node-times-table tbody tr');
    await nodeTimes.first().waitFor();
    assert.match((await nodeTimes.first().locator('td').nth(2).textContent()).trim(), /^\d+(h|m|s)/);
    // The demo's sessions were seeded without a flow version, so the panel may say it has none yet.
    await page.locator('rf-flow-versions').getByRole('heading', { name: 'Versions' }).waitFor();
    const map = page.locator('rf-flow-map');
    await map.locator('rect.box').first().waitFor();
    assert.ok((await map.locator('rect.box').count()) >= 3, 'the diagram draws the flow');
    await map.getByRole('button', { name: 'Where sessions stop' }).click();
    await t.expectAttribute(map.getByRole('button', { name: 'Where sessions stop' }), 'aria-pressed', 'true');
    await map.scrollIntoViewIfNeeded();
    await t.screenshot('flow-map.png');
    const stuck = page.locator('rf-drop-off-list li').first();
    await stuck.waitFor();
    const stuckCount = count(await stuck.locator('.bars__value').textContent());
    await stuck.getByRole('link').click();
    await page.waitForURL(/\/admin\/sessions\?tree_id=[0-9a-f-]{36}&period=90d&stopped_at_node_id=/);
    assert.equal(await listTotal(), stuckCount, 'a stuck node = list total');

    await page.goto(flowUrl);
    const csatChart = page.locator('rf-csat-distribution-chart');
    await csatChart.locator('svg path.bar:not(.hidden)').first().waitFor();
    const fiveStars = count(await csatChart.locator('tbody tr').first().locator('td').first().textContent());
    await page.waitForTimeout(900);
    await csatChart.locator('svg path.bar[aria-label^="5 · Excellent"]').click();
    await page.waitForURL(/\/admin\/sessions\?tree_id=[0-9a-f-]{36}&period=90d&rating=5$/);
    assert.equal(await listTotal(), fiveStars, 'a CSAT bar = list total');

    t.step('a session in full: its path as a timeline with the time at each node');
    const first = page.locator('tbody tr').first();
    await first.getByRole('link', { name: /^Details of/ }).click();
    await page.waitForURL(/\/admin\/sessions\/[0-9a-f-]{36}$/);
    const timeline = page.getByTestId('session-timeline');
    await timeline.waitFor();
    assert.ok((await timeline.locator('li').count()) >= 2, 'the path has steps');
    assert.match((await timeline.locator('.timeline__time').first().textContent()).trim(), /^\d+(h|m|s)/);
    await page.getByTestId('session-facts').getByRole('img', { name: 'Rated 5 out of 5' }).waitFor();
    await t.screenshot('session-detail.png');

    t.step('the Sessions entry of the sidebar opens the list');
    await mainNav.getByRole('link', { name: 'Sessions', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/admin/sessions');
    assert.ok((await listTotal()) > 0);
  },
};
