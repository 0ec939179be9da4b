import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
  viewChildren,
  type ElementRef,
} from '@angular/core';

import type { SessionRating } from '../../core/api-types';
import { FeedbackService } from '../../core/data/feedback.service';
import { apiErrorMessage, isHttpStatus } from '../../core/http/api-error';

export const CSAT_COMMENT_MAX = 500;

export const CSAT_CHOICES: readonly { value: number; label: string }[] = [
  { value: 1, label: '1 – Very poor' },
  { value: 2, label: '2 – Poor' },
  { value: 3, label: '3 – Okay' },
  { value: 4, label: '4 – Good' },
  { value: 5, label: '5 – Excellent' },
];

/** How the dialog ended: a new rating, a rating that already existed (409), or Skip / Escape. */
export type CsatResult =
  { status: 'rated'; rating: SessionRating } | { status: 'already-rated' } | { status: 'skipped' };

let nextId = 0;

/**
 * "How did this flow work?" after a finished session: five stars (a radio group), an optional
 * comment, Submit and Skip. A native modal <dialog>: the page behind is inert, so focus stays
 * inside; Escape is Skip. The parent shows it with @if and removes it on `closed`.
 */
@Component({
  selector: 'rf-csat-modal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog
      #dialog
      class="csat"
      [attr.aria-labelledby]="ids.title"
      [attr.aria-describedby]="ids.intro"
      data-testid="csat-dialog"
      (cancel)="onCancel($event)"
      (keydown.escape)="onCancel($event)"
      (close)="onNativeClose()"
    >
      <form (submit)="$event.preventDefault(); submit()" novalidate>
        <h2 class="csat__title" [id]="ids.title">How did this flow work for you?</h2>
        <p class="csat__intro muted" [id]="ids.intro">
          Rate <strong>{{ flowName() ?? 'this flow' }}</strong>. Admins use ratings to improve their flows.
        </p>

        <div class="csat__rating">
          <span class="field__label" [id]="ids.stars">Your rating</span>
          <div
            class="stars"
            role="radiogroup"
            [attr.aria-labelledby]="ids.stars"
            aria-required="true"
            (mouseleave)="hovered.set(null)"
          >
            @for (choice of choices; track choice.value) {
              <span
                #star
                class="star"
                role="radio"
                [class.star--on]="choice.value <= shown()"
                [attr.aria-checked]="rating() === choice.value"
                [attr.aria-label]="choice.label"
                [attr.tabindex]="tabStop() === choice.value ? 0 : -1"
                [attr.data-value]="choice.value"
                (click)="select(choice.value)"
                (keydown)="onStarKey($event, choice.value)"
                (mouseenter)="hovered.set(choice.value)"
              >
                <svg viewBox="0 0 24 24" width="36" height="36" aria-hidden="true" focusable="false">
                  <path d="M12 2.8l2.8 5.9 6.4.8-4.7 4.4 1.2 6.4L12 17.2l-5.7 3.1 1.2-6.4L2.8 9.5l6.4-.8z" />
                </svg>
              </span>
            }
          </div>
          <span class="stars__label" aria-hidden="true" data-testid="csat-choice">{{ shownLabel() }}</span>
        </div>

        <div class="field">
          <label [for]="ids.comment">Comment <span class="muted">(optional)</span></label>
          <textarea
            [id]="ids.comment"
            rows="3"
            [attr.maxlength]="max"
            placeholder="What worked, what was missing or confusing?"
            [attr.aria-describedby]="ids.counter"
            [value]="comment()"
            (input)="onComment($event)"
          ></textarea>
          <span class="counter" [class.counter--near]="remaining() <= 50" [id]="ids.counter" data-testid="csat-counter">
            {{ comment().length }} / {{ max }}
          </span>
        </div>

        @if (error(); as message) {
          <p class="csat__error" role="alert">{{ message }}</p>
        }

        <div class="csat__actions">
          <button type="button" class="btn btn--ghost" [disabled]="submitting()" (click)="skip()">Skip</button>
          <button type="submit" class="btn btn--primary" [disabled]="rating() === null || submitting()">
            {{ submitting() ? 'Sending…' : 'Submit' }}
          </button>
        </div>
      </form>
    </dialog>
  `,
  styles: `
    .csat {
      width: min(480px, calc(100vw - 2 * var(--rf-space-4)));
      padding: var(--rf-space-5);
      border: 0;
      border-radius: var(--rf-radius-lg);
      background: var(--rf-surface);
      color: var(--rf-text);
      box-shadow: 0 12px 40px rgb(23 32 51 / 25%);
    }
    .csat::backdrop {
      background: rgb(23 32 51 / 45%);
    }
    .csat__title {
      font-size: 1.3rem;
      margin-bottom: var(--rf-space-2);
    }
    .csat__intro {
      margin-bottom: var(--rf-space-4);
    }
    .csat__rating {
      display: flex;
      flex-direction: column;
      gap: var(--rf-space-1);
      margin-bottom: var(--rf-space-4);
    }
    .stars {
      display: flex;
      gap: var(--rf-space-1);
    }
    .star {
      display: inline-grid;
      place-items: center;
      width: 44px;
      height: 44px;
      border-radius: var(--rf-radius-sm);
      color: var(--rf-border-strong);
      cursor: pointer;
    }
    .star svg {
      fill: currentColor;
      transition: transform 0.1s ease;
    }
    .star:hover svg {
      transform: scale(1.1);
    }
    .star--on {
      color: #a86f00;
    }
    .stars__label {
      min-height: 1.5em;
      font-weight: 600;
      color: var(--rf-text-muted);
    }
    .field {
      margin-bottom: var(--rf-space-3);
    }
    .counter {
      align-self: flex-end;
      font-size: 0.85rem;
      color: var(--rf-text-muted);
    }
    .counter--near {
      color: var(--rf-warning);
      font-weight: 600;
    }
    .csat__error {
      color: var(--rf-danger);
      margin: 0 0 var(--rf-space-3);
    }
    .csat__actions {
      display: flex;
      justify-content: flex-end;
      gap: var(--rf-space-2);
    }
  `,
})
export class CsatModalComponent {
  private readonly feedback = inject(FeedbackService);

  readonly sessionId = input.required<string>();
  readonly flowName = input<string | null>(null);
  readonly closed = output<CsatResult>();

  protected readonly choices = CSAT_CHOICES;
  protected readonly max = CSAT_COMMENT_MAX;
  protected readonly ids = (() => {
    const id = nextId++;
    return {
      title: `csat-title-${id}`,
      intro: `csat-intro-${id}`,
      stars: `csat-stars-${id}`,
      comment: `csat-comment-${id}`,
      counter: `csat-counter-${id}`,
    };
  })();

  protected readonly rating = signal<number | null>(null);
  protected readonly hovered = signal<number | null>(null);
  protected readonly comment = signal('');
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  /** Stars lit: the one under the pointer, else the chosen one. */
  protected readonly shown = computed(() => this.hovered() ?? this.rating() ?? 0);
  protected readonly shownLabel = computed(() => CSAT_CHOICES[this.shown() - 1]?.label ?? 'Choose 1 to 5 stars');
  /** The one star in the tab order (roving tabindex): the chosen one, else the first. */
  protected readonly tabStop = computed(() => this.rating() ?? 1);
  protected readonly remaining = computed(() => CSAT_COMMENT_MAX - this.comment().length);

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly stars = viewChildren<ElementRef<HTMLElement>>('star');
  private finished = false;

  constructor() {
    afterNextRender(() => {
      const dialog = this.dialog().nativeElement;
      if (!dialog.open) {
        dialog.showModal();
      }
      this.focusStar(this.tabStop());
    });
  }

  protected select(value: number): void {
    this.rating.set(value);
    this.error.set(null);
  }

  /** Radio-group keys: arrows move and select (wrapping), Home/End jump, Space/Enter select. */
  protected onStarKey(event: KeyboardEvent, value: number): void {
    const count = CSAT_CHOICES.length;
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowUp':
        next = value === count ? 1 : value + 1;
        break;
      case 'ArrowLeft':
      case 'ArrowDown':
        next = value === 1 ? count : value - 1;
        break;
      case 'Home':
        next = 1;
        break;
      case 'End':
        next = count;
        break;
      case ' ':
      case 'Enter':
        next = value;
        break;
      default:
        return;
    }
    event.preventDefault();
    this.select(next);
    this.focusStar(next);
  }

  protected onComment(event: Event): void {
    this.comment.set((event.target as HTMLTextAreaElement).value.slice(0, CSAT_COMMENT_MAX));
  }

  protected async submit(): Promise<void> {
    const rating = this.rating();
    if (rating === null || this.submitting()) {
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    const comment = this.comment().trim();
    try {
      const saved = await this.feedback.rate(this.sessionId(), rating, comment === '' ? null : comment);
      this.finish({ status: 'rated', rating: saved });
    } catch (error) {
      if (isHttpStatus(error, 409)) {
        this.finish({ status: 'already-rated' });
        return;
      }
      this.error.set(
        isHttpStatus(error, 400)
          ? 'This session is not finished yet, so it cannot be rated.'
          : apiErrorMessage(error, 'Could not send your rating. Please try again.'),
      );
    } finally {
      this.submitting.set(false);
    }
  }

  protected skip(): void {
    if (!this.submitting()) {
      this.finish({ status: 'skipped' });
    }
  }

  /** Escape (the browser's cancel, or the key itself): Skip, unless a rating is being sent. */
  protected onCancel(event: Event): void {
    event.preventDefault();
    this.skip();
  }

  /** The browser closed the dialog by itself (e.g. a repeated Escape): that is a Skip too. */
  protected onNativeClose(): void {
    if (!this.finished) {
      this.finish({ status: 'skipped' });
    }
  }

  private finish(result: CsatResult): void {
    if (this.finished) {
      return;
    }
    this.finished = true;
    const dialog = this.dialog().nativeElement;
    if (dialog.open) {
      dialog.close();
    }
    this.closed.emit(result);
  }

  private focusStar(value: number): void {
    this.stars()[value - 1]?.nativeElement.focus();
  }
}
