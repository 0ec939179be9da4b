import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';

import { textOf } from '../../../../testing/analytics-harness';
import { settle } from '../../../../testing/fixtures';
import type { ReportState } from '../report-loader';
import { ReportStatusComponent } from './report-status.component';

/** A page using the status with one action of its own for the error and one for the empty period. */
@Component({
  imports: [ReportStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <rf-report-status
      [state]="state()"
      [notFoundMessage]="notFoundMessage()"
      emptyHint="Nothing ran. Try a longer period."
      [offerNinetyDays]="offerNinetyDays()"
      (retry)="events.push('retry')"
      (showNinetyDays)="events.push('90d')"
    >
      <button errorActions type="button" (click)="events.push('error action')">Back</button>
      <button emptyActions type="button" (click)="events.push('empty action')">Show everyone</button>
    </rf-report-status>
  `,
})
class HostComponent {
  readonly state = signal<ReportState<unknown>>({ status: 'loading' });
  readonly notFoundMessage = signal<string | null>(null);
  readonly offerNinetyDays = signal(true);
  readonly events: string[] = [];
}

describe('ReportStatusComponent', () => {
  let fixture: ComponentFixture<HostComponent>;

  async function render(
    state: ReportState<unknown>,
    options: Partial<{ notFoundMessage: string; offer: boolean }> = {},
  ) {
    fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.state.set(state);
    fixture.componentInstance.notFoundMessage.set(options.notFoundMessage ?? null);
    fixture.componentInstance.offerNinetyDays.set(options.offer ?? true);
    await settle(fixture);
    return fixture.nativeElement as HTMLElement;
  }

  function buttons(element: HTMLElement, selector: string): string[] {
    return Array.from(element.querySelectorAll(`${selector} button`)).map(textOf);
  }

  function click(element: HTMLElement, text: string): void {
    Array.from(element.querySelectorAll('button'))
      .find((button) => textOf(button) === text)!
      .click();
  }

  afterEach(() => TestBed.resetTestingModule());

  it('shows the skeleton while the report loads', async () => {
    const element = await render({ status: 'loading' });

    expect(element.querySelector('rf-analytics-skeleton')).not.toBeNull();
    expect(element.querySelector('rf-report-error')).toBeNull();
    expect(element.querySelector('rf-report-empty')).toBeNull();
    expect(element.querySelectorAll('button')).toHaveLength(0);
  });

  it('shows the error with Retry and the page’s error actions only', async () => {
    const element = await render({ status: 'error', message: 'Database unavailable', notFound: false });

    expect(textOf(element.querySelector('rf-report-error'))).toContain('Database unavailable');
    expect(buttons(element, 'rf-report-error')).toEqual(['Retry', 'Back']);
    expect(element.querySelector('rf-report-empty')).toBeNull();

    click(element, 'Retry');
    click(element, 'Back');
    expect(fixture.componentInstance.events).toEqual(['retry', 'error action']);
  });

  it('says what the page says on a 404, and the server’s message otherwise', async () => {
    const notFound: ReportState<unknown> = { status: 'error', message: 'Tree not found', notFound: true };
    expect(
      textOf((await render(notFound, { notFoundMessage: 'This flow does not exist.' })).querySelector('rf-notice')),
    ).toContain('This flow does not exist.');
    TestBed.resetTestingModule();

    const element = await render(notFound);
    expect(textOf(element.querySelector('rf-notice'))).toContain('Tree not found');
    expect(textOf(element.querySelector('rf-notice'))).not.toContain('This flow does not exist.');
  });

  it('shows the empty period with the 90 days first, then the page’s empty actions', async () => {
    const element = await render({ status: 'ready', report: {} });

    expect(textOf(element.querySelector('rf-report-empty h2'))).toBe('No sessions in this period');
    expect(textOf(element.querySelector('rf-report-empty'))).toContain('Nothing ran. Try a longer period.');
    expect(buttons(element, 'rf-report-empty')).toEqual(['Show the last 90 days', 'Show everyone']);
    expect(element.querySelector('rf-report-error')).toBeNull();

    click(element, 'Show the last 90 days');
    click(element, 'Show everyone');
    expect(fixture.componentInstance.events).toEqual(['90d', 'empty action']);
  });

  it('does not offer the 90 days when the period already is 90 days', async () => {
    const element = await render({ status: 'ready', report: {} }, { offer: false });

    expect(buttons(element, 'rf-report-empty')).toEqual(['Show everyone']);
  });
});
