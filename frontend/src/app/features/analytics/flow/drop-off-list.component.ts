import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { UNFINISHED_COLOR } from '../../../shared/outcome-palette';
import { ReaderFormat } from '../../../shared/reader-format';
import type { DropOffRow } from '../analytics-types';
import { drillLink, type DrillContext } from '../drill-down';

const NODE_TYPE_LABELS: Record<string, string> = { question: 'Question', step: 'Step', solution: 'Solution' };

/** Where unfinished sessions stand: the node they were left at, most first. */
@Component({
  selector: 'rf-drop-off-list',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="drop-off-title">
      <h2 class="panel__title" id="drop-off-title">Where sessions get stuck</h2>
      <p class="panel__subtitle">{{ subtitle() }}</p>
      @if (rows().length === 0) {
        <p class="panel__empty">Every session started in this period was finished.</p>
      } @else {
        <ol class="bars">
          @for (row of rows(); track row.node_id) {
            <li>
              <div class="bars__head">
                @if (link(row.node_id); as open) {
                  <a
                    class="bars__name"
                    [routerLink]="open.commands"
                    [queryParams]="open.queryParams"
                    [attr.aria-label]="
                      row.node_title + ': open the ' + format.count(row.sessions) + ' sessions stuck here'
                    "
                    >{{ row.node_title }}</a
                  >
                } @else {
                  <span class="bars__name">{{ row.node_title }}</span>
                }
                <span class="bars__value">{{ format.count(row.sessions) }}</span>
              </div>
              <span class="bars__track" aria-hidden="true">
                <span
                  class="bars__fill"
                  [style.background]="stuckColor"
                  [style.width.%]="(row.sessions / largest()) * 100"
                ></span>
              </span>
              <div class="bars__meta">
                {{ typeLabel(row.node_type) }} · {{ format.percent(row.sessions / unfinished(), 0) }} of unfinished
                sessions
              </div>
            </li>
          }
        </ol>
      }
    </section>
  `,
  styleUrl: './panel.scss',
})
export class DropOffListComponent {
  protected readonly format = inject(ReaderFormat);
  readonly rows = input.required<readonly DropOffRow[]>();
  /** Where a node opens the unfinished sessions standing at it; null draws no links. */
  readonly drill = input<DrillContext | null>(null);

  /** The grey of "Not finished" in the sessions chart: these are those sessions. */
  protected readonly stuckColor = UNFINISHED_COLOR;

  protected readonly unfinished = computed(() => this.rows().reduce((sum, row) => sum + row.sessions, 0));
  protected readonly largest = computed(() => Math.max(1, ...this.rows().map((row) => row.sessions)));
  protected readonly subtitle = computed(() => {
    const count = this.unfinished();
    return `${this.format.count(count)} unfinished ${count === 1 ? 'session' : 'sessions'}, by the node they stopped at`;
  });

  protected link(nodeId: string) {
    return drillLink(this.drill(), { stopped_at_node_id: nodeId });
  }

  protected typeLabel(type: DropOffRow['node_type']): string {
    return type === null ? 'Removed node' : (NODE_TYPE_LABELS[type] ?? type);
  }
}
