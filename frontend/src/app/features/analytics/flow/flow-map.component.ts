import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';

import { OUTCOME_COLORS, SERIES_COLOR, UNFINISHED_COLOR } from '../../../shared/outcome-palette';
import { ReaderFormat } from '../../../shared/reader-format';
import { BOX_HEIGHT, BOX_WIDTH, layoutFlow, type LayoutInput } from '../../admin/flow-editor/flow-layout';
import type { FlowAnalytics } from '../analytics-types';

type Mode = 'visits' | 'stops' | 'helpful';

interface NodeFigures {
  id: string;
  title: string;
  visits: number;
  stops: number;
  ended: number;
  helpfulRate: number | null;
  votes: number;
}

const MODES: { value: Mode; label: string }[] = [
  { value: 'visits', label: 'Answers' },
  { value: 'stops', label: 'Where sessions stop' },
  { value: 'helpful', label: 'Helpfulness' },
];

/**
 * The flow's diagram, each node coloured by what happened there in the period: how often it was
 * answered, how many unfinished sessions stand at it, or how helpful its votes found it. The
 * drawing is hidden from screen readers; the table under it has the same numbers.
 */
@Component({
  selector: 'rf-flow-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="flow-map-title">
      <h2 class="panel__title" id="flow-map-title">What happened at each node</h2>
      <div class="modes" role="group" aria-label="Colour the nodes by">
        @for (option of modes; track option.value) {
          <button
            type="button"
            class="btn btn--small"
            [class.btn--primary]="mode() === option.value"
            [attr.aria-pressed]="mode() === option.value"
            (click)="mode.set(option.value)"
          >
            {{ option.label }}
          </button>
        }
      </div>
      <p class="legend" data-testid="flow-map-legend">
        <span class="legend__scale" aria-hidden="true" [style.background]="legendGradient()"></span>
        {{ legendText() }}
      </p>
      <div class="scroller" aria-hidden="true">
        <svg
          [attr.viewBox]="'0 0 ' + layout().width + ' ' + layout().height"
          [attr.width]="layout().width"
          [attr.height]="layout().height"
          data-testid="flow-map"
        >
          @for (edge of layout().edges; track edge.id) {
            <path class="edge" [class.edge--back]="edge.back" [attr.d]="edge.path" />
          }
          @for (box of boxes(); track box.id) {
            <g [attr.transform]="'translate(' + box.x + ',' + box.y + ')'">
              <rect
                [attr.width]="boxWidth"
                [attr.height]="boxHeight"
                rx="8"
                [attr.fill]="box.fill"
                class="box"
                [attr.data-node]="box.id"
              >
                <title>{{ box.title }}: {{ box.figure }}</title>
              </rect>
              <text x="10" y="24" class="box__title" [class.box__title--light]="box.dark">
                {{ shorten(box.title) }}
              </text>
              <text x="10" y="46" class="box__figure" [class.box__title--light]="box.dark">{{ box.figure }}</text>
            </g>
          }
        </svg>
      </div>
      <details class="numbers">
        <summary>The numbers per node</summary>
        <div class="table-wrap">
          <table class="table" data-testid="flow-map-table">
            <caption class="visually-hidden">
              What happened at each node of the flow in this period
            </caption>
            <thead>
              <tr>
                <th scope="col">Node</th>
                <th scope="col" class="num">Answers</th>
                <th scope="col" class="num">Stopped here</th>
                <th scope="col" class="num">Ended here</th>
                <th scope="col" class="num">Helpful</th>
              </tr>
            </thead>
            <tbody>
              @for (node of figures(); track node.id) {
                <tr>
                  <th scope="row">{{ node.title }}</th>
                  <td class="num">{{ format.count(node.visits) }}</td>
                  <td class="num">{{ format.count(node.stops) }}</td>
                  <td class="num">{{ format.count(node.ended) }}</td>
                  <td class="num">
                    {{ node.helpfulRate === null ? '—' : format.percent(node.helpfulRate, 0) }}
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </details>
    </section>
  `,
  styleUrl: './panel.scss',
  styles: `
    .modes {
      display: flex;
      flex-wrap: wrap;
      gap: var(--rf-space-2);
      margin: var(--rf-space-2) 0;
    }
    .legend {
      display: flex;
      align-items: center;
      gap: var(--rf-space-2);
      font-size: 0.85rem;
      color: var(--rf-text-muted);
    }
    .legend__scale {
      display: inline-block;
      width: 96px;
      height: 10px;
      border-radius: 999px;
      border: 1px solid var(--rf-border);
    }
    .scroller {
      overflow: auto;
      max-height: 520px;
    }
    .edge {
      fill: none;
      stroke: var(--rf-border-strong);
      stroke-width: 1.5;
    }
    .edge--back {
      stroke-dasharray: 5 4;
    }
    .box {
      stroke: var(--rf-border-strong);
    }
    .box__title {
      font-size: 12px;
      font-weight: 600;
      fill: var(--rf-text);
    }
    .box__figure {
      font-size: 12px;
      fill: var(--rf-text);
    }
    .box__title--light {
      fill: #fff;
    }
    .numbers {
      margin-top: var(--rf-space-3);
    }
    .numbers summary {
      cursor: pointer;
      font-weight: 600;
    }
    .table-wrap {
      position: relative;
      margin-top: var(--rf-space-2);
    }
    .table th,
    .table td {
      padding: var(--rf-space-2) var(--rf-space-3);
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class FlowMapComponent {
  protected readonly format = inject(ReaderFormat);

  readonly flow = input.required<LayoutInput>();
  readonly report = input.required<FlowAnalytics>();

  protected readonly modes = MODES;
  protected readonly mode = signal<Mode>('visits');
  protected readonly boxWidth = BOX_WIDTH;
  protected readonly boxHeight = BOX_HEIGHT;

  protected readonly layout = computed(() => layoutFlow(this.flow()));

  protected readonly figures = computed<NodeFigures[]>(() => {
    const report = this.report();
    const visits = new Map(report.node_times.map((row) => [row.node_id, row.visits]));
    const stops = new Map(report.drop_off.map((row) => [row.node_id, row.sessions]));
    const ended = new Map(report.outcomes_by_node.map((row) => [row.node_id, row.sessions]));
    const votes = new Map(report.step_feedback.map((row) => [row.node_id, row]));
    return this.flow().nodes.map((node) => {
      const vote = votes.get(node.id);
      const voteCount = vote ? vote.helpful_yes + vote.helpful_no : 0;
      return {
        id: node.id,
        title: node.title,
        visits: visits.get(node.id) ?? 0,
        stops: stops.get(node.id) ?? 0,
        ended: ended.get(node.id) ?? 0,
        helpfulRate: vote && voteCount > 0 ? vote.helpful_rate : null,
        votes: voteCount,
      };
    });
  });

  protected readonly boxes = computed(() => {
    const byId = new Map(this.figures().map((node) => [node.id, node]));
    const mode = this.mode();
    const largest = Math.max(
      1,
      ...this.figures().map((node) => (mode === 'stops' ? node.stops : node.visits + node.ended)),
    );
    return this.layout().boxes.map((box) => {
      const node = byId.get(box.id)!;
      const { fill, dark, figure } = this.paint(node, mode, largest);
      return { ...box, fill, dark, figure };
    });
  });

  protected readonly legendText = computed(() => {
    switch (this.mode()) {
      case 'visits':
        return 'Darker: answered (or ended at) more often in this period. White: not reached.';
      case 'stops':
        return 'Darker: more unfinished sessions stand at this node. White: none.';
      default:
        return 'Red: mostly not helpful · green: mostly helpful · grey: no votes.';
    }
  });

  protected readonly legendGradient = computed(() => {
    switch (this.mode()) {
      case 'visits':
        return `linear-gradient(90deg, #fff, ${SERIES_COLOR})`;
      case 'stops':
        return `linear-gradient(90deg, #fff, ${OUTCOME_COLORS.unresolved})`;
      default:
        return `linear-gradient(90deg, ${OUTCOME_COLORS.unresolved}, ${UNFINISHED_COLOR}, ${OUTCOME_COLORS.resolved})`;
    }
  });

  protected shorten(title: string): string {
    return title.length > 22 ? `${title.slice(0, 21)}…` : title;
  }

  private paint(node: NodeFigures, mode: Mode, largest: number): { fill: string; dark: boolean; figure: string } {
    const f = this.format;
    if (mode === 'helpful') {
      if (node.helpfulRate === null) {
        return { fill: '#e5e7eb', dark: false, figure: 'no votes' };
      }
      const color = node.helpfulRate >= 0.5 ? OUTCOME_COLORS.resolved : OUTCOME_COLORS.unresolved;
      const strength = Math.abs(node.helpfulRate - 0.5) * 2;
      return {
        fill: mix(color, 0.25 + 0.75 * strength),
        dark: strength > 0.6,
        figure: `${f.percent(node.helpfulRate, 0)} helpful (${f.count(node.votes)})`,
      };
    }
    const value = mode === 'stops' ? node.stops : node.visits + node.ended;
    const share = value / largest;
    const color = mode === 'stops' ? OUTCOME_COLORS.unresolved : SERIES_COLOR;
    const figure =
      mode === 'stops'
        ? `${f.count(node.stops)} stopped here`
        : node.ended > 0
          ? `${f.count(node.ended)} ended here`
          : `${f.count(node.visits)} answers`;
    return { fill: value === 0 ? '#ffffff' : mix(color, 0.15 + 0.85 * share), dark: share > 0.6, figure };
  }
}

/** `color` (#rrggbb) laid over white at this opacity, as an opaque colour. */
function mix(color: string, opacity: number): string {
  const channel = (index: number) => {
    const value = parseInt(color.slice(1 + index * 2, 3 + index * 2), 16);
    return Math.round(255 + (value - 255) * opacity)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}
