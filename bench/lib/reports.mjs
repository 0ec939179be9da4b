// The analytics reports computed in-process on a pg pool, with either implementation:
// 'live' (the original live aggregation over raw tables: the baseline) or 'rollup'.
// Uses the compiled backend (dist/bench-backend) so the baseline is the very query code the API
// falls back to.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

import { BUILD_DIR } from '../generate-dataset.mjs';

const require = createRequire(import.meta.url);
const dist = (path) => require(resolve(BUILD_DIR, path));

const { LIVE_SECTIONS, ROLLUP_SECTIONS } = dist('analytics/report/sections/sections.js');
const { analyticsWindow } = dist('analytics/report/analytics-window.js');
const { queryRecentComments } = dist('analytics/report/sections/live/recent-comments.query.js');
const { ReadBatch } = dist('analytics/report/read-batch.js');

export const SECTIONS = { live: LIVE_SECTIONS, rollup: ROLLUP_SECTIONS };

async function inSnapshot(pool, work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    const db = { query: async (sql, params) => (await client.query(sql, params)).rows };
    const result = await work(db);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The same sections, in the same order, as AnalyticsService (minus access checks). `nodeTimes:
 * false` leaves the flow report's time per node out: the flow report as it was before it (bench).
 */
export function report(pool, kind, impl, { accountId, userId, treeId, period, tz, now }, { nodeTimes = true } = {}) {
  const q = SECTIONS[impl];
  const window = analyticsWindow({ period, tz, now });
  return inSnapshot(pool, async (db) => {
    if (kind === 'team' || kind === 'me') {
      const scope = { accountId, userId };
      const out = {
        summary: await q.summary(db, scope, window),
        time_series: await q.timeSeries(db, scope, window),
        top_flows: await q.topFlows(db, scope, window),
      };
      if (kind === 'team') out.top_engineers = await q.topEngineers(db, scope, window);
      return out;
    }
    const scope = { accountId, treeId };
    const summary = await q.summary(db, scope, window);
    return {
      summary,
      time_series: await q.timeSeries(db, scope, window),
      csat_distribution: await q.csatDistribution(db, scope, window),
      step_feedback: await q.stepFeedback(db, scope, window),
      drop_off: await q.dropOff(db, scope, window),
      outcomes_by_node: await q.outcomesByNode(db, scope, window),
      node_times: nodeTimes ? await q.nodeTimes(db, scope, window) : undefined,
      recent_comments: await queryRecentComments(db, scope, window, { withNames: true }),
    };
  });
}

/**
 * The flow report from the rollups as AnalyticsService reads it from scratch: every section
 * started together, their statements sent as one batch per round (ReadBatch) in one read-only
 * snapshot, no cache. `nodeTimes: false` leaves time per node out (the report before it);
 * `closed` (closed-days.ts) computes it as after a write, the closed days' sums kept.
 */
export async function flowReportAsApi(pool, { accountId, treeId, period, tz, now }, { nodeTimes = true, closed } = {}) {
  const q = ROLLUP_SECTIONS;
  const window = analyticsWindow({ period, tz, now });
  const scope = { accountId, treeId };
  const client = await pool.connect();
  const db = new ReadBatch(client, [
    'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    'SET LOCAL max_parallel_workers_per_gather = 0',
  ]);
  try {
    const sections = await Promise.all([
      q.summary(db, scope, window, closed),
      q.timeSeries(db, scope, window, closed),
      q.csatDistribution(db, scope, window, closed),
      q.stepFeedback(db, scope, window, closed),
      q.dropOff(db, scope, window, closed),
      q.outcomesByNode(db, scope, window, closed),
      nodeTimes ? q.nodeTimes(db, scope, window, closed) : undefined,
      queryRecentComments(db, scope, window, { withNames: true }),
    ]);
    await db.close();
    await client.query('COMMIT');
    return sections;
  } catch (error) {
    await db.close();
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
