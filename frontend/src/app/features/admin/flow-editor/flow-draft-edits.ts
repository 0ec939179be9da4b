import type { DraftNode, FlowDraft } from './flow-draft';

/** The flow editor's structural edits, as pure functions of the draft (each returns a new draft). */

export function withNodeAdded(draft: FlowDraft, node: DraftNode): FlowDraft {
  return {
    ...draft,
    // The first node of an empty flow is where it starts.
    start_node_id: draft.nodes.length === 0 ? node.id : draft.start_node_id,
    nodes: [...draft.nodes, node],
  };
}

export function withNodeReplaced(draft: FlowDraft, updated: DraftNode): FlowDraft {
  return { ...draft, nodes: draft.nodes.map((node) => (node.id === updated.id ? updated : node)) };
}

/** Options that led to the removed node lose their target (and the checks say so) rather than vanish. */
export function withNodeRemoved(draft: FlowDraft, nodeId: string): FlowDraft {
  return {
    ...draft,
    start_node_id: draft.start_node_id === nodeId ? '' : draft.start_node_id,
    nodes: draft.nodes
      .filter((node) => node.id !== nodeId)
      .map((node) => ({
        ...node,
        options: node.options.map((option) =>
          option.next_node_id === nodeId ? { ...option, next_node_id: '' } : option,
        ),
      })),
  };
}

/** Swaps a node with its neighbour above (-1) or below (1); the order is the engineers' reading order. */
export function withNodeMoved(draft: FlowDraft, nodeId: string, delta: -1 | 1): FlowDraft {
  const nodes = [...draft.nodes];
  const from = nodes.findIndex((node) => node.id === nodeId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= nodes.length) {
    return draft;
  }
  [nodes[from], nodes[to]] = [nodes[to], nodes[from]];
  return { ...draft, nodes };
}

/** Appends `node` and points option `optionId` of node `fromNodeId` at it. */
export function withLinkedNode(draft: FlowDraft, fromNodeId: string, optionId: string, node: DraftNode): FlowDraft {
  return {
    ...draft,
    nodes: [
      ...draft.nodes.map((item) =>
        item.id === fromNodeId
          ? {
              ...item,
              options: item.options.map((option) =>
                option.id === optionId ? { ...option, next_node_id: node.id } : option,
              ),
            }
          : item,
      ),
      node,
    ],
  };
}

/**
 * A 422 message of PUT/POST /trees in the author's terms:
 * "nodes.2.options.0.next_node_id must …" → "Node 3 “Title”, option 1: next_node_id must …".
 */
export function describeServerMessage(draft: FlowDraft, message: string): string {
  const match = /^nodes\.(\d+)\.(?:options\.(\d+)\.)?(.*)$/.exec(message);
  if (!match) {
    return message;
  }
  const index = Number(match[1]);
  const title = draft.nodes[index]?.title.trim();
  const where = `Node ${index + 1}${title ? ` “${title}”` : ''}`;
  const option = match[2] !== undefined ? `, option ${Number(match[2]) + 1}` : '';
  return `${where}${option}: ${match[3]}`;
}
