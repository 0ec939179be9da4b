import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { expectCall, failWith, PRINTER_FLOW, SPOOLER_STEP } from '../../../../testing/admin-fixtures';
import { settle } from '../../../../testing/fixtures';
import { provideApiConfiguration } from '../../../api/api-configuration';
import type { FlowBody, FlowDetail } from '../admin-api-types';
import { FlowEditorComponent } from './flow-editor.component';

describe('FlowEditorComponent', () => {
  let fixture: ComponentFixture<FlowEditorComponent>;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideApiConfiguration('')],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  /** Opens the editor: a new flow, or an existing one answered with `flow`. */
  async function open(flow?: FlowDetail): Promise<void> {
    fixture = TestBed.createComponent(FlowEditorComponent);
    if (flow) {
      fixture.componentRef.setInput('id', flow.id);
    }
    await settle(fixture);
    expectCall(http, 'GET', '/api/v1/steps').flush([SPOOLER_STEP]);
    if (flow) {
      expectCall(http, 'GET', `/api/v1/trees/${flow.id}`).flush(flow);
    }
    await settle(fixture);
  }

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  /** The control with this accessible name: its aria-label, or the text of its <label>. */
  function byLabel<T extends HTMLElement = HTMLInputElement>(label: string): T {
    const labelElement = Array.from(page().querySelectorAll('label')).find(
      (item) => item.textContent?.trim() === label,
    );
    const element = labelElement
      ? page().querySelector<T>(`#${labelElement.htmlFor}`)
      : page().querySelector<T>(`[aria-label="${label}"]`);
    if (!element) {
      throw new Error(`Nothing labelled "${label}"`);
    }
    return element;
  }

  function button(label: string, root: ParentNode = page()): HTMLButtonElement {
    const found = Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find(
      (candidate) => candidate.textContent?.trim() === label || candidate.getAttribute('aria-label') === label,
    );
    if (!found) {
      throw new Error(`No button "${label}"`);
    }
    return found;
  }

  async function click(target: HTMLElement): Promise<void> {
    target.click();
    await settle(fixture);
  }

  async function type(target: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
    target.value = value;
    target.dispatchEvent(new Event('input'));
    await settle(fixture);
  }

  async function choose(select: HTMLSelectElement, value: string): Promise<void> {
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await settle(fixture);
  }

  function checks(): string {
    return page().querySelector('[data-testid="checks"]')!.textContent ?? '';
  }

  function nodeCards(): HTMLElement[] {
    return Array.from(page().querySelectorAll<HTMLElement>('[data-testid="node-editor"]'));
  }

  function selectedText(select: HTMLSelectElement): string {
    return select.selectedOptions[0]?.textContent?.trim() ?? '';
  }

  /** Builds "Printer on?" → Yes: "Printing again" / No: "Switch it on" the way an author would. */
  async function buildThreeNodeFlow(): Promise<void> {
    await type(page().querySelector<HTMLInputElement>('#flow-name')!, 'Printer check');
    await type(byLabel('Title of node 1'), 'Is the printer on?');
    await click(button('+ Add answer'));
    await type(byLabel('Label of option 1 of node 1'), 'Yes');
    await choose(byLabel<HTMLSelectElement>('Next node of option 1 of node 1'), 'new:solution');
    await type(byLabel('Title of node 2'), 'Printing again');
    await click(button('+ Add answer'));
    await type(byLabel('Label of option 2 of node 1'), 'No');
    await choose(byLabel<HTMLSelectElement>('Next node of option 2 of node 1'), 'new:solution');
    await type(byLabel('Title of node 3'), 'Switch it on');
  }

  describe('a new flow', () => {
    beforeEach(() => open());

    it('starts with one question as the start node and lists what is missing', () => {
      expect(nodeCards()).toHaveLength(1);
      expect(nodeCards()[0].textContent).toContain('Start node');
      expect(checks()).toContain('The flow needs a name.');
      expect(checks()).toContain('Node 1 needs a title.');
      expect(checks()).toContain('Node 1 has no options, so an engineer would be stuck there (fine while drafting).');
    });

    it('adds options and creates their target nodes, shown in the list and the diagram', async () => {
      await buildThreeNodeFlow();

      expect(nodeCards()).toHaveLength(3);
      expect(nodeCards()[1].querySelector<HTMLSelectElement>('select')!.value).toBe('solution');
      expect(selectedText(byLabel<HTMLSelectElement>('Next node of option 1 of node 1'))).toBe(
        '2. Printing again (Solution)',
      );
      expect(selectedText(byLabel<HTMLSelectElement>('Next node of option 2 of node 1'))).toBe(
        '3. Switch it on (Solution)',
      );
      expect(checks()).toContain('No problems found.');

      const diagram = page().querySelector('[data-testid="flow-diagram"]')!;
      expect(diagram.getAttribute('aria-label')).toBe('Diagram of the flow: 3 nodes in 2 rows, 2 links');
      expect(Array.from(diagram.querySelectorAll('.box__title')).map((text) => text.textContent?.trim())).toEqual([
        'Is the printer on?',
        'Printing again',
        'Switch it on',
      ]);
    });

    it('shows problems inline where they are, and clears them once fixed', async () => {
      await type(byLabel('Title of node 1'), 'Is the printer on?');
      await click(button('+ Add answer'));

      const option = nodeCards()[0].querySelector('[data-testid="option-editor"]')!;
      expect(option.textContent).toContain('option 1 needs a label.');
      expect(option.textContent).toContain('option 1 points nowhere: choose its next node.');
      expect(byLabel('Next node of option 1 of node 1').getAttribute('aria-invalid')).toBe('true');

      await type(byLabel('Label of option 1 of node 1'), 'Yes');
      await choose(byLabel<HTMLSelectElement>('Next node of option 1 of node 1'), 'new:solution');

      expect(nodeCards()[0].querySelector('[data-testid="option-editor"]')!.textContent).not.toContain(
        'points nowhere',
      );
      expect(nodeCards()[1].textContent).toContain('Node 2 needs a title.');
    });

    it('warns about a loop and a node nobody reaches', async () => {
      await buildThreeNodeFlow();
      await choose(byLabel<HTMLSelectElement>('Type of node 2'), 'question');
      await click(button('+ Add answer', nodeCards()[1]));
      await type(byLabel('Label of option 1 of node 2'), 'Try again');
      await choose(
        byLabel<HTMLSelectElement>('Next node of option 1 of node 2'),
        nodeCards()[0].id.replace('node-', ''),
      );
      await click(button('+ Solution'));
      await type(byLabel('Title of node 4'), 'Orphan');

      expect(checks()).toContain(
        'Loop: Node 1 “Is the printer on?” → Node 2 “Printing again” → Node 1 “Is the printer on?”',
      );
      expect(checks()).toContain('Loops are allowed only if intended');
      expect(checks()).toContain('Node 4 “Orphan” cannot be reached from the start node.');
      expect(checks()).toContain('2 warnings');
    });

    it('saves a draft with the body the API expects, then moves to the flow’s address', async () => {
      await buildThreeNodeFlow();
      await click(button('Save draft'));

      const request = expectCall(http, 'POST', '/api/v1/trees');
      const body = request.request.body as FlowBody;
      const [question, yes, no] = body.nodes;
      expect(body).toEqual({
        name: 'Printer check',
        description: '',
        kind: 'decision',
        status: 'draft',
        start_node_id: question.id,
        nodes: [
          {
            id: question.id,
            type: 'question',
            title: 'Is the printer on?',
            body: '',
            help_text: null,
            step_id: null,
            options: [
              { id: expect.any(String), label: 'Yes', next_node_id: yes.id },
              { id: expect.any(String), label: 'No', next_node_id: no.id },
            ],
          },
          {
            id: yes.id,
            type: 'solution',
            title: 'Printing again',
            body: '',
            help_text: null,
            step_id: null,
            options: [],
          },
          { id: no.id, type: 'solution', title: 'Switch it on', body: '', help_text: null, step_id: null, options: [] },
        ],
      });
      expect(new Set([question.id, yes.id, no.id]).size).toBe(3);

      request.flush({ ...PRINTER_FLOW, id: 'tree-new', status: 'draft', version: 1, name: 'Printer check', nodes: [] });
      await settle(fixture);

      expect(router.navigate).toHaveBeenCalledWith(['/admin/flows', 'tree-new', 'edit'], {
        replaceUrl: true,
        state: { notice: 'Draft saved (version 1).' },
      });
    });

    it('does not publish a flow that would strand engineers, and says why', async () => {
      await type(page().querySelector<HTMLInputElement>('#flow-name')!, 'Half done');
      await type(byLabel('Title of node 1'), 'Is the printer on?');

      await click(button('Publish'));

      http.expectNone('/api/v1/trees');
      expect(page().querySelector('[data-testid="save-error"]')!.textContent).toContain(
        'Not published: fix the problem marked below first.',
      );
      expect(nodeCards()[0].querySelector('.issue--error')!.textContent).toBe(
        'Node 1 “Is the printer on?” has no options, so an engineer would be stuck there: add an option before publishing.',
      );
    });

    it('fills a step node from the library and links the step', async () => {
      await type(page().querySelector<HTMLInputElement>('#flow-name')!, 'Spooler');
      await choose(byLabel<HTMLSelectElement>('Type of node 1'), 'step');
      await choose(page().querySelector<HTMLSelectElement>(`#${nodeCards()[0].id}-step`)!, SPOOLER_STEP.id);

      expect(byLabel('Title of node 1').value).toBe('Restart the print spooler');
      expect(byLabel<HTMLTextAreaElement>('Instructions of node 1').value).toBe(
        'Open services.msc and restart Print Spooler.',
      );
      expect(nodeCards()[0].textContent).toContain(
        'Engineers’ votes on this node count for “Restart the print spooler”',
      );

      await click(button('Save draft'));
      const request = expectCall(http, 'POST', '/api/v1/trees');
      expect((request.request.body as FlowBody).nodes[0]).toMatchObject({ type: 'step', step_id: SPOOLER_STEP.id });
      request.flush({ ...PRINTER_FLOW, id: 'tree-new', status: 'draft' });
      await settle(fixture);
    });
  });

  describe('an existing flow', () => {
    beforeEach(() => open(PRINTER_FLOW));

    it('loads its details and nodes', () => {
      expect(page().querySelector('h1')!.textContent).toBe('Edit “Printer not printing”');
      expect(page().textContent).toContain('Published');
      expect(page().textContent).toContain('Version 3');
      expect(page().querySelector<HTMLInputElement>('#flow-name')!.value).toBe('Printer not printing');
      expect(nodeCards()).toHaveLength(4);
      expect(selectedText(page().querySelector<HTMLSelectElement>('#flow-start')!)).toBe(
        '1. Is the printer on? (Question)',
      );
      expect(checks()).toContain('No problems found.');
    });

    it('saves changes with the version it loaded', async () => {
      await type(byLabel('Title of node 4'), 'Printing again, test page OK');
      expect(page().textContent).toContain('Unsaved changes');

      await click(button('Save changes'));

      const request = expectCall(http, 'PUT', '/api/v1/trees/tree-printer');
      const body = request.request.body as FlowBody;
      expect(body).toMatchObject({ version: 3, status: 'published', start_node_id: 'node-q' });
      expect(body.nodes.map((node) => node.id)).toEqual(['node-q', 'node-spooler', 'node-power', 'node-fixed']);
      expect(body.nodes[3].title).toBe('Printing again, test page OK');
      expect(body.nodes[1]).toMatchObject({
        step_id: 'step-spooler',
        options: [{ id: 'opt-done', label: 'Done', next_node_id: 'node-fixed' }],
      });

      request.flush({
        ...PRINTER_FLOW,
        version: 4,
        nodes: PRINTER_FLOW.nodes.map((n) =>
          n.id === 'node-fixed' ? { ...n, title: 'Printing again, test page OK' } : n,
        ),
      });
      await settle(fixture);

      expect(page().textContent).toContain('Published: engineers can run “Printer not printing” now.');
      expect(page().textContent).toContain('Version 4');
      expect(page().textContent).not.toContain('Unsaved changes');
    });

    it('says clearly when someone else changed the flow, and reloads on request', async () => {
      await type(byLabel('Title of node 1'), 'Is it switched on?');
      await click(button('Save changes'));

      failWith(
        expectCall(http, 'PUT', '/api/v1/trees/tree-printer'),
        409,
        'This flow was changed by someone else (you edited version 3, it is now 4); reload and apply your edit again',
      );
      await settle(fixture);

      const notice = page().querySelector('[data-testid="stale-version"]')!;
      expect(notice.textContent).toContain('Someone else changed this flow while you were editing.');
      expect(notice.textContent).toContain('Reload to see their version');

      await click(button('Reload the flow', notice));
      expectCall(http, 'GET', '/api/v1/trees/tree-printer').flush({ ...PRINTER_FLOW, version: 4 });
      await settle(fixture);

      expect(page().querySelector('[data-testid="stale-version"]')).toBeNull();
      expect(byLabel('Title of node 1').value).toBe('Is the printer on?');
      expect(page().textContent).toContain('Version 4');
    });

    it('names the node for each message of a refused save (422)', async () => {
      await click(button('Save changes'));

      failWith(expectCall(http, 'PUT', '/api/v1/trees/tree-printer'), 422, [
        'nodes.1.step_id must name a step of your step library',
      ]);
      await settle(fixture);

      expect(page().querySelector('[data-testid="save-error"]')!.textContent).toContain(
        'Node 2 “Restart the print spooler”: step_id must name a step of your step library',
      );
    });

    it('unlinks options when their target node is deleted', async () => {
      await click(button('Delete node 3'));

      expect(nodeCards()).toHaveLength(3);
      expect(nodeCards()[0].textContent).toContain('option 2 (“No”) points nowhere: choose its next node.');
      expect(checks()).toContain('1 error');
    });

    it('walks the flow in the preview like the runner', async () => {
      await click(button('Preview'));
      const preview = () => page().querySelector('[role="dialog"]')!;
      const current = () => preview().querySelector('[data-testid="preview-node"] h3')!.textContent;

      expect(current()).toBe('Is the printer on?');
      await click(button('Yes', preview()));
      expect(current()).toBe('Restart the print spooler');
      expect(preview().textContent).toContain('Is the printer on?');

      await click(button('Back', preview()));
      expect(current()).toBe('Is the printer on?');

      await click(button('No', preview()));
      expect(current()).toBe('Switch it on');
      expect(preview().textContent).toContain('Solution reached.');

      await click(button('Start over', preview()));
      expect(current()).toBe('Is the printer on?');
    });

    it('archives after confirmation', async () => {
      await click(button('Archive'));
      await click(button('Archive', page().querySelector('[role="dialog"]')!));

      expectCall(http, 'DELETE', '/api/v1/trees/tree-printer').flush({
        ...PRINTER_FLOW,
        status: 'archived',
        version: 4,
      });
      await settle(fixture);

      expect(page().textContent).toContain('Archived: engineers can no longer start this flow.');
      expect(button('Restore as draft')).toBeTruthy();
    });
  });
});
