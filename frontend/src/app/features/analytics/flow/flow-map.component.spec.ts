import { TestBed } from '@angular/core/testing';

import { FLOW_REPORT } from '../../../../testing/analytics-fixtures';
import { cells, textOf } from '../../../../testing/analytics-harness';
import { settle } from '../../../../testing/fixtures';
import { READER_LOCALE } from '../../../shared/reader-format';
import type { LayoutInput } from '../../admin/flow-editor/flow-layout';
import { FlowMapComponent } from './flow-map.component';

const FLOW: LayoutInput = {
  start_node_id: 'node-cable',
  nodes: [
    {
      id: 'node-cable',
      type: 'question',
      title: 'Check network cable / Wi-Fi',
      options: [{ id: 'o1', label: 'Fine', next_node_id: 'node-reinstall' }],
    },
    {
      id: 'node-reinstall',
      type: 'step',
      title: 'Reinstall the VPN client',
      options: [{ id: 'o2', label: 'Done', next_node_id: 'node-escalate' }],
    },
    { id: 'node-escalate', type: 'solution', title: 'Escalate to the Network team', options: [] },
  ],
};

describe('FlowMapComponent', () => {
  async function render() {
    TestBed.configureTestingModule({ providers: [{ provide: READER_LOCALE, useValue: 'en-US' }] });
    const fixture = TestBed.createComponent(FlowMapComponent);
    fixture.componentRef.setInput('flow', FLOW);
    fixture.componentRef.setInput('report', FLOW_REPORT);
    await settle(fixture);
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  const fill = (element: HTMLElement, node: string) =>
    element.querySelector(`rect[data-node="${node}"]`)!.getAttribute('fill');

  afterEach(() => TestBed.resetTestingModule());

  it('draws every node, coloured by answers, with the same numbers in a table', async () => {
    const { element } = await render();

    expect(element.querySelectorAll('rect.box')).toHaveLength(3);
    expect(element.querySelector('.scroller')!.getAttribute('aria-hidden')).toBe('true');
    const rows = Array.from(element.querySelectorAll('[data-testid="flow-map-table"] tbody tr')).map((row) =>
      cells(row),
    );
    expect(rows).toEqual([
      ['Check network cable / Wi-Fi', '0', '0', '0', '67%'],
      ['Reinstall the VPN client', '31', '7', '0', '—'],
      ['Escalate to the Network team', '0', '0', '25', '—'],
    ]);
    // The most-reached node is the darkest; a node nobody answered or ended at stays white.
    expect(fill(element, 'node-reinstall')).not.toBe('#ffffff');
    expect(fill(element, 'node-cable')).toBe('#ffffff');
  });

  it('recolours by where sessions stop and by helpfulness, and says what the colours mean', async () => {
    const { fixture, element } = await render();
    const mode = (label: string) =>
      Array.from(element.querySelectorAll<HTMLButtonElement>('.modes button')).find(
        (button) => textOf(button) === label,
      )!;

    mode('Where sessions stop').click();
    await settle(fixture);
    expect(mode('Where sessions stop').getAttribute('aria-pressed')).toBe('true');
    expect(textOf(element.querySelector('[data-testid="flow-map-legend"]'))).toContain('unfinished sessions');
    expect(fill(element, 'node-escalate')).toBe('#ffffff');
    expect(textOf(element.querySelector('rect[data-node="node-reinstall"] title'))).toBe(
      'Reinstall the VPN client: 7 stopped here',
    );

    mode('Helpfulness').click();
    await settle(fixture);
    expect(textOf(element.querySelector('[data-testid="flow-map-legend"]'))).toContain('grey: no votes');
    expect(fill(element, 'node-reinstall')).toBe('#e5e7eb');
    expect(textOf(element.querySelector('rect[data-node="node-cable"] title'))).toBe(
      'Check network cable / Wi-Fi: 67% helpful (6)',
    );
  });
});
