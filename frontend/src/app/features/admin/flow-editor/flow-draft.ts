import type { FlowBody, FlowDetail, FlowKind, FlowStatus, NodeType } from '../admin-api-types';

/**
 * The editor's working copy of a flow. Every field is present (no optionals) so templates and
 * validation never have to guess; `toFlowBody` turns it into the API's POST/PUT body.
 */
export interface DraftOption {
  id: string;
  label: string;
  /** '' while the author has not chosen a target yet. */
  next_node_id: string;
}

export interface DraftNode {
  id: string;
  type: NodeType;
  title: string;
  body: string;
  help_text: string;
  /** A library step (step nodes only); null means free text. */
  step_id: string | null;
  options: DraftOption[];
}

export interface FlowDraft {
  name: string;
  description: string;
  kind: FlowKind;
  /** '' while no start node is chosen. */
  start_node_id: string;
  nodes: DraftNode[];
}

export const NODE_TYPE_LABELS: Record<NodeType, string> = {
  question: 'Question',
  step: 'Step',
  solution: 'Solution',
};

export const FLOW_KIND_LABELS: Record<FlowKind, string> = {
  decision: 'Decision tree',
  procedural: 'Procedure',
};

export function newId(): string {
  return crypto.randomUUID();
}

export function newNode(type: NodeType, title = ''): DraftNode {
  return { id: newId(), type, title, body: '', help_text: '', step_id: null, options: [] };
}

export function newOption(label = '', nextNodeId = ''): DraftOption {
  return { id: newId(), label, next_node_id: nextNodeId };
}

/** A new flow starts with one question, already the start node, so the author can type straight away. */
export function emptyDraft(): FlowDraft {
  const first = newNode('question');
  return { name: '', description: '', kind: 'decision', start_node_id: first.id, nodes: [first] };
}

/** Accepts a loaded flow or an imported body (where most fields are optional). */
export function draftFromFlow(flow: FlowDetail | FlowBody): FlowDraft {
  return {
    name: flow.name ?? '',
    description: flow.description ?? '',
    kind: flow.kind ?? 'decision',
    start_node_id: flow.start_node_id ?? '',
    nodes: (flow.nodes ?? []).map((node) => ({
      id: node.id,
      type: node.type,
      title: node.title ?? '',
      body: node.body ?? '',
      help_text: node.help_text ?? '',
      step_id: node.step_id ?? null,
      options: (node.options ?? []).map((option) => ({
        id: option.id ?? newId(),
        label: option.label ?? '',
        next_node_id: option.next_node_id ?? '',
      })),
    })),
  };
}

/**
 * The API body for a draft. Text is trimmed the way the server trims it; an empty help text is
 * sent as null, and only step nodes keep a library link.
 */
export function toFlowBody(draft: FlowDraft, status: FlowStatus, version?: number): FlowBody {
  const body: FlowBody = {
    name: draft.name.trim(),
    description: draft.description.trim(),
    kind: draft.kind,
    status,
    start_node_id: draft.start_node_id,
    nodes: draft.nodes.map((node) => ({
      id: node.id,
      type: node.type,
      title: node.title.trim(),
      body: node.body,
      help_text: node.help_text.trim() === '' ? null : node.help_text,
      step_id: node.type === 'step' ? node.step_id : null,
      options: node.options.map((option) => ({
        id: option.id,
        label: option.label.trim(),
        next_node_id: option.next_node_id,
      })),
    })),
  };
  if (version !== undefined) {
    body.version = version;
  }
  return body;
}

/** How a node is named in messages and selects: "2. Is the printer on?" (its 1-based place in the list). */
export function nodeLabel(draft: Pick<FlowDraft, 'nodes'>, nodeId: string): string {
  const index = draft.nodes.findIndex((node) => node.id === nodeId);
  if (index < 0) {
    return 'a missing node';
  }
  const title = draft.nodes[index].title.trim();
  return `${index + 1}. ${title || `Untitled ${draft.nodes[index].type}`}`;
}
