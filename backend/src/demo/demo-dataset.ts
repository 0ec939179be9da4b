import { randomUUID } from 'node:crypto';

import { Outcome, PathEntry } from '../sessions/session.entity';
import { NodeOption, NodeType } from '../trees/tree-node.entity';
import { UserRole } from '../users/user.entity';
import {
  DEMO_ACCOUNT,
  DEMO_ADMIN,
  DEMO_BASE_MIX,
  DEMO_ENGINEERS,
  DEMO_FLOWS,
  DEMO_NOTES,
  DEMO_STEPS,
  DemoEngineerDef,
  DemoFlowDef,
  DemoMixKey,
  DemoNodeDef,
} from './demo-content';
import { Rng } from './prng';
import { ZonedParts, zonedParts, zonedTimeToUtc } from './zoned-time';

/**
 * Pure generation of the demo account: everything the seed inserts, with ids, built in memory
 * from demo-content.ts. No database access here, so it can be unit-tested and reused (e.g. to
 * add ratings and step feedback for the generated sessions).
 */

export const DEMO_SEED = 20251124;
export const DEMO_DAYS = 90;
const DAY_MS = 86_400_000;
const MIX_KEYS: DemoMixKey[] = ['resolved', 'workaround', 'escalated', 'unresolved', 'unfinished'];
const OUTCOMES: Outcome[] = ['resolved', 'workaround', 'escalated', 'unresolved'];
const MIN_MINUTES = 3;
const MAX_MINUTES = 45;

/** Typical weekday volume by ISO weekday (Monday busiest, Friday quietest). */
const WEEKDAY_VOLUME: Record<number, number> = { 1: 18, 2: 17, 3: 17, 4: 16, 5: 14 };
/** Relative chance a session starts in each local hour of the working day. */
const WEEKDAY_HOURS: [number, number][] = [
  [8, 0.5],
  [9, 1.3],
  [10, 1.4],
  [11, 1.2],
  [12, 0.7],
  [13, 0.9],
  [14, 1.2],
  [15, 1.1],
  [16, 0.9],
  [17, 0.4],
];
const WEEKEND_HOURS: [number, number][] = [9, 10, 11, 12, 13, 14, 15].map((h) => [h, 1]);

export interface DemoUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** Set for engineers: the profile that shaped their sessions. */
  profile: DemoEngineerDef | null;
}

export interface DemoLibraryStep {
  id: string;
  key: string;
  title: string;
  instructions: string;
}

export interface DemoNode {
  id: string;
  key: string;
  type: NodeType;
  title: string;
  body: string;
  helpText: string | null;
  stepId: string | null;
  options: NodeOption[];
  position: number;
  def: DemoNodeDef;
}

export interface DemoFlow {
  id: string;
  def: DemoFlowDef;
  startNodeId: string;
  nodes: DemoNode[];
  nodeById: Map<string, DemoNode>;
  /** Sessions generated on this flow (the seed stores it as usage_count). */
  usageCount: number;
}

/** A step node the engineer worked through and answered during a session. */
export interface DemoVisitedStep {
  nodeId: string;
  /** The library step behind the node, if any. */
  stepId: string | null;
  optionId: string;
  optionLabel: string;
  at: string;
  /** The answer led straight to a solution and the session was resolved: this step fixed it. */
  fixedIt: boolean;
}

export interface DemoSession {
  id: string;
  treeId: string;
  userId: string;
  startedAt: Date;
  completedAt: Date | null;
  outcome: Outcome | null;
  /** Where the session stands: the solution it ended on, or the node an unfinished one stopped at. */
  currentNodeId: string;
  path: PathEntry[];
  notes: string | null;
  visitedSteps: DemoVisitedStep[];
}

export interface DemoDataset {
  now: Date;
  /** When the account, users, library and flows were created (before the first session). */
  createdAt: Date;
  account: { id: string; name: string; timezone: string };
  users: DemoUser[];
  admin: DemoUser;
  engineers: DemoUser[];
  steps: DemoLibraryStep[];
  flows: DemoFlow[];
  sessions: DemoSession[];
}

export interface DemoDatasetOptions {
  now?: Date;
  seed?: number;
  /** Id generator; tests pass a deterministic one. */
  newId?: () => string;
  /** Another copy of the demo account (e.g. one per browser test): its name… */
  accountName?: string;
  /** …and the domain of its users' emails, in place of northwind.example. */
  emailDomain?: string;
}

/** A demo user's email in the account's domain. */
const inDomain = (email: string, domain?: string) => (domain ? email.replace(/@.*$/, `@${domain}`) : email);

/** Builds the whole demo account in memory. Same seed and same `now` give the same data. */
export function buildDemoDataset(options: DemoDatasetOptions = {}): DemoDataset {
  const now = options.now ?? new Date();
  const newId = options.newId ?? randomUUID;
  const createdAt = new Date(now.getTime() - (DEMO_DAYS + 10) * DAY_MS);

  const admin: DemoUser = {
    id: newId(),
    email: inDomain(DEMO_ADMIN.email, options.emailDomain),
    name: DEMO_ADMIN.name,
    role: 'team_admin',
    profile: null,
  };
  const engineers: DemoUser[] = DEMO_ENGINEERS.map((profile) => ({
    id: newId(),
    email: inDomain(profile.email, options.emailDomain),
    name: profile.name,
    role: 'engineer',
    profile,
  }));
  const steps = DEMO_STEPS.map((step) => ({ id: newId(), ...step }));
  const flows = buildDemoFlows(steps, newId);
  const sessions = generateDemoSessions(flows, engineers, {
    now,
    timeZone: DEMO_ACCOUNT.timezone,
    rng: new Rng(options.seed ?? DEMO_SEED),
    newId,
  });
  for (const flow of flows) flow.usageCount = sessions.filter((s) => s.treeId === flow.id).length;

  return {
    now,
    createdAt,
    account: { id: newId(), name: options.accountName ?? DEMO_ACCOUNT.name, timezone: DEMO_ACCOUNT.timezone },
    users: [admin, ...engineers],
    admin,
    engineers,
    steps,
    flows,
    sessions,
  };
}

/** Gives every node and option of the flow definitions a UUID and resolves the links. */
export function buildDemoFlows(steps: DemoLibraryStep[], newId: () => string = randomUUID): DemoFlow[] {
  const stepByKey = new Map(steps.map((step) => [step.key, step]));
  return DEMO_FLOWS.map((def) => {
    const idByKey = new Map(def.nodes.map((node) => [node.key, newId()]));
    const nodes = def.nodes.map((node, position): DemoNode => {
      const step = node.step ? stepByKey.get(node.step) : undefined;
      if (node.step && !step)
        throw new Error(`Flow ${def.key}: node ${node.key} names unknown library step ${node.step}`);
      const title = node.title ?? step?.title;
      if (!title) throw new Error(`Flow ${def.key}: node ${node.key} has no title`);
      return {
        id: idByKey.get(node.key) as string,
        key: node.key,
        type: node.type,
        title,
        body: node.body ?? step?.instructions ?? '',
        helpText: node.help ?? null,
        stepId: step?.id ?? null,
        options: (node.options ?? []).map((option) => {
          const next = idByKey.get(option.to);
          if (!next)
            throw new Error(
              `Flow ${def.key}: option "${option.label}" of ${node.key} points at unknown node ${option.to}`,
            );
          return { id: newId(), label: option.label, next_node_id: next };
        }),
        position,
        def: node,
      };
    });
    return {
      id: newId(),
      def,
      startNodeId: nodes[0].id,
      nodes,
      nodeById: new Map(nodes.map((node) => [node.id, node])),
      usageCount: 0,
    };
  });
}

/** One way through a flow from its start node: the answers given and the node reached. */
export interface DemoRoute {
  steps: { node: DemoNode; option: NodeOption }[];
  end: DemoNode;
  /** Chance a random walk (by option weights) takes exactly this route. */
  probability: number;
}

/** Every loop-free route from the start node to every node of the flow. Flows are small, so this is cheap. */
export function enumerateRoutes(flow: DemoFlow): DemoRoute[] {
  const routes: DemoRoute[] = [];
  const walk = (node: DemoNode, steps: DemoRoute['steps'], probability: number, onPath: Set<string>) => {
    routes.push({ steps, end: node, probability });
    const weights = node.options.map((_, i) => node.def.options?.[i]?.weight ?? 1);
    const total = weights.reduce((sum, w) => sum + w, 0);
    node.options.forEach((option, i) => {
      const next = flow.nodeById.get(option.next_node_id);
      if (!next || onPath.has(next.id)) return;
      walk(next, [...steps, { node, option }], (probability * weights[i]) / total, new Set(onPath).add(next.id));
    });
  };
  const start = flow.nodeById.get(flow.startNodeId);
  if (!start) throw new Error(`Flow ${flow.def.key} has no start node`);
  walk(start, [], 1, new Set([start.id]));
  return routes;
}

interface WeightedRoute {
  route: DemoRoute;
  weight: number;
}

interface FlowPlan {
  flow: DemoFlow;
  /** Routes ending on a solution where engineers record this outcome. */
  byOutcome: Record<Outcome, WeightedRoute[]>;
  /** Routes ending on a node where an unfinished session stops. */
  dropOff: WeightedRoute[];
}

function effort(node: DemoNode): number {
  return node.def.effort ?? (node.type === 'question' ? 1 : node.type === 'step' ? 3 : 1.5);
}

function dropOffWeight(node: DemoNode): number {
  return node.def.dropOff ?? (node.type === 'question' ? 0.2 : 0.5);
}

function planFlow(flow: DemoFlow): FlowPlan {
  const routes = enumerateRoutes(flow);
  const byOutcome = Object.fromEntries(
    OUTCOMES.map((outcome) => [
      outcome,
      routes
        .filter((r) => r.end.type === 'solution' && (r.end.def.outcomes?.[outcome] ?? 0) > 0)
        .map((route) => ({ route, weight: route.probability * (route.end.def.outcomes?.[outcome] ?? 0) })),
    ]),
  ) as Record<Outcome, WeightedRoute[]>;
  for (const outcome of OUTCOMES) {
    if (!byOutcome[outcome].length) throw new Error(`Flow ${flow.def.key} has no solution for outcome ${outcome}`);
  }
  const dropOff = routes
    .filter((r) => r.end.type !== 'solution')
    .map((route) => ({ route, weight: route.probability * dropOffWeight(route.end) }));
  return { flow, byOutcome, dropOff };
}

export interface GenerateSessionsOptions {
  now: Date;
  timeZone: string;
  rng: Rng;
  newId?: () => string;
  days?: number;
}

/**
 * Sessions for the last `days` days up to `now`: weekday volume by working hours in the
 * account's zone, a light weekend on-call rota, outcomes shaped by engineer and flow, and
 * paths that really walk the flow. Sessions still running at `now` are left active.
 */
export function generateDemoSessions(
  flows: DemoFlow[],
  engineers: DemoUser[],
  options: GenerateSessionsOptions,
): DemoSession[] {
  const { now, timeZone, rng } = options;
  const newId = options.newId ?? randomUUID;
  const days = options.days ?? DEMO_DAYS;
  const plans = flows.map(planFlow);
  const onCall = engineers.filter((e) => e.profile?.onCall);
  const today = zonedParts(now, timeZone);
  const todayMs = Date.UTC(today.year, today.month - 1, today.day);
  const sessions: DemoSession[] = [];

  for (let back = days - 1; back >= 0; back--) {
    const dayMs = todayMs - back * DAY_MS;
    const date = new Date(dayMs);
    const isoWeekday = ((date.getUTCDay() + 6) % 7) + 1;
    const weekend = isoWeekday >= 6;
    const progress = (days - 1 - back) / Math.max(1, days - 1);

    let count: number;
    let available: DemoUser[];
    if (weekend) {
      count = rng.weighted([0, 1, 2, 3], (n) => [0.3, 0.35, 0.25, 0.1][n]);
      // One engineer covers each weekend, in turn (weeks counted from the Unix epoch, a Thursday).
      available = onCall.length ? [onCall[Math.floor((dayMs / DAY_MS + 3) / 7) % onCall.length]] : engineers;
    } else {
      // Volume grows slowly over the period as the team adopts the flows.
      const expected = WEEKDAY_VOLUME[isoWeekday] * (0.85 + 0.3 * progress);
      count = Math.min(22, Math.max(8, Math.round(expected + rng.normal() * 2.2)));
      available = engineers.filter((e) => e.profile?.weekdays.includes(isoWeekday) ?? true);
    }

    for (let i = 0; i < count; i++) {
      const hour = rng.weighted(weekend ? WEEKEND_HOURS : WEEKDAY_HOURS, ([, w]) => w)[0];
      const local: ZonedParts = {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour,
        minute: rng.int(0, 59),
        second: rng.int(0, 59),
      };
      const engineer = rng.weighted(available, (e) => e.profile?.share ?? 1);
      const plan = rng.weighted(plans, (p) => p.flow.def.share);
      const session = generateSession(plan, engineer, zonedTimeToUtc(timeZone, local), rng, newId);
      // Today's sessions that have not started yet do not exist; running ones stay active.
      if (session.startedAt.getTime() > now.getTime()) continue;
      sessions.push(cutAt(session, now));
    }
  }
  return sessions.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
}

function generateSession(
  plan: FlowPlan,
  engineer: DemoUser,
  startedAt: Date,
  rng: Rng,
  newId: () => string,
): DemoSession {
  const profile = engineer.profile;
  const flowDef = plan.flow.def;
  const mix = rng.weighted(MIX_KEYS, (k) => DEMO_BASE_MIX[k] * (profile?.mix[k] ?? 1) * (flowDef.mix?.[k] ?? 1));
  const outcome = mix === 'unfinished' ? null : mix;
  const { route } = rng.weighted(outcome ? plan.byOutcome[outcome] : plan.dropOff, (r) => r.weight);

  // Durations are log-normal around the flow's median, longer for long routes and slower engineers.
  const lengthFactor = 0.6 + 0.13 * route.steps.length;
  const escalationFactor = outcome === 'escalated' ? 1.15 : 1;
  const raw =
    flowDef.medianMinutes * (profile?.speed ?? 1) * lengthFactor * escalationFactor * Math.exp(0.45 * rng.normal());
  const durationMs = Math.round(Math.min(MAX_MINUTES, Math.max(MIN_MINUTES, raw)) * 60_000);

  // Time on each node in proportion to its effort, with some jitter; the last share is spent on the end node.
  const shares = [...route.steps.map((s) => effort(s.node)), effort(route.end)].map(
    (e) => e * (0.6 + 0.8 * rng.float()),
  );
  const totalShare = shares.reduce((sum, s) => sum + s, 0);
  let elapsed = 0;
  let previous = startedAt.getTime();
  const path: PathEntry[] = route.steps.map((step, i) => {
    elapsed += (durationMs * shares[i]) / totalShare;
    previous = Math.max(previous + 1000, Math.round((startedAt.getTime() + elapsed) / 1000) * 1000);
    return { node_id: step.node.id, option_id: step.option.id, at: new Date(previous).toISOString() };
  });

  let notes: string | null = null;
  if (outcome && rng.chance(DEMO_NOTES[outcome].chance)) {
    notes = rng.pick(DEMO_NOTES[outcome].lines).replace('{ticket}', `INC0${rng.int(184000, 189999)}`);
  }

  return {
    id: newId(),
    treeId: plan.flow.id,
    userId: engineer.id,
    startedAt,
    completedAt: outcome ? new Date(Math.max(previous + 1000, startedAt.getTime() + durationMs)) : null,
    outcome,
    currentNodeId: route.end.id,
    path,
    notes,
    visitedSteps: visitedSteps(plan.flow, path, outcome),
  };
}

/** A session seen at `now`: anything after it has not happened yet, so a session still running is active. */
function cutAt(session: DemoSession, now: Date): DemoSession {
  const nowMs = now.getTime();
  const over = session.completedAt
    ? session.completedAt.getTime() <= nowMs
    : session.path.every((entry) => Date.parse(entry.at) <= nowMs);
  if (over) return session;
  const kept = session.path.filter((entry) => Date.parse(entry.at) <= nowMs);
  return {
    ...session,
    completedAt: null,
    outcome: null,
    notes: null,
    currentNodeId: session.path[kept.length]?.node_id ?? session.currentNodeId,
    path: kept,
    visitedSteps: session.visitedSteps
      .filter((visit) => Date.parse(visit.at) <= nowMs)
      .map((visit) => ({ ...visit, fixedIt: false })),
  };
}

function visitedSteps(flow: DemoFlow, path: PathEntry[], outcome: Outcome | null): DemoVisitedStep[] {
  const visited: DemoVisitedStep[] = [];
  for (const entry of path) {
    const node = flow.nodeById.get(entry.node_id);
    if (node?.type !== 'step') continue;
    const option = node.options.find((o) => o.id === entry.option_id) as NodeOption;
    const next = flow.nodeById.get(option.next_node_id);
    visited.push({
      nodeId: node.id,
      stepId: node.stepId,
      optionId: option.id,
      optionLabel: option.label,
      at: entry.at,
      fixedIt: outcome === 'resolved' && next?.type === 'solution',
    });
  }
  return visited;
}

/** Counts by outcome ('unfinished' for sessions without one), for the seed's summary line. */
export function outcomeCounts(sessions: DemoSession[]): Record<DemoMixKey, number> {
  const counts: Record<DemoMixKey, number> = { resolved: 0, workaround: 0, escalated: 0, unresolved: 0, unfinished: 0 };
  for (const s of sessions) counts[s.outcome ?? 'unfinished']++;
  return counts;
}
