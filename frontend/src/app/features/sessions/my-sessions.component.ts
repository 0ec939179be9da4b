import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, type OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';

import type { SessionListItem } from '../../core/api-types';
import { SessionsService } from '../../core/data/sessions.service';
import { apiErrorMessage } from '../../core/http/api-error';
import { DurationPipe } from '../../shared/duration.pipe';
import { LoadErrorComponent } from '../../shared/load-error/load-error.component';
import { NoticeComponent } from '../../shared/notice.component';
import { OutcomeBadgeComponent } from '../../shared/outcome-badge.component';
import { ReaderFormat } from '../../shared/reader-format';
import { StarRatingComponent } from '../../shared/star-rating.component';
import { TicketReferenceComponent } from '../../shared/ticket-reference.component';
import { CsatModalComponent, type CsatResult } from '../feedback/csat-modal.component';

type StatusFilter = 'all' | 'active' | 'completed';

const PAGE_SIZE = 20;

@Component({
  selector: 'rf-my-sessions',
  imports: [
    RouterLink,
    DatePipe,
    DurationPipe,
    NoticeComponent,
    OutcomeBadgeComponent,
    StarRatingComponent,
    TicketReferenceComponent,
    CsatModalComponent,
    LoadErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-sessions.component.html',
  styleUrl: './my-sessions.component.scss',
})
export class MySessionsComponent implements OnInit {
  private readonly sessionsService = inject(SessionsService);
  private readonly format = inject(ReaderFormat);

  protected readonly filters: { value: StatusFilter; label: string }[] = [
    { value: 'all', label: 'All' },
    { value: 'active', label: 'In progress' },
    { value: 'completed', label: 'Completed' },
  ];

  protected readonly sessions = signal<SessionListItem[]>([]);
  protected readonly total = signal(0);
  protected readonly offset = signal(0);
  protected readonly status = signal<StatusFilter>('all');
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  /** The session being rated in the CSAT dialog, if it is open. */
  protected readonly rating = signal<SessionListItem | null>(null);
  protected readonly ratingNotice = signal<{ tone: 'success' | 'info'; text: string } | null>(null);

  protected readonly pageStart = computed(() => (this.total() === 0 ? 0 : this.offset() + 1));
  protected readonly pageEnd = computed(() => this.offset() + this.sessions().length);
  protected readonly hasPrevious = computed(() => this.offset() > 0);
  protected readonly hasNext = computed(() => this.pageEnd() < this.total());
  protected readonly pageLabel = computed(() => {
    const total = this.format.count(this.total());
    return `${this.format.count(this.pageStart())}–${this.format.count(this.pageEnd())} of ${total}`;
  });

  async ngOnInit(): Promise<void> {
    await this.load();
  }

  protected async setStatus(status: StatusFilter): Promise<void> {
    this.status.set(status);
    this.offset.set(0);
    await this.load();
  }

  protected async page(direction: 1 | -1): Promise<void> {
    this.offset.update((offset) => Math.max(0, offset + direction * PAGE_SIZE));
    await this.load();
  }

  protected async onRated(target: SessionListItem, result: CsatResult): Promise<void> {
    this.rating.set(null);
    if (result.status === 'rated') {
      const rating = result.rating.rating;
      this.sessions.update((items) => items.map((item) => (item.id === target.id ? { ...item, rating } : item)));
      this.ratingNotice.set({ tone: 'success', text: `Thanks! Your rating of ${target.tree_name} was saved.` });
    } else if (result.status === 'already-rated') {
      this.ratingNotice.set({ tone: 'info', text: 'That session was already rated, so nothing changed.' });
      await this.load();
    }
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    const status = this.status();
    try {
      const page = await this.sessionsService.list({
        limit: PAGE_SIZE,
        offset: this.offset(),
        ...(status === 'all' ? {} : { status }),
      });
      this.sessions.set(page.items);
      this.total.set(page.total);
    } catch (error) {
      this.error.set(apiErrorMessage(error, 'Could not load your sessions.'));
    } finally {
      this.loading.set(false);
    }
  }
}
