import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { combineLatest } from 'rxjs';

import { AuthService } from '../../../core/auth/auth.service';
import { ADMIN_ROLES } from '../../../core/layout/nav-items';
import type { PeriodSelection } from '../../../shared/period-picker.component';
import { AnalyticsDataService } from '../analytics-data.service';
import {
  isNinetyDays,
  navigateToFilters,
  selectionFromParams,
  selectionToParams,
  versionFromParams,
} from '../analytics-filters';
import type { FlowAnalytics, FlowTree, FlowVersions } from '../analytics-types';
import { CsatDistributionChartComponent } from '../charts/csat-distribution-chart.component';
import { OutcomeBreakdownChartComponent } from '../charts/outcome-breakdown-chart.component';
import { AnalyticsToolbarComponent } from '../components/analytics-toolbar.component';
import { ReportOverviewComponent } from '../components/report-overview.component';
import { ReportStatusComponent } from '../components/report-status.component';
import type { DrillContext } from '../drill-down';
import { isQuietReport, ReportLoader } from '../report-loader';
import { DropOffListComponent } from './drop-off-list.component';
import { FlowMapComponent } from './flow-map.component';
import { FlowVersionsComponent } from './flow-versions.component';
import { NodeTimesTableComponent } from './node-times-table.component';
import { OutcomesByNodeTableComponent } from './outcomes-by-node-table.component';
import { RecentCommentsComponent } from './recent-comments.component';
import { StepFeedbackListComponent } from './step-feedback-list.component';

interface FlowQuery {
  flowId: string;
  selection: PeriodSelection;
  /** Only sessions started on this version of the flow (?version=N). */
  version: number | null;
}

/** One flow in depth: how its sessions end, what people think of it, and which steps need work. */
@Component({
  selector: 'rf-flow-analytics',
  imports: [
    RouterLink,
    AnalyticsToolbarComponent,
    ReportStatusComponent,
    ReportOverviewComponent,
    CsatDistributionChartComponent,
    OutcomeBreakdownChartComponent,
    StepFeedbackListComponent,
    DropOffListComponent,
    OutcomesByNodeTableComponent,
    RecentCommentsComponent,
    NodeTimesTableComponent,
    FlowVersionsComponent,
    FlowMapComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './flow-analytics.component.html',
  styleUrl: '../analytics-page.scss',
})
export class FlowAnalyticsComponent {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly data = inject(AnalyticsDataService);
  private readonly auth = inject(AuthService);

  protected readonly query = signal<FlowQuery | null>(null);
  protected readonly loader = new ReportLoader<FlowQuery, FlowAnalytics>(
    ({ flowId, selection, version }) => this.data.flow(flowId, selection, version),
    'Could not load this flow’s analytics.',
  );
  /** The flow's versions (all time); the page works without them. */
  protected readonly versions = signal<FlowVersions | null>(null);
  /** The flow's nodes, for the coloured diagram; the page works without them. */
  protected readonly tree = signal<FlowTree | null>(null);
  private versionsOf: string | null = null;

  protected readonly selection = computed<PeriodSelection>(() => this.query()?.selection ?? { period: '30d' });
  /**
   * A team admin's figures open the account's sessions behind them. An engineer's would open only
   * their own sessions, whose total is not the figure, so they get no drill-down here.
   */
  protected readonly drill = computed<DrillContext | null>(() => {
    const query = this.query();
    return query === null || !this.auth.hasRole(...ADMIN_ROLES)
      ? null
      : {
          scope: 'team',
          selection: query.selection,
          filters: {
            tree_id: query.flowId,
            ...(query.version === null ? {} : { tree_version: String(query.version) }),
          },
        };
  });
  protected readonly showsNinetyDays = computed(() => isNinetyDays(this.selection()));
  protected readonly isEmpty = computed(() => isQuietReport(this.loader.report()));
  protected readonly csv = computed(() => {
    const query = this.query();
    return () =>
      query === null
        ? Promise.reject(new Error('No flow'))
        : this.data.flowCsv(query.flowId, query.selection, query.version);
  });

  constructor() {
    combineLatest([this.route.paramMap, this.route.queryParamMap])
      .pipe(takeUntilDestroyed())
      .subscribe(([params, queryParams]) => {
        const query: FlowQuery = {
          flowId: params.get('id') ?? '',
          selection: selectionFromParams(queryParams),
          version: versionFromParams(queryParams),
        };
        this.query.set(query);
        void this.loader.load(query);
        this.loadFlow(query.flowId);
      });
  }

  protected setSelection(selection: PeriodSelection): void {
    navigateToFilters(this.router, this.route, selectionToParams(selection));
  }

  protected showAllVersions(): void {
    navigateToFilters(this.router, this.route, { version: null });
  }

  /** Once per flow: its nodes and its versions (all time) do not change with the period. */
  private loadFlow(flowId: string): void {
    if (this.versionsOf === flowId) {
      return;
    }
    this.versionsOf = flowId;
    this.versions.set(null);
    this.tree.set(null);
    this.data.flowTree(flowId).then(
      (tree) => {
        if (this.versionsOf === flowId) {
          this.tree.set(tree);
        }
      },
      () => undefined,
    );
    this.data.flowVersions(flowId).then(
      (versions) => {
        if (this.versionsOf === flowId) {
          this.versions.set(versions);
        }
      },
      () => undefined,
    );
  }
}
