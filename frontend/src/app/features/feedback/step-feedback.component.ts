import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';

import { FeedbackService } from '../../core/data/feedback.service';

/** Remembered once the engineer has voted or closed the hint: it never shows again on this browser. */
export const STEP_FEEDBACK_HINT_KEY = 'rf.stepFeedbackHintDismissed';

export interface StepVoteChange {
  nodeId: string;
  /** true = helped, false = did not help, null = no vote (retracted). */
  vote: boolean | null;
}

/**
 * Thumbs up / down on one step of a running (or finished) session. The thumbs change at once and
 * the server is told in the background; if it refuses, the thumbs go back and a quiet line says so.
 * Pressing the active thumb again takes the vote back.
 */
@Component({
  selector: 'rf-step-feedback',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="feedback" data-testid="step-feedback">
      <span class="feedback__question" [id]="labelId()">Did this step help?</span>
      <div class="feedback__buttons" role="group" [attr.aria-labelledby]="labelId()">
        <button
          type="button"
          class="thumb thumb--up"
          [class.is-active]="vote() === true"
          [attr.aria-pressed]="vote() === true"
          aria-label="This step helped"
          title="This step helped"
          (click)="press(true)"
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path
              d="M7 10v11H3V10h4zm2 11h8.3a2 2 0 0 0 2-1.6l1.4-7A2 2 0 0 0 18.7 10H14l.9-4.4A1.8 1.8 0 0 0 13.1 3.5L9 10v11z"
            />
          </svg>
        </button>
        <button
          type="button"
          class="thumb thumb--down"
          [class.is-active]="vote() === false"
          [attr.aria-pressed]="vote() === false"
          aria-label="This step did not help"
          title="This step did not help"
          (click)="press(false)"
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path
              d="M17 14V3h4v11h-4zm-2-11H6.7a2 2 0 0 0-2 1.6l-1.4 7A2 2 0 0 0 5.3 14H10l-.9 4.4a1.8 1.8 0 0 0 1.8 2.1L15 14V3z"
            />
          </svg>
        </button>
      </div>
      <span class="feedback__status" role="status" data-testid="step-feedback-status">
        @if (failed()) {
          <span class="feedback__error">Could not save your feedback. Please try again.</span>
        } @else if (vote() !== null) {
          <span class="muted">Thanks for the feedback.</span>
        }
      </span>
    </div>
    @if (showHint()) {
      <p class="hint" data-testid="step-feedback-hint">
        <span>Rate this step to help improve flows</span>
        <button type="button" class="hint__close" aria-label="Dismiss tip" (click)="dismissHint()">×</button>
      </p>
    }
  `,
  styles: `
    :host {
      display: block;
      border-top: 1px solid var(--rf-border);
      padding-top: var(--rf-space-3);
    }
    .feedback {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--rf-space-2) var(--rf-space-3);
    }
    .feedback__question {
      font-weight: 600;
      font-size: 0.95rem;
    }
    .feedback__buttons {
      display: flex;
      gap: var(--rf-space-2);
    }
    .feedback__status {
      font-size: 0.9rem;
    }
    .feedback__error {
      color: var(--rf-danger);
    }
    .thumb {
      display: inline-grid;
      place-items: center;
      width: 40px;
      height: 40px;
      border: 1px solid var(--rf-border-strong);
      border-radius: 999px;
      background: var(--rf-surface);
      color: var(--rf-text-muted);
      cursor: pointer;
      transition:
        background-color 0.15s ease,
        border-color 0.15s ease,
        color 0.15s ease;
    }
    .thumb svg {
      fill: currentColor;
    }
    .thumb:hover {
      border-color: var(--rf-primary);
      color: var(--rf-primary);
    }
    .thumb--up.is-active {
      background: var(--rf-success-soft);
      border-color: var(--rf-success);
      color: var(--rf-success);
    }
    .thumb--down.is-active {
      background: var(--rf-danger-soft);
      border-color: var(--rf-danger);
      color: var(--rf-danger);
    }
    .hint {
      display: inline-flex;
      align-items: center;
      gap: var(--rf-space-2);
      margin: var(--rf-space-2) 0 0;
      padding: var(--rf-space-1) var(--rf-space-1) var(--rf-space-1) var(--rf-space-3);
      border-radius: 999px;
      background: var(--rf-info-soft);
      color: var(--rf-info);
      font-size: 0.88rem;
    }
    .hint__close {
      border: 0;
      background: transparent;
      color: inherit;
      font-size: 1.1rem;
      line-height: 1;
      width: 24px;
      height: 24px;
      border-radius: 999px;
      cursor: pointer;
    }
  `,
})
export class StepFeedbackComponent {
  private readonly feedback = inject(FeedbackService);

  readonly sessionId = input.required<string>();
  readonly nodeId = input.required<string>();
  /** The vote the server knows of for this node (from listSessionFeedback). */
  readonly initialVote = input<boolean | null>(null);
  /** Emitted once the server has accepted a change, so the parent can remember it for this node. */
  readonly voteChange = output<StepVoteChange>();

  /** What the thumbs show; starts over from the server's vote whenever the runner moves to another node. */
  protected readonly vote = linkedSignal({
    source: () => ({ nodeId: this.nodeId(), vote: this.initialVote() }),
    computation: (source) => source.vote,
  });
  protected readonly failed = linkedSignal({ source: this.nodeId, computation: () => false });
  protected readonly showHint = signal(!hintDismissed());
  protected readonly labelId = computed(() => `step-feedback-${this.nodeId()}`);
  private pending = false;

  protected async press(helpful: boolean): Promise<void> {
    if (this.pending) {
      return;
    }
    const sessionId = this.sessionId();
    const nodeId = this.nodeId();
    const before = this.vote();
    const next = before === helpful ? null : helpful;

    this.pending = true;
    this.failed.set(false);
    this.vote.set(next);
    this.dismissHint();
    try {
      if (next === null) {
        await this.feedback.retract(sessionId, nodeId);
      } else {
        await this.feedback.vote(sessionId, nodeId, next);
      }
      this.voteChange.emit({ nodeId, vote: next });
    } catch {
      // The runner may have moved to another step meanwhile: only roll back the step this was for.
      if (this.nodeId() === nodeId) {
        this.vote.set(before);
        this.failed.set(true);
      }
    } finally {
      this.pending = false;
    }
  }

  protected dismissHint(): void {
    if (this.showHint()) {
      this.showHint.set(false);
      try {
        localStorage.setItem(STEP_FEEDBACK_HINT_KEY, '1');
      } catch {
        // Private mode or a full storage: the hint simply comes back next time.
      }
    }
  }
}

function hintDismissed(): boolean {
  try {
    return localStorage.getItem(STEP_FEEDBACK_HINT_KEY) === '1';
  } catch {
    return false;
  }
}
