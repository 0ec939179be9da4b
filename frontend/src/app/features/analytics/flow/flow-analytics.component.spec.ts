import { TestBed } from '@angular/core/testing';

import { expectReport, FLOW_REPORT, FLOW_VPN_ID } from '../../../../testing/analytics-fixtures';
import {
  button,
  cells,
  kpi,
  openAnalytics,
  textOf,
  type AnalyticsTestPage,
} from '../../../../testing/analytics-harness';
import { ENGINEER, TEAM_ADMIN } from '../../../../testing/fixtures';
import type { User } from '../../../core/api-types';
import type { FlowAnalytics, FlowTree, FlowVersions } from '../analytics-types';

const FLOW = `/api/v1/analytics/flows/${FLOW_VPN_ID}`;
const VERSIONS = `${FLOW}/versions`;
const TREE = `/api/v1/trees/${FLOW_VPN_ID}`;

const node = (id: string, type: 'question' | 'step' | 'solution', title: string, next: string | null) => ({
  id,
  type,
  title,
  body: '',
  help_text: null,
  step_id: null,
  position: 0,
  options: next === null ? [] : [{ id: `${id}-next`, label: 'Next', next_node_id: next }],
});

const VPN_TREE: FlowTree = {
  id: FLOW_VPN_ID,
  name: 'VPN will not connect',
  description: '',
  kind: 'decision',
  status: 'published',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  created_by: null,
  usage_count: 0,
  version: 2,
  start_node_id: 'node-cable',
  nodes: [
    node('node-cable', 'question', 'Check network cable / Wi-Fi', 'node-reinstall'),
    node('node-reinstall', 'step', 'Reinstall the VPN client', 'node-escalate'),
    node('node-escalate', 'solution', 'Escalate to the Network team', null),
  ],
};

const version = (n: number, figures: Partial<FlowVersions['versions'][number]>) => ({
  version: n,
  first_session_at: `2026-1${n}-01T09:00:00.000Z`,
  sessions: 100,
  completed_sessions: 80,
  completion_rate: 0.8,
  avg_duration_minutes: 10,
  median_duration_minutes: 8,
  avg_csat: 3.5,
  csat_score: 0.5,
  ratings: 40,
  ...figures,
});

const FLOW_VERSIONS: FlowVersions = {
  tree_id: FLOW_VPN_ID,
  name: 'VPN will not connect',
  current_version: 2,
  unknown_version_sessions: 12,
  versions: [
    version(2, { sessions: 60, completion_rate: 0.9, median_duration_minutes: 6.5, avg_csat: 4.2, csat_score: 0.75 }),
    version(1, {}),
  ],
};

// The first test of a file compiles the lazy page; on a busy two-core CI machine that alone can take seconds.
jest.setTimeout(20_000);

describe('FlowAnalyticsComponent', () => {
  let view: AnalyticsTestPage;

  async function open(url = `/flows/${FLOW_VPN_ID}/analytics?period=7d`, user: User = TEAM_ADMIN): Promise<void> {
    view = await openAnalytics(url, user);
    // The flow's nodes and versions (all time) load beside the report, once per flow.
    view.http.expectOne(TREE).flush(VPN_TREE);
    view.http.expectOne(VERSIONS).flush(FLOW_VERSIONS);
  }

  async function answer(report: FlowAnalytics = FLOW_REPORT): Promise<void> {
    expectReport(view.http, FLOW).flush(report);
    await view.settle();
  }

  function page(): HTMLElement {
    return view.page();
  }

  function section(selector: string): HTMLElement {
    return page().querySelector<HTMLElement>(selector)!;
  }

  afterEach(() => {
    view?.http.verify();
    TestBed.resetTestingModule();
  });

  it('names the flow and shows its KPIs for the period in the URL', async () => {
    await open();
    const request = expectReport(view.http, FLOW);
    expect(request.request.params.get('period')).toBe('7d');
    request.flush(FLOW_REPORT);
    await view.settle();

    expect(textOf(page().querySelector('h1'))).toBe('VPN will not connect');
    expect(kpi(page(), 'Sessions')).toMatchObject({ value: '140', trend: '▼ 88%' });
    expect(kpi(page(), 'Avg CSAT')).toMatchObject({ value: '3.4 / 5', trend: '▼ 15%', tone: 'bad' });
  });

  it('lists step feedback least helpful first, with a helpful-rate bar per step', async () => {
    await open();
    await answer();

    const rows = Array.from(section('rf-step-feedback-list').querySelectorAll('li'));
    expect(rows.map((row) => textOf(row))).toEqual([
      'Flush DNS and renew the IP lease 53% helpful 9 helpful · 8 not helpful',
      'Check network cable / Wi-Fi 67% helpful 4 helpful · 2 not helpful',
    ]);
    expect(parseFloat(rows[0].querySelector<HTMLElement>('.bars__fill')!.style.width)).toBeCloseTo(52.9);
    expect(parseFloat(rows[1].querySelector<HTMLElement>('.bars__fill')!.style.width)).toBeCloseTo(66.7);
  });

  it('shows where sessions get stuck and which solutions end them', async () => {
    await open();
    await answer();

    expect(textOf(section('rf-drop-off-list .panel__subtitle'))).toBe(
      '8 unfinished sessions, by the node they stopped at',
    );
    expect(Array.from(section('rf-drop-off-list').querySelectorAll('li')).map((row) => textOf(row))).toEqual([
      'Reinstall the VPN client 7 Step · 88% of unfinished sessions',
      'Is the account locked? 1 Question · 13% of unfinished sessions',
    ]);

    const solution = section('rf-outcomes-by-node-table').querySelector('tbody tr')!;
    expect(cells(solution)).toEqual([
      'Escalate to the Network team 25 sessions',
      '25',
      '4 workaround 16 escalated 5 unresolved',
    ]);
  });

  it('shows the CSAT distribution behind its chart as a table', async () => {
    await open();
    await answer();

    const rows = Array.from(section('rf-csat-distribution-chart').querySelectorAll('tbody tr')).map((row) =>
      cells(row),
    );
    expect(rows).toEqual([
      ['5 · Excellent', '6', '30%'],
      ['4 · Good', '2', '10%'],
      ['3 · Okay', '8', '40%'],
      ['2 · Poor', '2', '10%'],
      ['1 · Very poor', '2', '10%'],
    ]);
  });

  it('shows recent comments with names only where the API gives them', async () => {
    await open();
    await answer();

    const comments = Array.from(section('rf-recent-comments').querySelectorAll('li')).map((item) => textOf(item));
    expect(comments[0]).toBe(
      `★★☆☆☆ Rated 2 out of 5 Steps are out of date for the new client version. Tom Becker · ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-11-24T12:25:10.211Z'))} · Open the session`,
    );
    expect(comments[1]).toMatch(/^★★★★★ Rated 5 out of 5 Perfect, fixed in five minutes\. [A-Z][a-z]{2} \d/);
    expect(section('rf-recent-comments').querySelectorAll('.comment__author')).toHaveLength(1);
  });

  it('opens for an engineer too, and switching the period keeps the flow', async () => {
    await open(`/flows/${FLOW_VPN_ID}/analytics`, ENGINEER);
    await answer({
      ...FLOW_REPORT,
      recent_comments: FLOW_REPORT.recent_comments.map((c) => ({ ...c, user_name: null })),
    });
    expect(section('rf-recent-comments').querySelectorAll('.comment__author')).toHaveLength(0);

    button(page(), '90 days').click();
    await view.settle();

    expect(view.router.url).toBe(`/flows/${FLOW_VPN_ID}/analytics?period=90d`);
    const request = expectReport(view.http, FLOW);
    expect(request.request.params.get('period')).toBe('90d');
    request.flush(FLOW_REPORT);
    await view.settle();
  });

  it('says plainly when the flow is not there (another account’s, or removed)', async () => {
    await open();
    expectReport(view.http, FLOW).flush({ message: 'Flow not found' }, { status: 404, statusText: 'Not Found' });
    await view.settle();

    expect(textOf(page().querySelector('rf-report-error'))).toContain(
      'This flow does not exist, or it belongs to another account.',
    );
    expect(page().querySelector('rf-report-error a')!.getAttribute('href')).toBe('/flows');

    button(page(), 'Retry').click();
    await view.settle();
    await answer();
    expect(textOf(page().querySelector('h1'))).toBe('VPN will not connect');
  });

  it('says when nobody ran the flow in the period', async () => {
    await open();
    await answer({
      ...FLOW_REPORT,
      summary: { ...FLOW_REPORT.summary, total_sessions: 0, rating_count: 0 },
    });

    expect(textOf(page().querySelector('rf-report-empty'))).toContain('No sessions in this period');
    expect(textOf(page().querySelector('rf-report-empty'))).toContain(
      'Nobody ran this flow or rated it in this period.',
    );
  });
  it('opens the flow’s sessions behind each figure for a team admin, with the same window', async () => {
    await open();
    await answer();
    const href = (element: Element | null | undefined) => decodeURIComponent(element?.getAttribute('href') ?? '');
    const base = `/admin/sessions?tree_id=${FLOW_VPN_ID}&period=7d`;

    expect(href(section('rf-drop-off-list').querySelector('li a'))).toBe(`${base}&stopped_at_node_id=node-reinstall`);
    expect(section('rf-drop-off-list').querySelector('li a')!.getAttribute('aria-label')).toBe(
      'Reinstall the VPN client: open the 7 sessions stuck here',
    );
    const feedback = Array.from(section('rf-step-feedback-list').querySelectorAll('li')[0].querySelectorAll('a'));
    expect(feedback.map((link) => [textOf(link), href(link)])).toEqual([
      ['9 helpful', `${base}&vote_node_id=node-flush-dns&vote=helpful`],
      ['8 not helpful', `${base}&vote_node_id=node-flush-dns&vote=unhelpful`],
    ]);
    const solution = section('rf-outcomes-by-node-table').querySelector('tbody tr')!;
    expect(href(solution.querySelector('th a'))).toBe(`${base}&ended_at_node_id=node-escalate`);
    expect(href(solution.querySelector('td.outcomes a'))).toBe(
      `${base}&ended_at_node_id=node-escalate&outcome=workaround`,
    );
    expect(href(section('rf-csat-distribution-chart').querySelector('tbody tr th a'))).toBe(`${base}&rating=5`);
    expect(href(section('rf-recent-comments').querySelector('.panel__subtitle a'))).toBe(`${base}&has_comment=true`);
    const comment = section('rf-recent-comments').querySelector('.comment__meta a');
    expect([textOf(comment), href(comment)]).toEqual([
      'Open the session',
      '/admin/sessions/5e55f1c0-0000-4000-8000-000000000001',
    ]);
  });

  it('draws no drill-down for an engineer (their list holds only their own sessions)', async () => {
    await open(undefined, ENGINEER);
    await answer();
    expect(
      page().querySelector(
        'rf-drop-off-list a, rf-step-feedback-list a, rf-outcomes-by-node-table a, rf-recent-comments a',
      ),
    ).toBeNull();
    expect(page().querySelector('.kpi__link')).toBeNull();
  });
  it('shows the time per node, slowest first, each node opening the sessions that went through it', async () => {
    await open();
    await answer({
      ...FLOW_REPORT,
      node_times: [
        {
          node_id: 'node-a',
          node_title: 'Quick question',
          type: 'question',
          visits: 40,
          median_seconds: 12,
          p90_seconds: 30,
        },
        ...FLOW_REPORT.node_times,
      ],
    });

    const rows = Array.from(section('rf-node-times-table').querySelectorAll('tbody tr'));
    expect(rows.map((row) => cells(row))).toEqual([
      ['Reinstall the VPN client', 'Step', '31', '3m 04s', '6m 53s'],
      ['Quick question', 'Question', '40', '12s', '30s'],
    ]);
    expect(decodeURIComponent(rows[0].querySelector('a')!.getAttribute('href')!)).toBe(
      `/admin/sessions?tree_id=${FLOW_VPN_ID}&period=7d&visited_node_id=node-reinstall`,
    );
  });

  it('lists the versions and compares the newest with the one before, with the change and whether it is better', async () => {
    await open();
    await answer();

    const versions = section('rf-flow-versions');
    expect(textOf(versions.querySelector('.panel__subtitle'))).toContain('12 older sessions have no known version');
    expect(
      Array.from(versions.querySelectorAll('[data-testid="versions-table"] tbody tr')).map((row) => cells(row)),
    ).toEqual([
      ['v2', 'Dec 1, 2026', '60', '90%', '6.5 min', '4.2', 'Show only v2'],
      ['v1', 'Nov 1, 2026', '100', '80%', '8.0 min', '3.5', 'Show only v1'],
    ]);
    const compare = () =>
      Array.from(versions.querySelectorAll('[data-testid="compare-table"] tbody tr')).map((row) => cells(row));
    expect(compare()).toEqual([
      ['Sessions', '100', '60', '−40'],
      ['Completion rate', '80%', '90%', '+10.0 pts (better)'],
      ['Avg duration', '10.0 min', '10.0 min', '±0.0 min'],
      ['Median duration', '8.0 min', '6.5 min', '−1.5 min (better)'],
      ['Avg CSAT', '3.5', '4.2', '+0.7 (better)'],
      ['CSAT score', '50%', '75%', '+25.0 pts (better)'],
      ['Ratings', '40', '40', '±0'],
    ]);

    // Swapping the two reads the same figures the other way round: now each change is worse.
    const pick = (testId: string, value: string) => {
      const select = versions.querySelector<HTMLSelectElement>(`[data-testid="${testId}"]`)!;
      select.value = value;
      select.dispatchEvent(new Event('change'));
    };
    pick('compare-a', '2');
    pick('compare-b', '1');
    await view.settle();
    expect(compare()[1]).toEqual(['Completion rate', '90%', '80%', '−10.0 pts (worse)']);
  });

  it('limits the report to one version from the URL, and its figures open that version’s sessions', async () => {
    await open(`/flows/${FLOW_VPN_ID}/analytics?period=7d&version=1`);
    const request = expectReport(view.http, FLOW);
    expect(request.request.params.get('version')).toBe('1');
    request.flush({ ...FLOW_REPORT, version: 1 });
    await view.settle();

    expect(textOf(page().querySelector('.version-note'))).toContain('Only sessions started on version 1');
    expect(decodeURIComponent(section('rf-drop-off-list').querySelector('li a')!.getAttribute('href')!)).toBe(
      `/admin/sessions?tree_id=${FLOW_VPN_ID}&tree_version=1&period=7d&stopped_at_node_id=node-reinstall`,
    );
    const shown = section('rf-flow-versions').querySelector('tr.is-shown')!;
    expect(textOf(shown.querySelector('th'))).toBe('v1');
    expect(shown.querySelector('a')!.getAttribute('href')).toBe(`/flows/${FLOW_VPN_ID}/analytics?period=7d`);
  });
  it('draws the flow coloured by what happened at each node, with its table', async () => {
    await open();
    await answer();
    const map = section('rf-flow-map');
    expect(map.querySelectorAll('rect.box')).toHaveLength(3);
    expect(map.querySelectorAll('[data-testid="flow-map-table"] tbody tr')).toHaveLength(3);
  });
});
