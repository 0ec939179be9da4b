import { inject, Injectable } from '@angular/core';

import { Api } from '../../api/api';
import {
  getFlowAnalytics,
  getFlowAnalytics$Csv,
  getMyAnalytics,
  getMyAnalytics$Csv,
  getTeamAnalytics,
  getTeamAnalytics$Csv,
  listUsers,
} from '../../api/functions';
import type { StrictHttpResponse } from '../../api/strict-http-response';
import type { PeriodSelection } from '../../shared/period-picker.component';
import { filenameFromContentDisposition } from '../../shared/save-file';
import { selectionToQuery } from './analytics-filters';
import type { AccountUser, CsvFile, FlowAnalytics, MyAnalytics, TeamAnalytics } from './analytics-types';

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

  flow(flowId: string, selection: PeriodSelection): Promise<FlowAnalytics> {
    return this.api.invoke(getFlowAnalytics, { tree_id: flowId, ...selectionToQuery(selection) });
  }

  async flowCsv(flowId: string, selection: PeriodSelection): Promise<CsvFile> {
    const response = await this.api.invoke$Response(getFlowAnalytics$Csv, {
      tree_id: flowId,
      ...selectionToQuery(selection),
    });
    return csvFile(response, 'flow-analytics.csv');
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

function csvFile(response: StrictHttpResponse<string>, fallbackName: string): CsvFile {
  return {
    filename: filenameFromContentDisposition(response.headers.get('Content-Disposition')) ?? fallbackName,
    body: response.body,
  };
}
