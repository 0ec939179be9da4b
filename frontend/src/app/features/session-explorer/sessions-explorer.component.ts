import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';

import type { FlowSummary } from '../../core/api-types';
import { apiErrorMessage } from '../../core/http/api-error';
import { LoadErrorComponent } from '../../shared/load-error/load-error.component';
import { NoticeComponent } from '../../shared/notice.component';
import { OutcomeBadgeComponent } from '../../shared/outcome-badge.component';
import { ReaderFormat } from '../../shared/reader-format';
import { StarRatingComponent } from '../../shared/star-rating.component';
import { TicketReferenceComponent } from '../../shared/ticket-reference.component';
import type { AccountUser } from '../analytics/analytics-types';
import { CsvDownloadComponent } from '../analytics/components/csv-download.component';
import { CsatModalComponent, type CsatResult } from '../feedback/csat-modal.component';
import { filterChips } from './filter-chips';
import { formatSeconds } from './format-seconds';
import type { ExplorerItem } from './session-explorer-types';
import { SessionExplorerService } from './session-explorer.service';
import { filtersFromParams, withFilters, type ExplorerScope, type SessionFilters } from './session-filters';
import { SessionFiltersComponent, type FilterChip } from './session-filters.component';

/**
 * The sessions behind the numbers: every filter of GET /api/v1/sessions, held in the URL under
 * the API's names, so each analytics figure can link here and the list's total is that figure.
 * Team admins see the account's sessions (/admin/sessions); everyone sees their own (/sessions).
 */
@Component({
  selector: 'rf-sessions-explorer',
  imports: [
    RouterLink,
    DatePipe,
    LoadErrorComponent,
    OutcomeBadgeComponent,
    StarRatingComponent,
    TicketReferenceComponent,
    CsvDownloadComponent,
    SessionFiltersComponent,
    NoticeComponent,
    CsatModalComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sessions-explorer.component.html',
  styleUrl: './sessions-explorer.component.scss',
})
export class SessionsExplorerComponent {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly data = inject(SessionExplorerService);
  protected readonly format = inject(ReaderFormat);

  protected readonly scope: ExplorerScope = this.route.snapshot.data['scope'] === 'team' ? 'team' : 'mine';
  protected readonly filters = signal<SessionFilters>({});
  protected readonly items = signal<ExplorerItem[]>([]);
  protected readonly total = signal<number | null>(null);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadingMore = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly flows = signal<FlowSummary[]>([]);
  protected readonly users = signal<AccountUser[]>([]);
  /** The session being rated in the CSAT dialog (My sessions), if it is open. */
  protected readonly rating = signal<ExplorerItem | null>(null);
  protected readonly ratingNotice = signal<{ tone: 'success' | 'info'; text: string } | null>(null);
  private generation = 0;

  protected readonly chips = computed(() =>
    filterChips(this.filters(), { flows: this.flows(), users: this.users(), items: this.items() }),
  );
  protected readonly totalText = computed(() => {
    const total = this.total();
    return total === null ? '' : `${this.format.count(total)} ${total === 1 ? 'session' : 'sessions'}`;
  });
  protected readonly csv = computed(() => {
    const filters = this.filters();
    return () => this.data.csv(filters, this.scope);
  });
  protected readonly detailBase = this.scope === 'team' ? '/admin/sessions' : '/sessions';

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      this.filters.set(filtersFromParams(params));
      void this.load();
    });
    this.data.flows().then(
      (flows) => this.flows.set(flows),
      () => undefined,
    );
    if (this.scope === 'team') {
      this.data.users().then(
        (users) => this.users.set(users),
        () => undefined,
      );
    }
  }

  /** The first page for the filters in the URL. */
  protected async load(): Promise<void> {
    const generation = ++this.generation;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.data.page(this.filters(), this.scope);
      if (generation === this.generation) {
        this.items.set(page.items);
        this.total.set(page.total);
        this.nextCursor.set(page.next_cursor);
      }
    } catch (error) {
      if (generation === this.generation) {
        this.items.set([]);
        this.total.set(null);
        this.error.set(apiErrorMessage(error, 'Could not load the sessions.'));
      }
    } finally {
      if (generation === this.generation) {
        this.loading.set(false);
      }
    }
  }

  protected async loadMore(): Promise<void> {
    const cursor = this.nextCursor();
    if (cursor === null) {
      return;
    }
    const generation = this.generation;
    this.loadingMore.set(true);
    try {
      const page = await this.data.page(this.filters(), this.scope, cursor);
      if (generation === this.generation) {
        this.items.update((items) => [...items, ...page.items]);
        this.nextCursor.set(page.next_cursor);
      }
    } catch (error) {
      this.error.set(apiErrorMessage(error, 'Could not load more sessions.'));
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected change(changes: Record<string, string | null>): void {
    this.navigate(withFilters(this.filters(), changes));
  }

  protected remove(chip: FilterChip): void {
    this.change(Object.fromEntries(chip.keys.map((key) => [key, null])));
  }

  protected clearAll(): void {
    this.navigate(withFilters({}, {}));
  }

  private navigate(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams });
  }

  protected async onRated(target: ExplorerItem, result: CsatResult): Promise<void> {
    this.rating.set(null);
    if (result.status === 'rated') {
      const rating = result.rating.rating;
      this.items.update((items) => items.map((item) => (item.id === target.id ? { ...item, rating } : item)));
      this.ratingNotice.set({ tone: 'success', text: `Thanks! Your rating of ${target.tree_name} was saved.` });
    } else if (result.status === 'already-rated') {
      this.ratingNotice.set({ tone: 'info', text: 'That session was already rated, so nothing changed.' });
      await this.load();
    }
  }

  protected duration(item: ExplorerItem): string {
    return formatSeconds(item.duration_seconds);
  }
}
