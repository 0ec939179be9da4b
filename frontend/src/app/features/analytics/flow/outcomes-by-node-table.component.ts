import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import type { Outcome } from '../../../core/api-types';
import { OUTCOME_LABELS } from '../../../shared/outcome-badge.component';
import { OUTCOME_COLORS, OUTCOME_ORDER } from '../../../shared/outcome-palette';
import { ReaderFormat } from '../../../shared/reader-format';
import type { OutcomesByNodeRow } from '../analytics-types';
import { drillLink, type DrillContext, type DrillLink } from '../drill-down';

interface OutcomePart {
  outcome: Outcome;
  count: number;
  text: string;
  color: string;
  link: DrillLink | null;
}

/** Which solutions end sessions, and how: per node, an outcome bar and the counts in words. */
@Component({
  selector: 'rf-outcomes-by-node-table',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="outcomes-by-node-title">
      <h2 class="panel__title" id="outcomes-by-node-title">Outcomes by solution</h2>
      <p class="panel__subtitle">The node each completed session ended at, and the outcome recorded there.</p>
      @if (rows().length === 0) {
        <p class="panel__empty">No session was completed in this period.</p>
      } @else {
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Ended at</th>
                <th scope="col" class="num">Sessions</th>
                <th scope="col">Outcomes</th>
              </tr>
            </thead>
            <tbody>
              @for (row of table(); track row.node_id) {
                <tr>
                  <th scope="row" class="node">
                    @if (row.link; as open) {
                      <a
                        [routerLink]="open.commands"
                        [queryParams]="open.queryParams"
                        [attr.aria-label]="
                          row.node_title + ': open the ' + format.count(row.sessions) + ' sessions that ended here'
                        "
                        >{{ row.node_title }}</a
                      >
                    } @else {
                      {{ row.node_title }}
                    }
                    <span class="node__count" aria-hidden="true">{{ format.count(row.sessions) }} sessions</span>
                  </th>
                  <td class="num">{{ format.count(row.sessions) }}</td>
                  <td class="outcomes">
                    <span class="mix" aria-hidden="true">
                      @for (part of row.parts; track part.outcome) {
                        <span [style.flex-grow]="part.count" [style.background]="part.color"></span>
                      }
                    </span>
                    <span class="parts">
                      @for (part of row.parts; track part.outcome) {
                        <span class="part"
                          ><span class="swatch" [style.background]="part.color" aria-hidden="true"></span>
                          @if (part.link; as open) {
                            <a [routerLink]="open.commands" [queryParams]="open.queryParams">{{ part.text }}</a>
                          } @else {
                            {{ part.text }}
                          }
                        </span>
                      }
                    </span>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
  styleUrls: ['./panel.scss', '../components/report-table.scss'],
  styles: `
    .table tr:last-child th {
      border-bottom: 0;
    }
    .node {
      min-width: 9rem;
      text-transform: none;
      letter-spacing: 0;
      font-size: 0.95rem;
      color: var(--rf-text);
      background: none;
    }
    .outcomes {
      min-width: 11rem;
    }
    .mix {
      display: flex;
      gap: 2px;
      height: 8px;
      border-radius: 999px;
      overflow: hidden;
    }
    .parts {
      display: flex;
      flex-wrap: wrap;
      gap: 2px var(--rf-space-3);
      margin-top: 4px;
      font-size: 0.85rem;
    }
    .part {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      white-space: nowrap;
    }
    .swatch {
      width: 10px;
      height: 10px;
      border-radius: 2px;
    }
    .node__count {
      display: none;
      font-size: 0.8rem;
      font-weight: 400;
      color: var(--rf-text-muted);
    }
    /* Narrow windows: the count moves under the node's name and the table needs no sideways scrolling. */
    @media (max-width: 520px) {
      .table th.num,
      .table td.num {
        display: none;
      }
      .node {
        min-width: 7rem;
      }
      .node__count {
        display: block;
      }
      .outcomes {
        min-width: 8rem;
      }
    }
  `,
})
export class OutcomesByNodeTableComponent {
  protected readonly format = inject(ReaderFormat);
  readonly rows = input.required<readonly OutcomesByNodeRow[]>();
  /** Where a row opens the sessions that ended at its node; null draws no links. */
  readonly drill = input<DrillContext | null>(null);

  protected readonly table = computed(() =>
    this.rows().map((row) => ({
      ...row,
      link: drillLink(this.drill(), { ended_at_node_id: row.node_id }),
      parts: OUTCOME_ORDER.filter((outcome) => row[outcome] > 0).map<OutcomePart>((outcome) => ({
        outcome,
        count: row[outcome],
        text: `${this.format.count(row[outcome])} ${OUTCOME_LABELS[outcome].toLocaleLowerCase()}`,
        color: OUTCOME_COLORS[outcome],
        link: drillLink(this.drill(), { ended_at_node_id: row.node_id, outcome }),
      })),
    })),
  );
}
