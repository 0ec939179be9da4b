import { emptyDraft, newNode, newOption, type FlowDraft } from './flow-draft';
import {
  describeServerMessage,
  withLinkedNode,
  withNodeAdded,
  withNodeMoved,
  withNodeRemoved,
} from './flow-draft-edits';

function twoNodeDraft(): FlowDraft {
  const draft = emptyDraft();
  const solution = newNode('solution', 'Fixed');
  const question = { ...draft.nodes[0], title: 'On?', options: [newOption('Yes', solution.id)] };
  return { ...draft, name: 'Flow', nodes: [question, solution] };
}

describe('draft edits', () => {
  it('makes the first node of an empty flow its start', () => {
    const node = newNode('question');
    const added = withNodeAdded({ ...emptyDraft(), nodes: [], start_node_id: '' }, node);

    expect(added.start_node_id).toBe(node.id);
    expect(withNodeAdded(added, newNode('solution')).start_node_id).toBe(node.id);
  });

  it('unlinks options and the start when their node is removed', () => {
    const draft = twoNodeDraft();
    const [question, solution] = draft.nodes;

    expect(withNodeRemoved(draft, solution.id).nodes).toEqual([
      { ...question, options: [{ ...question.options[0], next_node_id: '' }] },
    ]);
    expect(withNodeRemoved(draft, question.id).start_node_id).toBe('');
  });

  it('moves nodes within bounds only', () => {
    const draft = twoNodeDraft();
    const [question, solution] = draft.nodes;

    expect(withNodeMoved(draft, solution.id, -1).nodes.map((node) => node.id)).toEqual([solution.id, question.id]);
    expect(withNodeMoved(draft, solution.id, 1)).toBe(draft);
  });

  it('links an option to a node it creates', () => {
    const draft = twoNodeDraft();
    const question = { ...draft.nodes[0], options: [...draft.nodes[0].options, newOption('No')] };
    const created = newNode('solution');

    const linked = withLinkedNode(
      { ...draft, nodes: [question, draft.nodes[1]] },
      question.id,
      question.options[1].id,
      created,
    );

    expect(linked.nodes.at(-1)).toBe(created);
    expect(linked.nodes[0].options[1].next_node_id).toBe(created.id);
  });

  it('names the node in a server message', () => {
    const draft = twoNodeDraft();

    expect(describeServerMessage(draft, 'nodes.0.options.0.next_node_id must name a node of this flow')).toBe(
      'Node 1 “On?”, option 1: next_node_id must name a node of this flow',
    );
    expect(describeServerMessage(draft, 'name must not be empty')).toBe('name must not be empty');
  });
});
