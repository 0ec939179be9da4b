import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import type { PathEntry } from '../../core/api-types';

/** The answers given so far, oldest first, so the engineer can see how they got here. */
@Component({
  selector: 'rf-path-trail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="trail" aria-label="Your path so far">
      <h2 class="trail__title">Your path</h2>
      @if (path().length === 0) {
        <p class="muted trail__empty">You are at the first step.</p>
      } @else {
        <ol class="trail__list" data-testid="path-trail">
          @for (entry of path(); track entry.node_id + entry.at) {
            <li>
              <span class="trail__node">{{ entry.node_title }}</span>
              <span class="trail__answer">→ {{ entry.option_label }}</span>
            </li>
          }
          @if (currentTitle(); as title) {
            <li class="trail__current" aria-current="step">{{ title }}</li>
          }
        </ol>
      }
    </nav>
  `,
  styles: `
    .trail__title {
      font-size: 0.85rem;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--rf-text-muted);
      margin-bottom: var(--rf-space-2);
    }
    .trail__empty {
      margin: 0;
      font-size: 0.9rem;
    }
    .trail__list {
      margin: 0;
      padding-left: var(--rf-space-5);
      display: flex;
      flex-direction: column;
      gap: var(--rf-space-2);
      font-size: 0.92rem;
    }
    .trail__node {
      display: block;
    }
    .trail__answer {
      display: block;
      color: var(--rf-text-muted);
      font-weight: 600;
    }
    .trail__current {
      font-weight: 700;
      color: var(--rf-primary-hover);
    }
  `,
})
export class PathTrailComponent {
  readonly path = input.required<readonly PathEntry[]>();
  readonly currentTitle = input<string | null>(null);
}
