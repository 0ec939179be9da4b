import { errorsOf, findCycles, validateFlow, warningsOf, type FlowShape, type IssueCode } from './flow-validation';

interface TestNode {
  id: string;
  type: 'question' | 'step' | 'solution';
  title: string;
  options: { label: string; next_node_id: string }[];
}

/** question → step → solution, and a shortcut to the solution: a small valid flow each test bends one way. */
function validFlow(): { name: string; start_node_id: string; nodes: TestNode[] } {
  return {
    name: 'Printer not printing',
    start_node_id: 'q1',
    nodes: [
      {
        id: 'q1',
        type: 'question',
        title: 'Is the printer on?',
        options: [
          { label: 'Yes', next_node_id: 's1' },
          { label: 'No', next_node_id: 'fix' },
        ],
      },
      { id: 's1', type: 'step', title: 'Restart the spooler', options: [{ label: 'Done', next_node_id: 'fix' }] },
      { id: 'fix', type: 'solution', title: 'Printing again', options: [] },
    ],
  };
}

function codes(flow: FlowShape, intent: 'draft' | 'published' = 'draft'): IssueCode[] {
  return validateFlow(flow, intent).map((issue) => issue.code);
}

describe('validateFlow', () => {
  it('finds nothing wrong with a complete flow, draft or published', () => {
    expect(validateFlow(validFlow(), 'draft')).toEqual([]);
    expect(validateFlow(validFlow(), 'published')).toEqual([]);
  });

  it('asks for a name', () => {
    const flow = { ...validFlow(), name: '   ' };

    const [issue] = validateFlow(flow, 'draft');
    expect(issue).toMatchObject({
      code: 'name-missing',
      severity: 'error',
      message: 'The flow needs a name.',
      nodeId: null,
    });
  });

  it('asks for at least one node', () => {
    const flow = { name: 'Empty', start_node_id: '', nodes: [] };

    expect(codes(flow)).toEqual(['no-nodes']);
  });

  describe('start node', () => {
    it('is an error when none is chosen', () => {
      const flow = { ...validFlow(), start_node_id: '' };

      const issue = validateFlow(flow, 'draft').find((item) => item.code === 'start-missing');
      expect(issue).toMatchObject({ severity: 'error', message: 'Choose a start node.' });
    });

    it('is an error when it names a node that is gone', () => {
      const flow = { ...validFlow(), start_node_id: 'deleted' };

      const issue = validateFlow(flow, 'draft').find((item) => item.code === 'start-missing');
      expect(issue?.message).toBe('The start node no longer exists: choose another start node.');
    });

    it('does not also report every node as unreachable', () => {
      expect(codes({ ...validFlow(), start_node_id: '' })).not.toContain('unreachable');
    });
  });

  describe('options pointing nowhere', () => {
    it('reports an option without a target, on that node and option', () => {
      const flow = validFlow();
      flow.nodes[0].options[1].next_node_id = '';

      const issue = validateFlow(flow, 'draft').find((item) => item.code === 'option-points-nowhere');
      expect(issue).toEqual({
        code: 'option-points-nowhere',
        severity: 'error',
        message: 'Node 1 “Is the printer on?”: option 2 (“No”) points nowhere: choose its next node.',
        nodeId: 'q1',
        optionIndex: 1,
      });
    });

    it('reports an option whose target node does not exist', () => {
      const flow = validFlow();
      flow.nodes[1].options[0].next_node_id = 'removed-node';

      const issue = validateFlow(flow, 'draft').find((item) => item.code === 'option-points-nowhere');
      expect(issue?.message).toBe(
        'Node 2 “Restart the spooler”: option 1 (“Done”) points to a node that does not exist.',
      );
      expect(issue?.severity).toBe('error');
    });
  });

  describe('a question or step without options', () => {
    it('is a warning while drafting', () => {
      const flow = validFlow();
      flow.nodes[1].options = [];

      const issues = validateFlow(flow, 'draft');
      expect(errorsOf(issues)).toEqual([]);
      expect(warningsOf(issues)).toEqual([
        expect.objectContaining({
          code: 'no-options',
          nodeId: 's1',
          message:
            'Node 2 “Restart the spooler” has no options, so an engineer would be stuck there (fine while drafting).',
        }),
      ]);
    });

    it('is an error when publishing', () => {
      const flow = validFlow();
      flow.nodes[0].options = [];
      flow.nodes.splice(1); // keep the question alone

      const issues = validateFlow(flow, 'published');
      expect(errorsOf(issues)).toEqual([
        expect.objectContaining({
          code: 'no-options',
          message:
            'Node 1 “Is the printer on?” has no options, so an engineer would be stuck there: add an option before publishing.',
        }),
      ]);
    });
  });

  it('refuses a solution with options: a solution ends the flow', () => {
    const flow = validFlow();
    flow.nodes[2].options = [{ label: 'Again', next_node_id: 'q1' }];

    const issue = validateFlow(flow, 'draft').find((item) => item.code === 'solution-with-options');
    expect(issue).toMatchObject({ severity: 'error', nodeId: 'fix', optionIndex: null });
    expect(issue?.message).toContain('is a solution, so it ends the flow');
  });

  it('warns about nodes the start cannot reach', () => {
    const flow = validFlow();
    flow.nodes.push({ id: 'orphan', type: 'solution', title: 'Call the vendor', options: [] });

    const issues = validateFlow(flow, 'published');
    expect(errorsOf(issues)).toEqual([]);
    expect(warningsOf(issues)).toEqual([
      expect.objectContaining({
        code: 'unreachable',
        nodeId: 'orphan',
        message: 'Node 4 “Call the vendor” cannot be reached from the start node.',
      }),
    ]);
  });

  it('needs a solution the start can reach: a warning while drafting, an error when publishing', () => {
    const flow = validFlow();
    flow.nodes[1].options = [{ label: 'Try again', next_node_id: 'q1' }];
    flow.nodes[0].options = [{ label: 'Yes', next_node_id: 's1' }];

    expect(errorsOf(validateFlow(flow, 'draft')).map((item) => item.code)).toEqual([]);
    expect(codes(flow, 'draft')).toContain('no-solution');
    expect(errorsOf(validateFlow(flow, 'published'))).toEqual([
      expect.objectContaining({
        code: 'no-solution',
        message: 'No solution can be reached from the start node: engineers could never finish this flow.',
      }),
    ]);
  });

  it('warns about loops, which are allowed only if intended', () => {
    const flow = validFlow();
    flow.nodes[1].options.push({ label: 'Try again', next_node_id: 'q1' });

    const issues = validateFlow(flow, 'published');
    expect(errorsOf(issues)).toEqual([]);
    expect(warningsOf(issues)).toEqual([
      {
        code: 'cycle',
        severity: 'warning',
        message:
          'Loop: Node 1 “Is the printer on?” → Node 2 “Restart the spooler” → Node 1 “Is the printer on?”. ' +
          'Loops are allowed only if intended (for example “try again”).',
        nodeId: 's1',
        optionIndex: 1,
      },
    ]);
  });

  it('asks for node titles and option labels', () => {
    const flow = validFlow();
    flow.nodes[1].title = ' ';
    flow.nodes[0].options[0].label = '';

    const issues = validateFlow(flow, 'draft');
    expect(issues.find((item) => item.code === 'title-missing')).toMatchObject({
      nodeId: 's1',
      message: 'Node 2 needs a title.',
    });
    expect(issues.find((item) => item.code === 'option-label-missing')).toMatchObject({
      nodeId: 'q1',
      optionIndex: 0,
      message: 'Node 1 “Is the printer on?”: option 1 needs a label.',
    });
  });

  it('reports two nodes sharing an id (a hand-edited import)', () => {
    const flow = validFlow();
    flow.nodes[2].id = 's1';

    expect(codes(flow)).toContain('duplicate-node-id');
  });
});

describe('findCycles', () => {
  it('finds a node that leads to itself', () => {
    const flow = validFlow();
    flow.nodes[1].options = [{ label: 'Not yet', next_node_id: 's1' }];

    expect(findCycles(flow)).toEqual([{ nodeId: 's1', optionIndex: 0, path: ['s1', 's1'] }]);
  });

  it('reports each loop once, also among unreachable nodes', () => {
    const flow = validFlow();
    flow.nodes.push(
      { id: 'a', type: 'question', title: 'A', options: [{ label: 'to b', next_node_id: 'b' }] },
      { id: 'b', type: 'question', title: 'B', options: [{ label: 'to a', next_node_id: 'a' }] },
    );

    expect(findCycles(flow)).toEqual([{ nodeId: 'b', optionIndex: 0, path: ['a', 'b', 'a'] }]);
  });

  it('does not mistake two paths to the same node for a loop', () => {
    expect(findCycles(validFlow())).toEqual([]);
  });
});
