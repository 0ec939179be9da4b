import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';

import { polyfillDialog } from '../../../testing/dialog';
import { settle } from '../../../testing/fixtures';
import { provideApiConfiguration } from '../../api/api-configuration';
import { CsatModalComponent, type CsatResult } from './csat-modal.component';

const RATE_URL = '/api/v1/sessions/session-1/rate';

describe('CsatModalComponent', () => {
  let fixture: ComponentFixture<CsatModalComponent>;
  let http: HttpTestingController;
  let results: CsatResult[];

  beforeAll(() => polyfillDialog());

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideApiConfiguration('')],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CsatModalComponent);
    fixture.componentRef.setInput('sessionId', 'session-1');
    fixture.componentRef.setInput('flowName', 'VPN will not connect');
    results = [];
    fixture.componentInstance.closed.subscribe((result) => results.push(result));
    await settle(fixture);
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  function dialog(): HTMLDialogElement {
    return (fixture.nativeElement as HTMLElement).querySelector('dialog')!;
  }

  function stars(): HTMLElement[] {
    return Array.from(dialog().querySelectorAll<HTMLElement>('[role="radio"]'));
  }

  function star(label: string): HTMLElement {
    return stars().find((candidate) => candidate.getAttribute('aria-label') === label)!;
  }

  function checked(): string | null {
    return dialog().querySelector('[role="radio"][aria-checked="true"]')?.getAttribute('aria-label') ?? null;
  }

  function button(label: string): HTMLButtonElement {
    return Array.from(dialog().querySelectorAll('button')).find(
      (candidate) => candidate.textContent?.trim() === label,
    )!;
  }

  function counter(): string {
    return dialog().querySelector('[data-testid="csat-counter"]')?.textContent?.trim() ?? '';
  }

  async function key(target: HTMLElement, name: string): Promise<void> {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
    await settle(fixture);
  }

  async function type(text: string): Promise<void> {
    const comment = dialog().querySelector('textarea')!;
    comment.value = text;
    comment.dispatchEvent(new Event('input'));
    await settle(fixture);
  }

  async function chooseFourStarsAndSubmit(): Promise<void> {
    star('4 – Good').click();
    await settle(fixture);
    button('Submit').click();
    await settle(fixture);
  }

  it('opens as a modal asking for 1 to 5 stars, with Submit waiting for a choice', () => {
    expect(dialog().open).toBe(true);
    expect(dialog().getAttribute('aria-labelledby')).toBeTruthy();
    expect(dialog().textContent).toContain('How did this flow work for you?');
    expect(dialog().textContent).toContain('VPN will not connect');

    expect(dialog().querySelector('[role="radiogroup"]')).not.toBeNull();
    expect(stars().map((candidate) => candidate.getAttribute('aria-label'))).toEqual([
      '1 – Very poor',
      '2 – Poor',
      '3 – Okay',
      '4 – Good',
      '5 – Excellent',
    ]);
    expect(checked()).toBeNull();
    expect(document.activeElement).toBe(star('1 – Very poor'));
    expect(button('Submit').disabled).toBe(true);
    expect(counter()).toBe('0 / 500');
  });

  it('moves and selects with the arrow keys, wrapping at the ends, with one star in the tab order', async () => {
    star('3 – Okay').click();
    await settle(fixture);
    expect(checked()).toBe('3 – Okay');
    expect(button('Submit').disabled).toBe(false);

    await key(star('3 – Okay'), 'ArrowRight');
    expect(checked()).toBe('4 – Good');
    expect(document.activeElement).toBe(star('4 – Good'));
    expect(dialog().querySelector('[data-testid="csat-choice"]')?.textContent).toBe('4 – Good');

    await key(star('4 – Good'), 'ArrowUp');
    await key(star('5 – Excellent'), 'ArrowRight');
    expect(checked()).toBe('1 – Very poor');

    await key(star('1 – Very poor'), 'ArrowLeft');
    expect(checked()).toBe('5 – Excellent');
    await key(star('5 – Excellent'), 'ArrowDown');
    expect(checked()).toBe('4 – Good');

    await key(star('4 – Good'), 'Home');
    expect(checked()).toBe('1 – Very poor');
    await key(star('1 – Very poor'), 'End');
    expect(checked()).toBe('5 – Excellent');
    expect(document.activeElement).toBe(star('5 – Excellent'));

    expect(stars().map((candidate) => candidate.getAttribute('tabindex'))).toEqual(['-1', '-1', '-1', '-1', '0']);
  });

  it('selects the focused star with Space', async () => {
    await key(star('1 – Very poor'), ' ');
    expect(checked()).toBe('1 – Very poor');
    expect(button('Submit').disabled).toBe(false);
  });

  it('counts the comment as it is typed and stops at 500 characters', async () => {
    await type('Clear steps');
    expect(counter()).toBe('11 / 500');

    await type('x'.repeat(520));
    expect(counter()).toBe('500 / 500');
    expect(dialog().querySelector('textarea')!.getAttribute('maxlength')).toBe('500');
  });

  it('submits the stars and the comment, then closes', async () => {
    await type('  Clear steps, the credential tip fixed it.  ');
    await chooseFourStarsAndSubmit();

    expect(button('Sending…').disabled).toBe(true);
    const request = http.expectOne({ method: 'POST', url: RATE_URL });
    expect(request.request.body).toEqual({ rating: 4, comment: 'Clear steps, the credential tip fixed it.' });
    const saved = {
      id: 'rating-1',
      session_id: 'session-1',
      rating: 4,
      comment: 'Clear steps, the credential tip fixed it.',
      created_at: '2026-11-24T09:05:00.000Z',
    };
    request.flush(saved, { status: 201, statusText: 'Created' });
    await settle(fixture);

    expect(results).toEqual([{ status: 'rated', rating: saved }]);
    expect(dialog().open).toBe(false);
  });

  it('sends no comment when none was written', async () => {
    await chooseFourStarsAndSubmit();

    const request = http.expectOne({ method: 'POST', url: RATE_URL });
    expect(request.request.body).toEqual({ rating: 4 });
    request.flush({
      id: 'r',
      session_id: 'session-1',
      rating: 4,
      comment: null,
      created_at: '2026-11-24T09:05:00.000Z',
    });
    await settle(fixture);
  });

  it('closes without sending anything on Skip', async () => {
    star('2 – Poor').click();
    await settle(fixture);

    button('Skip').click();
    await settle(fixture);

    http.expectNone(RATE_URL);
    expect(results).toEqual([{ status: 'skipped' }]);
    expect(dialog().open).toBe(false);
  });

  it('treats Escape as Skip', async () => {
    await key(star('1 – Very poor'), 'Escape');

    http.expectNone(RATE_URL);
    expect(results).toEqual([{ status: 'skipped' }]);
  });

  it('closes as already rated when the server answers 409', async () => {
    await chooseFourStarsAndSubmit();

    http
      .expectOne({ method: 'POST', url: RATE_URL })
      .flush({ statusCode: 409, message: 'Session already rated' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);

    expect(results).toEqual([{ status: 'already-rated' }]);
    expect(dialog().open).toBe(false);
  });

  it('stays open with the choice kept and an error when sending fails', async () => {
    await chooseFourStarsAndSubmit();

    http
      .expectOne({ method: 'POST', url: RATE_URL })
      .flush({ statusCode: 503, message: 'Service unavailable' }, { status: 503, statusText: 'Unavailable' });
    await settle(fixture);

    expect(results).toEqual([]);
    expect(dialog().open).toBe(true);
    expect(dialog().querySelector('[role="alert"]')?.textContent).toContain('Service unavailable');
    expect(checked()).toBe('4 – Good');
    expect(button('Submit').disabled).toBe(false);
  });
});
