import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, type Params } from '@angular/router';

import type { PeriodSelection } from '../../../shared/period-picker.component';
import { SearchableSelectComponent, type SelectOption } from '../../../shared/searchable-select.component';
import { AnalyticsDataService, type TeamFilters } from '../analytics-data.service';
import {
  engineerFromParams,
  isNinetyDays,
  navigateToFilters,
  selectionFromParams,
  selectionToParams,
} from '../analytics-filters';
import { engineerEntry, flowEntry } from '../analytics-links';
import type { AccountUser, TeamAnalytics } from '../analytics-types';
import { OutcomeBreakdownChartComponent } from '../charts/outcome-breakdown-chart.component';
import { AnalyticsToolbarComponent } from '../components/analytics-toolbar.component';
import { RankedTableComponent } from '../components/ranked-table.component';
import { ReportOverviewComponent } from '../components/report-overview.component';
import { ReportStatusComponent } from '../components/report-status.component';
import type { DrillContext } from '../drill-down';
import { isQuietReport, ReportLoader } from '../report-loader';

/** The team admin's morning page: how the whole team (or one engineer) did in a period. */
@Component({
  selector: 'rf-team-analytics',
  imports: [
    AnalyticsToolbarComponent,
    SearchableSelectComponent,
    ReportStatusComponent,
    ReportOverviewComponent,
    OutcomeBreakdownChartComponent,
    RankedTableComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './team-analytics.component.html',
  styleUrl: '../analytics-page.scss',
})
export class TeamAnalyticsComponent {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly data = inject(AnalyticsDataService);

  protected readonly filters = signal<TeamFilters>({ selection: { period: '30d' }, engineerId: null });
  protected readonly loader = new ReportLoader<TeamFilters, TeamAnalytics>(
    (filters) => this.data.team(filters),
    'Could not load the team analytics.',
  );
  private readonly users = signal<AccountUser[]>([]);
  protected readonly usersError = signal(false);

  protected readonly engineerOptions = computed<SelectOption[]>(() =>
    [...this.users()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((user) => ({
        value: user.id,
        label: user.name,
        hint: user.is_active ? user.email : `${user.email} · deactivated`,
      })),
  );

  protected readonly engineerName = computed(() => {
    const id = this.filters().engineerId;
    if (id === null) {
      return null;
    }
    return this.users().find((user) => user.id === id)?.name ?? 'the selected engineer';
  });

  protected readonly showsNinetyDays = computed(() => isNinetyDays(this.filters().selection));

  protected readonly isEmpty = computed(() => isQuietReport(this.loader.report()));

  /** Every figure opens the account's sessions behind it: same window, same engineer. */
  protected readonly drill = computed<DrillContext>(() => {
    const { selection, engineerId } = this.filters();
    return { scope: 'team', selection, filters: engineerId === null ? {} : { user_id: engineerId } };
  });

  protected readonly topFlows = computed(() =>
    (this.loader.report()?.top_flows ?? []).map((flow) => flowEntry(flow, this.filters().selection, this.drill())),
  );
  protected readonly topEngineers = computed(() =>
    (this.loader.report()?.top_engineers ?? []).map((engineer) =>
      engineerEntry(engineer, this.filters().selection, this.drill()),
    ),
  );

  protected readonly csv = computed(() => {
    const filters = this.filters();
    return () => this.data.teamCsv(filters);
  });

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const filters: TeamFilters = { selection: selectionFromParams(params), engineerId: engineerFromParams(params) };
      this.filters.set(filters);
      void this.loader.load(filters);
    });
    this.data.users().then(
      (users) => this.users.set(users),
      () => this.usersError.set(true),
    );
  }

  protected setSelection(selection: PeriodSelection): void {
    this.navigate(selectionToParams(selection));
  }

  protected setEngineer(engineerId: string | null): void {
    this.navigate({ engineer: engineerId });
  }

  /** Filters go into the URL; the query-param subscription above then loads the report. */
  private navigate(queryParams: Params): void {
    navigateToFilters(this.router, this.route, queryParams);
  }
}
