import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** Thumbs up 12 / thumbs down 3, with a small bar for the share of helpful votes (from engineers' step feedback). */
@Component({
  selector: 'rf-helpful-votes',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="votes" [attr.aria-label]="summary()" role="img">
      <span class="votes__counts" aria-hidden="true">
        <span class="votes__yes"
          ><svg viewBox="0 0 24 24" width="16" height="16"><path [attr.d]="thumb" /></svg> {{ yes() }}</span
        >
        <span class="votes__sep">/</span>
        <span class="votes__no"
          ><svg viewBox="0 0 24 24" width="16" height="16" class="down"><path [attr.d]="thumb" /></svg> {{ no() }}</span
        >
      </span>
      <span class="votes__bar" aria-hidden="true" [class.votes__bar--empty]="total() === 0">
        <span class="votes__fill" [style.width.%]="rate() ?? 0"></span>
      </span>
      <span class="votes__rate" aria-hidden="true">{{ rate() === null ? 'no votes' : rate() + '%' }}</span>
    </span>
  `,
  styles: `
    .votes {
      display: inline-flex;
      align-items: center;
      gap: var(--rf-space-2);
      white-space: nowrap;
      font-size: 0.9rem;
    }
    .votes__counts {
      display: inline-flex;
      align-items: center;
      gap: var(--rf-space-1);
      font-variant-numeric: tabular-nums;
    }
    .votes__yes,
    .votes__no {
      display: inline-flex;
      align-items: center;
      gap: 2px;
    }
    .votes__sep {
      color: var(--rf-text-muted);
    }
    svg {
      fill: none;
      stroke-width: 1.8;
      stroke-linejoin: round;
      stroke-linecap: round;
    }
    .votes__yes svg {
      stroke: var(--rf-success);
    }
    .votes__no svg {
      stroke: var(--rf-danger);
    }
    .down {
      transform: scaleY(-1);
    }
    .votes__bar {
      display: inline-block;
      width: 64px;
      height: 8px;
      border-radius: 999px;
      background: var(--rf-danger-soft);
      overflow: hidden;
    }
    .votes__bar--empty {
      background: var(--rf-surface-muted);
    }
    .votes__fill {
      display: block;
      height: 100%;
      background: var(--rf-success);
    }
    .votes__rate {
      color: var(--rf-text-muted);
      min-width: 4.5em;
    }
  `,
})
export class HelpfulVotesComponent {
  /** Drawn rather than emoji so it looks the same on every system. */
  protected readonly thumb = 'M7 10v11H3V10zM7 10l4-8a3 3 0 0 1 3 3v4h5.5a2 2 0 0 1 2 2.3l-1.3 8A2 2 0 0 1 18.2 21H7';
  readonly yes = input.required<number>();
  readonly no = input.required<number>();

  protected readonly total = computed(() => this.yes() + this.no());
  /** Whole-number percentage of helpful votes; null without votes. */
  protected readonly rate = computed(() => (this.total() === 0 ? null : Math.round((this.yes() / this.total()) * 100)));
  protected readonly summary = computed(() => {
    const rate = this.rate();
    return rate === null ? 'No votes yet' : `${this.yes()} helpful, ${this.no()} not helpful (${rate}% helpful)`;
  });
}
