import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { TEAM_REPORT } from '../../../../testing/analytics-fixtures';
import { kpi, textOf, withoutChartDrawings } from '../../../../testing/analytics-harness';
import { settle } from '../../../../testing/fixtures';
import { READER_LOCALE } from '../../../shared/reader-format';
import type { DrillContext } from '../drill-down';
import { ReportOverviewComponent } from './report-overview.component';

jest.setTimeout(20_000);

/** A page's dashboard column with the overview in it and the page's own panel projected beside the trend. */
@Component({
  imports: [ReportOverviewComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="dashboard">
      <rf-report-overview [report]="report" [drill]="drill()">
        <p class="own-panel">The page’s own panel</p>
      </rf-report-overview>
    </div>
  `,
})
class HostComponent {
  readonly report = TEAM_REPORT;
  readonly drill = signal<DrillContext | null>(null);
}

describe('ReportOverviewComponent', () => {
  let fixture: ComponentFixture<HostComponent>;

  async function render(drill: DrillContext | null): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: READER_LOCALE, useValue: 'en-US' }],
    });
    withoutChartDrawings();
    fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.drill.set(drill);
    await settle(fixture);
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => TestBed.resetTestingModule());

  it('opens with the KPIs, sessions per day, and the CSAT trend beside the page’s own panel', async () => {
    const element = await render(null);

    expect(kpi(element, 'Sessions').value).toBe('1,072');
    const overview = element.querySelector('rf-report-overview')!;
    expect(Array.from(overview.children).map((child) => child.tagName.toLowerCase())).toEqual([
      'rf-summary-kpis',
      'rf-sessions-chart',
      'div',
    ]);
    const pair = overview.querySelector('.pair')!;
    expect(Array.from(pair.children).map((child) => child.tagName.toLowerCase())).toEqual(['rf-csat-trend-chart', 'p']);
    expect(textOf(pair.querySelector('.own-panel'))).toBe('The page’s own panel');
  });

  it('links its figures to the sessions behind them only when given a drill-down', async () => {
    const plain = await render(null);
    expect(plain.querySelector('rf-sessions-chart a')).toBeNull();
    expect(plain.querySelector('rf-summary-kpis a')).toBeNull();
    TestBed.resetTestingModule();

    const linked = await render({ scope: 'team', selection: { period: '7d' }, filters: { user_id: 'u-1' } });
    const href = decodeURIComponent(
      linked.querySelector('rf-sessions-chart tbody tr th a')?.getAttribute('href') ?? '',
    );
    expect(href).toMatch(/^\/admin\/sessions\?user_id=u-1&from=(\d{4}-\d\d-\d\d)&to=\1$/);
    expect(linked.querySelector('rf-summary-kpis a')).not.toBeNull();
  });
});
