import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  Injector,
  input,
  signal,
  type OnInit,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import { isHttpStatus } from '../../../core/http/api-error';
import { DialogComponent } from '../../../shared/dialog.component';
import { FlowStatusBadgeComponent } from '../../../shared/flow-status-badge.component';
import { FieldControlDirective } from '../../../shared/form-field/field-control.directive';
import { FormFieldComponent } from '../../../shared/form-field/form-field.component';
import { NoticeComponent } from '../../../shared/notice.component';
import type { FlowDetail, FlowKind, FlowStatus, LibraryStep, NodeType } from '../admin-api-types';
import { errorMessage } from '../api-errors';
import { StepLibraryService } from '../steps/step-library.service';
import { FlowAdminService } from './flow-admin.service';
import { FlowDiagramComponent } from './flow-diagram.component';
import {
  draftFromFlow,
  emptyDraft,
  FLOW_KIND_LABELS,
  newNode,
  NODE_TYPE_LABELS,
  nodeLabel,
  toFlowBody,
  type DraftNode,
  type FlowDraft,
} from './flow-draft';
import {
  describeServerMessage,
  withLinkedNode,
  withNodeAdded,
  withNodeMoved,
  withNodeRemoved,
  withNodeReplaced,
} from './flow-draft-edits';
import { downloadJson, exportFileName } from './flow-file';
import { FlowPreviewComponent } from './flow-preview.component';
import { errorsOf, validateFlow, warningsOf, type FlowIssue, type SaveIntent } from './flow-validation';
import { NodeEditorComponent, type NodeChoice } from './node-editor.component';

type Busy = 'load' | 'save' | 'archive' | null;

/**
 * Builds and edits a flow: details, nodes with their options, the start node; checks shown
 * inline while editing; an overview diagram and a preview; save as draft, publish, archive.
 */
@Component({
  selector: 'rf-flow-editor',
  imports: [
    RouterLink,
    NoticeComponent,
    FormFieldComponent,
    FieldControlDirective,
    DialogComponent,
    FlowStatusBadgeComponent,
    FlowDiagramComponent,
    FlowPreviewComponent,
    NodeEditorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:beforeunload)': 'onBeforeUnload($event)' },
  templateUrl: './flow-editor.component.html',
  styleUrl: './flow-editor.component.scss',
})
export class FlowEditorComponent implements OnInit {
  private readonly flowsService = inject(FlowAdminService);
  private readonly stepsService = inject(StepLibraryService);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);

  /** The flow's id from the route (`/admin/flows/:id/edit`); absent for a new flow. */
  readonly id = input<string>();

  protected readonly kindLabels = FLOW_KIND_LABELS;
  protected readonly typeLabels = NODE_TYPE_LABELS;
  protected readonly nodeTypes: NodeType[] = ['question', 'step', 'solution'];

  protected readonly draft = signal<FlowDraft>(emptyDraft());
  /** The flow as last loaded or saved; null for a new flow. */
  protected readonly saved = signal<FlowDetail | null>(null);
  protected readonly steps = signal<LibraryStep[]>([]);
  protected readonly busy = signal<Busy>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saveError = signal<string | null>(null);
  /** Messages of a 422, each naming the node it is about. */
  protected readonly serverErrors = signal<string[]>([]);
  /** A PUT answered 409 because someone saved a newer version meanwhile. */
  protected readonly staleVersion = signal(false);
  protected readonly success = signal<string | null>(null);
  protected readonly dirty = signal(false);
  protected readonly selectedNodeId = signal<string | null>(null);
  protected readonly previewOpen = signal(false);
  protected readonly confirmingArchive = signal(false);
  /**
   * Which rules the inline checks apply. Published flows are always held to the publishing
   * rules; a draft is, once its author tries to publish it.
   */
  private readonly publishAttempted = signal(false);

  protected readonly status = computed<FlowStatus>(() => this.saved()?.status ?? 'draft');
  protected readonly isNew = computed(() => this.saved() === null);
  protected readonly checkIntent = computed<SaveIntent>(() =>
    this.status() === 'published' || this.publishAttempted() ? 'published' : 'draft',
  );
  protected readonly issues = computed(() => validateFlow(this.draft(), this.checkIntent()));
  protected readonly errors = computed(() => errorsOf(this.issues()));
  protected readonly warnings = computed(() => warningsOf(this.issues()));
  protected readonly publishErrors = computed(() => errorsOf(validateFlow(this.draft(), 'published')));
  /** Problems that are warnings while drafting but block publishing. */
  protected readonly publishOnlyErrors = computed(() =>
    Math.max(0, this.publishErrors().length - this.errors().length),
  );
  /** Red field borders wait for the first save of a new flow; the checks list is live from the start. */
  protected readonly saveAttempted = signal(false);
  protected readonly issuesByNode = computed(() => {
    const byNode = new Map<string, FlowIssue[]>();
    for (const issue of this.issues()) {
      if (issue.nodeId) {
        byNode.set(issue.nodeId, [...(byNode.get(issue.nodeId) ?? []), issue]);
      }
    }
    return byNode;
  });
  protected readonly flowIssues = computed(() => this.issues().filter((issue) => issue.nodeId === null));
  /** Every option's target list; kept when an edit does not change it (typing a body), so the selects stay put. */
  protected readonly targets = computed<NodeChoice[]>(
    () => {
      const draft = this.draft();
      return draft.nodes.map((node) => ({
        id: node.id,
        label: `${nodeLabel(draft, node.id)} (${NODE_TYPE_LABELS[node.type]})`,
      }));
    },
    {
      equal: (a, b) =>
        a.length === b.length && a.every((choice, i) => choice.id === b[i].id && choice.label === b[i].label),
    },
  );
  protected readonly heading = computed(() => {
    const name = this.saved()?.name;
    return this.isNew() ? 'New flow' : `Edit “${name}”`;
  });

  /** A message handed over by the navigation that opened the editor (after creating a flow). */
  private readonly arrivalNotice: unknown = this.router.currentNavigation()?.extras.state?.['notice'];

  async ngOnInit(): Promise<void> {
    await Promise.all([this.loadFlow(), this.loadSteps()]);
    if (typeof this.arrivalNotice === 'string' && !this.loadError()) {
      this.success.set(this.arrivalNotice);
    }
  }

  protected async loadFlow(): Promise<void> {
    const id = this.id();
    if (!id) {
      return;
    }
    this.busy.set('load');
    this.loadError.set(null);
    try {
      this.applySaved(await this.flowsService.get(id));
    } catch (error) {
      this.loadError.set(
        isHttpStatus(error, 404)
          ? 'This flow does not exist (any more).'
          : errorMessage(error, 'Could not load the flow.'),
      );
    } finally {
      this.busy.set(null);
    }
  }

  /** After a stale-version 409: take the other person's version. */
  protected async reload(): Promise<void> {
    this.staleVersion.set(false);
    this.saveError.set(null);
    this.success.set(null);
    await this.loadFlow();
    if (!this.loadError()) {
      this.success.set('Reloaded: you now see the latest version.');
    }
  }

  private async loadSteps(): Promise<void> {
    try {
      this.steps.set(await this.stepsService.list());
    } catch {
      // Without the library the picker offers free text only; the rest of the editor works.
      this.steps.set([]);
    }
  }

  /** Marks the name or start field red: at once for a saved flow, after the first save attempt for a new one. */
  protected hasFlowIssue(code: FlowIssue['code']): boolean {
    return (this.saveAttempted() || !this.isNew()) && this.flowIssues().some((issue) => issue.code === code);
  }

  // ---- Editing ----------------------------------------------------------------------------

  protected setName(event: Event): void {
    this.edit((draft) => ({ ...draft, name: (event.target as HTMLInputElement).value }));
  }

  protected setDescription(event: Event): void {
    this.edit((draft) => ({ ...draft, description: (event.target as HTMLTextAreaElement).value }));
  }

  protected setKind(event: Event): void {
    this.edit((draft) => ({ ...draft, kind: (event.target as HTMLSelectElement).value as FlowKind }));
  }

  protected setStart(event: Event): void {
    const nodeId = (event.target as HTMLSelectElement).value;
    this.edit((draft) => ({ ...draft, start_node_id: nodeId }));
  }

  protected makeStart(nodeId: string): void {
    this.edit((draft) => ({ ...draft, start_node_id: nodeId }));
  }

  protected addNode(type: NodeType): void {
    const node = newNode(type);
    this.edit((draft) => withNodeAdded(draft, node));
    this.focusNode(node.id);
  }

  protected updateNode(updated: DraftNode): void {
    this.edit((draft) => withNodeReplaced(draft, updated));
  }

  protected removeNode(nodeId: string): void {
    this.edit((draft) => withNodeRemoved(draft, nodeId));
    if (this.selectedNodeId() === nodeId) {
      this.selectedNodeId.set(null);
    }
  }

  protected moveNode(nodeId: string, delta: -1 | 1): void {
    this.edit((draft) => withNodeMoved(draft, nodeId, delta));
  }

  /** "+ New solution" in an option's target list: adds the node right away and links it. */
  protected linkNewNode(fromNodeId: string, optionId: string, type: NodeType): void {
    const node = newNode(type);
    this.edit((draft) => withLinkedNode(draft, fromNodeId, optionId, node));
    this.focusNode(node.id);
  }

  protected selectNode(nodeId: string): void {
    this.selectedNodeId.set(nodeId);
    document.getElementById(`node-${nodeId}`)?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }

  private edit(change: (draft: FlowDraft) => FlowDraft): void {
    this.draft.update(change);
    this.dirty.set(true);
    this.success.set(null);
  }

  /** Scrolls a new node into view and puts the cursor in its title. */
  private focusNode(nodeId: string): void {
    this.selectedNodeId.set(nodeId);
    afterNextRender(
      () => {
        const title = document.getElementById(`node-${nodeId}-title`) as HTMLInputElement | null;
        title?.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
        title?.focus({ preventScroll: true });
      },
      { injector: this.injector },
    );
  }

  // ---- Saving -----------------------------------------------------------------------------

  protected saveDraft(): Promise<void> {
    return this.save('draft');
  }

  protected publish(): Promise<void> {
    this.publishAttempted.set(true);
    return this.save('published');
  }

  /** Saves the flow with the given status: draft, published, or draft again (unpublish, restore). */
  protected async save(status: 'draft' | 'published'): Promise<void> {
    if (this.busy() !== null) {
      return;
    }
    this.success.set(null);
    this.saveError.set(null);
    this.serverErrors.set([]);
    this.saveAttempted.set(true);
    const blocking = errorsOf(validateFlow(this.draft(), status));
    if (blocking.length > 0) {
      const publishing = status === 'published' && this.status() !== 'published';
      const problems = blocking.length === 1 ? 'problem' : `${blocking.length} problems`;
      this.saveError.set(`${publishing ? 'Not published' : 'Not saved'}: fix the ${problems} marked below first.`);
      return;
    }

    const saved = this.saved();
    const body = toFlowBody(this.draft(), status, saved?.version);
    this.busy.set('save');
    try {
      const result = saved ? await this.flowsService.update(saved.id, body) : await this.flowsService.create(body);
      this.applySaved(result);
      const notice =
        status === 'published'
          ? `Published: engineers can run “${result.name}” now.`
          : saved?.status === 'published'
            ? `“${result.name}” is a draft again: engineers no longer see it.`
            : `Draft saved (version ${result.version}).`;
      this.success.set(notice);
      if (!saved) {
        // The new flow now has an address of its own; the editor there shows the same message.
        await this.router.navigate(['/admin/flows', result.id, 'edit'], { replaceUrl: true, state: { notice } });
      }
    } catch (error) {
      this.handleSaveError(error);
    } finally {
      this.busy.set(null);
    }
  }

  protected async archive(): Promise<void> {
    const saved = this.saved();
    if (!saved || this.busy() !== null) {
      return;
    }
    this.busy.set('archive');
    this.saveError.set(null);
    try {
      this.applySaved(await this.flowsService.archive(saved.id));
      this.confirmingArchive.set(false);
      this.success.set('Archived: engineers can no longer start this flow. Its past sessions stay in the reports.');
    } catch (error) {
      this.confirmingArchive.set(false);
      this.saveError.set(errorMessage(error, 'Could not archive the flow.'));
    } finally {
      this.busy.set(null);
    }
  }

  protected exportJson(): void {
    const { version: _version, ...body } = toFlowBody(this.draft(), this.status());
    downloadJson(exportFileName(body.name), body);
  }

  /** Route guard hook: leaving with unsaved edits asks first. */
  canLeave(): boolean {
    return !this.dirty() || window.confirm('Leave the editor? Your unsaved changes will be lost.');
  }

  protected onBeforeUnload(event: BeforeUnloadEvent): void {
    if (this.dirty()) {
      event.preventDefault();
    }
  }

  private applySaved(flow: FlowDetail): void {
    this.saved.set(flow);
    this.draft.set(draftFromFlow(flow));
    this.dirty.set(false);
    this.publishAttempted.set(false);
  }

  private handleSaveError(error: unknown): void {
    if (isHttpStatus(error, 409)) {
      const message = errorMessage(error, '');
      if (/changed by someone else|version/i.test(message)) {
        this.staleVersion.set(true);
        return;
      }
      this.saveError.set(message || 'The flow could not be saved because of a conflict.');
      return;
    }
    if (isHttpStatus(error, 422)) {
      const body = (error as { error?: { message?: string | string[] } }).error;
      const messages = Array.isArray(body?.message) ? body.message : [body?.message ?? 'The flow was refused.'];
      this.saveError.set('The server refused the flow:');
      this.serverErrors.set(messages.map((message) => describeServerMessage(this.draft(), message)));
      return;
    }
    this.saveError.set(errorMessage(error, 'Could not save the flow.'));
  }
}
