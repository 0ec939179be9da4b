import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { ReaderFormat } from './reader-format';
import type { Trend } from './trend';

const ARROWS: Record<Trend['direction'], string> = { up: '▲', down: '▼', flat: '→' };

/**
 * "▲ 13%" against the previous period. The arrow says which way the figure moved; the colour says
 * whether that is good news (a blue-green and a vermilion that stay apart for colour-blind readers);
 * the hidden sentence says both for screen readers.
 */
@Component({
  selector: 'rf-trend',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class]': '"trend trend--" + (trend()?.tone ?? "none")',
    '[attr.title]': 'sentence()',
    '[attr.data-direction]': 'trend()?.direction ?? "none"',
  },
  template: `
    @if (trend(); as change) {
      <span class="trend__arrow" aria-hidden="true">{{ arrow() }}</span>
      <span aria-hidden="true">{{ amount() }}</span>
    } @else {
      <span aria-hidden="true">No earlier data</span>
    }
    <span class="visually-hidden">{{ sentence() }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 3px;
      padding: 1px 8px;
      border-radius: 999px;
      font-size: 0.85rem;
      font-weight: 700;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    :host(.trend--good) {
      color: #00694f;
      background: #dcf2ea;
    }
    :host(.trend--bad) {
      color: #a63f00;
      background: #fbe7da;
    }
    :host(.trend--neutral) {
      color: var(--rf-text-muted);
      background: var(--rf-surface-muted);
    }
    :host(.trend--none) {
      color: var(--rf-text-muted);
      font-weight: 500;
      padding: 1px 0;
    }
    .trend__arrow {
      font-size: 0.7rem;
    }
  `,
})
export class TrendComponent {
  private readonly format = inject(ReaderFormat);

  readonly trend = input.required<Trend | null>();
  /** The figure of the previous period, already formatted ("94.8%"), for the hover text. */
  readonly previous = input<string | null>(null);

  protected readonly arrow = computed(() => ARROWS[this.trend()?.direction ?? 'flat']);

  protected readonly amount = computed(() => {
    const trend = this.trend();
    if (trend === null) {
      return '';
    }
    if (trend.measure === 'points') {
      const points = new Intl.NumberFormat(this.format.locale, { maximumFractionDigits: 1 }).format(
        trend.magnitude * 100,
      );
      return `${points} pts`;
    }
    return this.format.percent(trend.magnitude, trend.magnitude < 0.1 ? 1 : 0);
  });

  protected readonly sentence = computed(() => {
    const trend = this.trend();
    const previous = this.previous();
    const before = previous === null ? 'the previous period' : `the previous period (${previous})`;
    if (trend === null) {
      return 'Nothing to compare with in the previous period';
    }
    if (trend.direction === 'flat') {
      return `No change from ${before}`;
    }
    const amount = trend.measure === 'points' ? this.amount().replace('pts', 'percentage points') : this.amount();
    const verdict = trend.tone === 'good' ? ', better' : trend.tone === 'bad' ? ', worse' : '';
    return `${trend.direction === 'up' ? 'Up' : 'Down'} ${amount} from ${before}${verdict}`;
  });
}
