import { unreachableNodes, validateFlowGraph } from './flow-graph';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const MISSING = '00000000-0000-4000-8000-0000000000ff';

describe('validateFlowGraph', () => {
  const nodes = [
    { id: A, type: 'question' as const, options: [{ next_node_id: B }] },
    { id: B, type: 'solution' as const },
  ];

  it('accepts a well-linked flow', () => {
    expect(validateFlowGraph(A, nodes, 'published')).toEqual([]);
  });

  it('names a start node that is not in the payload', () => {
    expect(validateFlowGraph(MISSING, nodes, 'draft')).toEqual(['start_node_id must name a node of this flow']);
  });

  it('names the option whose next node is missing', () => {
    const broken = [{ id: A, type: 'question' as const, options: [{ next_node_id: MISSING }] }];
    expect(validateFlowGraph(A, broken, 'draft')).toEqual([
      'nodes.0.options.0.next_node_id must name a node of this flow',
    ]);
  });

  it('refuses duplicate node ids and options on a solution', () => {
    const broken = [
      { id: A, type: 'solution' as const, options: [{ next_node_id: A }] },
      { id: A, type: 'solution' as const },
    ];
    expect(validateFlowGraph(A, broken, 'draft')).toEqual([
      'nodes.1.id is used by another node of this flow',
      'nodes.0.options must be empty: a solution node ends the flow',
    ]);
  });

  it('lets a draft keep a dead-end question but not a published flow', () => {
    const halfBuilt = [{ id: A, type: 'question' as const, options: [] }];
    expect(validateFlowGraph(A, halfBuilt, 'draft')).toEqual([]);
    expect(validateFlowGraph(A, halfBuilt, 'published')[0]).toMatch(/^nodes\.0\.options must not be empty/);
  });

  it('refuses to publish a flow from whose start no solution can be reached (a loop, or a solution off the path)', () => {
    const loop = [
      { id: A, type: 'question' as const, options: [{ next_node_id: B }] },
      { id: B, type: 'step' as const, options: [{ next_node_id: A }] },
      { id: C, type: 'solution' as const },
    ];
    const message = 'start_node_id must lead to a solution node: a published flow needs an end its engineers can reach';
    expect(validateFlowGraph(A, loop, 'published')).toEqual([message]);
    expect(validateFlowGraph(A, loop, 'draft')).toEqual([]);
    // A loop with a way out is fine ("try again").
    const withExit = [
      loop[0],
      { ...loop[1], options: [{ next_node_id: A }, { next_node_id: C.toUpperCase() }] },
      loop[2],
    ];
    expect(validateFlowGraph(A, withExit, 'published')).toEqual([]);
  });
});

describe('unreachableNodes', () => {
  it('lists nodes no path reaches, tolerating cycles', () => {
    const nodes = [
      { id: A, type: 'question' as const, options: [{ next_node_id: B }] },
      { id: B, type: 'question' as const, options: [{ next_node_id: A }] },
      { id: C, type: 'solution' as const },
    ];
    expect(unreachableNodes(A, nodes)).toEqual([C]);
  });
});
