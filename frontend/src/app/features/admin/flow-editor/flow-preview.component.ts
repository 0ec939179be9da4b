import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';

import type { LibraryStep } from '../admin-api-types';
import { NODE_TYPE_LABELS, type DraftOption, type FlowDraft } from './flow-draft';

interface PreviewStep {
  nodeId: string;
  optionLabel: string;
}

/**
 * Walks the flow being edited the way the runner would, without saving or starting a
 * session: answer, go back, reach a solution, start again.
 */
@Component({
  selector: 'rf-flow-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (path().length > 0) {
      <ol class="trail" aria-label="Answers so far">
        @for (step of path(); track $index) {
          <li>
            <span class="trail__node">{{ titleOf(step.nodeId) }}</span>
            <span class="trail__answer">{{ step.optionLabel }}</span>
          </li>
        }
      </ol>
    }

    @if (current(); as node) {
      <article class="card preview-node" data-testid="preview-node">
        <p class="preview-node__type" [class]="'preview-node__type--' + node.type">{{ typeLabels[node.type] }}</p>
        <h3 class="preview-node__title">{{ node.title || 'Untitled ' + node.type }}</h3>
        @if (node.body) {
          <p class="preview-node__body">{{ node.body }}</p>
        }
        @if (node.help_text) {
          <details class="preview-node__help">
            <summary>Need help?</summary>
            <p>{{ node.help_text }}</p>
          </details>
        }
        @if (node.type === 'step' && stepFor(node.step_id); as step) {
          <p class="muted small">From the step library: “{{ step.title }}”</p>
        }

        @if (node.type === 'solution') {
          <div class="outcome" role="status">
            <strong>Solution reached.</strong> Here the engineer finishes the session and records the outcome.
          </div>
        } @else if (node.options.length === 0) {
          <div class="outcome outcome--stuck" role="status">
            <strong>Dead end.</strong> This {{ node.type }} has no options: an engineer would be stuck here.
          </div>
        } @else {
          <div class="answers" role="group" [attr.aria-label]="'Answers for: ' + node.title">
            @for (option of node.options; track option.id) {
              <button type="button" class="answer" [disabled]="!leadsSomewhere(option)" (click)="choose(option)">
                {{ option.label || 'Unlabelled option' }}
                @if (!leadsSomewhere(option)) {
                  <span class="answer__broken">(points nowhere)</span>
                }
              </button>
            }
          </div>
        }
      </article>
    } @else {
      <p class="outcome outcome--stuck" role="status">The flow has no start node yet: choose one to preview it.</p>
    }

    <div class="controls">
      <button type="button" class="btn" [disabled]="path().length === 0" (click)="back()">Back</button>
      <button type="button" class="btn btn--ghost" [disabled]="path().length === 0" (click)="restart()">
        Start over
      </button>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .trail {
      list-style: none;
      margin: 0 0 var(--rf-space-3);
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: var(--rf-space-1);
      font-size: 0.9rem;
    }
    .trail li {
      display: flex;
      gap: var(--rf-space-2);
      flex-wrap: wrap;
    }
    .trail__node {
      color: var(--rf-text-muted);
    }
    .trail__answer {
      font-weight: 600;
    }
    .trail__answer::before {
      content: '→ ';
      color: var(--rf-text-muted);
    }
    .preview-node {
      display: flex;
      flex-direction: column;
      gap: var(--rf-space-3);
      padding: var(--rf-space-4);
    }
    .preview-node__type {
      align-self: flex-start;
      margin: 0;
      padding: 2px 10px;
      border-radius: 999px;
      font-size: 0.8rem;
      font-weight: 700;
      text-transform: uppercase;
      background: var(--rf-primary-soft);
      color: var(--rf-primary-hover);
    }
    .preview-node__type--step {
      background: #fdf0d9;
      color: #7a4d0c;
    }
    .preview-node__type--solution {
      background: var(--rf-success-soft);
      color: var(--rf-success);
    }
    .preview-node__title {
      margin: 0;
      font-size: 1.3rem;
    }
    .preview-node__body {
      margin: 0;
      white-space: pre-line;
    }
    .preview-node__help {
      border: 1px solid var(--rf-border);
      border-radius: var(--rf-radius-sm);
      padding: var(--rf-space-2) var(--rf-space-3);
    }
    .preview-node__help p {
      margin: var(--rf-space-2) 0 0;
      white-space: pre-line;
    }
    .small {
      margin: 0;
      font-size: 0.85rem;
    }
    .answers {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
      gap: var(--rf-space-2);
    }
    .answer {
      min-height: 52px;
      padding: var(--rf-space-2) var(--rf-space-3);
      border: 2px solid var(--rf-border-strong);
      border-radius: var(--rf-radius);
      background: var(--rf-surface);
      font: inherit;
      font-weight: 600;
      text-align: left;
      cursor: pointer;
    }
    .answer:hover:not(:disabled) {
      border-color: var(--rf-primary);
      background: var(--rf-primary-soft);
    }
    .answer:disabled {
      cursor: not-allowed;
      opacity: 0.6;
    }
    .answer__broken {
      display: block;
      font-weight: 400;
      font-size: 0.85rem;
      color: var(--rf-danger);
    }
    .outcome {
      padding: var(--rf-space-3);
      border-radius: var(--rf-radius-sm);
      background: var(--rf-success-soft);
    }
    .outcome--stuck {
      background: var(--rf-warning-soft);
    }
    .controls {
      display: flex;
      gap: var(--rf-space-2);
      margin-top: var(--rf-space-3);
    }
  `,
})
export class FlowPreviewComponent {
  readonly flow = input.required<FlowDraft>();
  readonly steps = input<readonly LibraryStep[]>([]);

  protected readonly typeLabels = NODE_TYPE_LABELS;
  protected readonly path = signal<PreviewStep[]>([]);
  private readonly currentId = signal<string | null>(null);

  protected readonly current = computed(() => {
    const id = this.currentId() ?? this.flow().start_node_id;
    return this.flow().nodes.find((node) => node.id === id) ?? null;
  });

  protected choose(option: DraftOption): void {
    const node = this.current();
    if (!node || !this.leadsSomewhere(option)) {
      return;
    }
    this.path.update((path) => [...path, { nodeId: node.id, optionLabel: option.label || 'Unlabelled option' }]);
    this.currentId.set(option.next_node_id);
  }

  protected back(): void {
    const path = this.path();
    const last = path.at(-1);
    if (last) {
      this.path.set(path.slice(0, -1));
      this.currentId.set(last.nodeId);
    }
  }

  protected restart(): void {
    this.path.set([]);
    this.currentId.set(null);
  }

  protected leadsSomewhere(option: DraftOption): boolean {
    return this.flow().nodes.some((node) => node.id === option.next_node_id);
  }

  protected titleOf(nodeId: string): string {
    return this.flow().nodes.find((node) => node.id === nodeId)?.title || 'Untitled';
  }

  protected stepFor(stepId: string | null): LibraryStep | null {
    return stepId ? (this.steps().find((step) => step.id === stepId) ?? null) : null;
  }
}
