import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { ReaderFormat } from '../../../shared/reader-format';
import type { StepFeedbackRow } from '../analytics-types';
import { drillLink, type DrillContext } from '../drill-down';

/** Thumbs up/down per step, least helpful first (the server's order): the steps to fix first. */
@Component({
  selector: 'rf-step-feedback-list',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="step-feedback-title">
      <h2 class="panel__title" id="step-feedback-title">Step feedback</h2>
      <p class="panel__subtitle">Was this step helpful? Least helpful first.</p>
      @if (rows().length === 0) {
        <p class="panel__empty">No step was voted on in this period.</p>
      } @else {
        <ol class="bars">
          @for (row of rows(); track row.node_id) {
            <li>
              <div class="bars__head">
                <span class="bars__name">{{ row.node_title }}</span>
                <span class="bars__value">{{ format.percent(row.helpful_rate, 0) }} helpful</span>
              </div>
              <span class="bars__track" aria-hidden="true">
                <span class="bars__fill" [style.width.%]="row.helpful_rate * 100"></span>
              </span>
              <div class="bars__meta">
                @if (link(row.node_id, 'helpful'); as open) {
                  <a [routerLink]="open.commands" [queryParams]="open.queryParams"
                    >{{ format.count(row.helpful_yes) }} helpful</a
                  >
                } @else {
                  {{ format.count(row.helpful_yes) }} helpful
                }
                ·
                @if (link(row.node_id, 'unhelpful'); as open) {
                  <a [routerLink]="open.commands" [queryParams]="open.queryParams"
                    >{{ format.count(row.helpful_no) }} not helpful</a
                  >
                } @else {
                  {{ format.count(row.helpful_no) }} not helpful
                }
              </div>
            </li>
          }
        </ol>
      }
    </section>
  `,
  styleUrl: './panel.scss',
})
export class StepFeedbackListComponent {
  protected readonly format = inject(ReaderFormat);
  readonly rows = input.required<readonly StepFeedbackRow[]>();
  /** Where a count opens the sessions with that vote on that step; null draws no links. */
  readonly drill = input<DrillContext | null>(null);

  protected link(nodeId: string, vote: 'helpful' | 'unhelpful') {
    return drillLink(this.drill(), { vote_node_id: nodeId, vote });
  }
}
