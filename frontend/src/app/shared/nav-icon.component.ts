import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type NavIcon = 'flows' | 'sessions' | 'analytics' | 'users' | 'library' | 'editor' | 'key' | 'webhook';

/** Small line icons for the sidebar; decorative, the label always sits beside them. */
@Component({
  selector: 'rf-nav-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      @switch (name()) {
        @case ('flows') {
          <path d="M6 4v6a4 4 0 0 0 4 4h8M6 4a2 2 0 1 0 0 .01M18 14l-3-3m3 3-3 3M6 20a2 2 0 1 0 0-.01M6 10v8" />
        }
        @case ('sessions') {
          <path d="M4 6h16M4 12h16M4 18h10" />
        }
        @case ('analytics') {
          <path d="M4 20V10m6 10V4m6 16v-7m4 7H2" />
        }
        @case ('users') {
          <path d="M16 19v-1a4 4 0 0 0-8 0v1M12 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6Z" />
        }
        @case ('library') {
          <path d="M5 4h4v16H5zM11 4h4v16h-4zM17 5l3 .8-3.6 14.2-3-.8" />
        }
        @case ('editor') {
          <path d="M3 4h7v5H3zM3 15h7v5H3zM6.5 9v6M13 20l.8-3.6 5.7-5.7 2.8 2.8-5.7 5.7z" />
        }
        @case ('webhook') {
          <path d="M9 8.5a3 3 0 1 1 5 2.2L17 16M7.5 19a3 3 0 1 1 1-5.8L12 8M19 17a3 3 0 1 1-2.9 3.8H9" />
        }
        @case ('key') {
          <path
            d="M15.5 13a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9ZM12.3 11.7 4 20v1.5h3V19h2.5v-2.5H12l1.7-1.7M16.5 7.5h.01"
          />
        }
      }
    </svg>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 1.8;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
  `,
})
export class NavIconComponent {
  readonly name = input.required<NavIcon>();
}
