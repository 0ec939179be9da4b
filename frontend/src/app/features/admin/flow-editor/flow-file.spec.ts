import type { FlowBody, FlowDetail } from '../admin-api-types';
import { exportBody, exportFileName, parseFlowFile, withFreshIds, withKnownSteps } from './flow-file';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const EXPORTED: FlowBody = {
  name: 'VPN will not connect',
  description: 'Client errors',
  kind: 'decision',
  status: 'published',
  start_node_id: 'node-q',
  nodes: [
    {
      id: 'node-q',
      type: 'question',
      title: 'Does the client show an error?',
      body: '',
      help_text: null,
      step_id: null,
      options: [
        { id: 'opt-yes', label: 'Yes', next_node_id: 'node-step' },
        { id: 'opt-no', label: 'No', next_node_id: 'node-end' },
      ],
    },
    {
      id: 'node-step',
      type: 'step',
      title: 'Reinstall the client',
      body: 'Settings > Apps',
      help_text: 'Needs admin rights',
      step_id: 'step-reinstall',
      options: [{ id: 'opt-done', label: 'Done', next_node_id: 'node-end' }],
    },
    { id: 'node-end', type: 'solution', title: 'Connected', body: '', help_text: null, step_id: null, options: [] },
  ],
};

describe('flow files', () => {
  it('exports a loaded flow as its POST body, without server bookkeeping', () => {
    const detail: FlowDetail = {
      ...EXPORTED,
      id: 'tree-1',
      status: 'published',
      kind: 'decision',
      description: 'Client errors',
      version: 4,
      usage_count: 12,
      created_by: null,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-02T00:00:00.000Z',
      nodes: EXPORTED.nodes.map((node, position) => ({
        ...node,
        body: node.body ?? '',
        help_text: node.help_text ?? null,
        step_id: node.step_id ?? null,
        options: (node.options ?? []).map((option) => ({ ...option, id: option.id! })),
        position,
      })),
    };

    expect(exportBody(detail)).toEqual(EXPORTED);
  });

  it('names the file after the flow', () => {
    expect(exportFileName('VPN will not connect')).toBe('vpn-will-not-connect.json');
    expect(exportFileName('Password reset / account locked')).toBe('password-reset-account-locked.json');
    expect(exportFileName(' ?? ')).toBe('flow.json');
  });

  it('reads back what it exported', () => {
    const parsed = parseFlowFile(JSON.stringify(EXPORTED));

    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.body.nodes.map((node) => node.title)).toEqual([
      'Does the client show an error?',
      'Reinstall the client',
      'Connected',
    ]);
  });

  it('explains files it cannot read', () => {
    expect(parseFlowFile('{oops')).toEqual({ ok: false, error: 'The file is not valid JSON.' });
    expect(parseFlowFile('{"name":"x"}')).toEqual({
      ok: false,
      error: 'The file is not a flow export: it has no list of nodes.',
    });
    expect(parseFlowFile('{"name":"x","nodes":[{"id":"a","type":"maybe"}]}')).toEqual({
      ok: false,
      error: 'Node 1 needs an id and a type (question, step or solution).',
    });
  });

  it('gives every node and option a fresh id and keeps the links, as a draft', () => {
    const fresh = withFreshIds(EXPORTED);

    expect(fresh.status).toBe('draft');
    const ids = fresh.nodes.map((node) => node.id);
    ids.forEach((id) => expect(id).toMatch(UUID));
    expect(ids).not.toContain('node-q');
    expect(fresh.start_node_id).toBe(ids[0]);
    const [question, step] = fresh.nodes;
    expect(question.options?.map((option) => option.next_node_id)).toEqual([ids[1], ids[2]]);
    expect(step.options?.[0].next_node_id).toBe(ids[2]);
    question.options?.forEach((option) => expect(option.id).toMatch(UUID));

    const again = withFreshIds(EXPORTED);
    expect(again.nodes.map((node) => node.id)).not.toEqual(ids);
  });

  it('drops links to library steps the account does not have, keeping the text', () => {
    const { body, dropped } = withKnownSteps(EXPORTED, new Set(['some-other-step']));

    expect(dropped).toBe(1);
    expect(body.nodes[1]).toMatchObject({ step_id: null, title: 'Reinstall the client', body: 'Settings > Apps' });
    expect(withKnownSteps(EXPORTED, new Set(['step-reinstall'])).dropped).toBe(0);
  });
});
