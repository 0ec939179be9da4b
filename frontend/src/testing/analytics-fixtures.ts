import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';

import type {
  AccountUser,
  AnalyticsWindow,
  DailyPoint,
  FlowAnalytics,
  MyAnalytics,
  Summary,
  SummaryFigures,
  TeamAnalytics,
} from '../app/features/analytics/analytics-types';

/** Sample analytics payloads for component tests, shaped like the generated client's models. */

export const FLOW_VPN_ID = 'dc5dfd98-cd61-4198-8774-c8b9025cf3d1';
export const FLOW_PASSWORD_ID = 'af32b03d-6114-407c-ad6d-c23dcd7783a6';
export const TOM_ID = '05e4ec32-a770-4959-a157-12f773cd9a80';
export const LENA_ID = '6d39e87f-c481-4bbf-961b-29b361b9c4f5';
export const PRIYA_ID = 'a5e956c3-6c2a-49e6-adbe-f203e4407ccb';

export const WEEK_WINDOW: AnalyticsWindow = {
  period: '7d',
  tz: 'Europe/London',
  from: '2026-11-18',
  to: '2026-11-24',
  start: '2026-11-18T00:00:00.000Z',
  end: '2026-11-25T00:00:00.000Z',
  previous_from: '2026-11-11',
  previous_to: '2026-11-17',
};

const NO_FIGURES: SummaryFigures = {
  total_sessions: 0,
  completed_sessions: 0,
  completion_rate: 0,
  avg_duration_minutes: 0,
  median_duration_minutes: 0,
  outcome_breakdown: { resolved: 0, escalated: 0, workaround: 0, unresolved: 0 },
  rating_count: 0,
  avg_csat: null,
  csat_score: null,
  response_rate: 0,
};

/** A busy week compared with a slightly better one before it. */
export const WEEK_SUMMARY: Summary = {
  total_sessions: 1072,
  completed_sessions: 941,
  completion_rate: 0.878,
  avg_duration_minutes: 14.4,
  median_duration_minutes: 12.5,
  outcome_breakdown: { resolved: 580, escalated: 160, workaround: 130, unresolved: 71 },
  rating_count: 150,
  avg_csat: 3.8,
  csat_score: 0.6,
  response_rate: 0.159,
  previous: {
    total_sessions: 1144,
    completed_sessions: 1084,
    completion_rate: 0.948,
    avg_duration_minutes: 12.8,
    median_duration_minutes: 11.8,
    outcome_breakdown: { resolved: 700, escalated: 150, workaround: 150, unresolved: 84 },
    rating_count: 220,
    avg_csat: 4,
    csat_score: 0.682,
    response_rate: 0.203,
  },
};

export const EMPTY_SUMMARY: Summary = { ...NO_FIGURES, previous: NO_FIGURES };

function day(date: string, sessions: number, avgCsat: number | null, ratingCount: number): DailyPoint {
  const completed = Math.max(0, sessions - 2);
  const resolved = Math.round(completed * 0.6);
  const workaround = Math.round(completed * 0.15);
  const escalated = Math.round(completed * 0.15);
  return {
    date,
    sessions,
    completed,
    resolved,
    workaround,
    escalated,
    unresolved: completed - resolved - workaround - escalated,
    rating_count: ratingCount,
    avg_csat: avgCsat,
  };
}

export const WEEK_SERIES: DailyPoint[] = [
  day('2026-11-18', 160, 3.5, 20),
  day('2026-11-19', 150, 4.3, 25),
  day('2026-11-20', 170, null, 0),
  day('2026-11-21', 40, 4, 5),
  day('2026-11-22', 12, null, 0),
  day('2026-11-23', 270, 3.6, 50),
  day('2026-11-24', 270, 3.9, 50),
];

export const TEAM_REPORT: TeamAnalytics = {
  account_id: '75e1f429-2d55-4c90-aff4-29cd5aad28f5',
  engineer_id: null,
  window: WEEK_WINDOW,
  summary: WEEK_SUMMARY,
  time_series: WEEK_SERIES,
  top_flows: [
    {
      tree_id: FLOW_PASSWORD_ID,
      name: 'Password reset / account locked',
      sessions: 190,
      completed_sessions: 180,
      completion_rate: 0.947,
      avg_duration_minutes: 7.8,
      rating_count: 40,
      avg_csat: 4.5,
    },
    {
      tree_id: FLOW_VPN_ID,
      name: 'VPN will not connect',
      sessions: 140,
      completed_sessions: 130,
      completion_rate: 0.929,
      avg_duration_minutes: 15.7,
      rating_count: 50,
      avg_csat: 2.8,
    },
    {
      tree_id: '946ce3b4-323b-45df-aa25-0c76eb230f51',
      name: 'Printer not printing',
      sessions: 110,
      completed_sessions: 90,
      completion_rate: 0.818,
      avg_duration_minutes: 8.2,
      rating_count: 0,
      avg_csat: null,
    },
  ],
  top_engineers: [
    {
      user_id: PRIYA_ID,
      name: 'Priya Shah',
      sessions: 290,
      completed_sessions: 270,
      completion_rate: 0.931,
      avg_duration_minutes: 12.2,
      rating_count: 50,
      avg_csat: 4.6,
    },
    {
      user_id: TOM_ID,
      name: 'Tom Becker',
      sessions: 210,
      completed_sessions: 140,
      completion_rate: 0.667,
      avg_duration_minutes: 16.7,
      rating_count: 30,
      avg_csat: 2.7,
    },
  ],
};

export const EMPTY_TEAM_REPORT: TeamAnalytics = {
  ...TEAM_REPORT,
  summary: EMPTY_SUMMARY,
  time_series: WEEK_SERIES.map((point) => ({ ...day(point.date, 0, null, 0), completed: 0 })),
  top_flows: [],
  top_engineers: [],
};

export const MY_REPORT: MyAnalytics = {
  window: WEEK_WINDOW,
  summary: {
    ...WEEK_SUMMARY,
    total_sessions: 29,
    completed_sessions: 27,
    completion_rate: 0.931,
    avg_duration_minutes: 12.2,
    median_duration_minutes: 10,
    outcome_breakdown: { resolved: 20, escalated: 3, workaround: 3, unresolved: 1 },
    rating_count: 0,
    avg_csat: null,
    csat_score: null,
    response_rate: 0,
    previous: { ...NO_FIGURES, total_sessions: 0 },
  },
  time_series: WEEK_SERIES.map((point) => ({ ...point, avg_csat: null, rating_count: 0 })),
  top_flows: TEAM_REPORT.top_flows.slice(0, 2),
};

export const FLOW_REPORT: FlowAnalytics = {
  tree_id: FLOW_VPN_ID,
  name: 'VPN will not connect',
  version: null,
  window: WEEK_WINDOW,
  summary: { ...WEEK_SUMMARY, total_sessions: 140, completed_sessions: 130, rating_count: 20, avg_csat: 3.4 },
  avg_csat: 3.4,
  total_ratings: 20,
  time_series: WEEK_SERIES,
  csat_distribution: { '1': 2, '2': 2, '3': 8, '4': 2, '5': 6 },
  step_feedback: [
    {
      node_id: 'node-flush-dns',
      node_title: 'Flush DNS and renew the IP lease',
      step_id: 'step-dns',
      helpful_yes: 9,
      helpful_no: 8,
      helpful_rate: 0.529,
    },
    {
      node_id: 'node-cable',
      node_title: 'Check network cable / Wi-Fi',
      step_id: null,
      helpful_yes: 4,
      helpful_no: 2,
      helpful_rate: 0.667,
    },
  ],
  drop_off: [
    { node_id: 'node-reinstall', node_title: 'Reinstall the VPN client', node_type: 'step', sessions: 7 },
    { node_id: 'node-locked', node_title: 'Is the account locked?', node_type: 'question', sessions: 1 },
  ],
  outcomes_by_node: [
    {
      node_id: 'node-escalate',
      node_title: 'Escalate to the Network team',
      node_type: 'solution',
      sessions: 25,
      resolved: 0,
      escalated: 16,
      workaround: 4,
      unresolved: 5,
    },
  ],
  node_times: [
    {
      node_id: 'node-reinstall',
      node_title: 'Reinstall the VPN client',
      type: 'step',
      visits: 31,
      median_seconds: 184,
      p90_seconds: 412.5,
    },
  ],
  recent_comments: [
    {
      session_id: '5e55f1c0-0000-4000-8000-000000000001',
      rating: 2,
      comment: 'Steps are out of date for the new client version.',
      user_name: 'Tom Becker',
      created_at: '2026-11-24T12:25:10.211Z',
    },
    {
      session_id: '5e55f1c0-0000-4000-8000-000000000002',
      rating: 5,
      comment: 'Perfect, fixed in five minutes.',
      user_name: null,
      created_at: '2026-11-13T15:05:19.784Z',
    },
  ],
};

export const TEAM_USERS: AccountUser[] = [
  {
    id: TOM_ID,
    account_id: 'account-1',
    email: 'engineer2@northwind.example',
    name: 'Tom Becker',
    role: 'engineer',
    is_active: true,
    created_at: '2026-08-16T18:24:31.632Z',
  },
  {
    id: LENA_ID,
    account_id: 'account-1',
    email: 'engineer3@northwind.example',
    name: 'Lena Novak',
    role: 'engineer',
    is_active: true,
    created_at: '2026-08-16T18:24:31.632Z',
  },
  {
    id: PRIYA_ID,
    account_id: 'account-1',
    email: 'engineer1@northwind.example',
    name: 'Priya Shah',
    role: 'engineer',
    is_active: true,
    created_at: '2026-08-16T18:24:31.632Z',
  },
];

/** The one open request for an analytics report (JSON, not CSV). */
export function expectReport(http: HttpTestingController, path: string): TestRequest {
  return http.expectOne((req) => req.url === path && req.headers.get('Accept') !== 'text/csv');
}
