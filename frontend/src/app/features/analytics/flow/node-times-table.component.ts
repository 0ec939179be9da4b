import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { ReaderFormat } from '../../../shared/reader-format';
import { formatSeconds } from '../../session-explorer/format-seconds';
import type { NodeTimeRow } from '../analytics-types';
import { drillLink, type DrillContext } from '../drill-down';

const NODE_TYPE_LABELS: Record<string, string> = { question: 'Question', step: 'Step', solution: 'Solution' };

/** How long people take to answer each node: the typical (median) and the slow (90th percentile) time. */
@Component({
  selector: 'rf-node-times-table',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="node-times-title">
      <h2 class="panel__title" id="node-times-title">Time per node</h2>
      <p class="panel__subtitle">From reaching a node to answering it, slowest first.</p>
      @if (rows().length === 0) {
        <p class="panel__empty">No node was answered in this period.</p>
      } @else {
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Node</th>
                <th scope="col">Type</th>
                <th scope="col" class="num">Answers</th>
                <th scope="col" class="num">Median</th>
                <th scope="col" class="num">90th percentile</th>
              </tr>
            </thead>
            <tbody>
              @for (row of sorted(); track row.node_id) {
                <tr>
                  <th scope="row" class="node">
                    @if (link(row.node_id); as open) {
                      <a
                        [routerLink]="open.commands"
                        [queryParams]="open.queryParams"
                        [attr.aria-label]="row.node_title + ': open the sessions that went through it'"
                        >{{ row.node_title }}</a
                      >
                    } @else {
                      {{ row.node_title }}
                    }
                  </th>
                  <td>{{ typeLabel(row.type) }}</td>
                  <td class="num">{{ format.count(row.visits) }}</td>
                  <td class="num">{{ seconds(row.median_seconds) }}</td>
                  <td class="num">{{ seconds(row.p90_seconds) }}</td>
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
    .node {
      min-width: 9rem;
      text-transform: none;
      letter-spacing: 0;
      font-size: 0.95rem;
      color: var(--rf-text);
      background: none;
    }
  `,
})
export class NodeTimesTableComponent {
  protected readonly format = inject(ReaderFormat);
  readonly rows = input.required<readonly NodeTimeRow[]>();
  /** Where a node opens the sessions that went through it; null draws no links. */
  readonly drill = input<DrillContext | null>(null);

  protected readonly seconds = formatSeconds;
  protected readonly sorted = computed(() =>
    [...this.rows()].sort((a, b) => b.median_seconds - a.median_seconds || b.visits - a.visits),
  );

  protected link(nodeId: string) {
    return drillLink(this.drill(), { visited_node_id: nodeId });
  }

  protected typeLabel(type: NodeTimeRow['type']): string {
    return type === null ? 'Removed node' : (NODE_TYPE_LABELS[type] ?? type);
  }
}
