import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { SERIES_COLOR } from '../../../shared/outcome-palette';
import { ReaderFormat } from '../../../shared/reader-format';
import type { CsatDistribution } from '../analytics-types';
import { drillLink, type DrillContext } from '../drill-down';
import { ShareBarsComponent } from './share-bars.component';

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
  imports: [ShareBarsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <rf-share-bars
      heading="CSAT distribution"
      titleId="csat-distribution-title"
      [subtitle]="subtitle()"
      emptyMessage="No ratings were given in this period."
      caption="Ratings by score"
      nameHeader="Score"
      valueHeader="Ratings"
      [bars]="bars()"
      [height]="210"
      [barPadding]="8"
    />
  `,
})
export class CsatDistributionChartComponent {
  private readonly format = inject(ReaderFormat);

  readonly distribution = input.required<CsatDistribution>();
  /** Where a bar opens the sessions rated that score; null draws no links. */
  readonly drill = input<DrillContext | null>(null);

  protected readonly bars = computed(() =>
    SCORES.map((score) => ({
      name: SCORE_NAMES[score],
      value: this.distribution()[score],
      color: SERIES_COLOR,
      link: this.distribution()[score] > 0 ? drillLink(this.drill(), { rating: score }) : null,
    })),
  );
  protected readonly subtitle = computed(() => {
    const total = this.bars().reduce((sum, bar) => sum + bar.value, 0);
    return `${this.format.count(total)} ratings given in this period`;
  });
}
