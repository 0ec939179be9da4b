import type { FlowBody, FlowDetail, FlowNodeBody } from '../admin-api-types';
import { draftFromFlow, newId, toFlowBody } from './flow-draft';

/**
 * Moving flows between accounts and into version control: the file is exactly the
 * POST /trees body, so it can also be sent with curl.
 */

const NODE_TYPES: readonly string[] = ['question', 'step', 'solution'];
const FLOW_KINDS: readonly string[] = ['decision', 'procedural'];

/** The export of a loaded flow: its POST body, without the server's bookkeeping (id, version, counts). */
export function exportBody(flow: FlowDetail): FlowBody {
  const { version: _version, ...body } = toFlowBody(draftFromFlow(flow), flow.status);
  return body;
}

/** "Printer not printing" → "printer-not-printing.json". */
export function exportFileName(flowName: string): string {
  const slug = flowName
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'flow'}.json`;
}

export type ParsedFlowFile = { ok: true; body: FlowBody } | { ok: false; error: string };

/** Reads an exported file, checking just enough of its shape to give a useful message. */
export function parseFlowFile(text: string): ParsedFlowFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The file is not valid JSON.' };
  }
  if (!isRecord(data) || !Array.isArray(data['nodes'])) {
    return { ok: false, error: 'The file is not a flow export: it has no list of nodes.' };
  }
  if (typeof data['name'] !== 'string') {
    return { ok: false, error: 'The file is not a flow export: it has no name.' };
  }
  const kind = data['kind'];
  if (kind !== undefined && !FLOW_KINDS.includes(kind as string)) {
    return { ok: false, error: `The flow has an unknown kind “${String(kind)}”.` };
  }
  const nodes: FlowNodeBody[] = [];
  for (const [index, node] of (data['nodes'] as unknown[]).entries()) {
    if (!isRecord(node) || typeof node['id'] !== 'string' || !NODE_TYPES.includes(node['type'] as string)) {
      return { ok: false, error: `Node ${index + 1} needs an id and a type (question, step or solution).` };
    }
    const options = node['options'] ?? [];
    if (
      !Array.isArray(options) ||
      !options.every((option) => isRecord(option) && typeof option['next_node_id'] === 'string')
    ) {
      return { ok: false, error: `Node ${index + 1} has options without a next_node_id.` };
    }
    nodes.push({
      id: node['id'],
      type: node['type'] as FlowNodeBody['type'],
      title: asText(node['title']),
      body: asText(node['body']),
      help_text: typeof node['help_text'] === 'string' ? node['help_text'] : null,
      step_id: typeof node['step_id'] === 'string' ? node['step_id'] : null,
      options: (options as Record<string, unknown>[]).map((option) => ({
        label: asText(option['label']),
        next_node_id: option['next_node_id'] as string,
      })),
    });
  }
  return {
    ok: true,
    body: {
      name: data['name'],
      description: asText(data['description']),
      kind: (kind as FlowBody['kind']) ?? 'decision',
      start_node_id: typeof data['start_node_id'] === 'string' ? data['start_node_id'] : '',
      nodes,
    },
  };
}

/**
 * The same flow with new node and option ids (links rewired), as a draft: node ids are unique
 * across the whole system, so a file can be imported twice, or next to the flow it came from.
 */
export function withFreshIds(body: FlowBody): FlowBody {
  const idFor = new Map(body.nodes.map((node) => [node.id, newId()]));
  const renamed = (id: string) => idFor.get(id) ?? id;
  return {
    name: body.name,
    description: body.description ?? '',
    kind: body.kind ?? 'decision',
    status: 'draft',
    start_node_id: renamed(body.start_node_id),
    nodes: body.nodes.map((node) => ({
      ...node,
      id: renamed(node.id),
      options: (node.options ?? []).map((option) => ({
        id: newId(),
        label: option.label,
        next_node_id: renamed(option.next_node_id),
      })),
    })),
  };
}

/**
 * Library steps belong to one account: links to steps this account does not have are dropped
 * (the node keeps its own title and text), so the import is not refused.
 */
export function withKnownSteps(body: FlowBody, knownStepIds: ReadonlySet<string>): { body: FlowBody; dropped: number } {
  let dropped = 0;
  const nodes = body.nodes.map((node) => {
    if (node.step_id && !knownStepIds.has(node.step_id.toLowerCase())) {
      dropped += 1;
      return { ...node, step_id: null };
    }
    return node;
  });
  return { body: { ...body, nodes }, dropped };
}

/** Offers `data` as a JSON file download. */
export function downloadJson(fileName: string, data: unknown, doc: Document = document): void {
  const blob = new Blob([JSON.stringify(data, null, 2) + '\n'], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A picked file's text (FileReader rather than Blob.text(), which older engines and jsdom lack). */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
