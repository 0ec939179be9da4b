import { HttpHeaders } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';

import {
  EMPTY_TEAM_REPORT,
  expectReport,
  FLOW_PASSWORD_ID,
  FLOW_VPN_ID,
  LENA_ID,
  PRIYA_ID,
  TEAM_REPORT,
  TEAM_USERS,
  TOM_ID,
} from '../../../../testing/analytics-fixtures';
import {
  blobText,
  button,
  cells,
  kpi,
  openAnalytics,
  textOf,
  type AnalyticsTestPage,
} from '../../../../testing/analytics-harness';
import { TEAM_ADMIN } from '../../../../testing/fixtures';

const TEAM = '/api/v1/analytics/team';

// The first test of a file compiles the lazy page; on a busy two-core CI machine that alone can take seconds.
jest.setTimeout(20_000);

describe('TeamAnalyticsComponent', () => {
  let view: AnalyticsTestPage;

  async function open(url = '/analytics/team?period=7d', locale = 'en-US'): Promise<void> {
    view = await openAnalytics(url, TEAM_ADMIN, locale);
    view.http.expectOne('/api/v1/users').flush(TEAM_USERS);
  }

  async function answer(report = TEAM_REPORT): Promise<void> {
    expectReport(view.http, TEAM).flush(report);
    await view.settle();
  }

  function page(): HTMLElement {
    return view.page();
  }

  afterEach(() => view?.http.verify());

  it('shows a skeleton while the report loads', async () => {
    await open();

    expect(page().querySelector('rf-analytics-skeleton')).not.toBeNull();
    expect(textOf(page().querySelector('[role="status"]'))).toBe('Loading analytics…');

    await answer();
    expect(page().querySelector('rf-analytics-skeleton')).toBeNull();
  });

  it('shows the KPIs formatted, each with its change against the previous period', async () => {
    await open();
    await answer();

    expect(kpi(page(), 'Sessions')).toEqual({
      value: '1,072',
      trend: '▼ 6.3%',
      spoken: 'Down 6.3% from the previous period (1,144)',
      tone: 'neutral',
      detail: '941 completed',
    });
    expect(kpi(page(), 'Completion rate')).toMatchObject({
      value: '87.8%',
      trend: '▼ 7 pts',
      spoken: 'Down 7 percentage points from the previous period (94.8%), worse',
      tone: 'bad',
    });
    // Sessions got longer: the arrow points up and that is bad news.
    expect(kpi(page(), 'Avg duration')).toMatchObject({
      value: '14.4 min',
      trend: '▲ 13%',
      tone: 'bad',
      detail: 'Median 12.5 min',
    });
    expect(kpi(page(), 'Avg CSAT')).toMatchObject({ value: '3.8 / 5', trend: '▼ 5%', tone: 'bad' });
    expect(kpi(page(), 'Avg CSAT').detail).toBe('150 ratings · 16% response rate');
    expect(kpi(page(), 'CSAT score')).toMatchObject({ value: '60%', trend: '▼ 8.2 pts', tone: 'bad' });
    expect(textOf(page().querySelector('.kpis__note'))).toBe(
      'Changes compare with the previous period, Nov 11 – 17, 2026.',
    );
  });

  it('colours improvements as good news', async () => {
    await open();
    const previous = { ...TEAM_REPORT.summary.previous, completion_rate: 0.8, avg_duration_minutes: 20 };
    await answer({ ...TEAM_REPORT, summary: { ...TEAM_REPORT.summary, previous } });

    expect(kpi(page(), 'Completion rate')).toMatchObject({ trend: '▲ 7.8 pts', tone: 'good' });
    expect(kpi(page(), 'Avg duration')).toMatchObject({ trend: '▼ 28%', tone: 'good' });
    expect(kpi(page(), 'Avg duration').spoken).toBe('Down 28% from the previous period (20.0 min), better');
  });

  it('writes numbers the way a German reader expects them', async () => {
    await open('/analytics/team?period=7d', 'de-DE');
    await answer();

    expect(kpi(page(), 'Sessions').value).toBe('1.072');
    expect(kpi(page(), 'Completion rate').value).toBe('87,8 %');
    expect(kpi(page(), 'Avg duration').value).toBe('14,4 Min.');
    expect(kpi(page(), 'Avg CSAT').value).toBe('3,8 / 5');
  });

  it('says when nothing happened in the period and offers a longer one', async () => {
    await open();
    await answer(EMPTY_TEAM_REPORT);

    expect(textOf(page().querySelector('rf-report-empty h2'))).toBe('No sessions in this period');
    expect(textOf(page().querySelector('rf-report-empty'))).toContain('Try a longer period.');
    expect(page().querySelector('rf-summary-kpis')).toBeNull();

    button(page(), 'Show the last 90 days').click();
    await view.settle();

    expect(view.router.url).toBe('/analytics/team?period=90d');
    expect(expectReport(view.http, TEAM).request.params.get('period')).toBe('90d');
  });

  it('offers all engineers when one engineer ran nothing, and only the 90 days when the period is shorter', async () => {
    await open(`/analytics/team?period=90d&engineer=${TOM_ID}`);
    await answer(EMPTY_TEAM_REPORT);

    expect(textOf(page().querySelector('rf-report-empty'))).toContain(
      'Try a longer period, or look at the whole team.',
    );
    expect(Array.from(page().querySelectorAll('rf-report-empty button')).map(textOf)).toEqual(['Show all engineers']);

    button(page(), 'Show all engineers').click();
    await view.settle();

    expect(view.router.url).toBe('/analytics/team?period=90d');
    await answer();
  });

  it('offers all engineers when the engineer is unknown (404)', async () => {
    await open(`/analytics/team?period=7d&engineer=${TOM_ID}`);
    expectReport(view.http, TEAM).flush({ message: 'User not found' }, { status: 404, statusText: 'Not Found' });
    await view.settle();

    expect(textOf(page().querySelector('rf-report-error'))).toContain('User not found');
    expect(Array.from(page().querySelectorAll('rf-report-error button')).map(textOf)).toEqual([
      'Retry',
      'Show all engineers',
    ]);

    button(page(), 'Show all engineers').click();
    await view.settle();

    expect(view.router.url).toBe('/analytics/team?period=7d');
    await answer();
  });

  it('shows an error with a Retry that loads the report again', async () => {
    await open();
    expectReport(view.http, TEAM).flush(
      { message: 'Database unavailable' },
      { status: 503, statusText: 'Unavailable' },
    );
    await view.settle();

    expect(textOf(page().querySelector('rf-report-error [role="alert"], rf-report-error rf-notice'))).toContain(
      'Database unavailable',
    );

    button(page(), 'Retry').click();
    await view.settle();
    await answer();

    expect(page().querySelector('rf-report-error')).toBeNull();
    expect(kpi(page(), 'Sessions').value).toBe('1,072');
  });

  it('reads the period and the engineer from the URL', async () => {
    await open(`/analytics/team?period=90d&engineer=${TOM_ID}`);

    const request = expectReport(view.http, TEAM).request;
    expect(request.params.get('period')).toBe('90d');
    expect(request.params.get('engineer_id')).toBe(TOM_ID);
    await view.settle();

    expect(textOf(page().querySelector('button[aria-pressed="true"]'))).toBe('90 days');
    expect(page().querySelector<HTMLInputElement>('input[role="combobox"]')!.value).toBe('Tom Becker');
    expect(textOf(page().querySelector('.page-header'))).toContain('Sessions run by Tom Becker');
  });

  it('puts a new period into the URL, and the back button brings the old one back', async () => {
    await open(`/analytics/team?period=90d&engineer=${TOM_ID}`);
    await answer();

    button(page(), '7 days').click();
    await view.settle();

    expect(view.router.url).toBe(`/analytics/team?period=7d&engineer=${TOM_ID}`);
    const request = expectReport(view.http, TEAM);
    expect(request.request.params.get('period')).toBe('7d');
    expect(request.request.params.get('engineer_id')).toBe(TOM_ID);
    request.flush(TEAM_REPORT);
    await view.settle();
    expect(textOf(page().querySelector('button[aria-pressed="true"]'))).toBe('7 days');

    view.location.back();
    await view.settle();

    expect(view.router.url).toBe(`/analytics/team?period=90d&engineer=${TOM_ID}`);
    const again = expectReport(view.http, TEAM);
    expect(again.request.params.get('period')).toBe('90d');
    again.flush(TEAM_REPORT);
    await view.settle();
    expect(textOf(page().querySelector('button[aria-pressed="true"]'))).toBe('90 days');
  });

  it('filters by an engineer picked from the searchable list', async () => {
    await open();
    await answer();
    const input = page().querySelector<HTMLInputElement>('input[role="combobox"]')!;

    input.click();
    input.value = 'len';
    input.dispatchEvent(new Event('input'));
    await view.settle();

    const options = Array.from(page().querySelectorAll('[role="option"]')).map((option) => textOf(option));
    expect(options).toEqual(['Lena Novak engineer3@northwind.example']);

    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await view.settle();

    expect(view.router.url).toBe(`/analytics/team?period=7d&engineer=${LENA_ID}`);
    const request = expectReport(view.http, TEAM);
    expect(request.request.params.get('engineer_id')).toBe(LENA_ID);
    request.flush(TEAM_REPORT);
    await view.settle();
    expect(input.value).toBe('Lena Novak');
  });

  it('takes a custom date range, and refuses one that ends before it starts', async () => {
    await open();
    await answer();

    button(page(), 'Custom').click();
    await view.settle();
    const from = page().querySelector<HTMLInputElement>('input[name="from"]')!;
    const to = page().querySelector<HTMLInputElement>('input[name="to"]')!;
    expect([from.value, to.value]).toEqual(['2026-11-18', '2026-11-24']);

    from.value = '2026-10-31';
    to.value = '2026-10-01';
    button(page(), 'Apply').click();
    await view.settle();
    expect(textOf(page().querySelector('.period__error'))).toBe('The end date must not be before the start date.');
    expect(view.router.url).toBe('/analytics/team?period=7d');

    to.value = '2026-11-15';
    button(page(), 'Apply').click();
    await view.settle();

    expect(view.router.url).toBe('/analytics/team?from=2026-10-31&to=2026-11-15');
    const request = expectReport(view.http, TEAM);
    expect(request.request.params.get('from')).toBe('2026-10-31');
    expect(request.request.params.get('to')).toBe('2026-11-15');
    expect(request.request.params.has('period')).toBe(false);
    request.flush(TEAM_REPORT);
    await view.settle();
    expect(textOf(page().querySelector('button[aria-pressed="true"]'))).toBe('Custom');
  });

  it('lists top flows and engineers that open their own views, and sorts them', async () => {
    await open();
    await answer();
    const [flows, engineers] = Array.from(page().querySelectorAll('rf-ranked-table'));
    const names = () => Array.from(flows.querySelectorAll('tbody th')).map((cell) => textOf(cell));

    expect(names()).toEqual(['Password reset / account locked', 'VPN will not connect', 'Printer not printing']);
    expect(flows.querySelector('a')!.getAttribute('href')).toBe(`/flows/${FLOW_PASSWORD_ID}/analytics?period=7d`);
    expect(engineers.querySelector('a')!.getAttribute('href')).toBe(`/analytics/team?period=7d&engineer=${PRIYA_ID}`);
    expect(cells(flows.querySelector('tbody tr')!)).toEqual([
      'Password reset / account locked',
      '190',
      '94.7%',
      '7.8 min',
      '4.5 (40 ratings )',
    ]);

    button(flows as HTMLElement, 'Avg CSAT').click();
    await view.settle();
    // Best first; the flow without ratings goes last.
    expect(names()).toEqual(['Password reset / account locked', 'VPN will not connect', 'Printer not printing']);
    expect(flows.querySelector('th[aria-sort]')!.getAttribute('aria-sort')).toBe('descending');

    button(flows as HTMLElement, 'Avg CSAT ▼').click();
    await view.settle();
    expect(names()).toEqual(['VPN will not connect', 'Password reset / account locked', 'Printer not printing']);
    expect(flows.querySelector('th[aria-sort]')!.getAttribute('aria-sort')).toBe('ascending');

    (flows.querySelectorAll('tbody tr')[0].querySelector('td') as HTMLElement).click();
    await view.settle();
    expect(view.router.url).toBe(`/flows/${FLOW_VPN_ID}/analytics?period=7d`);
    expectReport(view.http, `/api/v1/analytics/flows/${FLOW_VPN_ID}`);
    view.http.expectOne(`/api/v1/analytics/flows/${FLOW_VPN_ID}/versions`);
    view.http.expectOne(`/api/v1/trees/${FLOW_VPN_ID}`);
  });

  it('gives every chart a data table for screen readers', async () => {
    await open();
    await answer();

    const sessionsTable = page().querySelector('rf-sessions-chart table')!;
    expect(sessionsTable.closest('.visually-hidden')).not.toBeNull();
    expect(
      sessionsTable.closest('rf-chart-frame')!.querySelector('[aria-hidden="true"] ngx-charts-bar-vertical-stacked'),
    ).not.toBeNull();
    expect(cells(sessionsTable.querySelector('thead tr')!)).toEqual([
      'Day',
      'Sessions',
      'Resolved',
      'Workaround',
      'Escalated',
      'Unresolved',
      'Not finished',
    ]);
    const rows = Array.from(sessionsTable.querySelectorAll('tbody tr'));
    expect(rows).toHaveLength(7);
    expect(cells(rows[0])).toEqual(['Wed, Nov 18, 2026', '160', '95', '24', '24', '15', '2']);

    // CSAT is drawn only through days that have ratings: no invented zeros.
    const csatRows = Array.from(page().querySelectorAll('rf-csat-trend-chart tbody tr'));
    expect(csatRows.map((row) => cells(row)[0])).toEqual([
      'Wed, Nov 18, 2026',
      'Thu, Nov 19, 2026',
      'Sat, Nov 21, 2026',
      'Mon, Nov 23, 2026',
      'Tue, Nov 24, 2026',
    ]);
    expect(cells(csatRows[0])).toEqual(['Wed, Nov 18, 2026', '3.5', '20']);

    const outcomes = Array.from(page().querySelectorAll('rf-outcome-breakdown-chart tbody tr')).map((row) =>
      cells(row),
    );
    expect(outcomes).toEqual([
      ['Resolved', '580', '61.6%'],
      ['Workaround', '130', '13.8%'],
      ['Escalated', '160', '17%'],
      ['Unresolved', '71', '7.5%'],
    ]);
  });

  it('opens the sessions behind every figure with the same window and engineer', async () => {
    await open(`/analytics/team?from=2026-11-01&to=2026-11-20&engineer=${TOM_ID}`);
    await answer();
    const href = (element: Element | null | undefined) => decodeURIComponent(element?.getAttribute('href') ?? '');
    const window = 'from=2026-11-01&to=2026-11-20';

    expect(href(page().querySelector('.kpi__link'))).toBe(`/admin/sessions?user_id=${TOM_ID}&${window}`);
    // A day: that day only, as the bar's table row (the keyboard path to it) says.
    const day = page().querySelector('rf-sessions-chart tbody tr')!;
    expect(href(day.querySelector('th a'))).toBe(`/admin/sessions?user_id=${TOM_ID}&from=2026-11-18&to=2026-11-18`);
    expect(day.querySelector('th a')!.getAttribute('aria-label')).toBe('Wed, Nov 18, 2026: open its 160 sessions');
    expect(href(day.querySelectorAll('td a')[0])).toBe(
      `/admin/sessions?user_id=${TOM_ID}&from=2026-11-18&to=2026-11-18&outcome=resolved`,
    );
    expect(href(Array.from(day.querySelectorAll('td a')).at(-1))).toBe(
      `/admin/sessions?user_id=${TOM_ID}&from=2026-11-18&to=2026-11-18&status=in_progress`,
    );
    const outcome = page().querySelector('rf-outcome-breakdown-chart tbody tr th a');
    expect(href(outcome)).toBe(`/admin/sessions?user_id=${TOM_ID}&${window}&outcome=resolved`);
    const [flows, engineers] = Array.from(page().querySelectorAll('rf-ranked-table'));
    expect(href(flows.querySelector('tbody tr td a'))).toBe(
      `/admin/sessions?user_id=${TOM_ID}&${window}&tree_id=${FLOW_PASSWORD_ID}`,
    );
    expect(href(engineers.querySelector('tbody tr td a'))).toBe(`/admin/sessions?user_id=${PRIYA_ID}&${window}`);
  });

  it('downloads the CSV of the view under the server’s file name', async () => {
    await open(`/analytics/team?period=90d&engineer=${TOM_ID}`);
    await answer();
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:team-csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicks: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });

    button(page(), 'Download CSV').click();
    await view.settle();
    expect(textOf(page().querySelector('rf-csv-download button'))).toBe('Preparing CSV…');

    const request = view.http.expectOne((req) => req.url === TEAM && req.headers.get('Accept') === 'text/csv');
    expect(request.request.params.get('period')).toBe('90d');
    expect(request.request.params.get('engineer_id')).toBe(TOM_ID);
    request.flush('window\nfrom,to\n', {
      headers: new HttpHeaders({
        'Content-Disposition': 'attachment; filename="team-analytics-2026-08-27_2026-11-24.csv"',
      }),
    });
    await view.settle();

    expect(clicks).toHaveLength(1);
    expect(clicks[0].download).toBe('team-analytics-2026-08-27_2026-11-24.csv');
    expect(clicks[0].href).toBe('blob:team-csv');
    expect(await blobText(createObjectURL.mock.calls[0][0])).toBe('window\nfrom,to\n');
    expect(textOf(page().querySelector('rf-csv-download button'))).toBe('Download CSV');
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  TestBed.resetTestingModule();
});
