import { Outcome } from '../sessions/session.entity';
import { DemoDataset } from './demo-dataset';
import { Rng } from './prng';

export interface DemoRating {
  sessionId: string;
  userId: string;
  treeId: string;
  rating: number;
  comment: string | null;
  createdAt: Date;
}

export interface DemoVote {
  sessionId: string;
  treeId: string;
  nodeId: string;
  stepId: string | null;
  userId: string;
  wasHelpful: boolean;
  at: Date;
}

/** Share of completed sessions that get a CSAT rating, and of step visits that get a thumb. */
export const RATED_SHARE = 0.3;
export const VOTED_SHARE = 0.4;

/** How the finish feels shapes the score: resolved sessions rate high, dead ends low. */
const RATING_WEIGHTS: Record<Outcome, number[]> = {
  resolved: [0.01, 0.03, 0.1, 0.36, 0.5],
  workaround: [0.04, 0.12, 0.36, 0.34, 0.14],
  escalated: [0.1, 0.24, 0.36, 0.22, 0.08],
  unresolved: [0.32, 0.34, 0.22, 0.1, 0.02],
};

const COMMENTS: Record<number, string[]> = {
  1: [
    'Went round in circles, none of the steps applied to this model.',
    'The flow assumes admin rights the user does not have.',
    'Wasted 20 minutes before escalating anyway.',
  ],
  2: [
    'Steps are out of date for the new client version.',
    'Needed a branch for users working from home.',
    'Instructions unclear on where to find the setting.',
  ],
  3: [
    'Got there in the end, but the order of checks could be better.',
    'OK, though the help text could show a screenshot.',
    'Fine for the common case, missing the edge cases.',
  ],
  4: [
    'Clear steps, user was back up quickly.',
    'Good flow, would add a note about the VPN timeout.',
    'Saved me looking it up in the wiki.',
  ],
  5: [
    'Perfect, fixed in five minutes.',
    'Exactly the checks I would have done, in the right order.',
    'Great flow, new starters should use this.',
    'Spot on — the spooler step fixed it straight away.',
  ],
};

/**
 * CSAT ratings and step thumbs for the demo sessions. Step nodes get a quality of their own
 * so the flow analytics show some steps that help and some that do not.
 */
export function generateDemoFeedback(data: DemoDataset, rng: Rng): { ratings: DemoRating[]; votes: DemoVote[] } {
  const nowMs = data.now.getTime();
  const quality = new Map<string, number>();
  for (const flow of data.flows) {
    for (const node of flow.nodes) if (node.type === 'step') quality.set(node.id, 0.3 + 0.6 * rng.float());
  }

  const ratings: DemoRating[] = [];
  const votes: DemoVote[] = [];
  for (const session of data.sessions) {
    for (const visit of session.visitedSteps) {
      if (!rng.chance(VOTED_SHARE)) continue;
      const helpfulChance = visit.fixedIt ? 0.95 : (quality.get(visit.nodeId) ?? 0.6);
      votes.push({
        sessionId: session.id,
        treeId: session.treeId,
        nodeId: visit.nodeId,
        stepId: visit.stepId,
        userId: session.userId,
        wasHelpful: rng.chance(helpfulChance),
        at: new Date(visit.at),
      });
    }

    if (!session.completedAt || !session.outcome || !rng.chance(RATED_SHARE)) continue;
    const score = rng.weighted([1, 2, 3, 4, 5], (n) => RATING_WEIGHTS[session.outcome as Outcome][n - 1]);
    const createdAt = new Date(Math.min(nowMs, session.completedAt.getTime() + rng.int(20, 300) * 1000));
    ratings.push({
      sessionId: session.id,
      userId: session.userId,
      treeId: session.treeId,
      rating: score,
      comment: rng.chance(0.45) ? rng.pick(COMMENTS[score]) : null,
      createdAt,
    });
  }
  return { ratings, votes };
}
