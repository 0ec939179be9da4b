import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router, RouterLink, type Params } from '@angular/router';

import { ReaderFormat } from '../../../shared/reader-format';
import type { DrillLink } from '../drill-down';

/** One row of a top-10 table (a flow or an engineer) and where clicking it leads. */
export interface RankedEntry {
  id: string;
  name: string;
  sessions: number;
  completion_rate: number;
  completed_sessions: number;
  avg_duration_minutes: number;
  avg_csat: number | null;
  rating_count: number;
  link: { commands: unknown[]; queryParams: Params };
  /** What the link does, for its accessible name ("Open the analytics of VPN will not connect"). */
  linkLabel: string;
  /** The sessions the row counts, when the reader may open them. */
  sessionsLink?: DrillLink | null;
}

type SortKey = 'name' | 'sessions' | 'completion_rate' | 'avg_duration_minutes' | 'avg_csat';
type SortDirection = 'ascending' | 'descending';

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'sessions', label: 'Sessions', numeric: true },
  { key: 'completion_rate', label: 'Completion', numeric: true },
  { key: 'avg_duration_minutes', label: 'Avg duration', numeric: true },
  { key: 'avg_csat', label: 'Avg CSAT', numeric: true },
];

/** A sortable table of flows or engineers; each row opens its own view. */
@Component({
  selector: 'rf-ranked-table',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="ranked" [attr.aria-labelledby]="headingId()">
      <h2 class="ranked__title" [id]="headingId()">{{ heading() }}</h2>
      @if (entries().length === 0) {
        <p class="ranked__empty">{{ emptyText() }}</p>
      } @else {
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">
              {{
                heading()
              }}, sorted by
              {{
                sortLabel()
              }}. Column headers sort the table.
            </caption>
            <thead>
              <tr>
                <th scope="col" [attr.aria-sort]="ariaSort('name')">
                  <button type="button" class="sort" (click)="sortBy('name')">
                    {{ nameHeader() }}<span class="sort__icon" aria-hidden="true">{{ sortIcon('name') }}</span>
                  </button>
                </th>
                @for (column of columns; track column.key) {
                  <th scope="col" class="num" [attr.aria-sort]="ariaSort(column.key)">
                    <button type="button" class="sort" (click)="sortBy(column.key)">
                      {{ column.label }}<span class="sort__icon" aria-hidden="true">{{ sortIcon(column.key) }}</span>
                    </button>
                  </th>
                }
              </tr>
            </thead>
            <tbody>
              @for (entry of sorted(); track entry.id) {
                <tr class="ranked__row" (click)="open(entry, $event)">
                  <th scope="row" class="ranked__name">
                    <a
                      [routerLink]="entry.link.commands"
                      [queryParams]="entry.link.queryParams"
                      [attr.aria-label]="entry.linkLabel"
                      >{{ entry.name }}</a
                    >
                  </th>
                  <td class="num">
                    @if (entry.sessionsLink; as open) {
                      <a
                        [routerLink]="open.commands"
                        [queryParams]="open.queryParams"
                        [attr.aria-label]="format.count(entry.sessions) + ' sessions of ' + entry.name + ': open them'"
                        >{{ format.count(entry.sessions) }}</a
                      >
                    } @else {
                      {{ format.count(entry.sessions) }}
                    }
                  </td>
                  <td class="num">{{ format.percent(entry.completion_rate) }}</td>
                  <td class="num">
                    {{ entry.completed_sessions === 0 ? '—' : format.minutes(entry.avg_duration_minutes) }}
                  </td>
                  <td class="num">
                    {{ format.decimal(entry.avg_csat) }}
                    @if (entry.rating_count > 0) {
                      <span class="ranked__sub" [attr.title]="format.count(entry.rating_count) + ' ratings'"
                        >({{ format.count(entry.rating_count) }}<span class="visually-hidden"> ratings</span>)</span
                      >
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
  styleUrl: './report-table.scss',
  styles: `
    .ranked__title {
      font-size: 1.05rem;
      margin-bottom: var(--rf-space-2);
    }
    .ranked__empty {
      color: var(--rf-text-muted);
    }
    .sort {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 0;
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      text-transform: inherit;
      letter-spacing: inherit;
      cursor: pointer;
    }
    .sort__icon {
      min-width: 0.8em;
      font-size: 0.75rem;
    }
    .ranked__row {
      cursor: pointer;
    }
    .ranked__row:hover {
      background: var(--rf-primary-soft);
    }
    .table tr:last-child th {
      border-bottom: 0;
    }
    .ranked__name {
      min-width: 9rem;
      font-weight: 600;
      text-transform: none;
      letter-spacing: 0;
      font-size: 1rem;
      color: var(--rf-text);
      background: none;
    }
    .ranked__sub {
      color: var(--rf-text-muted);
      font-size: 0.8rem;
    }
  `,
})
export class RankedTableComponent {
  protected readonly format = inject(ReaderFormat);
  private readonly router = inject(Router);

  readonly heading = input.required<string>();
  readonly headingId = input.required<string>();
  readonly nameHeader = input.required<string>();
  readonly entries = input.required<readonly RankedEntry[]>();
  readonly emptyText = input('Nothing to show for this period.');

  protected readonly columns = COLUMNS;
  protected readonly sortKey = signal<SortKey>('sessions');
  protected readonly sortDirection = signal<SortDirection>('descending');

  protected readonly sortLabel = computed(() => {
    const key = this.sortKey();
    const label = key === 'name' ? this.nameHeader() : COLUMNS.find((column) => column.key === key)?.label;
    return `${label?.toLowerCase()}, ${this.sortDirection()}`;
  });

  protected readonly sorted = computed(() => {
    const key = this.sortKey();
    const factor = this.sortDirection() === 'ascending' ? 1 : -1;
    return [...this.entries()].sort((a, b) => {
      if (key === 'name') {
        return factor * a.name.localeCompare(b.name, this.format.locale);
      }
      const left = a[key];
      const right = b[key];
      // Rows without a figure (no ratings yet) go last whichever way the column is sorted.
      if (left === null || right === null) {
        return left === right ? 0 : left === null ? 1 : -1;
      }
      return factor * (left - right) || b.sessions - a.sessions || a.name.localeCompare(b.name, this.format.locale);
    });
  });

  protected sortBy(key: SortKey): void {
    if (this.sortKey() === key) {
      this.sortDirection.update((direction) => (direction === 'ascending' ? 'descending' : 'ascending'));
      return;
    }
    this.sortKey.set(key);
    // Names read A→Z first; figures biggest first.
    this.sortDirection.set(key === 'name' ? 'ascending' : 'descending');
  }

  protected ariaSort(key: SortKey): SortDirection | null {
    return this.sortKey() === key ? this.sortDirection() : null;
  }

  protected sortIcon(key: SortKey): string {
    if (this.sortKey() !== key) {
      return '';
    }
    return this.sortDirection() === 'ascending' ? '▲' : '▼';
  }

  /** The whole row is a click target for mouse users; the name link stays the keyboard path. */
  protected open(entry: RankedEntry, event: MouseEvent): void {
    if ((event.target as HTMLElement).closest('a')) {
      return;
    }
    void this.router.navigate(entry.link.commands, { queryParams: entry.link.queryParams });
  }
}
