import { ChangeDetectionStrategy, Component, input, linkedSignal, output, signal } from '@angular/core';

import type { Outcome } from '../../core/api-types';

export interface FinishRequest {
  outcome: Outcome;
  notes: string | null;
}

interface OutcomeChoice {
  value: Outcome;
  label: string;
  hint: string;
}

const OUTCOME_CHOICES: readonly OutcomeChoice[] = [
  { value: 'resolved', label: 'Resolved', hint: 'The issue is fixed.' },
  { value: 'workaround', label: 'Workaround', hint: 'The user can work again; the cause remains.' },
  { value: 'escalated', label: 'Escalated', hint: 'Handed over to another team or tier.' },
  { value: 'unresolved', label: 'Unresolved', hint: 'Could not be fixed this time.' },
];

/** Records how the session ended: an outcome (required) and optional notes. */
@Component({
  selector: 'rf-finish-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './finish-panel.component.html',
  styleUrl: './finish-panel.component.scss',
})
export class FinishPanelComponent {
  /** Pre-selected outcome: "resolved" on a solution node, nothing when ending early. */
  readonly suggestedOutcome = input<Outcome | null>(null);
  readonly early = input(false);
  readonly busy = input(false);
  readonly finished = output<FinishRequest>();
  readonly cancelled = output<void>();

  protected readonly choices = OUTCOME_CHOICES;
  protected readonly outcome = linkedSignal<Outcome | null>(() => this.suggestedOutcome());
  protected readonly notes = signal('');
  protected readonly showMissingOutcome = signal(false);

  protected select(outcome: Outcome): void {
    this.outcome.set(outcome);
    this.showMissingOutcome.set(false);
  }

  protected onNotes(event: Event): void {
    this.notes.set((event.target as HTMLTextAreaElement).value);
  }

  protected submit(): void {
    const outcome = this.outcome();
    if (outcome === null) {
      this.showMissingOutcome.set(true);
      return;
    }
    const notes = this.notes().trim();
    this.finished.emit({ outcome, notes: notes === '' ? null : notes });
  }
}
