import { ChangeDetectionStrategy, Component, computed, inject, signal, type OnInit } from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import type { FlowSummary } from '../../core/api-types';
import { FlowsService } from '../../core/data/flows.service';
import { SessionsService } from '../../core/data/sessions.service';
import { apiErrorMessage } from '../../core/http/api-error';
import { LoadErrorComponent } from '../../shared/load-error/load-error.component';
import { NoticeComponent } from '../../shared/notice.component';

@Component({
  selector: 'rf-flow-list',
  imports: [NoticeComponent, RouterLink, LoadErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './flow-list.component.html',
  styleUrl: './flow-list.component.scss',
})
export class FlowListComponent implements OnInit {
  private readonly flowsService = inject(FlowsService);
  private readonly sessionsService = inject(SessionsService);
  private readonly router = inject(Router);

  protected readonly flows = signal<FlowSummary[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly startError = signal<string | null>(null);
  /** The flow whose session is being created; all Start buttons wait for it. */
  protected readonly startingFlowId = signal<string | null>(null);
  protected readonly query = signal('');

  protected readonly visibleFlows = computed(() => {
    const query = this.query().trim().toLowerCase();
    const flows = this.flows();
    if (!query) {
      return flows;
    }
    return flows.filter((flow) => `${flow.name} ${flow.description ?? ''}`.toLowerCase().includes(query));
  });

  async ngOnInit(): Promise<void> {
    await this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const flows = await this.flowsService.listPublished();
      this.flows.set([...flows].sort((a, b) => b.usage_count - a.usage_count || a.name.localeCompare(b.name)));
    } catch (error) {
      this.loadError.set(apiErrorMessage(error, 'Could not load the flows.'));
    } finally {
      this.loading.set(false);
    }
  }

  protected async start(flow: FlowSummary): Promise<void> {
    if (this.startingFlowId() !== null) {
      return;
    }
    this.startingFlowId.set(flow.id);
    this.startError.set(null);
    try {
      const session = await this.sessionsService.start(flow.id);
      await this.router.navigate(['/sessions', session.id, 'run']);
    } catch (error) {
      this.startError.set(apiErrorMessage(error, `Could not start “${flow.name}”.`));
    } finally {
      this.startingFlowId.set(null);
    }
  }

  protected onSearch(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
  }
}
