import { validateFlowGraph } from '../trees/flow-graph';
import { buildDemoDataset, DemoDataset, enumerateRoutes, outcomeCounts } from './demo-dataset';
import { generateDemoFeedback } from './demo-feedback';
import { Rng } from './prng';
import { zonedParts, zonedTimeToUtc } from './zoned-time';

/** Deterministic ids, so two builds can be compared whole. */
function counterIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
}

// A Wednesday in BST, mid-afternoon in London: some of today's sessions are done, some running.
const NOW = new Date('2025-06-18T14:20:00Z');

describe('demo dataset', () => {
  let data: DemoDataset;
  beforeAll(() => {
    data = buildDemoDataset({ now: NOW, newId: counterIds() });
  });

  it('is the same every time for the same seed and now', () => {
    const again = buildDemoDataset({ now: NOW, newId: counterIds() });
    expect(JSON.stringify(again.sessions)).toEqual(JSON.stringify(data.sessions));
  });

  it('builds six published-ready flows of 6–12 nodes with well-formed options', () => {
    expect(data.flows).toHaveLength(6);
    const stepIds = new Set(data.steps.map((s) => s.id));
    for (const flow of data.flows) {
      expect(flow.nodes.length).toBeGreaterThanOrEqual(6);
      expect(flow.nodes.length).toBeLessThanOrEqual(12);
      expect(flow.nodeById.has(flow.startNodeId)).toBe(true);
      for (const node of flow.nodes) {
        const count = node.options.length;
        if (node.type === 'question') expect(count >= 2 && count <= 4).toBe(true);
        if (node.type === 'step') expect(count >= 1 && count <= 2).toBe(true);
        if (node.type === 'solution') expect(count).toBe(0);
        for (const option of node.options) expect(flow.nodeById.has(option.next_node_id)).toBe(true);
        if (node.stepId) expect(stepIds.has(node.stepId)).toBe(true);
      }
      expect(validateFlowGraph(flow.startNodeId, flow.nodes, 'published')).toEqual([]);
      // Every node is reachable from the start.
      const reached = new Set(enumerateRoutes(flow).map((r) => r.end.id));
      expect(reached.size).toBe(flow.nodes.length);
    }
    expect(data.flows.filter((f) => f.def.kind === 'procedural')).toHaveLength(1);
  });

  it('walks real paths: options exist, links are followed, times increase', () => {
    const flows = new Map(data.flows.map((f) => [f.id, f]));
    for (const s of data.sessions) {
      const flow = flows.get(s.treeId);
      if (!flow) throw new Error('unknown flow');
      let at = flow.startNodeId;
      let last = s.startedAt.getTime();
      for (const entry of s.path) {
        expect(entry.node_id).toBe(at);
        const option = flow.nodeById.get(at)?.options.find((o) => o.id === entry.option_id);
        if (!option) throw new Error(`option ${entry.option_id} is not on node ${at}`);
        at = option.next_node_id;
        const time = Date.parse(entry.at);
        expect(time).toBeGreaterThan(last);
        last = time;
      }
      expect(s.currentNodeId).toBe(at);
      expect(last).toBeLessThanOrEqual(NOW.getTime());
      if (s.completedAt) {
        expect(s.outcome).not.toBeNull();
        expect(flow.nodeById.get(at)?.type).toBe('solution');
        expect(s.completedAt.getTime()).toBeGreaterThan(last);
        expect(s.completedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
        const minutes = (s.completedAt.getTime() - s.startedAt.getTime()) / 60_000;
        expect(minutes).toBeGreaterThanOrEqual(3);
        expect(minutes).toBeLessThanOrEqual(45.1);
      } else {
        expect(s.outcome).toBeNull();
      }
    }
  });

  it('has about the intended volume and outcome mix', () => {
    const total = data.sessions.length;
    expect(total).toBeGreaterThanOrEqual(1000);
    expect(total).toBeLessThanOrEqual(1500);
    const counts = outcomeCounts(data.sessions);
    const share = (n: number) => n / total;
    expect(share(counts.resolved)).toBeGreaterThan(0.48);
    expect(share(counts.resolved)).toBeLessThan(0.62);
    expect(share(counts.workaround)).toBeGreaterThan(0.1);
    expect(share(counts.escalated)).toBeGreaterThan(0.1);
    expect(share(counts.unresolved)).toBeGreaterThan(0.03);
    expect(share(counts.unfinished)).toBeGreaterThan(0.04);
    expect(share(counts.unfinished)).toBeLessThan(0.12);
    for (const flow of data.flows)
      expect(flow.usageCount).toBe(data.sessions.filter((s) => s.treeId === flow.id).length);
  });

  it('starts sessions in London working hours within the last 90 days', () => {
    const earliest = NOW.getTime() - 90 * 86_400_000;
    for (const s of data.sessions) {
      expect(s.startedAt.getTime()).toBeGreaterThan(earliest);
      const hour = zonedParts(s.startedAt, 'Europe/London').hour;
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThan(18);
    }
  });

  it('lists each session’s answered step nodes for later feedback', () => {
    const withSteps = data.sessions.filter((s) => s.visitedSteps.length);
    expect(withSteps.length).toBeGreaterThan(data.sessions.length / 2);
    for (const s of withSteps) {
      for (const visit of s.visitedSteps) {
        expect(s.path.some((e) => e.node_id === visit.nodeId && e.option_id === visit.optionId)).toBe(true);
        if (visit.fixedIt) expect(s.outcome).toBe('resolved');
      }
    }
    expect(withSteps.some((s) => s.visitedSteps.some((v) => v.stepId))).toBe(true);
  });
});

describe('zonedTimeToUtc', () => {
  it('converts London wall time in summer and winter', () => {
    const wall = { hour: 9, minute: 30, second: 0 };
    expect(zonedTimeToUtc('Europe/London', { year: 2025, month: 7, day: 1, ...wall }).toISOString()).toBe(
      '2025-07-01T08:30:00.000Z',
    );
    expect(zonedTimeToUtc('Europe/London', { year: 2025, month: 1, day: 15, ...wall }).toISOString()).toBe(
      '2025-01-15T09:30:00.000Z',
    );
  });
});

describe('Rng', () => {
  it('repeats for a seed and respects weights', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    expect([a.float(), a.float(), a.int(1, 6)]).toEqual([b.float(), b.float(), b.int(1, 6)]);
    const rng = new Rng(7);
    for (let i = 0; i < 100; i++)
      expect(rng.weighted(['never', 'always'], (x) => (x === 'always' ? 1 : 0))).toBe('always');
  });
});

describe('generateDemoFeedback', () => {
  const data = buildDemoDataset({ now: new Date('2026-11-24T12:00:00Z'), seed: 7 });
  const { ratings, votes } = generateDemoFeedback(data, new Rng(11));
  const completed = data.sessions.filter((s) => s.completedAt);

  it('rates about 30% of completed sessions, at most once each, never before completion or after now', () => {
    expect(ratings.length / completed.length).toBeGreaterThan(0.22);
    expect(ratings.length / completed.length).toBeLessThan(0.38);
    expect(new Set(ratings.map((r) => r.sessionId)).size).toBe(ratings.length);
    const byId = new Map(data.sessions.map((s) => [s.id, s]));
    for (const rating of ratings) {
      const session = byId.get(rating.sessionId)!;
      expect(rating.createdAt.getTime()).toBeGreaterThanOrEqual(session.completedAt!.getTime());
      expect(rating.createdAt.getTime()).toBeLessThanOrEqual(data.now.getTime());
      expect(rating.rating).toBeGreaterThanOrEqual(1);
      expect(rating.rating).toBeLessThanOrEqual(5);
    }
  });

  it('votes on about 40% of step visits, once per session and node', () => {
    const visits = data.sessions.reduce((n, s) => n + s.visitedSteps.length, 0);
    expect(votes.length / visits).toBeGreaterThan(0.32);
    expect(votes.length / visits).toBeLessThan(0.48);
    expect(new Set(votes.map((v) => `${v.sessionId}/${v.nodeId}`)).size).toBe(votes.length);
  });

  it('rates resolved sessions higher than unresolved ones', () => {
    const outcomeOf = new Map(data.sessions.map((s) => [s.id, s.outcome]));
    const mean = (outcome: string) => {
      const scores = ratings.filter((r) => outcomeOf.get(r.sessionId) === outcome).map((r) => r.rating);
      return scores.reduce((a, b) => a + b, 0) / scores.length;
    };
    expect(mean('resolved')).toBeGreaterThan(mean('unresolved') + 1);
  });
});
