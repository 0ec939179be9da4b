import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { KpiCardComponent } from '../../../shared/kpi-card.component';
import { ReaderFormat } from '../../../shared/reader-format';
import { trendBetween, type Trend } from '../../../shared/trend';
import type { AnalyticsWindow, Summary, SummaryFigures } from '../analytics-types';
import { drillLink, type DrillContext, type DrillLink } from '../drill-down';

interface Kpi {
  label: string;
  value: string;
  unit: string | null;
  trend: Trend | null;
  previous: string;
  detail: string;
  link?: (DrillLink & { text: string }) | null;
}

/**
 * The headline cards. A figure that does not exist (no session completed, no rating given) shows
 * "—" and no trend rather than a 0 that would read as a real, terrible result.
 */
@Component({
  selector: 'rf-summary-kpis',
  imports: [KpiCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="kpis" aria-labelledby="kpis-title">
      <h2 id="kpis-title" class="visually-hidden">Summary</h2>
      <div class="kpis__grid">
        @for (kpi of kpis(); track kpi.label) {
          <rf-kpi-card
            [label]="kpi.label"
            [value]="kpi.value"
            [unit]="kpi.unit"
            [trend]="kpi.trend"
            [previous]="kpi.previous"
            [detail]="kpi.detail"
            [link]="kpi.link ?? null"
          />
        }
      </div>
      <p class="kpis__note">Changes compare with {{ previousRange() }}.</p>
    </section>
  `,
  styles: `
    .kpis__grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(170px, 1fr));
      gap: var(--rf-space-3);
    }
    .kpis__note {
      margin: var(--rf-space-2) 0 0;
      font-size: 0.85rem;
      color: var(--rf-text-muted);
    }
    @media (max-width: 420px) {
      .kpis__grid {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
    }
  `,
})
export class SummaryKpisComponent {
  private readonly format = inject(ReaderFormat);

  readonly summary = input.required<Summary>();
  readonly window = input.required<AnalyticsWindow>();
  /** Where the session counts open their sessions; null draws no links. */
  readonly drill = input<DrillContext | null>(null);

  protected readonly previousRange = computed(() => {
    const window = this.window();
    return `the previous period, ${this.format.dateRange(window.previous_from, window.previous_to)}`;
  });

  protected readonly kpis = computed<Kpi[]>(() => {
    const now = this.summary();
    const before = now.previous;
    const format = this.format;
    return [
      {
        label: 'Sessions',
        value: format.count(now.total_sessions),
        unit: null,
        trend: trendBetween(now.total_sessions, before.total_sessions, 'neutral'),
        previous: format.count(before.total_sessions),
        detail: `${format.count(now.completed_sessions)} completed`,
        link: withText(drillLink(this.drill(), {}), 'See these sessions'),
      },
      {
        label: 'Completion rate',
        value: format.percent(completionRate(now)),
        unit: null,
        trend: trendBetween(completionRate(now), completionRate(before), 'higher-is-better', 'points'),
        previous: format.percent(completionRate(before)),
        detail: `${format.count(now.completed_sessions)} of ${format.count(now.total_sessions)} sessions`,
        link: withText(drillLink(this.drill(), { status: 'completed' }), 'See the completed ones'),
      },
      {
        label: 'Avg duration',
        value: format.minutes(averageDuration(now)),
        unit: null,
        trend: trendBetween(averageDuration(now), averageDuration(before), 'lower-is-better'),
        previous: format.minutes(averageDuration(before)),
        detail:
          now.completed_sessions === 0
            ? 'No completed sessions'
            : `Median ${format.minutes(now.median_duration_minutes)}`,
      },
      {
        label: 'Avg CSAT',
        value: format.decimal(now.avg_csat),
        unit: now.avg_csat === null ? null : '/ 5',
        trend: trendBetween(now.avg_csat, before.avg_csat, 'higher-is-better'),
        previous: before.avg_csat === null ? 'no ratings' : `${format.decimal(before.avg_csat)} / 5`,
        detail:
          now.rating_count === 0
            ? 'No ratings yet'
            : `${format.count(now.rating_count)} ${now.rating_count === 1 ? 'rating' : 'ratings'} · ${format.percent(now.response_rate, 0)} response rate`,
      },
      {
        label: 'CSAT score',
        value: format.percent(now.csat_score),
        unit: null,
        trend: trendBetween(now.csat_score, before.csat_score, 'higher-is-better', 'points'),
        previous: before.csat_score === null ? 'no ratings' : format.percent(before.csat_score),
        detail: 'Ratings of 4 or 5',
      },
    ];
  });
}

function withText(link: DrillLink | null, text: string): (DrillLink & { text: string }) | null {
  return link === null ? null : { ...link, text };
}

/** No sessions means no completion rate, not a rate of 0. */
function completionRate(figures: SummaryFigures): number | null {
  return figures.total_sessions === 0 ? null : figures.completion_rate;
}

function averageDuration(figures: SummaryFigures): number | null {
  return figures.completed_sessions === 0 ? null : figures.avg_duration_minutes;
}
