import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { POWER_QUESTION, sessionAt, settle } from '../../../testing/fixtures';
import { provideApiConfiguration } from '../../api/api-configuration';
import type { FlowSummary } from '../../core/api-types';
import { FlowListComponent } from './flow-list.component';

const PRINTER_FLOW: FlowSummary = {
  id: 'tree-printer',
  name: 'Printer not printing',
  description: 'Jobs stuck, offline printers, driver trouble.',
  kind: 'decision',
  status: 'published',
  start_node_id: 'node-power',
  usage_count: 42,
  version: 3,
  created_by: null,
  created_at: '2026-10-01T10:00:00.000Z',
  updated_at: '2026-11-01T10:00:00.000Z',
};

const VPN_FLOW: FlowSummary = {
  ...PRINTER_FLOW,
  id: 'tree-vpn',
  name: 'VPN will not connect',
  description: 'Client errors and MFA prompts.',
  kind: 'procedural',
  usage_count: 7,
};

describe('FlowListComponent', () => {
  let fixture: ComponentFixture<FlowListComponent>;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideApiConfiguration('')],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(FlowListComponent);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  async function loadFlows(flows: FlowSummary[]): Promise<void> {
    const request = http.expectOne((req) => req.url === '/api/v1/trees');
    expect(request.request.params.get('status')).toBe('published');
    request.flush(flows);
    await settle(fixture);
  }

  it('lists the published flows, most used first', async () => {
    await loadFlows([VPN_FLOW, PRINTER_FLOW]);

    const cards = Array.from(page().querySelectorAll('.flow'));
    expect(cards.map((card) => card.querySelector('h2')?.textContent)).toEqual([
      'Printer not printing',
      'VPN will not connect',
    ]);
    expect(cards[0].textContent).toContain('Jobs stuck, offline printers, driver trouble.');
    expect(cards[0].textContent).toContain('Decision tree');
    expect(cards[0].textContent).toContain('Used 42 times');
    expect(cards[1].textContent).toContain('Procedure');
  });

  it('starts a session and opens the runner', async () => {
    await loadFlows([PRINTER_FLOW]);

    page().querySelector<HTMLButtonElement>('button[aria-label="Start Printer not printing"]')!.click();
    await settle(fixture);

    const request = http.expectOne({ method: 'POST', url: '/api/v1/sessions' });
    expect(request.request.body).toEqual({ tree_id: 'tree-printer' });
    request.flush(sessionAt(POWER_QUESTION, { id: 'session-9' }));
    await settle(fixture);

    expect(router.navigate).toHaveBeenCalledWith(['/sessions', 'session-9', 'run']);
  });

  it('links each flow to its analytics', async () => {
    await loadFlows([PRINTER_FLOW]);

    const link = page().querySelector('a[aria-label="Analytics of Printer not printing"]')!;
    expect(link.textContent?.trim()).toBe('Analytics');
    expect(link.getAttribute('href')).toBe('/flows/tree-printer/analytics');
  });

  it('says so when nothing is published yet', async () => {
    await loadFlows([]);

    expect(page().textContent).toContain('No published flows yet');
  });
});
