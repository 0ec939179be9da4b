import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { LineChartModule } from '@swimlane/ngx-charts';

import { SERIES_COLOR } from '../../../shared/outcome-palette';
import { localDate, ReaderFormat } from '../../../shared/reader-format';
import type { DailyPoint } from '../analytics-types';
import { ChartFrameComponent } from './chart-frame.component';
import { prefersReducedMotion } from './chart-series';
import { observePlotWidth, spacedTicks } from './observe-width';

const SERIES_NAME = 'Average CSAT';

/** Average CSAT per day, drawn only through the days that have ratings (no invented zeros). */
@Component({
  selector: 'rf-csat-trend-chart',
  imports: [LineChartModule, ChartFrameComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <rf-chart-frame
      heading="CSAT per day"
      titleId="csat-trend-title"
      [subtitle]="subtitle()"
      [height]="height()"
      [emptyMessage]="rated().length === 0 ? 'No ratings were given in this period.' : null"
    >
      <ngx-charts-line-chart
        chartPlot
        [view]="[plotWidth(), height()]"
        [results]="results()"
        [customColors]="colors"
        [animations]="animations"
        [xAxis]="true"
        [yAxis]="true"
        [showGridLines]="true"
        [autoScale]="false"
        [yScaleMin]="1"
        [yScaleMax]="5"
        [yAxisTicks]="[1, 2, 3, 4, 5]"
        [yAxisTickFormatting]="formatScore"
        [xScaleMin]="windowStart()"
        [xScaleMax]="windowEnd()"
        [xAxisTicks]="ticks()"
        [xAxisTickFormatting]="formatDay"
        [rotateXAxisTicks]="false"
      >
        <ng-template #tooltipTemplate let-model="model">
          <span class="tooltip-label">{{ formatDay(model.name) }}</span>
          <span class="tooltip-val">{{ formatCsat(model.value) }} / 5</span>
        </ng-template>
        <ng-template #seriesTooltipTemplate let-model="model">
          @for (entry of model; track $index) {
            <span class="tooltip-label">{{ formatDay(entry.name) }}</span>
            <span class="tooltip-val">{{ formatCsat(entry.value) }} / 5</span>
          }
        </ng-template>
      </ngx-charts-line-chart>
      <table>
        <caption>
          Average CSAT per day (1 to 5), days with ratings only
        </caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Average CSAT</th>
            <th scope="col">Ratings</th>
          </tr>
        </thead>
        <tbody>
          @for (point of rated(); track point.date) {
            <tr>
              <th scope="row">{{ format.dateWithWeekday(point.date) }}</th>
              <td>{{ format.decimal(point.avg_csat) }}</td>
              <td>{{ format.count(point.rating_count) }}</td>
            </tr>
          }
        </tbody>
      </table>
    </rf-chart-frame>
  `,
})
export class CsatTrendChartComponent {
  protected readonly format = inject(ReaderFormat);

  readonly points = input.required<readonly DailyPoint[]>();

  protected readonly colors = [{ name: SERIES_NAME, value: SERIES_COLOR }];
  protected readonly animations = !prefersReducedMotion();
  protected readonly plotWidth = observePlotWidth();
  protected readonly height = computed(() => (this.plotWidth() < 480 ? 200 : 240));

  protected readonly rated = computed(() =>
    this.points().filter((point): point is DailyPoint & { avg_csat: number } => point.avg_csat !== null),
  );

  protected readonly subtitle = computed(() => {
    const days = this.rated().length;
    const ratings = this.rated().reduce((sum, point) => sum + point.rating_count, 0);
    return `1 = very poor, 5 = excellent · ${this.format.count(ratings)} ratings on ${this.format.count(days)} ${days === 1 ? 'day' : 'days'}`;
  });

  protected readonly results = computed(() => [
    {
      name: SERIES_NAME,
      series: this.rated().map((point) => ({ name: localDate(point.date), value: point.avg_csat })),
    },
  ]);

  /** The whole window, so a month with ratings only at its end is drawn at its end. */
  protected readonly days = computed(() => this.points().map((point) => localDate(point.date)));
  protected readonly windowStart = computed(() => this.days()[0]?.getTime());
  protected readonly windowEnd = computed(() => this.days()[this.days().length - 1]?.getTime());
  protected readonly ticks = computed(() => spacedTicks(this.days(), this.plotWidth(), 80, false));

  protected readonly formatScore = (value: number): string => this.format.count(value);
  protected readonly formatDay = (day: Date | string): string =>
    typeof day === 'string' ? this.format.shortDate(day) : this.format.shortDate(isoDateOf(day));
  protected readonly formatCsat = (value: number): string => this.format.decimal(value);
}

function isoDateOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
