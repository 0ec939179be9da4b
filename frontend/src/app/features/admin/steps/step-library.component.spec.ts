import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';

import { DNS_STEP, expectCall, failWith, SPOOLER_STEP } from '../../../../testing/admin-fixtures';
import { settle } from '../../../../testing/fixtures';
import { provideApiConfiguration } from '../../../api/api-configuration';
import type { LibraryStep } from '../admin-api-types';
import { SEARCH_DEBOUNCE_MS, StepLibraryComponent } from './step-library.component';

describe('StepLibraryComponent', () => {
  let fixture: ComponentFixture<StepLibraryComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideApiConfiguration('')],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(StepLibraryComponent);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function stepRow(title: string): HTMLElement | null {
    return page().querySelector(`tr[data-step="${title}"]`);
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

  function dialog(): HTMLElement | null {
    return page().querySelector('[role="dialog"]');
  }

  async function click(target: HTMLElement): Promise<void> {
    target.click();
    await settle(fixture);
  }

  function type(selector: string, value: string): void {
    const input = page().querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function answerList(steps: LibraryStep[], search?: string): Promise<void> {
    const request = expectCall(http, 'GET', '/api/v1/steps');
    expect(request.request.params.get('search')).toBe(search ?? null);
    request.flush(steps);
    await settle(fixture);
  }

  it('lists the steps with their helpful votes', async () => {
    await answerList([SPOOLER_STEP, DNS_STEP]);

    const spooler = stepRow('Restart the print spooler')!;
    expect(spooler.textContent).toContain('Open services.msc and restart Print Spooler.');
    expect(spooler.querySelector('[role="img"]')!.getAttribute('aria-label')).toBe(
      '12 helpful, 3 not helpful (80% helpful)',
    );
    expect(spooler.textContent).toContain('12');
    expect(spooler.textContent).toContain('80%');
    expect(stepRow('Flush DNS')!.querySelector('[role="img"]')!.getAttribute('aria-label')).toBe('No votes yet');
    expect(page().textContent).toContain('2 steps');
  });

  it('searches once the user stops typing', async () => {
    await answerList([SPOOLER_STEP, DNS_STEP]);

    // The debounce on a fake clock: nothing until SEARCH_DEBOUNCE_MS after the last keystroke.
    jest.useFakeTimers();
    try {
      type('#step-search', 'spo');
      jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1);
      type('#step-search', 'spool');
      jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1);
      http.expectNone('/api/v1/steps');
      jest.advanceTimersByTime(1);
    } finally {
      // Angular's change detection was scheduled on the fake clock as well.
      jest.runOnlyPendingTimers();
      jest.useRealTimers();
    }
    await answerList([SPOOLER_STEP], 'spool');

    expect(stepRow('Flush DNS')).toBeNull();
    expect(page().textContent).toContain('1 step matches “spool”');
  });

  it('says when nothing matches', async () => {
    await answerList([SPOOLER_STEP]);

    jest.useFakeTimers();
    try {
      type('#step-search', 'zebra');
      jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    } finally {
      // Angular's change detection was scheduled on the fake clock as well.
      jest.runOnlyPendingTimers();
      jest.useRealTimers();
    }
    await answerList([], 'zebra');

    expect(page().textContent).toContain('No steps match “zebra”');
  });

  it('adds a step', async () => {
    await answerList([SPOOLER_STEP]);

    await click(button('New step'));
    type('#step-title', '  Flush DNS ');
    type('#step-instructions', 'ipconfig /flushdns');
    await click(button('Add step', dialog()!));

    const request = expectCall(http, 'POST', '/api/v1/steps');
    expect(request.request.body).toEqual({ title: 'Flush DNS', instructions: 'ipconfig /flushdns' });
    request.flush(DNS_STEP);
    await settle(fixture);

    expect(dialog()).toBeNull();
    expect(stepRow('Flush DNS')).not.toBeNull();
    expect(page().textContent).toContain('“Flush DNS” was added to the library.');
  });

  it('needs a title before saving', async () => {
    await answerList([]);

    await click(button('New step'));
    await click(button('Add step', dialog()!));

    expect(dialog()!.querySelector('#step-title-error')!.textContent).toBe('Give the step a title.');
    http.expectNone('/api/v1/steps');
  });

  it('edits a step', async () => {
    await answerList([SPOOLER_STEP]);

    await click(button('Edit Restart the print spooler'));
    expect(dialog()!.querySelector<HTMLInputElement>('#step-title')!.value).toBe('Restart the print spooler');
    type('#step-instructions', 'Restart the Print Spooler service.');
    await click(button('Save step', dialog()!));

    const request = expectCall(http, 'PATCH', '/api/v1/steps/step-spooler');
    expect(request.request.body).toEqual({
      title: 'Restart the print spooler',
      instructions: 'Restart the Print Spooler service.',
    });
    request.flush({ ...SPOOLER_STEP, instructions: 'Restart the Print Spooler service.' });
    await settle(fixture);

    expect(stepRow('Restart the print spooler')!.textContent).toContain('Restart the Print Spooler service.');
  });

  it('deletes a step after confirmation', async () => {
    await answerList([SPOOLER_STEP, DNS_STEP]);

    await click(button('Delete Flush DNS'));
    await click(button('Delete step', dialog()!));
    expectCall(http, 'DELETE', '/api/v1/steps/step-dns').flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);

    expect(dialog()).toBeNull();
    expect(stepRow('Flush DNS')).toBeNull();
    expect(page().textContent).toContain('“Flush DNS” was deleted.');
  });

  it('shows which flows still use a step when deleting is refused', async () => {
    await answerList([SPOOLER_STEP]);

    await click(button('Delete Restart the print spooler'));
    await click(button('Delete step', dialog()!));
    failWith(
      expectCall(http, 'DELETE', '/api/v1/steps/step-spooler'),
      409,
      'The step is used by: Printer not printing, Scanner offline. Remove it from those flows first.',
    );
    await settle(fixture);

    expect(dialog()!.querySelector('[data-testid="delete-error"]')!.textContent).toContain(
      'The step is used by: Printer not printing, Scanner offline. Remove it from those flows first.',
    );
    expect(() => button('Delete step', dialog()!)).toThrow();
    expect(stepRow('Restart the print spooler')).not.toBeNull();
  });
});
