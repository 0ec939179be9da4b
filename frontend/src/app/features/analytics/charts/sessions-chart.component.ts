import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { BarChartModule } from '@swimlane/ngx-charts';

import { ReaderFormat } from '../../../shared/reader-format';
import type { DailyPoint } from '../analytics-types';
import { dayFilters, drillLink, type DrillContext, type DrillLink } from '../drill-down';
import { ChartFrameComponent } from './chart-frame.component';
import { ChartLegendComponent } from './chart-legend.component';
import {
  barPadding,
  countTicks,
  prefersReducedMotion,
  SESSION_COLORS,
  SESSION_LEGEND,
  SESSION_STACK,
} from './chart-series';
import { observePlotWidth, spacedTicks } from './observe-width';

/** Sessions started per day, each bar stacked by how those sessions ended (or that they have not). */
@Component({
  selector: 'rf-sessions-chart',
  imports: [BarChartModule, RouterLink, ChartFrameComponent, ChartLegendComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <rf-chart-frame
      heading="Sessions per day"
      titleId="sessions-chart-title"
      [subtitle]="subtitle()"
      [height]="height()"
      [emptyMessage]="total() === 0 ? 'No sessions were started in this period.' : null"
    >
      <rf-chart-legend chartLegend [entries]="legend" />
      <ngx-charts-bar-vertical-stacked
        chartPlot
        [view]="[plotWidth(), height()]"
        [results]="results()"
        [customColors]="colors"
        [animations]="animations"
        [xAxis]="true"
        [yAxis]="true"
        [showGridLines]="true"
        [xAxisTicks]="ticks()"
        [xAxisTickFormatting]="formatDay"
        [yAxisTicks]="yTicks()"
        [yScaleMax]="yTicks()[yTicks().length - 1]"
        [yAxisTickFormatting]="formatCount"
        [barPadding]="padding()"
        [noBarWhenZero]="true"
        [rotateXAxisTicks]="false"
        [class.drillable]="drill() !== null"
        (select)="onSelect($event)"
      >
        <ng-template #tooltipTemplate let-model="model">
          <span class="tooltip-label">{{ formatDay(model.series) }} · {{ model.name }}</span>
          <span class="tooltip-val">{{ formatCount(model.value) }}</span>
        </ng-template>
      </ngx-charts-bar-vertical-stacked>
      <table>
        <caption>
          Sessions per day, by outcome
        </caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Sessions</th>
            @for (part of stack; track part.key) {
              <th scope="col">{{ part.label }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of tableRows(); track row.date) {
            <tr>
              <th scope="row">
                @if (row.link; as link) {
                  <a
                    [routerLink]="link.commands"
                    [queryParams]="link.queryParams"
                    [attr.aria-label]="row.day + ': open its ' + row.sessions + ' sessions'"
                    >{{ row.day }}</a
                  >
                } @else {
                  {{ row.day }}
                }
              </th>
              <td>{{ row.sessions }}</td>
              @for (part of row.parts; track $index) {
                <td>
                  @if (part.link; as link) {
                    <a [routerLink]="link.commands" [queryParams]="link.queryParams">{{ part.value }}</a>
                  } @else {
                    {{ part.value }}
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </rf-chart-frame>
  `,
})
export class SessionsChartComponent {
  private readonly format = inject(ReaderFormat);

  private readonly router = inject(Router);

  readonly points = input.required<readonly DailyPoint[]>();
  /** Where a day (or a part of it) opens its sessions; null draws no links. */
  readonly drill = input<DrillContext | null>(null);

  protected readonly legend = SESSION_LEGEND;
  protected readonly colors = SESSION_COLORS;
  protected readonly stack = SESSION_STACK;
  protected readonly animations = !prefersReducedMotion();

  protected readonly plotWidth = observePlotWidth();
  protected readonly height = computed(() => (this.plotWidth() < 480 ? 220 : 280));
  protected readonly total = computed(() => this.points().reduce((sum, point) => sum + point.sessions, 0));
  protected readonly subtitle = computed(
    () => `${this.format.count(this.total())} sessions, stacked by outcome; grey ones are not finished`,
  );

  protected readonly results = computed(() =>
    this.points().map((point) => ({
      name: point.date,
      series: SESSION_STACK.map(({ key, label }) => ({ name: label, value: partOf(point, key) })),
    })),
  );

  protected readonly ticks = computed(() =>
    spacedTicks(
      this.points().map((point) => point.date),
      this.plotWidth(),
    ),
  );
  protected readonly yTicks = computed(() => countTicks(Math.max(0, ...this.points().map((point) => point.sessions))));
  protected readonly padding = computed(() => barPadding(this.plotWidth(), this.points().length));

  protected readonly tableRows = computed(() =>
    this.points().map((point) => ({
      date: point.date,
      day: this.format.dateWithWeekday(point.date),
      sessions: this.format.count(point.sessions),
      link: point.sessions > 0 ? drillLink(this.drill(), dayFilters(point.date)) : null,
      parts: SESSION_STACK.map(({ key }) => ({
        value: this.format.count(partOf(point, key)),
        link: partOf(point, key) > 0 ? this.partLink(point.date, key) : null,
      })),
    })),
  );

  /** A click on a bar's part opens that day's sessions that ended that way (or have not ended). */
  protected onSelect(event: { name?: string; series?: string }): void {
    const part = SESSION_STACK.find(({ label }) => label === event.name);
    const link = part && event.series ? this.partLink(event.series, part.key) : null;
    if (link !== null) {
      void this.router.navigate(link.commands, { queryParams: link.queryParams });
    }
  }

  private partLink(date: string, key: (typeof SESSION_STACK)[number]['key']): DrillLink | null {
    const part = key === 'unfinished' ? { status: 'in_progress' } : { outcome: key };
    return drillLink(this.drill(), { ...dayFilters(date), ...part });
  }

  protected readonly formatDay = (isoDate: string): string => this.format.shortDate(isoDate);
  protected readonly formatCount = (value: number): string => this.format.count(value);
}

function partOf(point: DailyPoint, key: (typeof SESSION_STACK)[number]['key']): number {
  return key === 'unfinished' ? Math.max(0, point.sessions - point.completed) : point[key];
}
