import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import type { FlowSummary } from '../../core/api-types';
import { FieldControlDirective } from '../../shared/form-field/field-control.directive';
import { FormFieldComponent } from '../../shared/form-field/form-field.component';
import { OUTCOME_LABELS } from '../../shared/outcome-badge.component';
import { OUTCOME_ORDER } from '../../shared/outcome-palette';
import { SearchableSelectComponent, type SelectOption } from '../../shared/searchable-select.component';
import type { AccountUser } from '../analytics/analytics-types';
import { SORTS, type ExplorerScope, type FilterKey, type SessionFilters } from './session-filters';

/** A filter the page shows as a removable chip, with words a person can read. */
export interface FilterChip {
  keys: FilterKey[];
  text: string;
}

export const STATUS_LABELS: Record<string, string> = { in_progress: 'In progress', completed: 'Completed' };
const PERIOD_LABELS: Record<string, string> = { '7d': 'Last 7 days', '30d': 'Last 30 days', '90d': 'Last 90 days' };

/**
 * The sessions list's filters as form controls. Every change is emitted at once as query params
 * (null removes one); the page puts them in its URL, and the URL is what loads the list.
 */
@Component({
  selector: 'rf-session-filters',
  imports: [FormFieldComponent, FieldControlDirective, SearchableSelectComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="filters" role="search" aria-label="Filter sessions" (submit)="$event.preventDefault()">
      <rf-form-field label="Period" controlId="filter-period">
        <select rfFieldControl [value]="periodValue()" (change)="onPeriod(value($event))">
          <option value="">Any time</option>
          <option value="7d">Last 7 days</option>
          <option value="30d">Last 30 days</option>
          <option value="90d">Last 90 days</option>
          <option value="custom">Custom range</option>
        </select>
      </rf-form-field>
      @if (periodValue() === 'custom') {
        <rf-form-field label="From" controlId="filter-from">
          <input rfFieldControl type="date" [value]="filters().from ?? ''" (change)="emit({ from: value($event) })" />
        </rf-form-field>
        <rf-form-field label="To" controlId="filter-to">
          <input rfFieldControl type="date" [value]="filters().to ?? ''" (change)="emit({ to: value($event) })" />
        </rf-form-field>
      }
      <rf-form-field label="Flow" controlId="filter-flow">
        <select rfFieldControl [value]="filters().tree_id ?? ''" (change)="onFlow(value($event))">
          <option value="">All flows</option>
          @for (flow of flowOptions(); track flow.id) {
            <option [value]="flow.id" [selected]="flow.id === filters().tree_id">{{ flow.name }}</option>
          }
        </select>
      </rf-form-field>
      @if (scope() === 'team') {
        <rf-searchable-select
          class="filters__engineer"
          label="Engineer"
          clearLabel="All engineers"
          [options]="engineerOptions()"
          [value]="filters().user_id ?? null"
          (valueChange)="emit({ user_id: $event })"
        />
      }
      <rf-form-field label="Status" controlId="filter-status">
        <select rfFieldControl [value]="filters().status ?? ''" (change)="emit({ status: value($event) })">
          <option value="">Any status</option>
          <option value="in_progress">In progress</option>
          <option value="completed">Completed</option>
        </select>
      </rf-form-field>
      <rf-form-field label="Outcome" controlId="filter-outcome">
        <select rfFieldControl [value]="filters().outcome ?? ''" (change)="emit({ outcome: value($event) })">
          <option value="">Any outcome</option>
          @for (outcome of outcomes; track outcome.value) {
            <option [value]="outcome.value" [selected]="outcome.value === filters().outcome">
              {{ outcome.label }}
            </option>
          }
          @if (severalOutcomes(); as several) {
            <option [value]="several.value" selected>{{ several.label }}</option>
          }
        </select>
      </rf-form-field>
      <rf-form-field label="Rating" controlId="filter-rating">
        <select rfFieldControl [value]="filters().rating ?? ''" (change)="emit({ rating: value($event) })">
          <option value="">Any rating</option>
          @for (score of scores; track score) {
            <option [value]="score" [selected]="score === filters().rating">{{ score }} of 5</option>
          }
        </select>
      </rf-form-field>
      <rf-form-field label="Ticket reference" controlId="filter-reference">
        <input
          rfFieldControl
          type="text"
          [value]="filters().external_ref ?? ''"
          (change)="emit({ external_ref: value($event).trim() })"
        />
      </rf-form-field>
      @if (filters().tree_id) {
        <rf-form-field label="Flow version" controlId="filter-version">
          <input
            rfFieldControl
            type="number"
            min="1"
            step="1"
            inputmode="numeric"
            [value]="filters().tree_version ?? ''"
            (change)="emit({ tree_version: value($event) })"
          />
        </rf-form-field>
      }
      <rf-form-field label="Sort" controlId="filter-sort">
        <select rfFieldControl [value]="filters().sort ?? '-started_at'" (change)="onSort(value($event))">
          @for (sort of sorts; track sort.value) {
            <option [value]="sort.value" [selected]="sort.value === (filters().sort ?? '-started_at')">
              {{ sort.label }}
            </option>
          }
        </select>
      </rf-form-field>
      <label class="filters__check">
        <input
          type="checkbox"
          [checked]="filters().has_comment === 'true'"
          (change)="emit({ has_comment: checked($event) ? 'true' : null })"
        />
        With a comment
      </label>
    </form>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: var(--rf-space-3);
    }
    .filters ::ng-deep .field {
      margin-bottom: 0;
      min-width: 9rem;
    }
    .filters select,
    .filters input[type='date'],
    .filters input[type='number'] {
      min-height: 38px;
    }
    .filters input[type='number'] {
      width: 6rem;
    }
    .filters__engineer {
      min-width: 12rem;
    }
    .filters__check {
      display: inline-flex;
      align-items: center;
      gap: var(--rf-space-2);
      min-height: 38px;
      font-weight: 600;
    }
  `,
})
export class SessionFiltersComponent {
  readonly filters = input.required<SessionFilters>();
  readonly scope = input.required<ExplorerScope>();
  readonly flows = input<readonly FlowSummary[]>([]);
  readonly users = input<readonly AccountUser[]>([]);
  /** Query params to merge into the page's URL; null removes a filter. */
  readonly changed = output<Record<string, string | null>>();

  protected readonly sorts = SORTS;
  protected readonly scores = ['5', '4', '3', '2', '1'];
  protected readonly outcomes = OUTCOME_ORDER.map((outcome) => ({ value: outcome, label: OUTCOME_LABELS[outcome] }));

  protected readonly periodValue = computed(() => {
    const filters = this.filters();
    if (filters.from || filters.to) {
      return 'custom';
    }
    return filters.period ?? '';
  });

  protected readonly flowOptions = computed(() => [...this.flows()].sort((a, b) => a.name.localeCompare(b.name)));

  protected readonly engineerOptions = computed<SelectOption[]>(() =>
    [...this.users()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((user) => ({ value: user.id, label: user.name, hint: user.email })),
  );

  /** A comma list from a link ("escalated,unresolved") is kept as its own choice. */
  protected readonly severalOutcomes = computed(() => {
    const outcome = this.filters().outcome;
    return outcome?.includes(',') ? { value: outcome, label: outcomeWords(outcome) } : null;
  });

  protected emit(changes: Record<string, string | null>): void {
    const cleaned = Object.fromEntries(
      Object.entries(changes).map(([key, value]) => [key, value === '' || value === null ? null : value]),
    );
    this.changed.emit(cleaned);
  }

  protected onPeriod(period: string): void {
    if (period === 'custom') {
      const today = new Date().toISOString().slice(0, 10);
      this.emit({ period: null, from: this.filters().from ?? today, to: this.filters().to ?? today });
    } else {
      this.emit({ period, from: null, to: null });
    }
  }

  /** A version belongs to one flow, so changing the flow drops it. */
  protected onFlow(treeId: string): void {
    this.emit({ tree_id: treeId, tree_version: null });
  }

  protected onSort(sort: string): void {
    this.emit({ sort: sort === '-started_at' ? null : sort });
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }
}

export function outcomeWords(outcome: string): string {
  return outcome
    .split(',')
    .map((part) => OUTCOME_LABELS[part as keyof typeof OUTCOME_LABELS] ?? part)
    .join(' or ');
}

export function periodWords(period: string): string {
  return PERIOD_LABELS[period] ?? period;
}
