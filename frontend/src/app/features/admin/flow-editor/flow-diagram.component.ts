import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import { NODE_TYPE_LABELS } from './flow-draft';
import { BOX_HEIGHT, BOX_WIDTH, layoutFlow, type LayoutInput } from './flow-layout';

/** A box shows its title on up to two lines of about this many characters; the full title is its tooltip. */
const TITLE_LINE_CHARS = 22;
const LABEL_CHARS = 16;

/**
 * The whole flow at a glance: layers from the start node down, a box per node coloured by
 * type, a line per option (dashed when it loops back). Clicking a box selects that node.
 */
@Component({
  selector: 'rf-flow-diagram',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (layout().boxes.length === 0) {
      <p class="muted">Add a node to see the diagram.</p>
    } @else {
      <div class="scroller">
        <svg
          [attr.viewBox]="'0 0 ' + layout().width + ' ' + layout().height"
          [attr.width]="layout().width"
          [attr.height]="layout().height"
          role="group"
          [attr.aria-label]="summary()"
          data-testid="flow-diagram"
        >
          <defs>
            <marker
              id="rf-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head" />
            </marker>
          </defs>
          @for (edge of layout().edges; track edge.id) {
            <g class="edge" [class.edge--back]="edge.back">
              <path [attr.d]="edge.path" marker-end="url(#rf-arrow)">
                <title>{{ edge.label || 'Unlabelled option' }}</title>
              </path>
              @if (edge.label) {
                <text
                  class="edge__label"
                  [attr.x]="edge.labelX"
                  [attr.y]="edge.labelY"
                  text-anchor="middle"
                  dy="0.35em"
                >
                  {{ shorten(edge.label, labelChars) }}
                </text>
              }
            </g>
          }
          @for (box of layout().boxes; track box.id) {
            <g
              class="box"
              [class]="'box--' + box.type"
              [class.box--selected]="box.id === selectedId()"
              [class.box--unreachable]="box.unreachable"
              [class.box--start]="box.id === flow().start_node_id"
              [attr.transform]="'translate(' + box.x + ' ' + box.y + ')'"
              tabindex="0"
              role="button"
              [attr.aria-label]="boxLabel(box.number, box.type, box.title, box.unreachable)"
              (click)="selected.emit(box.id)"
              (keydown.enter)="selected.emit(box.id)"
              (keydown.space)="$event.preventDefault(); selected.emit(box.id)"
            >
              <title>{{ box.number }}. {{ box.title || 'Untitled' }}</title>
              <rect [attr.width]="boxWidth" [attr.height]="boxHeight" rx="8" />
              <text class="box__type" x="10" y="17">
                {{ box.number }} · {{ typeLabels[box.type] }}{{ box.id === flow().start_node_id ? ' · start' : '' }}
              </text>
              @for (line of titleLines(box.title); track $index) {
                <text class="box__title" x="10" [attr.y]="35 + $index * 16">{{ line }}</text>
              }
            </g>
          }
        </svg>
      </div>
      <ul class="legend" aria-hidden="true">
        <li><span class="swatch swatch--question"></span>Question</li>
        <li><span class="swatch swatch--step"></span>Step</li>
        <li><span class="swatch swatch--solution"></span>Solution</li>
        <li><span class="line line--back"></span>Loop back</li>
        @if (hasUnreachable()) {
          <li><span class="swatch swatch--unreachable"></span>Not reachable from the start</li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .scroller {
      overflow: auto;
      max-height: 560px;
      border: 1px solid var(--rf-border);
      border-radius: var(--rf-radius-sm);
      background:
        radial-gradient(circle, var(--rf-border) 1px, transparent 1px) 0 0 / 16px 16px,
        var(--rf-surface);
    }
    svg {
      display: block;
      margin: 0 auto;
    }
    .edge path {
      fill: none;
      stroke: var(--rf-border-strong);
      stroke-width: 1.6;
    }
    .edge--back path {
      stroke: var(--rf-warning);
      stroke-dasharray: 5 4;
    }
    .arrow-head {
      fill: var(--rf-text-muted);
    }
    .edge__label {
      font-size: 11px;
      fill: var(--rf-text);
      paint-order: stroke;
      stroke: var(--rf-surface);
      stroke-width: 4px;
      stroke-linejoin: round;
    }
    .box {
      cursor: pointer;
      outline: none;
    }
    .box rect {
      fill: var(--rf-primary-soft);
      stroke: var(--rf-primary);
      stroke-width: 1.5;
    }
    .box--step rect {
      fill: #fdf0d9;
      stroke: #b7791f;
    }
    .box--solution rect {
      fill: var(--rf-success-soft);
      stroke: var(--rf-success);
    }
    .box--start rect {
      stroke-width: 3;
    }
    .box--unreachable rect {
      stroke-dasharray: 4 3;
      opacity: 0.7;
    }
    .box--selected rect,
    .box:focus-visible rect {
      stroke: var(--rf-focus);
      stroke-width: 3.5;
    }
    .box__type {
      font-size: 10px;
      font-weight: 700;
      letter-spacing: 0.04em;
      text-transform: uppercase;
      fill: var(--rf-text-muted);
    }
    .box__title {
      font-size: 12px;
      font-weight: 600;
      fill: var(--rf-text);
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: var(--rf-space-4);
      list-style: none;
      margin: var(--rf-space-2) 0 0;
      padding: 0;
      font-size: 0.85rem;
      color: var(--rf-text-muted);
    }
    .legend li {
      display: inline-flex;
      align-items: center;
      gap: var(--rf-space-1);
    }
    .swatch {
      width: 14px;
      height: 14px;
      border-radius: 3px;
      border: 1.5px solid;
    }
    .swatch--question {
      background: var(--rf-primary-soft);
      border-color: var(--rf-primary);
    }
    .swatch--step {
      background: #fdf0d9;
      border-color: #b7791f;
    }
    .swatch--solution {
      background: var(--rf-success-soft);
      border-color: var(--rf-success);
    }
    .swatch--unreachable {
      background: var(--rf-surface);
      border-style: dashed;
      border-color: var(--rf-text-muted);
    }
    .line {
      width: 22px;
      border-top: 2px dashed var(--rf-warning);
    }
  `,
})
export class FlowDiagramComponent {
  readonly flow = input.required<LayoutInput>();
  readonly selectedId = input<string | null>(null);
  readonly selected = output<string>();

  protected readonly boxWidth = BOX_WIDTH;
  protected readonly boxHeight = BOX_HEIGHT;
  protected readonly labelChars = LABEL_CHARS;
  protected readonly typeLabels = NODE_TYPE_LABELS;

  protected readonly layout = computed(() => layoutFlow(this.flow()));
  protected readonly hasUnreachable = computed(() => this.layout().boxes.some((box) => box.unreachable));
  protected readonly summary = computed(() => {
    const { boxes, edges } = this.layout();
    const layers = new Set(boxes.map((box) => box.layer)).size;
    return `Diagram of the flow: ${boxes.length} nodes in ${layers} ${layers === 1 ? 'row' : 'rows'}, ${edges.length} links`;
  });

  /** Word-wraps a title into at most two lines, the second cut with an ellipsis. */
  protected titleLines(title: string): string[] {
    const words = (title.trim() || 'Untitled').split(/\s+/);
    const lines: string[] = [''];
    for (const word of words) {
      const line = lines[lines.length - 1];
      if (!line || `${line} ${word}`.length <= TITLE_LINE_CHARS) {
        lines[lines.length - 1] = line ? `${line} ${word}` : word;
      } else if (lines.length < 2) {
        lines.push(word);
      } else {
        lines[1] = `${line} ${word}`;
      }
    }
    return lines.map((line) => this.shorten(line, TITLE_LINE_CHARS));
  }

  protected shorten(text: string, max: number): string {
    const trimmed = text.trim();
    return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
  }

  protected boxLabel(number: number, type: keyof typeof NODE_TYPE_LABELS, title: string, unreachable: boolean): string {
    return `Node ${number}, ${NODE_TYPE_LABELS[type]}: ${title || 'untitled'}${unreachable ? ' (not reachable)' : ''}. Select to edit.`;
  }
}
