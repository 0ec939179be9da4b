import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { BarChartModule } from '@swimlane/ngx-charts';

import { OUTCOME_COLORS, OUTCOME_ORDER } from '../../../shared/outcome-palette';
import { OUTCOME_LABELS } from '../../../shared/outcome-badge.component';
import { ReaderFormat } from '../../../shared/reader-format';
import type { Summary } from '../analytics-types';
import { ChartFrameComponent } from './chart-frame.component';
import { FRAME_INSET, prefersReducedMotion } from './chart-series';
import { observeWidth } from './observe-width';

/** How the completed sessions ended, one bar per outcome, each labelled with its count and share. */
@Component({
  selector: 'rf-outcome-breakdown-chart',
  imports: [BarChartModule, ChartFrameComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <rf-chart-frame
      heading="Outcomes"
      titleId="outcome-breakdown-title"
      [subtitle]="subtitle()"
      [height]="200"
      [emptyMessage]="completed() === 0 ? 'No session was completed in this period.' : null"
    >
      <ngx-charts-bar-horizontal
        chartPlot
        [view]="[plotWidth(), 200]"
        [results]="results()"
        [customColors]="colors"
        [animations]="animations"
        [xAxis]="false"
        [yAxis]="true"
        [showGridLines]="false"
        [showDataLabel]="true"
        [dataLabelFormatting]="formatLabel"
        [barPadding]="10"
      >
        <ng-template #tooltipTemplate let-model="model">
          <span class="tooltip-label">{{ model.name }}</span>
          <span class="tooltip-val">{{ formatLabel(model.value) }}</span>
        </ng-template>
      </ngx-charts-bar-horizontal>
      <table>
        <caption>Completed sessions by outcome</caption>
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            <th scope="col">Sessions</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          @for (row of results(); track row.name) {
            <tr>
              <th scope="row">{{ row.name }}</th>
              <td>{{ format.count(row.value) }}</td>
              <td>{{ format.percent(row.value / completed()) }}</td>
            </tr>
          }
        </tbody>
      </table>
    </rf-chart-frame>
  `,
})
export class OutcomeBreakdownChartComponent {
  protected readonly format = inject(ReaderFormat);
  private readonly width = observeWidth(480);

  readonly summary = input.required<Summary>();

  protected readonly colors = OUTCOME_ORDER.map((outcome) => ({
    name: OUTCOME_LABELS[outcome],
    value: OUTCOME_COLORS[outcome],
  }));
  protected readonly animations = !prefersReducedMotion();
  protected readonly plotWidth = computed(() => Math.max(200, this.width() - FRAME_INSET));
  protected readonly completed = computed(() => this.summary().completed_sessions);

  protected readonly results = computed(() =>
    OUTCOME_ORDER.map((outcome) => ({
      name: OUTCOME_LABELS[outcome],
      value: this.summary().outcome_breakdown[outcome],
    })),
  );

  protected readonly subtitle = computed(() => {
    const unfinished = this.summary().total_sessions - this.completed();
    const base = `${this.format.count(this.completed())} completed sessions`;
    return unfinished > 0 ? `${base} · ${this.format.count(unfinished)} not finished` : base;
  });

  protected readonly formatLabel = (value: number): string => {
    const completed = this.completed();
    return completed === 0 ? this.format.count(value) : `${this.format.count(value)} · ${this.format.percent(value / completed, 0)}`;
  };
}
