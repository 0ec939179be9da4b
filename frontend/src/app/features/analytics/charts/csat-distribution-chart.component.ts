import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { BarChartModule } from '@swimlane/ngx-charts';

import { SERIES_COLOR } from '../../../shared/outcome-palette';
import { ReaderFormat } from '../../../shared/reader-format';
import type { CsatDistribution } from '../analytics-types';
import { ChartFrameComponent } from './chart-frame.component';
import { FRAME_INSET, prefersReducedMotion } from './chart-series';
import { observeWidth } from './observe-width';

/** Best first, as rating summaries usually read. */
const SCORES = ['5', '4', '3', '2', '1'] as const;
const SCORE_NAMES: Record<(typeof SCORES)[number], string> = {
  '5': '5 · Excellent',
  '4': '4 · Good',
  '3': '3 · Okay',
  '2': '2 · Poor',
  '1': '1 · Very poor',
};

/** How many ratings gave 1, 2, 3, 4 and 5: one labelled bar per score. */
@Component({
  selector: 'rf-csat-distribution-chart',
  imports: [BarChartModule, ChartFrameComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <rf-chart-frame
      heading="CSAT distribution"
      titleId="csat-distribution-title"
      [subtitle]="subtitle()"
      [height]="210"
      [emptyMessage]="total() === 0 ? 'No ratings were given in this period.' : null"
    >
      <ngx-charts-bar-horizontal
        chartPlot
        [view]="[plotWidth(), 210]"
        [results]="results()"
        [customColors]="colors()"
        [animations]="animations"
        [xAxis]="false"
        [yAxis]="true"
        [showGridLines]="false"
        [showDataLabel]="true"
        [dataLabelFormatting]="formatLabel"
        [barPadding]="8"
      >
        <ng-template #tooltipTemplate let-model="model">
          <span class="tooltip-label">{{ model.name }}</span>
          <span class="tooltip-val">{{ formatLabel(model.value) }}</span>
        </ng-template>
      </ngx-charts-bar-horizontal>
      <table>
        <caption>Ratings by score</caption>
        <thead>
          <tr>
            <th scope="col">Score</th>
            <th scope="col">Ratings</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          @for (row of results(); track row.name) {
            <tr>
              <th scope="row">{{ row.name }}</th>
              <td>{{ format.count(row.value) }}</td>
              <td>{{ format.percent(row.value / total()) }}</td>
            </tr>
          }
        </tbody>
      </table>
    </rf-chart-frame>
  `,
})
export class CsatDistributionChartComponent {
  protected readonly format = inject(ReaderFormat);
  private readonly width = observeWidth(480);

  readonly distribution = input.required<CsatDistribution>();

  protected readonly animations = !prefersReducedMotion();
  protected readonly plotWidth = computed(() => Math.max(200, this.width() - FRAME_INSET));
  protected readonly results = computed(() =>
    SCORES.map((score) => ({ name: SCORE_NAMES[score], value: this.distribution()[score] })),
  );
  protected readonly colors = computed(() => this.results().map(({ name }) => ({ name, value: SERIES_COLOR })));
  protected readonly total = computed(() => this.results().reduce((sum, row) => sum + row.value, 0));
  protected readonly subtitle = computed(() => `${this.format.count(this.total())} ratings given in this period`);

  protected readonly formatLabel = (value: number): string => {
    const total = this.total();
    return total === 0 ? this.format.count(value) : `${this.format.count(value)} · ${this.format.percent(value / total, 0)}`;
  };
}
