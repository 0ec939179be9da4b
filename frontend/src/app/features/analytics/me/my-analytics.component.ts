import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';

import type { PeriodSelection } from '../../../shared/period-picker.component';
import { AnalyticsDataService } from '../analytics-data.service';
import { isNinetyDays, navigateToFilters, selectionFromParams, selectionToParams } from '../analytics-filters';
import { flowEntry } from '../analytics-links';
import type { MyAnalytics } from '../analytics-types';
import { OutcomeBreakdownChartComponent } from '../charts/outcome-breakdown-chart.component';
import { AnalyticsToolbarComponent } from '../components/analytics-toolbar.component';
import { RankedTableComponent } from '../components/ranked-table.component';
import { ReportOverviewComponent } from '../components/report-overview.component';
import { ReportStatusComponent } from '../components/report-status.component';
import type { DrillContext } from '../drill-down';
import { isQuietReport, ReportLoader } from '../report-loader';

/** Everyone's own numbers: the sessions they ran and how they went. */
@Component({
  selector: 'rf-my-analytics',
  imports: [
    AnalyticsToolbarComponent,
    ReportStatusComponent,
    ReportOverviewComponent,
    OutcomeBreakdownChartComponent,
    RankedTableComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-analytics.component.html',
  styleUrl: '../analytics-page.scss',
})
export class MyAnalyticsComponent {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly data = inject(AnalyticsDataService);

  protected readonly selection = signal<PeriodSelection>({ period: '30d' });
  protected readonly loader = new ReportLoader<PeriodSelection, MyAnalytics>(
    (selection) => this.data.mine(selection),
    'Could not load your analytics.',
  );

  protected readonly showsNinetyDays = computed(() => isNinetyDays(this.selection()));
  protected readonly isEmpty = computed(() => isQuietReport(this.loader.report()));
  /** Every figure opens the reader's own sessions behind it (My sessions), in the same window. */
  protected readonly drill = computed<DrillContext>(() => ({
    scope: 'mine',
    selection: this.selection(),
    filters: {},
  }));
  protected readonly topFlows = computed(() =>
    (this.loader.report()?.top_flows ?? []).map((flow) => flowEntry(flow, this.selection(), this.drill())),
  );
  protected readonly csv = computed(() => {
    const selection = this.selection();
    return () => this.data.mineCsv(selection);
  });

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const selection = selectionFromParams(params);
      this.selection.set(selection);
      void this.loader.load(selection);
    });
  }

  protected setSelection(selection: PeriodSelection): void {
    navigateToFilters(this.router, this.route, selectionToParams(selection));
  }
}
