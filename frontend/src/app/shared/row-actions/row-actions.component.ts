import { ChangeDetectionStrategy, Component } from '@angular/core';

/** The actions of a table row, side by side at the row's end. */
@Component({
  selector: 'rf-row-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './row-actions.component.html',
  styleUrl: './row-actions.component.scss',
})
export class RowActionsComponent {}
