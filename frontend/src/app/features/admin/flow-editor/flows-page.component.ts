import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';

import { DialogComponent } from '../../../shared/dialog.component';
import { FlowStatusBadgeComponent } from '../../../shared/flow-status-badge.component';
import { LoadErrorComponent } from '../../../shared/load-error/load-error.component';
import { NoticeComponent } from '../../../shared/notice.component';
import { RowActionComponent } from '../../../shared/row-action/row-action.component';
import { RowActionsComponent } from '../../../shared/row-actions/row-actions.component';
import type { FlowSummary } from '../admin-api-types';
import { errorMessage } from '../api-errors';
import { StepLibraryService } from '../steps/step-library.service';
import { FlowAdminService } from './flow-admin.service';
import { draftFromFlow, FLOW_KIND_LABELS, toFlowBody } from './flow-draft';
import {
  downloadJson,
  exportBody,
  exportFileName,
  parseFlowFile,
  readFileText,
  withFreshIds,
  withKnownSteps,
} from './flow-file';
import { errorsOf, validateFlow } from './flow-validation';

/** How many problems of a refused import or publish are listed before "and n more". */
const LISTED_PROBLEMS = 5;

interface Problem {
  title: string;
  details: string[];
}

/** Every flow of the account for its authors: open, publish, archive, export, import. */
@Component({
  selector: 'rf-flows-page',
  imports: [
    DatePipe,
    RouterLink,
    NoticeComponent,
    DialogComponent,
    FlowStatusBadgeComponent,
    RowActionsComponent,
    RowActionComponent,
    LoadErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './flows-page.component.html',
  styleUrl: './flows-page.component.scss',
})
export class FlowsPageComponent implements OnInit {
  private readonly flowsService = inject(FlowAdminService);
  private readonly stepsService = inject(StepLibraryService);

  protected readonly kindLabels = FLOW_KIND_LABELS;
  protected readonly flows = signal<FlowSummary[]>([]);
  protected readonly showArchived = signal(false);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly success = signal<{ message: string; flowId?: string } | null>(null);
  /** The flow an action is running for (all its buttons wait). */
  protected readonly busyId = signal<string | null>(null);
  protected readonly importing = signal(false);
  protected readonly archiving = signal<FlowSummary | null>(null);

  async ngOnInit(): Promise<void> {
    await this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      this.flows.set(await this.flowsService.list(this.showArchived()));
    } catch (error) {
      this.loadError.set(errorMessage(error, 'Could not load the flows.'));
    } finally {
      this.loading.set(false);
    }
  }

  protected async setArchived(archived: boolean): Promise<void> {
    if (archived !== this.showArchived()) {
      this.showArchived.set(archived);
      this.clearMessages();
      await this.load();
    }
  }

  /** Publishes from the list after the same checks the editor runs. */
  protected async publish(flow: FlowSummary): Promise<void> {
    await this.run(
      flow,
      async () => {
        const detail = await this.flowsService.get(flow.id);
        const draft = draftFromFlow(detail);
        const errors = errorsOf(validateFlow(draft, 'published'));
        if (errors.length > 0) {
          this.problem.set(
            listProblems(
              `“${flow.name}” cannot be published yet. Open it in the editor to fix:`,
              errors.map((e) => e.message),
            ),
          );
          return;
        }
        const published = await this.flowsService.update(flow.id, toFlowBody(draft, 'published', detail.version));
        this.replace(published);
        this.success.set({ message: `Published: engineers can run “${published.name}” now.` });
      },
      `Could not publish “${flow.name}”.`,
    );
  }

  protected async confirmArchive(): Promise<void> {
    const flow = this.archiving();
    if (!flow) {
      return;
    }
    await this.run(
      flow,
      async () => {
        await this.flowsService.archive(flow.id);
        this.flows.update((flows) => flows.filter((item) => item.id !== flow.id));
        this.success.set({ message: `“${flow.name}” is archived. Its past sessions stay in the reports.` });
      },
      `Could not archive “${flow.name}”.`,
    );
    this.archiving.set(null);
  }

  protected async exportFlow(flow: FlowSummary): Promise<void> {
    await this.run(
      flow,
      async () => {
        const detail = await this.flowsService.get(flow.id);
        downloadJson(exportFileName(detail.name), exportBody(detail));
      },
      `Could not export “${flow.name}”.`,
    );
  }

  /**
   * Imports an exported flow as a new draft: checked first, then given fresh ids (so the same
   * file can be imported twice), with links to steps this account does not have dropped.
   */
  protected async importFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file || this.importing()) {
      return;
    }
    this.clearMessages();
    this.importing.set(true);
    try {
      const parsed = parseFlowFile(await readFileText(file));
      if (!parsed.ok) {
        this.problem.set({ title: `“${file.name}” cannot be imported.`, details: [parsed.error] });
        return;
      }
      const errors = errorsOf(validateFlow(parsed.body, 'draft'));
      if (errors.length > 0) {
        this.problem.set(
          listProblems(
            `“${file.name}” cannot be imported:`,
            errors.map((e) => e.message),
          ),
        );
        return;
      }
      const library = await this.stepsService.list();
      const { body, dropped } = withKnownSteps(withFreshIds(parsed.body), new Set(library.map((step) => step.id)));
      const created = await this.flowsService.create(body);
      if (!this.showArchived()) {
        this.flows.update((flows) => [...flows, created].sort((a, b) => a.name.localeCompare(b.name)));
      }
      const note =
        dropped > 0
          ? ` ${dropped} link${dropped === 1 ? '' : 's'} to library steps this account does not have ${dropped === 1 ? 'was' : 'were'} removed; the text is kept.`
          : '';
      this.success.set({ message: `Imported “${created.name}” as a draft.${note}`, flowId: created.id });
    } catch (error) {
      this.problem.set({ title: `“${file.name}” could not be imported.`, details: [errorMessage(error)] });
    } finally {
      this.importing.set(false);
    }
  }

  private async run(flow: FlowSummary, action: () => Promise<void>, failure: string): Promise<void> {
    if (this.busyId() !== null) {
      return;
    }
    this.clearMessages();
    this.busyId.set(flow.id);
    try {
      await action();
    } catch (error) {
      this.problem.set({ title: failure, details: [errorMessage(error)] });
    } finally {
      this.busyId.set(null);
    }
  }

  private replace(updated: FlowSummary): void {
    this.flows.update((flows) => flows.map((flow) => (flow.id === updated.id ? updated : flow)));
  }

  private clearMessages(): void {
    this.problem.set(null);
    this.success.set(null);
  }
}

function listProblems(title: string, messages: string[]): Problem {
  const details = messages.slice(0, LISTED_PROBLEMS);
  if (messages.length > LISTED_PROBLEMS) {
    details.push(`…and ${messages.length - LISTED_PROBLEMS} more.`);
  }
  return { title, details };
}
