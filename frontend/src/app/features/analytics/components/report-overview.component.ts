import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import type { AnalyticsWindow, DailyPoint, Summary } from '../analytics-types';
import { CsatTrendChartComponent } from '../charts/csat-trend-chart.component';
import { SessionsChartComponent } from '../charts/sessions-chart.component';
import type { DrillContext } from '../drill-down';
import { SummaryKpisComponent } from './summary-kpis.component';

/** The part of a report every analytics page has. */
export interface OverviewReport {
  summary: Summary;
  window: AnalyticsWindow;
  time_series: readonly DailyPoint[];
}

/**
 * How every analytics report opens: the KPIs, sessions per day, and the CSAT trend beside the page's
 * own panel (the projected content). Its panels sit straight in the page's dashboard column.
 */
@Component({
  selector: 'rf-report-overview',
  imports: [SummaryKpisComponent, SessionsChartComponent, CsatTrendChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <rf-summary-kpis [summary]="report().summary" [window]="report().window" [drill]="drill()" />
    <rf-sessions-chart [points]="report().time_series" [drill]="drill()" />
    <div class="pair">
      <rf-csat-trend-chart [points]="report().time_series" />
      <ng-content />
    </div>
  `,
  styles: `
    :host {
      display: contents;
    }
    .pair {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: var(--rf-space-4);
    }
    @media (max-width: 900px) {
      .pair {
        grid-template-columns: minmax(0, 1fr);
      }
    }
  `,
})
export class ReportOverviewComponent {
  readonly report = input.required<OverviewReport>();
  /** Where the figures lead (the sessions behind them); none, and they are plain text. */
  readonly drill = input<DrillContext | null>(null);
}
