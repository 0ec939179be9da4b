import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import type { LibraryStep, NodeType } from '../admin-api-types';
import { newOption, NODE_TYPE_LABELS, type DraftNode, type DraftOption } from './flow-draft';
import type { FlowIssue } from './flow-validation';

export interface NodeChoice {
  id: string;
  label: string;
}

/** Target-select values that create a node instead of naming one. */
const NEW_NODE_PREFIX = 'new:';

const BODY_LABELS: Record<NodeType, string> = {
  question: 'Details',
  step: 'Instructions',
  solution: 'What fixes it',
};

const BODY_HINTS: Record<NodeType, string> = {
  question: 'What to look at before answering.',
  step: 'What the engineer does, one action per line.',
  solution: 'The fix, and how to confirm it worked.',
};

/** One node of the flow being edited: its kind, its text, and the options that lead on from it. */
@Component({
  selector: 'rf-node-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(focusin)': 'activated.emit()' },
  templateUrl: './node-editor.component.html',
  styleUrl: './node-editor.component.scss',
})
export class NodeEditorComponent {
  readonly node = input.required<DraftNode>();
  readonly index = input.required<number>();
  readonly count = input.required<number>();
  readonly isStart = input(false);
  readonly selected = input(false);
  readonly targets = input.required<readonly NodeChoice[]>();
  readonly steps = input<readonly LibraryStep[]>([]);
  /** This node's validation issues (the editor filters them). */
  readonly issues = input<readonly FlowIssue[]>([]);

  readonly changed = output<DraftNode>();
  readonly removed = output<void>();
  readonly moved = output<-1 | 1>();
  readonly madeStart = output<void>();
  readonly linkNew = output<{ optionId: string; type: NodeType }>();
  readonly activated = output<void>();

  protected readonly typeLabels = NODE_TYPE_LABELS;
  protected readonly newNodePrefix = NEW_NODE_PREFIX;
  protected readonly number = computed(() => this.index() + 1);
  protected readonly domId = computed(() => `node-${this.node().id}`);
  protected readonly bodyLabel = computed(() => BODY_LABELS[this.node().type]);
  protected readonly bodyHint = computed(() => BODY_HINTS[this.node().type]);
  protected readonly nodeIssues = computed(() => this.issues().filter((issue) => issue.optionIndex === null));
  protected readonly linkedStep = computed(() => this.steps().find((step) => step.id === this.node().step_id) ?? null);
  /** A step id the library no longer lists (deleted meanwhile, or not loaded): still shown, never silently dropped. */
  protected readonly unknownStepId = computed(() => {
    const stepId = this.node().step_id;
    return stepId && !this.linkedStep() ? stepId : null;
  });
  /** Solutions end the flow; their options are shown only so stray ones can be removed. */
  protected readonly showOptions = computed(() => this.node().type !== 'solution' || this.node().options.length > 0);

  protected optionIssues(optionIndex: number): FlowIssue[] {
    return this.issues().filter((issue) => issue.optionIndex === optionIndex);
  }

  protected hasError(optionIndex: number | null, code: FlowIssue['code']): boolean {
    return this.issues().some(
      (issue) => issue.optionIndex === optionIndex && issue.code === code && issue.severity === 'error',
    );
  }

  protected setText(field: 'title' | 'body' | 'help_text', event: Event): void {
    this.emit({ [field]: (event.target as HTMLInputElement | HTMLTextAreaElement).value });
  }

  protected setType(event: Event): void {
    this.emit({ type: (event.target as HTMLSelectElement).value as NodeType });
  }

  /**
   * Links a library step. Its title and instructions are copied into the node when the node's
   * own text is empty or still the previous step's text, so typed text is never overwritten.
   */
  protected pickStep(event: Event): void {
    const stepId = (event.target as HTMLSelectElement).value || null;
    const node = this.node();
    const previous = this.linkedStep();
    const step = this.steps().find((item) => item.id === stepId) ?? null;
    const untouched = (value: string, previousValue: string | undefined) =>
      value.trim() === '' || value === previousValue;
    this.emit({
      step_id: stepId,
      title: step && untouched(node.title, previous?.title) ? step.title : node.title,
      body: step && untouched(node.body, previous?.instructions) ? step.instructions : node.body,
    });
  }

  protected copyStepText(): void {
    const step = this.linkedStep();
    if (step) {
      this.emit({ title: step.title, body: step.instructions });
    }
  }

  protected addOption(): void {
    this.emit({ options: [...this.node().options, newOption()] });
  }

  protected setOptionLabel(option: DraftOption, event: Event): void {
    this.updateOption(option, { label: (event.target as HTMLInputElement).value });
  }

  protected setOptionTarget(option: DraftOption, event: Event): void {
    const select = event.target as HTMLSelectElement;
    const value = select.value;
    if (value.startsWith(NEW_NODE_PREFIX)) {
      // The editor creates the node and links it; until then the select shows the old target.
      select.value = option.next_node_id;
      this.linkNew.emit({ optionId: option.id, type: value.slice(NEW_NODE_PREFIX.length) as NodeType });
      return;
    }
    this.updateOption(option, { next_node_id: value });
  }

  protected removeOption(option: DraftOption): void {
    this.emit({ options: this.node().options.filter((item) => item.id !== option.id) });
  }

  protected moveOption(optionIndex: number, delta: -1 | 1): void {
    const options = [...this.node().options];
    const target = optionIndex + delta;
    if (target < 0 || target >= options.length) {
      return;
    }
    [options[optionIndex], options[target]] = [options[target], options[optionIndex]];
    this.emit({ options });
  }

  private updateOption(option: DraftOption, changes: Partial<DraftOption>): void {
    this.emit({ options: this.node().options.map((item) => (item.id === option.id ? { ...item, ...changes } : item)) });
  }

  private emit(changes: Partial<DraftNode>): void {
    this.changed.emit({ ...this.node(), ...changes });
  }
}
