import { BOX_HEIGHT, layoutFlow, type LayoutInput } from './flow-layout';

function flow(
  nodes: [id: string, type: 'question' | 'step' | 'solution', targets: string[]][],
  start = nodes[0]?.[0] ?? '',
): LayoutInput {
  return {
    start_node_id: start,
    nodes: nodes.map(([id, type, targets]) => ({
      id,
      type,
      title: id.toUpperCase(),
      options: targets.map((target, index) => ({ id: `${id}-${index}`, label: `to ${target}`, next_node_id: target })),
    })),
  };
}

describe('layoutFlow', () => {
  it('puts each node in the row of its shortest distance from the start', () => {
    const layout = layoutFlow(
      flow([
        ['q', 'question', ['a', 'b']],
        ['a', 'step', ['end']],
        ['b', 'question', ['end', 'far']],
        ['far', 'step', ['end']],
        ['end', 'solution', []],
      ]),
    );

    const layers = Object.fromEntries(layout.boxes.map((box) => [box.id, box.layer]));
    expect(layers).toEqual({ q: 0, a: 1, b: 1, end: 2, far: 2 });
    const rowTwo = layout.boxes.filter((box) => box.layer === 2);
    expect(rowTwo.map((box) => box.id)).toEqual(['end', 'far']);
    expect(rowTwo[0].x).toBeLessThan(rowTwo[1].x);
    expect(new Set(rowTwo.map((box) => box.y)).size).toBe(1);
  });

  it('draws one line per option, downwards ones solid, loops back dashed', () => {
    const layout = layoutFlow(
      flow([
        ['q', 'question', ['s']],
        ['s', 'step', ['q', 'end']],
        ['end', 'solution', []],
      ]),
    );

    expect(layout.edges.map((edge) => [edge.from, edge.to, edge.back])).toEqual([
      ['q', 's', false],
      ['s', 'q', true],
      ['s', 'end', false],
    ]);
    expect(layout.edges[0].path).toMatch(/^M [\d.]+ [\d.]+ C /);
  });

  it('puts nodes the start cannot reach in a last row of their own', () => {
    const layout = layoutFlow(
      flow([
        ['q', 'question', ['end']],
        ['end', 'solution', []],
        ['lost', 'solution', []],
      ]),
    );

    const lost = layout.boxes.find((box) => box.id === 'lost')!;
    expect(lost).toMatchObject({ layer: 2, unreachable: true, number: 3 });
    expect(layout.height).toBeGreaterThan(lost.y + BOX_HEIGHT);
  });

  it('skips options that point nowhere and survives a missing start', () => {
    const layout = layoutFlow(flow([['q', 'question', ['', 'gone']]], ''));

    expect(layout.boxes).toEqual([expect.objectContaining({ id: 'q', unreachable: true, layer: 0 })]);
    expect(layout.edges).toEqual([]);
  });
});
