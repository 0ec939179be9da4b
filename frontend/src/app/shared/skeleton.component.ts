import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A grey placeholder block where content is loading; decorative (the page announces the loading). */
@Component({
  selector: 'rf-skeleton',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-hidden': 'true', '[style.height]': 'height()', '[style.width]': 'width()' },
  template: '',
  styles: `
    :host {
      display: block;
      border-radius: var(--rf-radius-sm);
      background: linear-gradient(90deg, var(--rf-surface-muted) 0%, #f7f9fc 50%, var(--rf-surface-muted) 100%);
      background-size: 200% 100%;
      animation: rf-skeleton-shimmer 1.4s ease-in-out infinite;
    }
    @keyframes rf-skeleton-shimmer {
      from {
        background-position: 100% 0;
      }
      to {
        background-position: -100% 0;
      }
    }
  `,
})
export class SkeletonComponent {
  readonly height = input('1rem');
  readonly width = input('100%');
}
