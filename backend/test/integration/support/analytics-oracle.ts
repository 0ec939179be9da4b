import { DataSource } from 'typeorm';

import { analyticsWindow } from '../../../src/analytics/report/analytics-window';
import { LIVE_SECTIONS } from '../../../src/analytics/report/sections/sections';
import { SqlRunner } from '../../../src/analytics/report/sections/sql';
import { verifyRollups } from '../../../src/analytics/rollup/rollup-recount';
import { auth, Http } from './fixtures';

export interface ReportCallers {
  accountId: string;
  adminToken: string;
  engineer: { id: string; token: string };
  treeIds: string[];
}

/**
 * The team, personal and per-flow reports as the API answers them through `http`, and the same
 * sections computed by live aggregation over the raw tables in one snapshot of `dataSource`:
 * equal when the API's rollups (and whatever it cached) are exact.
 */
export async function reportsAndLiveAggregation(
  http: Http,
  dataSource: DataSource,
  callers: ReportCallers,
  { from, to, tz }: { from: string; to: string; tz: string },
): Promise<{ api: unknown; live: unknown }> {
  const query = `from=${from}&to=${to}&tz=${tz}`;
  const window = analyticsWindow({ from, to, tz, now: new Date() });
  const get = async (path: string, token: string) =>
    (
      await http
        .get(`/api/v1/analytics/${path}${path.includes('?') ? '&' : '?'}${query}`)
        .set(auth(token))
        .expect(200)
    ).body;
  const q = LIVE_SECTIONS;
  const teamScope = { accountId: callers.accountId };
  const mineScope = { accountId: callers.accountId, userId: callers.engineer.id };

  const team = await get('team', callers.adminToken);
  const mine = await get('me', callers.engineer.token);
  const flows = [];
  for (const treeId of callers.treeIds) flows.push(await get(`flows/${treeId}`, callers.adminToken));
  const api = {
    team: {
      summary: team.summary,
      time_series: team.time_series,
      top_flows: team.top_flows,
      top_engineers: team.top_engineers,
    },
    mine: { summary: mine.summary, time_series: mine.time_series, top_flows: mine.top_flows },
    flows: flows.map((body) => ({
      summary: body.summary,
      time_series: body.time_series,
      csat_distribution: body.csat_distribution,
      step_feedback: body.step_feedback,
      drop_off: body.drop_off,
      outcomes_by_node: body.outcomes_by_node,
      node_times: body.node_times,
    })),
  };
  const live = await dataSource.transaction('REPEATABLE READ', async (db: SqlRunner) => {
    const flowReports = [];
    for (const treeId of callers.treeIds) {
      const scope = { accountId: callers.accountId, treeId };
      flowReports.push({
        summary: await q.summary(db, scope, window),
        time_series: await q.timeSeries(db, scope, window),
        csat_distribution: await q.csatDistribution(db, scope, window),
        step_feedback: await q.stepFeedback(db, scope, window),
        drop_off: await q.dropOff(db, scope, window),
        outcomes_by_node: await q.outcomesByNode(db, scope, window),
        node_times: await q.nodeTimes(db, scope, window),
      });
    }
    return {
      team: {
        summary: await q.summary(db, teamScope, window),
        time_series: await q.timeSeries(db, teamScope, window),
        top_flows: await q.topFlows(db, teamScope, window),
        top_engineers: await q.topEngineers(db, teamScope, window),
      },
      mine: {
        summary: await q.summary(db, mineScope, window),
        time_series: await q.timeSeries(db, mineScope, window),
        top_flows: await q.topFlows(db, mineScope, window),
      },
      flows: flowReports,
    };
  });
  return { api, live };
}

/** rollup:verify in one snapshot: the differing buckets (none when the rollups are exact). */
export function rollupDifferences(dataSource: DataSource) {
  return dataSource.transaction('REPEATABLE READ', (manager) => verifyRollups(manager));
}
