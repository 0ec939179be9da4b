import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { BarChartModule } from '@swimlane/ngx-charts';

import { ReaderFormat } from '../../../shared/reader-format';
import type { DrillLink } from '../drill-down';
import { ChartFrameComponent } from './chart-frame.component';
import { prefersReducedMotion } from './chart-series';
import { observePlotWidth } from './observe-width';

/** One bar: its label, its count and its colour. */
export interface ShareBar {
  name: string;
  value: number;
  color: string;
  /** The sessions behind the bar, when the reader may open them. */
  link?: DrillLink | null;
}

/**
 * Horizontal bars of counts that make up a whole, each labelled "count · share", with the same
 * figures in a table for screen readers. The outcome breakdown and the CSAT distribution are
 * both this chart with their own rows and words.
 */
@Component({
  selector: 'rf-share-bars',
  imports: [BarChartModule, RouterLink, ChartFrameComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <rf-chart-frame
      [heading]="heading()"
      [titleId]="titleId()"
      [subtitle]="subtitle()"
      [height]="height()"
      [emptyMessage]="total() === 0 ? emptyMessage() : null"
    >
      <ngx-charts-bar-horizontal
        chartPlot
        [view]="[plotWidth(), height()]"
        [results]="results()"
        [customColors]="colors()"
        [animations]="animations"
        [xAxis]="false"
        [yAxis]="true"
        [showGridLines]="false"
        [showDataLabel]="true"
        [dataLabelFormatting]="formatLabel"
        [barPadding]="barPadding()"
        [class.drillable]="drillable()"
        (select)="onSelect($event)"
      >
        <ng-template #tooltipTemplate let-model="model">
          <span class="tooltip-label">{{ model.name }}</span>
          <span class="tooltip-val">{{ formatLabel(model.value) }}</span>
        </ng-template>
      </ngx-charts-bar-horizontal>
      <table>
        <caption>
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ nameHeader() }}</th>
            <th scope="col">{{ valueHeader() }}</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          @for (row of bars(); track row.name) {
            <tr>
              <th scope="row">
                @if (row.link; as link) {
                  <a
                    [routerLink]="link.commands"
                    [queryParams]="link.queryParams"
                    [attr.aria-label]="row.name + ': open these ' + format.count(row.value) + ' sessions'"
                    >{{ row.name }}</a
                  >
                } @else {
                  {{ row.name }}
                }
              </th>
              <td>{{ format.count(row.value) }}</td>
              <td>{{ format.percent(row.value / total()) }}</td>
            </tr>
          }
        </tbody>
      </table>
    </rf-chart-frame>
  `,
})
export class ShareBarsComponent {
  protected readonly format = inject(ReaderFormat);
  private readonly router = inject(Router);

  readonly heading = input.required<string>();
  readonly titleId = input.required<string>();
  readonly subtitle = input.required<string>();
  /** Shown instead of the chart when the whole is zero. */
  readonly emptyMessage = input.required<string>();
  readonly caption = input.required<string>();
  readonly nameHeader = input.required<string>();
  readonly valueHeader = input.required<string>();
  readonly bars = input.required<readonly ShareBar[]>();
  /** What the shares are of; defaults to the sum of the bars. */
  readonly whole = input<number | null>(null);
  readonly height = input(200);
  readonly barPadding = input(10);

  protected readonly animations = !prefersReducedMotion();
  protected readonly plotWidth = observePlotWidth(480);
  protected readonly results = computed(() => this.bars().map(({ name, value }) => ({ name, value })));
  protected readonly colors = computed(() => this.bars().map(({ name, color }) => ({ name, value: color })));
  protected readonly total = computed(() => this.whole() ?? this.bars().reduce((sum, bar) => sum + bar.value, 0));

  protected readonly drillable = computed(() => this.bars().some((bar) => bar.link));

  /** A click on a bar opens the sessions behind it (the table's links are the keyboard path). */
  protected onSelect(event: { name?: string }): void {
    const link = this.bars().find((bar) => bar.name === event.name)?.link;
    if (link) {
      void this.router.navigate(link.commands, { queryParams: link.queryParams });
    }
  }

  protected readonly formatLabel = (value: number): string => {
    const total = this.total();
    return total === 0
      ? this.format.count(value)
      : `${this.format.count(value)} · ${this.format.percent(value / total, 0)}`;
  };
}
