import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { expectCall, PRINTER_FLOW, SPOOLER_STEP } from '../../../../testing/admin-fixtures';
import { settle } from '../../../../testing/fixtures';
import { provideApiConfiguration } from '../../../api/api-configuration';
import type { FlowBody, FlowDetail, FlowSummary } from '../admin-api-types';
import { exportBody, readFileText } from './flow-file';
import { FlowsPageComponent } from './flows-page.component';

const { nodes: _nodes, ...PRINTER_SUMMARY } = PRINTER_FLOW;
const DRAFT_SUMMARY: FlowSummary = {
  ...PRINTER_SUMMARY,
  id: 'tree-draft',
  name: 'VPN draft',
  status: 'draft',
  version: 1,
};

describe('FlowsPageComponent', () => {
  let fixture: ComponentFixture<FlowsPageComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideApiConfiguration('')],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FlowsPageComponent);
    await settle(fixture);
    const list = expectCall(http, 'GET', '/api/v1/trees');
    expect(list.request.params.keys()).toEqual([]);
    list.flush([PRINTER_SUMMARY, DRAFT_SUMMARY]);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
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

  async function pickFile(content: string, name = 'flow.json'): Promise<void> {
    const input = page().querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
    Object.defineProperty(input, 'files', {
      value: [new File([content], name, { type: 'application/json' })],
      configurable: true,
    });
    // FileReader answers on a later task than the one settle() waits for: wait for its loadend.
    const read = new Promise<void>((resolve) => {
      const readAsText = jest.spyOn(FileReader.prototype, 'readAsText').mockImplementationOnce(function (
        this: FileReader,
        blob: Blob,
      ) {
        this.addEventListener('loadend', () => resolve(), { once: true });
        readAsText.mockRestore();
        this.readAsText(blob);
      });
    });
    input.dispatchEvent(new Event('change'));
    await read;
    await settle(fixture);
  }

  /** Answers the import's requests; returns the body it posted. */
  async function completeImport(): Promise<FlowBody> {
    expectCall(http, 'GET', '/api/v1/steps').flush([SPOOLER_STEP]);
    await settle(fixture);
    const create = expectCall(http, 'POST', '/api/v1/trees');
    const body = create.request.body as FlowBody;
    create.flush({ ...PRINTER_FLOW, id: `tree-${Math.random()}`, status: 'draft', version: 1 });
    await settle(fixture);
    return body;
  }

  it('lists drafts and published flows with their status and actions', () => {
    const rows = Array.from(page().querySelectorAll('tbody tr'));
    expect(rows.map((row) => row.getAttribute('data-flow'))).toEqual(['Printer not printing', 'VPN draft']);
    expect(rows[0].textContent).toContain('Published');
    expect(rows[1].textContent).toContain('Draft');
    expect(() => button('Publish Printer not printing')).toThrow();
    expect(button('Publish VPN draft')).toBeTruthy();
  });

  it('imports a file as a new draft with fresh ids, so the same file can be imported twice', async () => {
    const file = JSON.stringify(exportBody(PRINTER_FLOW));

    await pickFile(file, 'printer.json');
    const first = await completeImport();
    await pickFile(file, 'printer.json');
    const second = await completeImport();

    expect(first.status).toBe('draft');
    expect(first.nodes.map((node) => node.title)).toEqual(PRINTER_FLOW.nodes.map((node) => node.title));
    const originalIds = PRINTER_FLOW.nodes.map((node) => node.id);
    for (const body of [first, second]) {
      expect(body.nodes.map((node) => node.id).some((id) => originalIds.includes(id))).toBe(false);
      expect(body.start_node_id).toBe(body.nodes[0].id);
      expect(body.nodes[0].options?.map((option) => option.next_node_id)).toEqual([body.nodes[1].id, body.nodes[2].id]);
      expect(body.nodes[1].step_id).toBe(SPOOLER_STEP.id);
    }
    expect(second.nodes[0].id).not.toBe(first.nodes[0].id);
    expect(page().textContent).toContain('Imported “Printer not printing” as a draft.');
  });

  it('refuses a file whose links are broken, saying what is wrong', async () => {
    const broken = exportBody(PRINTER_FLOW);
    broken.nodes[0].options![0].next_node_id = 'nowhere';

    await pickFile(JSON.stringify(broken), 'broken.json');

    http.expectNone('/api/v1/trees');
    const problem = page().querySelector('[data-testid="flows-problem"]')!;
    expect(problem.textContent).toContain('“broken.json” cannot be imported:');
    expect(problem.textContent).toContain(
      'Node 1 “Is the printer on?”: option 1 (“Yes”) points to a node that does not exist.',
    );
  });

  it('refuses a file that is not a flow', async () => {
    await pickFile('not json at all', 'notes.txt');

    expect(page().querySelector('[data-testid="flows-problem"]')!.textContent).toContain('The file is not valid JSON.');
  });

  it('exports a flow as its POST body, named after the flow', async () => {
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:flow');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: HTMLAnchorElement[] = [];
    const click$ = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });

    await click(button('Export Printer not printing as JSON'));
    expectCall(http, 'GET', '/api/v1/trees/tree-printer').flush(PRINTER_FLOW);
    await settle(fixture);

    expect(clicked[0].download).toBe('printer-not-printing.json');
    const exported = JSON.parse(await readFileText(createObjectURL.mock.calls[0][0])) as FlowBody;
    expect(exported).toEqual(exportBody(PRINTER_FLOW));
    expect(exported).not.toHaveProperty('version');
    click$.mockRestore();
  });

  it('publishes a draft only when it passes the publishing checks', async () => {
    const incomplete: FlowDetail = {
      ...PRINTER_FLOW,
      ...DRAFT_SUMMARY,
      nodes: [{ ...PRINTER_FLOW.nodes[0], options: [] }],
    };
    await click(button('Publish VPN draft'));
    expectCall(http, 'GET', '/api/v1/trees/tree-draft').flush(incomplete);
    await settle(fixture);

    http.expectNone({ method: 'PUT' });
    expect(page().querySelector('[data-testid="flows-problem"]')!.textContent).toContain(
      '“VPN draft” cannot be published yet. Open it in the editor to fix:',
    );

    const complete: FlowDetail = { ...PRINTER_FLOW, ...DRAFT_SUMMARY, nodes: PRINTER_FLOW.nodes };
    await click(button('Publish VPN draft'));
    expectCall(http, 'GET', '/api/v1/trees/tree-draft').flush(complete);
    await settle(fixture);
    const put = expectCall(http, 'PUT', '/api/v1/trees/tree-draft');
    expect(put.request.body).toMatchObject({ status: 'published', version: 1 });
    put.flush({ ...complete, status: 'published', version: 2 });
    await settle(fixture);

    expect(page().querySelector('tr[data-flow="VPN draft"]')!.textContent).toContain('Published');
    expect(page().textContent).toContain('Published: engineers can run “VPN draft” now.');
  });
});
