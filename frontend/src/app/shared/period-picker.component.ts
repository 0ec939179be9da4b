import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';

export const PRESET_PERIODS = ['7d', '30d', '90d'] as const;
export type PresetPeriod = (typeof PRESET_PERIODS)[number];

/** Either the last 7/30/90 days, or a custom range of calendar days (both included). */
export type PeriodSelection = { period: PresetPeriod } | { from: string; to: string };

/** The API's limit on a custom range, both days included. */
export const MAX_RANGE_DAYS = 366;

const PRESET_LABELS: Record<PresetPeriod, string> = { '7d': '7 days', '30d': '30 days', '90d': '90 days' };

let nextId = 0;

/** 7 / 30 / 90 days as a segmented control, plus a custom range of two dates. */
@Component({
  selector: 'rf-period-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="period" role="group" aria-label="Period">
      <div class="period__options">
        @for (preset of presets; track preset) {
          <button
            type="button"
            class="period__option"
            [attr.aria-pressed]="activePreset() === preset"
            (click)="choosePreset(preset)"
          >
            {{ presetLabels[preset] }}
          </button>
        }
        <button
          type="button"
          class="period__option"
          [attr.aria-pressed]="activePreset() === null"
          [attr.aria-expanded]="editing()"
          [attr.aria-controls]="formId"
          (click)="toggleCustom()"
        >
          Custom
        </button>
      </div>
      @if (editing()) {
        <form class="period__custom" [id]="formId" (submit)="apply($event, fromInput.value, toInput.value)" novalidate>
          <label class="period__date">
            <span>From</span>
            <input #fromInput type="date" name="from" [value]="draft().from" [max]="today" required />
          </label>
          <label class="period__date">
            <span>To</span>
            <input #toInput type="date" name="to" [value]="draft().to" [max]="today" required />
          </label>
          <button type="submit" class="btn btn--primary btn--small">Apply</button>
          <button type="button" class="btn btn--ghost btn--small" (click)="editing.set(false)">Cancel</button>
          @if (error(); as message) {
            <p class="period__error" role="alert">{{ message }}</p>
          }
        </form>
      }
    </div>
  `,
  styles: `
    .period {
      display: flex;
      flex-direction: column;
      gap: var(--rf-space-2);
    }
    .period__options {
      display: inline-flex;
      flex-wrap: wrap;
      border: 1px solid var(--rf-border-strong);
      border-radius: var(--rf-radius-sm);
      background: var(--rf-surface);
      overflow: hidden;
      align-self: flex-start;
    }
    .period__option {
      min-height: 36px;
      padding: var(--rf-space-1) var(--rf-space-3);
      border: 0;
      border-right: 1px solid var(--rf-border);
      background: transparent;
      color: var(--rf-text);
      font: inherit;
      font-size: 0.9rem;
      font-weight: 600;
      cursor: pointer;
    }
    .period__option:last-child {
      border-right: 0;
    }
    .period__option:hover {
      background: var(--rf-surface-muted);
    }
    .period__option[aria-pressed='true'] {
      background: var(--rf-primary);
      color: var(--rf-on-primary);
    }
    .period__custom {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: var(--rf-space-2);
      padding: var(--rf-space-3);
      border: 1px solid var(--rf-border);
      border-radius: var(--rf-radius-sm);
      background: var(--rf-surface);
    }
    .period__date {
      display: flex;
      flex-direction: column;
      gap: 2px;
      font-size: 0.85rem;
      font-weight: 600;
    }
    .period__date input {
      min-height: 32px;
      padding: 2px var(--rf-space-2);
      border: 1px solid var(--rf-border-strong);
      border-radius: var(--rf-radius-sm);
      font: inherit;
      font-weight: 400;
    }
    .period__error {
      flex-basis: 100%;
      margin: 0;
      color: var(--rf-danger);
      font-size: 0.9rem;
    }
  `,
})
export class PeriodPickerComponent {
  readonly selection = input.required<PeriodSelection>();
  /** The window the server reported (from/to), used to pre-fill the custom range. */
  readonly shownRange = input<{ from: string; to: string } | null>(null);
  readonly selectionChange = output<PeriodSelection>();

  protected readonly presets = PRESET_PERIODS;
  protected readonly presetLabels = PRESET_LABELS;
  protected readonly formId = `rf-period-custom-${nextId++}`;
  protected readonly today = isoDateOf(new Date());
  protected readonly editing = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly activePreset = computed(() => {
    const selection = this.selection();
    return 'period' in selection ? selection.period : null;
  });

  protected readonly draft = computed(() => {
    const selection = this.selection();
    if ('from' in selection) {
      return { from: selection.from, to: selection.to };
    }
    return this.shownRange() ?? { from: '', to: '' };
  });

  protected choosePreset(period: PresetPeriod): void {
    this.editing.set(false);
    this.error.set(null);
    if (this.activePreset() !== period) {
      this.selectionChange.emit({ period });
    }
  }

  protected toggleCustom(): void {
    this.error.set(null);
    this.editing.update((open) => !open);
  }

  protected apply(event: Event, from: string, to: string): void {
    event.preventDefault();
    const problem = rangeProblem(from, to);
    this.error.set(problem);
    if (problem !== null) {
      return;
    }
    this.editing.set(false);
    this.selectionChange.emit({ from, to });
  }
}

/** What is wrong with a custom range, in words, or null when the API will accept it. */
export function rangeProblem(from: string, to: string): string | null {
  if (!isIsoDate(from) || !isIsoDate(to)) {
    return 'Pick both a start and an end date.';
  }
  const days = daysBetween(from, to) + 1;
  if (days < 1) {
    return 'The end date must not be before the start date.';
  }
  if (days > MAX_RANGE_DAYS) {
    return `A range can cover at most ${MAX_RANGE_DAYS} days.`;
  }
  return null;
}

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function isoDateOf(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}
