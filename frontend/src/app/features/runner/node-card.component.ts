import { ChangeDetectionStrategy, Component, computed, input, output, viewChild, type ElementRef } from '@angular/core';

import type { NodeOption, SessionNode } from '../../core/api-types';

const NODE_TYPE_LABELS: Record<SessionNode['type'], string> = {
  question: 'Question',
  step: 'Step',
  solution: 'Solution',
};

/** The current node: what to check or do, optional help, and the answers as large buttons. */
@Component({
  selector: 'rf-node-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onShortcut($event)' },
  templateUrl: './node-card.component.html',
  styleUrl: './node-card.component.scss',
})
export class NodeCardComponent {
  readonly node = input.required<SessionNode>();
  readonly busy = input(false);
  readonly choose = output<NodeOption>();

  private readonly title = viewChild.required<ElementRef<HTMLElement>>('title');

  protected readonly typeLabel = computed(() => NODE_TYPE_LABELS[this.node().type] ?? this.node().type);
  protected readonly options = computed(() => this.node().options ?? []);

  /** Moves focus to the new node so keyboard and screen-reader users start reading from its title. */
  focusTitle(): void {
    this.title().nativeElement.focus();
  }

  protected pick(option: NodeOption): void {
    if (!this.busy()) {
      this.choose.emit(option);
    }
  }

  /** Number keys 1–9 pick an answer, unless the user is typing somewhere. */
  protected onShortcut(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) {
      return;
    }
    const index = Number.parseInt(event.key, 10) - 1;
    const option = Number.isInteger(index) ? this.options()[index] : undefined;
    if (option) {
      event.preventDefault();
      this.pick(option);
    }
  }
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
