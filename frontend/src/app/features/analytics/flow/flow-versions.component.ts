import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink, type Params } from '@angular/router';

import { ReaderFormat } from '../../../shared/reader-format';
import type { FlowVersionRow, FlowVersions } from '../analytics-types';

interface CompareRow {
  label: string;
  a: string;
  b: string;
  change: string;
  /** Whether the change is an improvement, a setback, or neither. */
  tone: 'good' | 'bad' | 'neutral';
}

type Better = 'higher' | 'lower' | null;

/**
 * Every version of the flow that has sessions (all time), and two of them side by side with the
 * change from the older to the newer: did the last edit make the flow better?
 */
@Component({
  selector: 'rf-flow-versions',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="versions-title">
      <h2 class="panel__title" id="versions-title">Versions</h2>
      <p class="panel__subtitle">
        Each edit of the flow makes a new version (now v{{ versions().current_version }}). All time, not only this
        period.
        @if (versions().unknown_version_sessions > 0) {
          {{ format.count(versions().unknown_version_sessions) }} older sessions have no known version.
        }
      </p>
      @if (rows().length === 0) {
        <p class="panel__empty">No session has been run on a known version yet.</p>
      } @else {
        <div class="table-wrap">
          <table class="table" data-testid="versions-table">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">First session</th>
                <th scope="col" class="num">Sessions</th>
                <th scope="col" class="num">Completion</th>
                <th scope="col" class="num">Median duration</th>
                <th scope="col" class="num">Avg CSAT</th>
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.version) {
                <tr [class.is-shown]="row.version === shownVersion()">
                  <th scope="row">v{{ row.version }}</th>
                  <td>{{ format.date(row.first_session_at.slice(0, 10)) }}</td>
                  <td class="num">{{ format.count(row.sessions) }}</td>
                  <td class="num">{{ format.percent(row.completion_rate) }}</td>
                  <td class="num">
                    {{ row.completed_sessions === 0 ? '—' : format.minutes(row.median_duration_minutes) }}
                  </td>
                  <td class="num">{{ format.decimal(row.avg_csat) }}</td>
                  <td class="actions">
                    @if (row.version === shownVersion()) {
                      <a
                        class="btn btn--small btn--ghost"
                        [routerLink]="[]"
                        [queryParams]="versionParams(null)"
                        queryParamsHandling="merge"
                        >Show all versions</a
                      >
                    } @else {
                      <a
                        class="btn btn--small btn--ghost"
                        [routerLink]="[]"
                        [queryParams]="versionParams(row.version)"
                        queryParamsHandling="merge"
                        [attr.aria-label]="'Show only version ' + row.version + ' in this report'"
                        >Show only v{{ row.version }}</a
                      >
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>

        @if (rows().length >= 2) {
          <h3 class="compare__title" id="compare-title">Compare two versions</h3>
          <div class="compare__pickers">
            <label>
              <span>From</span>
              <select data-testid="compare-a" (change)="pickA(value($event))">
                @for (row of rows(); track row.version) {
                  <option [value]="row.version" [selected]="row.version === a()?.version">v{{ row.version }}</option>
                }
              </select>
            </label>
            <label>
              <span>To</span>
              <select data-testid="compare-b" (change)="pickB(value($event))">
                @for (row of rows(); track row.version) {
                  <option [value]="row.version" [selected]="row.version === b()?.version">v{{ row.version }}</option>
                }
              </select>
            </label>
          </div>
          <div class="table-wrap">
            <table class="table" aria-labelledby="compare-title" data-testid="compare-table">
              <thead>
                <tr>
                  <th scope="col">Figure</th>
                  <th scope="col" class="num">v{{ a()?.version }}</th>
                  <th scope="col" class="num">v{{ b()?.version }}</th>
                  <th scope="col" class="num">Change</th>
                </tr>
              </thead>
              <tbody>
                @for (row of comparison(); track row.label) {
                  <tr>
                    <th scope="row">{{ row.label }}</th>
                    <td class="num">{{ row.a }}</td>
                    <td class="num">{{ row.b }}</td>
                    <td class="num change" [class]="'change change--' + row.tone">
                      {{ row.change }}
                      @if (row.tone !== 'neutral') {
                        <span class="visually-hidden">{{ row.tone === 'good' ? '(better)' : '(worse)' }}</span>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      }
    </section>
  `,
  styleUrls: ['./panel.scss', '../components/report-table.scss'],
  styles: `
    .actions {
      text-align: right;
      white-space: nowrap;
    }
    .is-shown {
      background: var(--rf-primary-soft);
    }
    .compare__title {
      margin: var(--rf-space-4) 0 var(--rf-space-2);
      font-size: 1rem;
    }
    .compare__pickers {
      display: flex;
      flex-wrap: wrap;
      gap: var(--rf-space-3);
      margin-bottom: var(--rf-space-3);
    }
    .compare__pickers label {
      display: flex;
      flex-direction: column;
      gap: 2px;
      font-weight: 600;
    }
    .compare__pickers select {
      min-width: 6rem;
    }
    .change--good {
      color: var(--rf-success, #087443);
      font-weight: 600;
    }
    .change--bad {
      color: var(--rf-danger);
      font-weight: 600;
    }
  `,
})
export class FlowVersionsComponent {
  protected readonly format = inject(ReaderFormat);

  readonly versions = input.required<FlowVersions>();
  /** The version the report is limited to (?version=N), if any. */
  readonly shownVersion = input<number | null>(null);

  private readonly pickedA = signal<number | null>(null);
  private readonly pickedB = signal<number | null>(null);

  protected readonly rows = computed(() => this.versions().versions);
  /** By default the newest version against the one before it. */
  protected readonly a = computed<FlowVersionRow | null>(() => this.find(this.pickedA()) ?? this.rows()[1] ?? null);
  protected readonly b = computed<FlowVersionRow | null>(() => this.find(this.pickedB()) ?? this.rows()[0] ?? null);

  protected readonly comparison = computed<CompareRow[]>(() => {
    const a = this.a();
    const b = this.b();
    if (a === null || b === null) {
      return [];
    }
    const f = this.format;
    const minutes = (row: FlowVersionRow, value: number) => (row.completed_sessions === 0 ? null : value);
    return [
      this.row('Sessions', a.sessions, b.sessions, (v) => f.count(v), null, 'count'),
      this.row('Completion rate', a.completion_rate, b.completion_rate, (v) => f.percent(v), 'higher', 'points'),
      this.row(
        'Avg duration',
        minutes(a, a.avg_duration_minutes),
        minutes(b, b.avg_duration_minutes),
        (v) => f.minutes(v),
        'lower',
        'minutes',
      ),
      this.row(
        'Median duration',
        minutes(a, a.median_duration_minutes),
        minutes(b, b.median_duration_minutes),
        (v) => f.minutes(v),
        'lower',
        'minutes',
      ),
      this.row('Avg CSAT', a.avg_csat, b.avg_csat, (v) => f.decimal(v), 'higher', 'decimal'),
      this.row('CSAT score', a.csat_score, b.csat_score, (v) => f.percent(v), 'higher', 'points'),
      this.row('Ratings', a.ratings, b.ratings, (v) => f.count(v), null, 'count'),
    ];
  });

  protected versionParams(version: number | null): Params {
    return { version };
  }

  protected pickA(version: string): void {
    this.pickedA.set(Number(version));
  }

  protected pickB(version: string): void {
    this.pickedB.set(Number(version));
  }

  protected value(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  private find(version: number | null): FlowVersionRow | null {
    return version === null ? null : (this.rows().find((row) => row.version === version) ?? null);
  }

  private row(
    label: string,
    a: number | null,
    b: number | null,
    show: (value: number) => string,
    better: Better,
    unit: 'count' | 'points' | 'minutes' | 'decimal',
  ): CompareRow {
    const shown = (value: number | null) => (value === null ? '—' : show(value));
    if (a === null || b === null) {
      return { label, a: shown(a), b: shown(b), change: '—', tone: 'neutral' };
    }
    const delta = b - a;
    const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
    const size = Math.abs(delta);
    const change =
      unit === 'points'
        ? `${sign}${this.format.decimal(size * 100)} pts`
        : unit === 'minutes'
          ? `${sign}${this.format.minutes(size)}`
          : unit === 'decimal'
            ? `${sign}${this.format.decimal(size)}`
            : `${sign}${this.format.count(size)}`;
    const tone = better === null || delta === 0 ? 'neutral' : (better === 'higher') === delta > 0 ? 'good' : 'bad';
    return { label, a: shown(a), b: shown(b), change, tone };
  }
}
