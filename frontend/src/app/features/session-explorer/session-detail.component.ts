import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';

import { apiErrorMessage, isHttpStatus } from '../../core/http/api-error';
import { LoadErrorComponent } from '../../shared/load-error/load-error.component';
import { OutcomeBadgeComponent } from '../../shared/outcome-badge.component';
import { StarRatingComponent } from '../../shared/star-rating.component';
import { TicketReferenceComponent } from '../../shared/ticket-reference.component';
import { formatSeconds } from './format-seconds';
import type { DetailVote, SessionDetail } from './session-explorer-types';
import { SessionExplorerService } from './session-explorer.service';

interface TimelineStep {
  key: string;
  title: string;
  answer: string | null;
  at: string;
  time: string;
  /** Share of the session's answered time spent here, for the bar. */
  share: number;
  vote: DetailVote | null;
  current: boolean;
}

/** One session in full: where its time went, step by step, and what the engineer said about it. */
@Component({
  selector: 'rf-session-detail',
  imports: [
    RouterLink,
    DatePipe,
    LoadErrorComponent,
    OutcomeBadgeComponent,
    StarRatingComponent,
    TicketReferenceComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './session-detail.component.html',
  styleUrl: './session-detail.component.scss',
})
export class SessionDetailComponent {
  private readonly route = inject(ActivatedRoute);
  private readonly data = inject(SessionExplorerService);

  protected readonly listLink = this.route.snapshot.data['scope'] === 'team' ? '/admin/sessions' : '/sessions';
  protected readonly session = signal<SessionDetail | null>(null);
  protected readonly error = signal<string | null>(null);
  private sessionId = '';

  protected readonly duration = computed(() => formatSeconds(this.session()?.duration_seconds));

  protected readonly timeline = computed<TimelineStep[]>(() => {
    const session = this.session();
    if (session === null) {
      return [];
    }
    const votes = new Map(session.votes.map((vote) => [vote.node_id, vote]));
    const spent = session.path.reduce((sum, entry) => sum + (entry.seconds ?? 0), 0);
    const steps: TimelineStep[] = session.path.map((entry, index) => ({
      key: `${index}-${entry.node_id}`,
      title: entry.node_title,
      answer: entry.option_label,
      at: entry.at,
      time: formatSeconds(entry.seconds),
      share: spent > 0 ? (entry.seconds ?? 0) / spent : 0,
      vote: votes.get(entry.node_id) ?? null,
      current: false,
    }));
    // Where the session stands (unfinished) or the node it ended at (completed).
    const lastId = session.current_node?.id ?? session.current_node_id ?? session.ended_at_node_id;
    const lastTitle = session.current_node?.title ?? session.current_node_title ?? session.ended_at_node_title;
    if (lastId && lastTitle) {
      steps.push({
        key: `last-${lastId}`,
        title: lastTitle,
        answer: null,
        at: session.path.at(-1)?.at ?? session.started_at,
        time: session.completed_at ? '' : 'still here',
        share: 0,
        vote: votes.get(lastId) ?? null,
        current: true,
      });
    }
    return steps;
  });

  constructor() {
    this.route.paramMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      this.sessionId = params.get('id') ?? '';
      void this.load();
    });
  }

  protected async load(): Promise<void> {
    this.error.set(null);
    this.session.set(null);
    try {
      this.session.set(await this.data.detail(this.sessionId));
    } catch (error) {
      this.error.set(
        isHttpStatus(error, 404)
          ? 'This session does not exist, or you may not see it.'
          : apiErrorMessage(error, 'Could not load this session.'),
      );
    }
  }
}
