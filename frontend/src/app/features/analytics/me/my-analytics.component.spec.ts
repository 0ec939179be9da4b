import { TestBed } from '@angular/core/testing';

import { expectReport, FLOW_PASSWORD_ID, MY_REPORT } from '../../../../testing/analytics-fixtures';
import {
  button,
  cells,
  kpi,
  openAnalytics,
  textOf,
  type AnalyticsTestPage,
} from '../../../../testing/analytics-harness';
import { ENGINEER } from '../../../../testing/fixtures';
import type { MyAnalytics } from '../analytics-types';

const ME = '/api/v1/analytics/me';

// The first test of a file compiles the lazy page; on a busy two-core CI machine that alone can take seconds.
jest.setTimeout(20_000);

describe('MyAnalyticsComponent', () => {
  let view: AnalyticsTestPage;

  async function open(url = '/analytics/me'): Promise<void> {
    view = await openAnalytics(url, ENGINEER);
  }

  async function answer(report: MyAnalytics = MY_REPORT): Promise<void> {
    expectReport(view.http, ME).flush(report);
    await view.settle();
  }

  function page(): HTMLElement {
    return view.page();
  }

  afterEach(() => {
    view?.http.verify();
    TestBed.resetTestingModule();
  });

  it('asks for the last 30 days when the URL names no period', async () => {
    await open();

    const request = expectReport(view.http, ME);
    expect(request.request.params.get('period')).toBe('30d');
    request.flush(MY_REPORT);
    await view.settle();

    expect(textOf(page().querySelector('h1'))).toBe('My analytics');
    expect(textOf(page().querySelector('button[aria-pressed="true"]'))).toBe('30 days');
  });

  it('shows a dash, not a zero, where there is nothing to measure', async () => {
    await open('/analytics/me?period=7d');
    await answer();

    expect(kpi(page(), 'Sessions')).toMatchObject({ value: '29', trend: 'No earlier data', tone: 'none' });
    expect(kpi(page(), 'Sessions').spoken).toBe('Nothing to compare with in the previous period');
    expect(kpi(page(), 'Completion rate')).toMatchObject({ value: '93.1%', trend: 'No earlier data' });
    expect(kpi(page(), 'Avg CSAT')).toMatchObject({ value: '—', detail: 'No ratings yet', tone: 'none' });
    expect(kpi(page(), 'CSAT score').value).toBe('—');
    expect(textOf(page().querySelector('rf-csat-trend-chart'))).toContain('No ratings were given in this period.');
  });

  it('lists the flows I ran, each opening that flow’s analytics for the same period', async () => {
    await open('/analytics/me?period=7d');
    await answer();

    const table = page().querySelector('rf-ranked-table')!;
    expect(textOf(table.querySelector('h2'))).toBe('Your top flows');
    expect(cells(table.querySelector('tbody tr')!)).toEqual([
      'Password reset / account locked',
      '190',
      '94.7%',
      '7.8 min',
      '4.5 (40 ratings )',
    ]);
    expect(table.querySelector('a')!.getAttribute('href')).toBe(`/flows/${FLOW_PASSWORD_ID}/analytics?period=7d`);
  });

  it('opens my own sessions behind a day, an outcome and a flow, in the same period', async () => {
    await open('/analytics/me?period=90d');
    await answer();
    const href = (element: Element | null | undefined) => decodeURIComponent(element?.getAttribute('href') ?? '');

    const day = page().querySelector('rf-sessions-chart tbody tr th a');
    expect(href(day)).toMatch(/^\/sessions\?from=(\d{4}-\d\d-\d\d)&to=\1$/);
    expect(href(page().querySelector('rf-outcome-breakdown-chart tbody tr th a'))).toBe(
      '/sessions?period=90d&outcome=resolved',
    );
    expect(href(page().querySelector('rf-ranked-table tbody tr td a'))).toMatch(/^\/sessions\?period=90d&tree_id=/);
  });

  it('says when I ran no sessions, and switches to 90 days on request', async () => {
    await open('/analytics/me?period=7d');
    await answer({ ...MY_REPORT, summary: { ...MY_REPORT.summary, total_sessions: 0 }, top_flows: [] });

    const empty = page().querySelector('rf-report-empty')!;
    expect(textOf(empty.querySelector('h2'))).toBe('No sessions in this period');
    expect(textOf(empty)).toContain('Try a longer period, or start a flow.');

    button(page(), 'Show the last 90 days').click();
    await view.settle();

    expect(view.router.url).toBe('/analytics/me?period=90d');
    await answer();
    expect(page().querySelector('rf-report-empty')).toBeNull();
  });

  it('shows what went wrong and retries', async () => {
    await open();
    expectReport(view.http, ME).error(new ProgressEvent('error'), { status: 0 });
    await view.settle();

    expect(textOf(page().querySelector('rf-report-error'))).toContain(
      'Cannot reach the server. Check your connection and try again.',
    );

    button(page(), 'Retry').click();
    await view.settle();
    await answer();
    expect(kpi(page(), 'Sessions').value).toBe('29');
  });

  it('ignores a malformed period in a hand-edited URL', async () => {
    await open('/analytics/me?period=1y&from=2026-13-01&to=2026-11-01');

    const request = expectReport(view.http, ME);
    expect(request.request.params.get('period')).toBe('30d');
    expect(request.request.params.has('from')).toBe(false);
    request.flush(MY_REPORT);
    await view.settle();
  });
});
