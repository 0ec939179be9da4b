import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal, type OnInit } from '@angular/core';

import { DialogComponent } from '../../../shared/dialog.component';
import { HelpfulVotesComponent } from '../../../shared/helpful-votes.component';
import { LoadErrorComponent } from '../../../shared/load-error/load-error.component';
import { NoticeComponent } from '../../../shared/notice.component';
import { RowActionComponent } from '../../../shared/row-action/row-action.component';
import { RowActionsComponent } from '../../../shared/row-actions/row-actions.component';
import type { LibraryStep } from '../admin-api-types';
import { errorMessage } from '../api-errors';
import { StepFormDialogComponent } from './step-form-dialog.component';
import { StepLibraryService } from './step-library.service';

/** Waits this long after the last keystroke before searching, so typing a word is one request. */
export const SEARCH_DEBOUNCE_MS = 300;

/** Reusable steps: flows link to them, engineers vote on them. */
@Component({
  selector: 'rf-step-library',
  imports: [
    DatePipe,
    NoticeComponent,
    DialogComponent,
    HelpfulVotesComponent,
    StepFormDialogComponent,
    RowActionsComponent,
    RowActionComponent,
    LoadErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './step-library.component.html',
  styleUrl: './step-library.component.scss',
})
export class StepLibraryComponent implements OnInit {
  private readonly stepsService = inject(StepLibraryService);

  protected readonly steps = signal<LibraryStep[]>([]);
  protected readonly query = signal('');
  /** The search the list shows (the query may be newer while a search waits or runs). */
  protected readonly shownQuery = signal('');
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly success = signal<string | null>(null);
  /** The step being edited in the dialog: null for a new one, undefined while closed. */
  protected readonly editing = signal<LibraryStep | null | undefined>(undefined);
  protected readonly deleting = signal<LibraryStep | null>(null);
  protected readonly deleteError = signal<string | null>(null);
  protected readonly deleteBusy = signal(false);

  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Answers to older searches can arrive late; only the newest one is shown. */
  private requestNumber = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  async ngOnInit(): Promise<void> {
    await this.load();
  }

  protected onSearch(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.load(), SEARCH_DEBOUNCE_MS);
  }

  protected clearSearch(): void {
    clearTimeout(this.searchTimer);
    this.query.set('');
    void this.load();
  }

  protected async load(): Promise<void> {
    const request = ++this.requestNumber;
    const query = this.query().trim();
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const steps = await this.stepsService.list(query);
      if (request === this.requestNumber) {
        this.steps.set(steps);
        this.shownQuery.set(query);
      }
    } catch (error) {
      if (request === this.requestNumber) {
        this.loadError.set(errorMessage(error, 'Could not load the step library.'));
      }
    } finally {
      if (request === this.requestNumber) {
        this.loading.set(false);
      }
    }
  }

  protected openEditor(step: LibraryStep | null): void {
    this.success.set(null);
    this.editing.set(step);
  }

  protected onSaved(saved: LibraryStep): void {
    const isNew = this.editing() === null;
    this.editing.set(undefined);
    this.steps.update((steps) =>
      isNew
        ? [...steps, saved].sort((a, b) => a.title.localeCompare(b.title))
        : steps.map((step) => (step.id === saved.id ? saved : step)),
    );
    this.success.set(isNew ? `“${saved.title}” was added to the library.` : `“${saved.title}” was saved.`);
  }

  protected askDelete(step: LibraryStep): void {
    this.success.set(null);
    this.deleteError.set(null);
    this.deleting.set(step);
  }

  protected async confirmDelete(): Promise<void> {
    const step = this.deleting();
    if (!step || this.deleteBusy()) {
      return;
    }
    this.deleteBusy.set(true);
    this.deleteError.set(null);
    try {
      await this.stepsService.remove(step.id);
      this.steps.update((steps) => steps.filter((item) => item.id !== step.id));
      this.deleting.set(null);
      this.success.set(`“${step.title}” was deleted.`);
    } catch (error) {
      this.deleteError.set(errorMessage(error, `Could not delete “${step.title}”.`));
    } finally {
      this.deleteBusy.set(false);
    }
  }
}
