import { booleanAttribute, ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

/**
 * One action in a table row (Edit, Publish, Delete…): a small button whose spoken label names
 * what it acts on ("Delete Flush DNS"), since a screen reader hears it apart from its row.
 */
@Component({
  selector: 'rf-row-action',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './row-action.component.html',
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class RowActionComponent {
  /** The visible text: the verb. */
  readonly label = input.required<string>();
  /** What it acts on, added to the spoken label. */
  readonly subject = input.required<string>();
  /** The whole spoken label, when "label subject" does not say it ("Export … as JSON"). */
  readonly spokenLabel = input<string | null>(null);
  readonly danger = input(false, { transform: booleanAttribute });
  readonly disabled = input(false);
  readonly act = output<void>();

  protected readonly spoken = computed(() => this.spokenLabel() ?? `${this.label()} ${this.subject()}`);
}
