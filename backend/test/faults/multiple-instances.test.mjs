// Two API processes on one database (issue 20, "several API instances"): a write through one is
// read through the other at once, with the same answer either instance gives; the rollup folders
// running in both lose and double nothing (rollup:verify); and the login limits count once across
// instances, not once per instance. Run with `node --test backend/test/faults/` after a build.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';

import { startApiInstances, startDatabase, stopApiInstances } from './support/api-instances.mjs';

const root = resolve(import.meta.dirname, '../../..');
let database;
let instances = [];

before(async () => {
  database = await startDatabase();
});

after(async () => {
  await stopApiInstances(instances);
  await database?.stop();
});

/** question → step → solution, published. */
function flowBody() {
  const ids = { question: randomUUID(), step: randomUUID(), fixed: randomUUID() };
  return {
    ids,
    body: {
      name: `Flow ${ids.question.slice(0, 8)}`,
      status: 'published',
      start_node_id: ids.question,
      nodes: [
        {
          id: ids.question,
          type: 'question',
          title: 'Is it plugged in?',
          options: [{ label: 'Yes', next_node_id: ids.step }],
        },
        { id: ids.step, type: 'step', title: 'Restart it', options: [{ label: 'Done', next_node_id: ids.fixed }] },
        { id: ids.fixed, type: 'solution', title: 'Works' },
      ],
    },
  };
}

const ok = (res, status, what) => {
  assert.equal(res.status, status, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** The sections of a team report two instances must agree on. */
const sections = (report) => ({
  summary: report.summary,
  time_series: report.time_series,
  top_flows: report.top_flows,
  top_engineers: report.top_engineers,
});

test('two instances: read-your-writes across them, the same answers, and folders that lose and double nothing', async () => {
  instances.push(...(await startApiInstances(2, { databaseUrl: database.url })));
  const [a, b] = instances.map((instance) => instance.api);
  const admin = ok(
    await a('/api/v1/auth/register', {
      body: { account_name: 'Two', name: 'Admin', email: 'two@example.test', password: 'long-enough' },
    }),
    201,
    'register',
  );
  const adminToken = admin.access_token;
  ok(
    await b('/api/v1/users', {
      token: adminToken,
      body: { email: 'eng@example.test', name: 'Eng', password: 'long-enough', role: 'engineer' },
    }),
    201,
    'add engineer',
  );
  const engineer = ok(
    await a('/api/v1/auth/login', { body: { email: 'eng@example.test', password: 'long-enough' } }),
    200,
    'login',
  ).access_token;
  const { ids, body } = flowBody();
  const tree = ok(await b('/api/v1/trees', { token: adminToken, body }), 201, 'create flow');

  /** One session written through `write` and its other half through `other`: start, answer, complete, rate, vote. */
  async function session(write, other, rating) {
    const started = ok(await write('/api/v1/sessions', { token: engineer, body: { tree_id: tree.id } }), 201, 'start');
    const option = started.current_node.options[0].id;
    ok(
      await other(`/api/v1/sessions/${started.id}/decisions`, {
        token: engineer,
        body: { node_id: ids.question, option_id: option },
      }),
      200,
      'answer',
    );
    ok(
      await write(`/api/v1/sessions/${started.id}/complete`, { token: engineer, body: { outcome: 'resolved' } }),
      200,
      'complete',
    );
    ok(await other(`/api/v1/sessions/${started.id}/rate`, { token: engineer, body: { rating } }), 201, 'rate');
    ok(
      await write(`/api/v1/sessions/${started.id}/nodes/${ids.step}/feedback`, {
        token: engineer,
        method: 'PUT',
        body: { was_helpful: rating > 2 },
      }),
      201,
      'vote',
    );
  }

  // Read-your-writes: each rating, written through one instance, is in the next report of the
  // other, at once; and both instances answer the same.
  let ratingSum = 0;
  for (let i = 0; i < 12; i++) {
    const [write, read] = i % 2 ? [b, a] : [a, b];
    const rating = 1 + (i % 5);
    ratingSum += rating;
    await session(write, read, rating);
    const fromOther = ok(await read('/api/v1/analytics/team?period=7d', { token: adminToken }), 200, 'report');
    assert.equal(
      fromOther.summary.rating_count,
      i + 1,
      `rating ${i + 1} written through one instance, read through the other`,
    );
    assert.equal(fromOther.summary.avg_csat, Math.round((ratingSum / (i + 1)) * 10) / 10);
    const fromWriter = ok(await write('/api/v1/analytics/team?period=7d', { token: adminToken }), 200, 'report');
    assert.deepEqual(sections(fromOther), sections(fromWriter));
  }

  // A burst through both at once: both instances' folders fold the journal while writes stream in.
  await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 ? session(a, b, 4) : session(b, a, 2))));
  const flowReportA = ok(
    await a(`/api/v1/analytics/flows/${tree.id}?period=7d`, { token: adminToken }),
    200,
    'flow report',
  );
  const flowReportB = ok(
    await b(`/api/v1/analytics/flows/${tree.id}?period=7d`, { token: adminToken }),
    200,
    'flow report',
  );
  assert.equal(flowReportA.summary.total_sessions, 36);
  assert.equal(flowReportA.summary.rating_count, 36);
  assert.deepEqual(flowReportA.step_feedback, flowReportB.step_feedback);
  assert.equal(flowReportA.step_feedback[0].helpful_yes + flowReportA.step_feedback[0].helpful_no, 36);

  // Let both folders empty the journal, then recount every rollup from the raw rows.
  for (let i = 0; i < 50; i++) {
    const report = ok(await b('/api/v1/analytics/team?period=7d', { token: adminToken }), 200, 'report');
    if (report.summary.total_sessions === 36) break;
  }
  await new Promise((r) => setTimeout(r, 1000));
  const verify = spawnSync(process.execPath, [join(root, 'dist/backend/bin/rollup.js'), 'verify'], {
    env: { ...process.env, DATABASE_URL: database.url },
    encoding: 'utf8',
  });
  assert.equal(verify.status, 0, `rollup verify: ${verify.stdout}${verify.stderr}`);
});

test('login limits count once across instances, per e-mail and per IP', async () => {
  const limited = await startApiInstances(2, {
    databaseUrl: database.url,
    env: { THROTTLE_LOGIN_PER_EMAIL: '3', THROTTLE_AUTH_PER_MINUTE: '5' },
  });
  instances.push(...limited);
  const [a, b] = limited.map((instance) => instance.api);
  // X-Forwarded-For is believed from loopback (a local proxy): each check acts from its own IPs.
  const perEmail = [];
  for (let i = 0; i < 6; i++) {
    const res = await (i % 2 ? b : a)('/api/v1/auth/login', {
      headers: { 'x-forwarded-for': `203.0.113.${10 + i}` },
      body: { email: 'two@example.test', password: 'wrong-guess' },
    });
    perEmail.push(res.status);
  }
  assert.deepEqual(
    perEmail,
    [401, 401, 401, 429, 429, 429],
    'three guesses for one address in all, not three per instance',
  );

  const perIp = [];
  for (let i = 0; i < 8; i++) {
    const res = await (i % 2 ? b : a)('/api/v1/auth/login', {
      headers: { 'x-forwarded-for': '198.51.100.77' },
      body: { email: `nobody${i}@example.test`, password: 'wrong-guess' },
    });
    perIp.push(res.status);
  }
  assert.deepEqual(
    perIp,
    [401, 401, 401, 401, 401, 429, 429, 429],
    'five attempts from one IP in all, not five per instance',
  );
});
