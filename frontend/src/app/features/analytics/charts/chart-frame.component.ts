import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A titled card around a chart. The drawing is hidden from screen readers; the data table projected
 * into the frame (visually hidden) says the same thing in a form they can read row by row.
 */
@Component({
  selector: 'rf-chart-frame',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="frame" [attr.aria-labelledby]="titleId()">
      <figcaption class="frame__caption">
        <h2 class="frame__title" [id]="titleId()">{{ heading() }}</h2>
        @if (subtitle(); as text) {
          <p class="frame__subtitle">{{ text }}</p>
        }
      </figcaption>
      <ng-content select="[chartLegend]" />
      @if (emptyMessage(); as message) {
        <p class="frame__empty">{{ message }}</p>
      } @else {
        <div class="frame__plot" [style.height.px]="height()" aria-hidden="true">
          <ng-content select="[chartPlot]" />
        </div>
        <div class="visually-hidden frame__table"><ng-content select="table" /></div>
      }
    </figure>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .frame {
      margin: 0;
      height: 100%;
      padding: var(--rf-space-4);
      background: var(--rf-surface);
      border: 1px solid var(--rf-border);
      border-radius: var(--rf-radius);
      box-shadow: var(--rf-shadow);
    }
    .frame__caption {
      margin-bottom: var(--rf-space-3);
    }
    .frame__title {
      margin: 0;
      font-size: 1.05rem;
    }
    .frame__subtitle {
      margin: 2px 0 0;
      font-size: 0.85rem;
      color: var(--rf-text-muted);
    }
    .frame__plot {
      position: relative;
      width: 100%;
      min-width: 0;
      overflow: hidden;
    }
    /* The table's links (drill-downs) are keyboard stops: the table shows itself while one has focus. */
    .frame__table:focus-within {
      position: static;
      width: auto;
      height: auto;
      margin: var(--rf-space-3) 0 0;
      overflow: visible;
      clip: auto;
      white-space: normal;
    }
    .frame__empty {
      margin: 0;
      padding: var(--rf-space-5) var(--rf-space-3);
      text-align: center;
      color: var(--rf-text-muted);
      background: var(--rf-surface-muted);
      border-radius: var(--rf-radius-sm);
    }
  `,
})
export class ChartFrameComponent {
  readonly heading = input.required<string>();
  readonly titleId = input.required<string>();
  readonly subtitle = input<string | null>(null);
  readonly height = input(260);
  /** Set when there is nothing to draw; shown instead of an empty chart. */
  readonly emptyMessage = input<string | null>(null);
}
