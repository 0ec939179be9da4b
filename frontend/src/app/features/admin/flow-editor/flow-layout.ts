import type { NodeType } from '../admin-api-types';

/**
 * Places a flow's nodes for the overview diagram: breadth-first layers from the start node
 * (an engineer's first question on top, what follows below), boxes centred per layer, and one
 * curve per option. Options that lead back up (loops) run along the right-hand side; options
 * between nodes of one row arch over it. Nodes the start cannot reach sit in a last row of their own.
 */
export interface LayoutInput {
  start_node_id: string;
  nodes: readonly {
    id: string;
    type: NodeType;
    title: string;
    options: readonly { id: string; label: string; next_node_id: string }[];
  }[];
}

export interface LayoutBox {
  id: string;
  type: NodeType;
  title: string;
  /** 1-based place in the node list, as the editor numbers nodes. */
  number: number;
  layer: number;
  x: number;
  y: number;
  unreachable: boolean;
}

export interface LayoutEdge {
  id: string;
  from: string;
  to: string;
  label: string;
  /** SVG path data. */
  path: string;
  /** Leads back to an earlier layer (or to itself): a loop, drawn dashed. */
  back: boolean;
  labelX: number;
  labelY: number;
}

export interface FlowLayout {
  boxes: LayoutBox[];
  edges: LayoutEdge[];
  width: number;
  height: number;
}

export const BOX_WIDTH = 176;
export const BOX_HEIGHT = 64;
const GAP_X = 28;
const GAP_Y = 84;
const PADDING = 16;
const LOOP_MARGIN = 72;

export function layoutFlow(flow: LayoutInput): FlowLayout {
  const byId = new Map(flow.nodes.map((node) => [node.id, node]));
  const layerOf = new Map<string, number>();
  const rows: string[][] = [];

  // Breadth first from the start; a node's layer is its shortest distance from the start.
  if (byId.has(flow.start_node_id)) {
    const queue = [flow.start_node_id];
    layerOf.set(flow.start_node_id, 0);
    while (queue.length > 0) {
      const id = queue.shift() as string;
      const layer = layerOf.get(id) as number;
      (rows[layer] ??= []).push(id);
      for (const option of byId.get(id)?.options ?? []) {
        if (byId.has(option.next_node_id) && !layerOf.has(option.next_node_id)) {
          layerOf.set(option.next_node_id, layer + 1);
          queue.push(option.next_node_id);
        }
      }
    }
  }
  const unreachable = flow.nodes.filter((node) => !layerOf.has(node.id)).map((node) => node.id);
  if (unreachable.length > 0) {
    const layer = rows.length;
    unreachable.forEach((id) => layerOf.set(id, layer));
    rows.push(unreachable);
  }

  const widest = Math.max(1, ...rows.map((row) => row.length));
  const contentWidth = widest * BOX_WIDTH + (widest - 1) * GAP_X;
  const numberOf = new Map(flow.nodes.map((node, index) => [node.id, index + 1]));
  const boxes: LayoutBox[] = [];
  const boxById = new Map<string, LayoutBox>();
  rows.forEach((row, layer) => {
    const rowWidth = row.length * BOX_WIDTH + (row.length - 1) * GAP_X;
    const left = PADDING + (contentWidth - rowWidth) / 2;
    row.forEach((id, column) => {
      const node = byId.get(id)!;
      const box: LayoutBox = {
        id,
        type: node.type,
        title: node.title,
        number: numberOf.get(id) ?? 0,
        layer,
        x: left + column * (BOX_WIDTH + GAP_X),
        y: PADDING + layer * (BOX_HEIGHT + GAP_Y),
        unreachable: unreachable.includes(id),
      };
      boxes.push(box);
      boxById.set(id, box);
    });
  });

  const edges: LayoutEdge[] = [];
  for (const node of flow.nodes) {
    const source = boxById.get(node.id);
    const options = node.options;
    options.forEach((option, index) => {
      const target = boxById.get(option.next_node_id);
      if (!source || !target) {
        return;
      }
      edges.push(edgeBetween(source, target, option, index, options.length));
    });
  }

  const hasLoops = edges.some((edge) => edge.back);
  return {
    boxes,
    edges,
    width: PADDING * 2 + contentWidth + (hasLoops ? LOOP_MARGIN : 0),
    height: rows.length === 0 ? PADDING * 2 : PADDING * 2 + rows.length * BOX_HEIGHT + (rows.length - 1) * GAP_Y,
  };
}

function edgeBetween(
  source: LayoutBox,
  target: LayoutBox,
  option: { id: string; label: string; next_node_id: string },
  index: number,
  count: number,
): LayoutEdge {
  const base = { id: option.id, from: source.id, to: target.id, label: option.label };
  if (target.layer > source.layer) {
    // Downwards: leave the bottom (spread by option order), enter the top.
    const x1 = source.x + (BOX_WIDTH * (index + 1)) / (count + 1);
    const y1 = source.y + BOX_HEIGHT;
    const x2 = target.x + BOX_WIDTH / 2;
    const y2 = target.y;
    const bend = (y2 - y1) / 2;
    // Labels sit near the start of their line, where sibling options are still apart, and at
    // staggered heights so neighbouring labels do not overlap.
    const label = cubicPoint(0.2 + 0.16 * (index % 3), [x1, y1], [x1, y1 + bend], [x2, y2 - bend], [x2, y2]);
    return {
      ...base,
      back: false,
      path: `M ${x1} ${y1} C ${x1} ${y1 + bend}, ${x2} ${y2 - bend}, ${x2} ${y2}`,
      labelX: label[0],
      labelY: label[1],
    };
  }
  if (target.layer === source.layer && target.id !== source.id) {
    // Sideways within a row: an arch over the row, from the source's top to the target's top.
    const rightwards = target.x > source.x;
    const x1 = source.x + BOX_WIDTH * (rightwards ? 0.75 : 0.25);
    const x2 = target.x + BOX_WIDTH * (rightwards ? 0.25 : 0.75);
    const y = source.y;
    const lift = GAP_Y * 0.45;
    return {
      ...base,
      back: false,
      path: `M ${x1} ${y} C ${x1} ${y - lift}, ${x2} ${y - lift}, ${x2} ${y}`,
      labelX: (x1 + x2) / 2,
      labelY: y - lift * 0.75 - 4,
    };
  }
  // Loops (back to an earlier row, or to itself) leave and enter on the right-hand side.
  const x1 = source.x + BOX_WIDTH;
  const x2 = target.x + BOX_WIDTH;
  const self = source.id === target.id;
  const y1 = source.y + BOX_HEIGHT * (self ? 0.3 : 0.5);
  const y2 = target.y + BOX_HEIGHT * (self ? 0.7 : 0.5);
  const reach = Math.max(x1, x2) + (self ? 36 : 48);
  return {
    ...base,
    back: true,
    path: `M ${x1} ${y1} C ${reach} ${y1}, ${reach} ${y2}, ${x2} ${y2}`,
    labelX: reach - 6,
    labelY: (y1 + y2) / 2,
  };
}

type Point = [number, number];

function cubicPoint(t: number, p0: Point, p1: Point, p2: Point, p3: Point): Point {
  const u = 1 - t;
  const at = (i: 0 | 1) => u * u * u * p0[i] + 3 * u * u * t * p1[i] + 3 * u * t * t * p2[i] + t * t * t * p3[i];
  return [Math.round(at(0)), Math.round(at(1))];
}
