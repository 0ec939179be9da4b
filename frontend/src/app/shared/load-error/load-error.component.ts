import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import { NoticeComponent } from '../notice.component';

/** A list that could not be loaded: what went wrong, and a way to try again. */
@Component({
  selector: 'rf-load-error',
  imports: [NoticeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './load-error.component.html',
  styles: `
    .retry {
      margin-left: var(--rf-space-3);
    }
  `,
})
export class LoadErrorComponent {
  readonly message = input.required<string>();
  readonly retry = output<void>();
}
