import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export interface LegendEntry {
  label: string;
  color: string;
}

/** The colour key above a chart, in words; the same entries and colours on every analytics chart. */
@Component({
  selector: 'rf-chart-legend',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="legend" aria-hidden="true">
      @for (entry of entries(); track entry.label) {
        <li><span class="legend__swatch" [style.background]="entry.color"></span>{{ entry.label }}</li>
      }
    </ul>
  `,
  styles: `
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: var(--rf-space-1) var(--rf-space-4);
      margin: 0 0 var(--rf-space-2);
      padding: 0;
      list-style: none;
      font-size: 0.85rem;
      color: var(--rf-text-muted);
    }
    li {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    .legend__swatch {
      width: 12px;
      height: 12px;
      border-radius: 3px;
    }
  `,
})
export class ChartLegendComponent {
  readonly entries = input.required<readonly LegendEntry[]>();
}
