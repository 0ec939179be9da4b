import type { NodeType } from '../admin-api-types';

/**
 * Checks a flow the way an author needs it checked, before anything is sent. The server
 * enforces the same link rules (422); this runs on every keystroke so problems show where
 * they are. Errors block saving; warnings are things an author may have meant.
 *
 * Works on the editor's draft and on an imported POST /trees body alike.
 */
export interface FlowShape {
  name?: string;
  start_node_id?: string;
  nodes: readonly {
    id: string;
    type: NodeType;
    title?: string;
    options?: readonly { label?: string; next_node_id?: string }[];
  }[];
}

/** What the author is about to do: drafts may be half-built, published flows must not strand anyone. */
export type SaveIntent = 'draft' | 'published';

export type IssueSeverity = 'error' | 'warning';

export type IssueCode =
  | 'name-missing'
  | 'no-nodes'
  | 'start-missing'
  | 'duplicate-node-id'
  | 'title-missing'
  | 'option-label-missing'
  | 'option-points-nowhere'
  | 'no-options'
  | 'solution-with-options'
  | 'unreachable'
  | 'no-solution'
  | 'cycle';

export interface FlowIssue {
  code: IssueCode;
  severity: IssueSeverity;
  message: string;
  /** The node the issue belongs to, so the editor can show it there; null for the flow as a whole. */
  nodeId: string | null;
  /** The option of that node, when the issue is about one option. */
  optionIndex: number | null;
}

export function validateFlow(flow: FlowShape, intent: SaveIntent): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const nodes = flow.nodes;
  const ids = new Set(nodes.map((node) => node.id));
  const name = (index: number) => describeNode(flow, index);

  if (!flow.name?.trim()) {
    issues.push(issue('name-missing', 'error', 'The flow needs a name.'));
  }
  if (nodes.length === 0) {
    issues.push(issue('no-nodes', 'error', 'The flow has no nodes yet: add at least one.'));
    return issues;
  }
  const startId = flow.start_node_id ?? '';
  if (!ids.has(startId)) {
    issues.push(
      issue(
        'start-missing',
        'error',
        startId ? 'The start node no longer exists: choose another start node.' : 'Choose a start node.',
      ),
    );
  }

  const seen = new Set<string>();
  nodes.forEach((node, index) => {
    if (seen.has(node.id)) {
      issues.push(issue('duplicate-node-id', 'error', `${name(index)} has the same id as another node.`, node.id));
    }
    seen.add(node.id);

    if (!node.title?.trim()) {
      issues.push(issue('title-missing', 'error', `${name(index)} needs a title.`, node.id));
    }

    const options = node.options ?? [];
    if (node.type === 'solution' && options.length > 0) {
      issues.push(
        issue(
          'solution-with-options',
          'error',
          `${name(index)} is a solution, so it ends the flow: remove its options or make it a question or step.`,
          node.id,
        ),
      );
    }
    if (node.type !== 'solution' && options.length === 0) {
      const published = intent === 'published';
      issues.push(
        issue(
          'no-options',
          published ? 'error' : 'warning',
          `${name(index)} has no options, so an engineer would be stuck there` +
            (published ? ': add an option before publishing.' : ' (fine while drafting).'),
          node.id,
        ),
      );
    }

    options.forEach((option, optionIndex) => {
      const optionName = `option ${optionIndex + 1}${option.label?.trim() ? ` (“${option.label.trim()}”)` : ''}`;
      if (!option.label?.trim()) {
        issues.push(
          issue(
            'option-label-missing',
            'error',
            `${name(index)}: option ${optionIndex + 1} needs a label.`,
            node.id,
            optionIndex,
          ),
        );
      }
      const target = option.next_node_id ?? '';
      if (!ids.has(target)) {
        const what = target ? 'points to a node that does not exist' : 'points nowhere: choose its next node';
        issues.push(
          issue('option-points-nowhere', 'error', `${name(index)}: ${optionName} ${what}.`, node.id, optionIndex),
        );
      }
    });
  });

  if (ids.has(startId)) {
    const reachable = reachableFrom(flow, startId);
    nodes.forEach((node, index) => {
      if (!reachable.has(node.id)) {
        issues.push(issue('unreachable', 'warning', `${name(index)} cannot be reached from the start node.`, node.id));
      }
    });
    // The server refuses to publish such a flow too (flow-graph.ts): engineers could never finish it.
    // A dead end on the way is reported as such already.
    const deadEnd = issues.some((item) => item.code === 'no-options');
    if (!deadEnd && !nodes.some((node) => node.type === 'solution' && reachable.has(node.id))) {
      issues.push(
        issue(
          'no-solution',
          intent === 'published' ? 'error' : 'warning',
          'No solution can be reached from the start node: engineers could never finish this flow.',
        ),
      );
    }
  }

  for (const loop of findCycles(flow)) {
    const path = loop.path.map((nodeId) => name(nodes.findIndex((node) => node.id === nodeId))).join(' → ');
    issues.push(
      issue(
        'cycle',
        'warning',
        `Loop: ${path}. Loops are allowed only if intended (for example “try again”).`,
        loop.nodeId,
        loop.optionIndex,
      ),
    );
  }
  return issues;
}

export function errorsOf(issues: readonly FlowIssue[]): FlowIssue[] {
  return issues.filter((item) => item.severity === 'error');
}

export function warningsOf(issues: readonly FlowIssue[]): FlowIssue[] {
  return issues.filter((item) => item.severity === 'warning');
}

/** Node ids reachable from `startId` by following options (breadth first). */
export function reachableFrom(flow: FlowShape, startId: string): Set<string> {
  const byId = new Map(flow.nodes.map((node) => [node.id, node]));
  const reached = new Set<string>();
  const queue = [startId];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const node = byId.get(id);
    if (!node || reached.has(id)) {
      continue;
    }
    reached.add(id);
    for (const option of node.options ?? []) {
      if (option.next_node_id) {
        queue.push(option.next_node_id);
      }
    }
  }
  return reached;
}

export interface FlowCycle {
  /** The node whose option closes the loop, and that option. */
  nodeId: string;
  optionIndex: number;
  /** The loop's nodes in walking order, ending where it started. */
  path: string[];
}

/**
 * Every option that leads back to a node on the current walk (a back edge of a depth-first
 * search, starting from the start node so loops are reported the way an engineer meets them).
 */
export function findCycles(flow: FlowShape): FlowCycle[] {
  const byId = new Map(flow.nodes.map((node) => [node.id, node]));
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const cycles: FlowCycle[] = [];

  const visit = (nodeId: string): void => {
    state.set(nodeId, 'active');
    stack.push(nodeId);
    (byId.get(nodeId)?.options ?? []).forEach((option, optionIndex) => {
      const target = option.next_node_id ?? '';
      if (!byId.has(target)) {
        return;
      }
      const targetState = state.get(target);
      if (targetState === 'active') {
        cycles.push({ nodeId, optionIndex, path: [...stack.slice(stack.indexOf(target)), target] });
      } else if (targetState === undefined) {
        visit(target);
      }
    });
    stack.pop();
    state.set(nodeId, 'done');
  };

  const order = [flow.start_node_id ?? '', ...flow.nodes.map((node) => node.id)];
  for (const nodeId of order) {
    if (byId.has(nodeId) && !state.has(nodeId)) {
      visit(nodeId);
    }
  }
  return cycles;
}

function describeNode(flow: FlowShape, index: number): string {
  const node = flow.nodes[index];
  if (!node) {
    return 'A missing node';
  }
  const title = node.title?.trim();
  return title ? `Node ${index + 1} “${title}”` : `Node ${index + 1}`;
}

function issue(
  code: IssueCode,
  severity: IssueSeverity,
  message: string,
  nodeId: string | null = null,
  optionIndex: number | null = null,
): FlowIssue {
  return { code, severity, message, nodeId, optionIndex };
}
