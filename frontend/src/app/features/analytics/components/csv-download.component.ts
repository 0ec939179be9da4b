import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';

import { apiErrorMessage } from '../../../core/http/api-error';
import { saveFile } from '../../../shared/save-file';
import type { CsvFile } from '../analytics-types';

/** Downloads the CSV of the current view under the file name the server chose. */
@Component({
  selector: 'rf-csv-download',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" class="btn btn--small" [disabled]="busy() || disabled()" (click)="download()">
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
        <path d="M12 4v11m0 0-4-4m4 4 4-4M5 19h14" />
      </svg>
      {{ busy() ? 'Preparing CSV…' : 'Download CSV' }}
    </button>
    @if (error(); as message) {
      <p class="csv__error" role="alert">{{ message }}</p>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-direction: column;
      align-items: flex-end;
      gap: var(--rf-space-1);
    }
    svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .csv__error {
      margin: 0;
      color: var(--rf-danger);
      font-size: 0.85rem;
    }
  `,
})
export class CsvDownloadComponent {
  /** Fetches the CSV of exactly what the page shows (same window, same filters). */
  readonly fetch = input.required<() => Promise<CsvFile>>();
  readonly disabled = input(false);

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async download(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const file = await this.fetch()();
      saveFile(file.body, file.filename, 'text/csv;charset=utf-8');
    } catch (error) {
      this.error.set(apiErrorMessage(error, 'Could not prepare the CSV. Please try again.'));
    } finally {
      this.busy.set(false);
    }
  }
}
