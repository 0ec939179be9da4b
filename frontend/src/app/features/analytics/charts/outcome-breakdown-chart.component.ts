import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { OUTCOME_LABELS } from '../../../shared/outcome-badge.component';
import { OUTCOME_COLORS, OUTCOME_ORDER } from '../../../shared/outcome-palette';
import { ReaderFormat } from '../../../shared/reader-format';
import type { Summary } from '../analytics-types';
import { drillLink, type DrillContext } from '../drill-down';
import { ShareBarsComponent } from './share-bars.component';

/** How the completed sessions ended, one bar per outcome, each labelled with its count and share. */
@Component({
  selector: 'rf-outcome-breakdown-chart',
  imports: [ShareBarsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <rf-share-bars
      heading="Outcomes"
      titleId="outcome-breakdown-title"
      [subtitle]="subtitle()"
      emptyMessage="No session was completed in this period."
      caption="Completed sessions by outcome"
      nameHeader="Outcome"
      valueHeader="Sessions"
      [bars]="bars()"
      [whole]="completed()"
    />
  `,
})
export class OutcomeBreakdownChartComponent {
  private readonly format = inject(ReaderFormat);

  readonly summary = input.required<Summary>();
  /** Where a bar opens its sessions; null draws no links. */
  readonly drill = input<DrillContext | null>(null);

  protected readonly completed = computed(() => this.summary().completed_sessions);
  protected readonly bars = computed(() =>
    OUTCOME_ORDER.map((outcome) => ({
      name: OUTCOME_LABELS[outcome],
      value: this.summary().outcome_breakdown[outcome],
      color: OUTCOME_COLORS[outcome],
      link: this.summary().outcome_breakdown[outcome] > 0 ? drillLink(this.drill(), { outcome }) : null,
    })),
  );
  protected readonly subtitle = computed(() => {
    const unfinished = this.summary().total_sessions - this.completed();
    const base = `${this.format.count(this.completed())} completed sessions`;
    return unfinished > 0 ? `${base} · ${this.format.count(unfinished)} not finished` : base;
  });
}
