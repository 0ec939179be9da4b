import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink, type Params } from '@angular/router';

import type { Trend } from './trend';
import { TrendComponent } from './trend.component';

/** One headline figure: label, value, the change against the previous period, and a line of context. */
@Component({
  selector: 'rf-kpi-card',
  imports: [TrendComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3 class="kpi__label">{{ label() }}</h3>
    <p class="kpi__value">
      {{ value() }}
      @if (unit(); as unitText) {
        <span class="kpi__unit">{{ unitText }}</span>
      }
    </p>
    <p class="kpi__trend"><rf-trend [trend]="trend()" [previous]="previous()" /></p>
    @if (detail(); as detailText) {
      <p class="kpi__detail">{{ detailText }}</p>
    }
    @if (link(); as open) {
      <a class="kpi__link" [routerLink]="open.commands" [queryParams]="open.queryParams">{{ open.text }}</a>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: var(--rf-space-1);
      min-width: 0;
      padding: var(--rf-space-4);
      background: var(--rf-surface);
      border: 1px solid var(--rf-border);
      border-radius: var(--rf-radius);
      box-shadow: var(--rf-shadow);
    }
    .kpi__link {
      font-size: 0.85rem;
      font-weight: 600;
    }
    .kpi__label {
      margin: 0;
      font-size: 0.85rem;
      font-weight: 600;
      color: var(--rf-text-muted);
    }
    .kpi__value {
      margin: 0;
      font-size: 1.75rem;
      font-weight: 700;
      line-height: 1.2;
      font-variant-numeric: tabular-nums;
      overflow-wrap: anywhere;
    }
    .kpi__unit {
      font-size: 0.95rem;
      font-weight: 600;
      color: var(--rf-text-muted);
    }
    .kpi__trend {
      margin: 0;
    }
    @media (max-width: 420px) {
      .kpi__value {
        font-size: 1.4rem;
      }
    }
    .kpi__detail {
      margin: 0;
      font-size: 0.85rem;
      color: var(--rf-text-muted);
    }
  `,
})
export class KpiCardComponent {
  readonly label = input.required<string>();
  readonly value = input.required<string>();
  /** A quiet suffix after the value, e.g. "/ 5". */
  readonly unit = input<string | null>(null);
  readonly trend = input<Trend | null>(null);
  /** The previous period's figure, formatted, for the trend's explanation. */
  readonly previous = input<string | null>(null);
  /** Where the figure's records are listed (a drill-down), and the link's words. */
  readonly link = input<{ commands: unknown[]; queryParams: Params; text: string } | null>(null);
  readonly detail = input<string | null>(null);
}
