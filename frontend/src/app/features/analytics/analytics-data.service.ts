import { inject, Injectable } from '@angular/core';

import { Api } from '../../api/api';
import {
  getFlowAnalytics,
  getFlowAnalytics$Csv,
  getFlowVersions,
  getMyAnalytics,
  getMyAnalytics$Csv,
  getTeamAnalytics,
  getTeamAnalytics$Csv,
  getTree,
  listUsers,
} from '../../api/functions';
import type { StrictHttpResponse } from '../../api/strict-http-response';
import type { PeriodSelection } from '../../shared/period-picker.component';
import { filenameFromContentDisposition } from '../../shared/save-file';
import { selectionToQuery } from './analytics-filters';
import type {
  AccountUser,
  CsvFile,
  FlowAnalytics,
  FlowTree,
  FlowVersions,
  MyAnalytics,
  TeamAnalytics,
} from './analytics-types';

export interface TeamFilters {
  selection: PeriodSelection;
  engineerId: string | null;
}

/**
 * The analytics endpoints. The server counts days in the account's time zone (no `tz` is sent), so
 * everyone on a team sees the same days, and the CSV of a view covers exactly what the page shows.
 */
@Injectable({ providedIn: 'root' })
export class AnalyticsDataService {
  private readonly api = inject(Api);

  team(filters: TeamFilters): Promise<TeamAnalytics> {
    return this.api.invoke(getTeamAnalytics, teamQuery(filters));
  }

  async teamCsv(filters: TeamFilters): Promise<CsvFile> {
    return csvFile(await this.api.invoke$Response(getTeamAnalytics$Csv, teamQuery(filters)), 'team-analytics.csv');
  }

  mine(selection: PeriodSelection): Promise<MyAnalytics> {
    return this.api.invoke(getMyAnalytics, selectionToQuery(selection));
  }

  async mineCsv(selection: PeriodSelection): Promise<CsvFile> {
    return csvFile(await this.api.invoke$Response(getMyAnalytics$Csv, selectionToQuery(selection)), 'my-analytics.csv');
  }

  /** One flow's report; `version` limits it to the sessions started on that version of the flow. */
  flow(flowId: string, selection: PeriodSelection, version: number | null = null): Promise<FlowAnalytics> {
    return this.api.invoke(getFlowAnalytics, flowQuery(flowId, selection, version));
  }

  async flowCsv(flowId: string, selection: PeriodSelection, version: number | null = null): Promise<CsvFile> {
    const response = await this.api.invoke$Response(getFlowAnalytics$Csv, flowQuery(flowId, selection, version));
    return csvFile(response, 'flow-analytics.csv');
  }

  /** The flow itself (its nodes and options), for the diagram coloured by the report. */
  flowTree(flowId: string): Promise<FlowTree> {
    return this.api.invoke(getTree, { id: flowId });
  }

  /** Every version of a flow with sessions, all time: the figures to compare edits by. */
  flowVersions(flowId: string): Promise<FlowVersions> {
    return this.api.invoke(getFlowVersions, { tree_id: flowId });
  }

  /** The account's people, for the engineer filter. */
  users(): Promise<AccountUser[]> {
    return this.api.invoke(listUsers);
  }
}

function teamQuery(filters: TeamFilters) {
  return {
    ...selectionToQuery(filters.selection),
    ...(filters.engineerId === null ? {} : { engineer_id: filters.engineerId }),
  };
}

function flowQuery(flowId: string, selection: PeriodSelection, version: number | null) {
  return { tree_id: flowId, ...selectionToQuery(selection), ...(version === null ? {} : { version }) };
}

function csvFile(response: StrictHttpResponse<string>, fallbackName: string): CsvFile {
  return {
    filename: filenameFromContentDisposition(response.headers.get('Content-Disposition')) ?? fallbackName,
    body: response.body,
  };
}
