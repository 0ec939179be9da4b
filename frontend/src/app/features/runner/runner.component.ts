import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  Injector,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';

import type { NodeOption, Session } from '../../core/api-types';
import { AuthService } from '../../core/auth/auth.service';
import { FeedbackService } from '../../core/data/feedback.service';
import { SessionsService } from '../../core/data/sessions.service';
import { apiErrorMessage, isHttpStatus } from '../../core/http/api-error';
import { NoticeComponent } from '../../shared/notice.component';
import { TicketReferenceComponent } from '../../shared/ticket-reference.component';
import { CsatModalComponent, type CsatResult } from '../feedback/csat-modal.component';
import { StepFeedbackComponent, type StepVoteChange } from '../feedback/step-feedback.component';
import { FinishPanelComponent, type FinishRequest } from './finish-panel.component';
import { NodeCardComponent } from './node-card.component';
import { PathTrailComponent } from './path-trail.component';
import { SessionSummaryComponent } from './session-summary.component';

/**
 * The engineer's main screen: one node at a time, answers, back, finish.
 * Every change goes to the server first and the screen shows the session it returns, so two tabs
 * on the same session cannot drift apart silently: the server answers 409 and we reload.
 */
@Component({
  selector: 'rf-runner',
  imports: [
    RouterLink,
    NoticeComponent,
    NodeCardComponent,
    FinishPanelComponent,
    PathTrailComponent,
    SessionSummaryComponent,
    StepFeedbackComponent,
    CsatModalComponent,
    TicketReferenceComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './runner.component.html',
  styleUrl: './runner.component.scss',
})
export class RunnerComponent {
  private readonly sessionsService = inject(SessionsService);
  private readonly feedback = inject(FeedbackService);
  private readonly auth = inject(AuthService);
  private readonly injector = inject(Injector);

  /** Session id from the route (`/sessions/:id/run`). */
  readonly id = input.required<string>();

  protected readonly session = signal<Session | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly actionError = signal<string | null>(null);
  protected readonly conflictNotice = signal<string | null>(null);
  protected readonly endingEarly = signal(false);

  protected readonly node = computed(() => this.session()?.current_node ?? null);
  protected readonly completed = computed(() => Boolean(this.session()?.completed_at));
  protected readonly atSolution = computed(() => this.node()?.type === 'solution');
  protected readonly canGoBack = computed(() => (this.session()?.path.length ?? 0) > 0);
  protected readonly stepNumber = computed(() => (this.session()?.path.length ?? 0) + 1);
  /** A node without answers (or a missing node) leaves nothing to do but finish. */
  protected readonly deadEnd = computed(() => {
    const node = this.node();
    return node === null || (node.type !== 'solution' && (node.options ?? []).length === 0);
  });
  protected readonly showFinishPanel = computed(() => this.atSolution() || this.deadEnd() || this.endingEarly());
  protected readonly isMine = computed(() => this.session()?.user_id === this.auth.user()?.id);

  /** Step votes given in this session, by node id: loaded from the server once, kept up to date after each vote. */
  protected readonly votes = signal<ReadonlyMap<string, boolean>>(new Map());
  protected readonly votesReady = signal(false);
  private votesLoadedFor: string | null = null;

  protected readonly csatOpen = signal(false);
  protected readonly ratingNotice = signal<{ tone: 'success' | 'info'; text: string } | null>(null);

  private readonly nodeCard = viewChild(NodeCardComponent);
  private readonly summary = viewChild(SessionSummaryComponent);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
    // The thumbs need the votes already given; fetch them when the first step node shows up.
    effect(() => {
      const sessionId = this.session()?.id;
      if (sessionId && this.node()?.type === 'step' && this.isMine() && this.votesLoadedFor !== sessionId) {
        untracked(() => void this.loadVotes(sessionId));
      }
    });
  }

  protected async load(id = this.id()): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      this.session.set(await this.sessionsService.get(id));
    } catch (error) {
      this.loadError.set(
        isHttpStatus(error, 404) || isHttpStatus(error, 403)
          ? 'This session does not exist, or it belongs to someone else.'
          : apiErrorMessage(error, 'Could not load the session.'),
      );
    } finally {
      this.loading.set(false);
    }
  }

  protected async choose(option: NodeOption): Promise<void> {
    const session = this.session();
    const node = this.node();
    if (!session || !node) {
      return;
    }
    if (await this.mutate(() => this.sessionsService.decide(session.id, node.id, option.id))) {
      this.endingEarly.set(false);
      this.focusCurrentStep();
    }
  }

  protected async back(): Promise<void> {
    const session = this.session();
    if (!session || !this.canGoBack()) {
      return;
    }
    if (await this.mutate(() => this.sessionsService.back(session.id))) {
      this.endingEarly.set(false);
      this.focusCurrentStep();
    }
  }

  protected async finish(request: FinishRequest): Promise<void> {
    const session = this.session();
    if (!session) {
      return;
    }
    if (await this.mutate(() => this.sessionsService.complete(session.id, request.outcome, request.notes))) {
      this.endingEarly.set(false);
      this.focusCurrentStep();
      await this.offerRating();
    }
  }

  protected rememberVote(change: StepVoteChange): void {
    this.votes.update((votes) => {
      const next = new Map(votes);
      if (change.vote === null) {
        next.delete(change.nodeId);
      } else {
        next.set(change.nodeId, change.vote);
      }
      return next;
    });
  }

  protected openRating(): void {
    this.ratingNotice.set(null);
    this.csatOpen.set(true);
  }

  protected async onCsatClosed(result: CsatResult): Promise<void> {
    this.csatOpen.set(false);
    if (result.status === 'rated') {
      this.setRating(result.rating.rating);
      this.ratingNotice.set({ tone: 'success', text: 'Thanks! Your rating was saved.' });
    } else if (result.status === 'already-rated') {
      this.ratingNotice.set({ tone: 'info', text: 'This session was already rated, so nothing changed.' });
      const session = this.session();
      const existing = session ? await this.feedback.rating(session.id).catch(() => null) : null;
      if (existing) {
        this.setRating(existing.rating);
      }
    }
  }

  /** After Finish, ask once: only if the server has no rating for this session yet. */
  private async offerRating(): Promise<void> {
    const session = this.session();
    if (!session?.completed_at || session.rating !== null || !this.isMine()) {
      return;
    }
    try {
      const existing = await this.feedback.rating(session.id);
      if (existing) {
        this.setRating(existing.rating);
      } else {
        this.csatOpen.set(true);
      }
    } catch {
      // No dialog then; the summary still offers "Rate this session".
    }
  }

  private setRating(rating: number): void {
    this.session.update((session) => (session ? { ...session, rating } : session));
  }

  private async loadVotes(sessionId: string): Promise<void> {
    this.votesLoadedFor = sessionId;
    this.votesReady.set(false);
    this.votes.set(new Map());
    try {
      const votes = await this.feedback.listVotes(sessionId);
      if (this.session()?.id === sessionId) {
        this.votes.set(new Map(votes.map((vote) => [vote.node_id, vote.was_helpful])));
      }
    } catch {
      // The thumbs still work; they just start neutral.
    } finally {
      this.votesReady.set(true);
    }
  }

  /** Runs one change against the server; on 409 the session moved on elsewhere, so show its latest state. */
  private async mutate(request: () => Promise<Session>): Promise<boolean> {
    if (this.busy()) {
      return false;
    }
    this.busy.set(true);
    this.actionError.set(null);
    this.conflictNotice.set(null);
    try {
      this.session.set(await request());
      return true;
    } catch (error) {
      if (isHttpStatus(error, 409)) {
        await this.reloadAfterConflict();
      } else {
        this.actionError.set(apiErrorMessage(error, 'That did not go through. Please try again.'));
      }
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  private async reloadAfterConflict(): Promise<void> {
    try {
      const latest = await this.sessionsService.get(this.id());
      this.session.set(latest);
      this.endingEarly.set(false);
      this.conflictNotice.set(
        latest.completed_at
          ? 'This session was already finished somewhere else (another tab or device). Here is its result.'
          : 'This session was changed somewhere else (another tab or device), so we loaded its current step. Check it before answering.',
      );
      this.focusCurrentStep();
    } catch (error) {
      this.actionError.set(
        apiErrorMessage(error, 'This session changed somewhere else and could not be reloaded. Refresh the page.'),
      );
    }
  }

  /** After the step changes, put focus on its title so keyboard and screen-reader users follow along. */
  private focusCurrentStep(): void {
    afterNextRender(() => (this.completed() ? this.summary()?.focusTitle() : this.nodeCard()?.focusTitle()), {
      injector: this.injector,
    });
  }
}
