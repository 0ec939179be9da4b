import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';

import { PeriodPickerComponent, type PeriodSelection } from '../../../shared/period-picker.component';
import { ReaderFormat } from '../../../shared/reader-format';
import type { AnalyticsWindow, CsvFile } from '../analytics-types';
import { CsvDownloadComponent } from './csv-download.component';

/** Period, page-specific filters (projected), the CSV download, and which days are being shown. */
@Component({
  selector: 'rf-analytics-toolbar',
  imports: [PeriodPickerComponent, CsvDownloadComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="toolbar">
      <div class="toolbar__filters">
        <rf-period-picker
          [selection]="selection()"
          [shownRange]="shownRange()"
          (selectionChange)="selectionChange.emit($event)"
        />
        <ng-content />
      </div>
      <rf-csv-download class="toolbar__csv" [fetch]="csv()" [disabled]="window() === null" />
    </div>
    <p class="toolbar__window" aria-live="polite">
      @if (window(); as shown) {
        Showing <strong>{{ format.dateRange(shown.from, shown.to) }}</strong> · days counted in {{ shown.tz }}
      } @else {
        &nbsp;
      }
    </p>
  `,
  styles: `
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      justify-content: space-between;
      gap: var(--rf-space-3);
    }
    .toolbar__filters {
      flex: 1 1 auto;
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: var(--rf-space-3);
      min-width: 0;
    }
    .toolbar__window {
      margin: var(--rf-space-2) 0 var(--rf-space-4);
      font-size: 0.9rem;
      color: var(--rf-text-muted);
    }
  `,
})
export class AnalyticsToolbarComponent {
  protected readonly format = inject(ReaderFormat);

  readonly selection = input.required<PeriodSelection>();
  /** The window of the report on screen; null while it loads or failed. */
  readonly window = input.required<AnalyticsWindow | null>();
  readonly csv = input.required<() => Promise<CsvFile>>();
  readonly selectionChange = output<PeriodSelection>();

  protected readonly shownRange = computed(() => {
    const window = this.window();
    return window === null ? null : { from: window.from, to: window.to };
  });
}
