import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** A given CSAT rating as five stars (read-only); screen readers hear "Rated 4 out of 5". */
@Component({
  selector: 'rf-star-rating',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="stars" role="img" [attr.aria-label]="'Rated ' + value() + ' out of 5'" data-testid="rating-stars">
      @for (filled of stars(); track $index) {
        <span class="star" [class.star--filled]="filled" aria-hidden="true">★</span>
      }
    </span>
  `,
  styles: `
    .stars {
      display: inline-flex;
      gap: 1px;
      font-size: 1.05rem;
      line-height: 1;
      white-space: nowrap;
    }
    .star {
      color: var(--rf-border-strong);
    }
    .star--filled {
      color: #a86f00;
    }
  `,
})
export class StarRatingComponent {
  readonly value = input.required<number>();
  protected readonly stars = computed(() => [1, 2, 3, 4, 5].map((star) => star <= this.value()));
}
