import { NodeType } from './tree-node.entity';
import { TreeStatus } from './tree.entity';

export interface GraphNode {
  id: string;
  type: NodeType;
  options?: { id?: string; next_node_id: string }[];
}

/**
 * Checks the links of a flow payload. Broken references are always errors; a flow that an
 * engineer could get stuck in (a question or step without options) is an error only when
 * it is published, so drafts can be saved half-built. Messages name the field.
 */
export function validateFlowGraph(startNodeId: string, nodes: GraphNode[], status: TreeStatus): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  nodes.forEach((node, index) => {
    const id = node.id.toLowerCase();
    if (ids.has(id)) errors.push(`nodes.${index}.id is used by another node of this flow`);
    ids.add(id);
  });

  if (!ids.has(startNodeId.toLowerCase())) errors.push('start_node_id must name a node of this flow');

  const optionIds = new Set<string>();
  nodes.forEach((node, index) => {
    const options = node.options ?? [];
    if (node.type === 'solution' && options.length) {
      errors.push(`nodes.${index}.options must be empty: a solution node ends the flow`);
    }
    if (node.type !== 'solution' && !options.length && status === 'published') {
      errors.push(
        `nodes.${index}.options must not be empty: a ${node.type} node of a published flow needs a way forward`,
      );
    }
    options.forEach((option, optionIndex) => {
      if (!ids.has(option.next_node_id.toLowerCase())) {
        errors.push(`nodes.${index}.options.${optionIndex}.next_node_id must name a node of this flow`);
      }
      if (option.id) {
        const optionId = option.id.toLowerCase();
        if (optionIds.has(optionId)) errors.push(`nodes.${index}.options.${optionIndex}.id is used by another option`);
        optionIds.add(optionId);
      }
    });
  });
  if (status === 'published' && ids.has(startNodeId.toLowerCase()) && !reachesSolution(startNodeId, nodes)) {
    errors.push('start_node_id must lead to a solution node: a published flow needs an end its engineers can reach');
  }
  return errors;
}

/** Can a path from the start node end at a solution node? (Links are compared case-insensitively, like ids.) */
function reachesSolution(startNodeId: string, nodes: GraphNode[]): boolean {
  const byId = new Map(nodes.map((node) => [node.id.toLowerCase(), node]));
  const seen = new Set<string>();
  const queue = [startNodeId.toLowerCase()];
  while (queue.length) {
    const id = queue.shift() as string;
    const node = byId.get(id);
    if (seen.has(id) || !node) continue;
    if (node.type === 'solution') return true;
    seen.add(id);
    for (const option of node.options ?? []) queue.push(option.next_node_id.toLowerCase());
  }
  return false;
}

/** Node ids that no path from the start reaches: shown to authors, not an error. */
export function unreachableNodes(startNodeId: string, nodes: GraphNode[]): string[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const seen = new Set<string>();
  const queue = [startNodeId];
  while (queue.length) {
    const id = queue.shift() as string;
    if (seen.has(id) || !byId.has(id)) continue;
    seen.add(id);
    for (const option of byId.get(id)?.options ?? []) queue.push(option.next_node_id);
  }
  return nodes.filter((node) => !seen.has(node.id)).map((node) => node.id);
}
