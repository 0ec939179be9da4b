import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { ReaderFormat } from '../../../shared/reader-format';
import type { RecentComment } from '../analytics-types';
import { drillLink, type DrillContext } from '../drill-down';

/**
 * The newest rating comments. Names come only for team admins (the API sends null to engineers, so
 * peers can rate candidly); without a name the comment simply stands alone. With a drill-down (team
 * admins) each comment opens its session, and the panel every session with a comment.
 */
@Component({
  selector: 'rf-recent-comments',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="recent-comments-title">
      <h2 class="panel__title" id="recent-comments-title">Recent comments</h2>
      <p class="panel__subtitle">
        The newest ratings that came with a comment.
        @if (allLink(); as open) {
          <a [routerLink]="open.commands" [queryParams]="open.queryParams">See every session with a comment</a>
        }
      </p>
      @if (comments().length === 0) {
        <p class="panel__empty">No comments were left in this period.</p>
      } @else {
        <ul class="comments">
          @for (comment of comments(); track $index) {
            <li class="comment">
              <p class="comment__rating">
                <span class="stars" aria-hidden="true">{{ stars(comment.rating) }}</span>
                <span class="visually-hidden">Rated {{ comment.rating }} out of 5</span>
              </p>
              <blockquote class="comment__text">{{ comment.comment }}</blockquote>
              <p class="comment__meta">
                @if (comment.user_name) {
                  <span class="comment__author">{{ comment.user_name }}</span> ·
                }
                <time [attr.datetime]="comment.created_at">{{ format.dateTime(comment.created_at) }}</time>
                @if (drill()) {
                  ·
                  <a
                    [routerLink]="['/admin/sessions', comment.session_id]"
                    [attr.aria-label]="'Open the session rated ' + comment.rating + ' out of 5'"
                    >Open the session</a
                  >
                }
              </p>
            </li>
          }
        </ul>
      }
    </section>
  `,
  styleUrl: './panel.scss',
  styles: `
    .comments {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
      gap: var(--rf-space-3);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .comment {
      padding: var(--rf-space-3);
      border: 1px solid var(--rf-border);
      border-radius: var(--rf-radius-sm);
      background: var(--rf-bg);
    }
    .comment__rating {
      margin: 0;
    }
    .stars {
      color: #b07000;
      letter-spacing: 2px;
    }
    .comment__text {
      margin: var(--rf-space-1) 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .comment__meta {
      margin: 0;
      font-size: 0.8rem;
      color: var(--rf-text-muted);
    }
    .comment__author {
      font-weight: 600;
      color: var(--rf-text);
    }
  `,
})
export class RecentCommentsComponent {
  protected readonly format = inject(ReaderFormat);
  readonly comments = input.required<readonly RecentComment[]>();
  /** Where the panel opens every session with a comment; null draws no link. */
  readonly drill = input<DrillContext | null>(null);
  protected readonly allLink = computed(() => drillLink(this.drill(), { has_comment: 'true' }));

  protected stars(rating: number): string {
    const filled = Math.max(0, Math.min(5, Math.round(rating)));
    return '★'.repeat(filled) + '☆'.repeat(5 - filled);
  }
}
