import { inject, Injectable } from '@angular/core';

import { Api } from '../../api/api';
import {
  getSession,
  listSessions,
  listSessions$Csv,
  listTrees,
  listUsers,
  type ListSessions$Params,
} from '../../api/functions';
import type { FlowSummary } from '../../core/api-types';
import { filenameFromContentDisposition } from '../../shared/save-file';
import type { AccountUser, CsvFile } from '../analytics/analytics-types';
import type { ExplorerPage, SessionDetail } from './session-explorer-types';
import { apiQuery, type ExplorerScope, type SessionFilters } from './session-filters';

export const PAGE_SIZE = 50;

/** The sessions list (a page by cursor, or the CSV of every match) and one session in full. */
@Injectable({ providedIn: 'root' })
export class SessionExplorerService {
  private readonly api = inject(Api);

  page(filters: SessionFilters, scope: ExplorerScope, cursor: string | null = null): Promise<ExplorerPage> {
    const query = { ...apiQuery(filters, scope), limit: PAGE_SIZE, ...(cursor === null ? {} : { cursor }) };
    return this.api.invoke(listSessions, query as ListSessions$Params);
  }

  /** Every match, not a page: the same query with format=csv, fetched with the signed-in token. */
  async csv(filters: SessionFilters, scope: ExplorerScope): Promise<CsvFile> {
    const query = { ...apiQuery(filters, scope), format: 'csv' } as ListSessions$Params;
    const response = await this.api.invoke$Response(listSessions$Csv, query);
    return {
      filename: filenameFromContentDisposition(response.headers.get('Content-Disposition')) ?? 'sessions.csv',
      body: response.body,
    };
  }

  detail(sessionId: string): Promise<SessionDetail> {
    return this.api.invoke(getSession, { id: sessionId });
  }

  /** Every flow of the account, for the flow filter (drafts and archived ones have sessions too). */
  flows(): Promise<FlowSummary[]> {
    return this.api.invoke(listTrees);
  }

  /** The account's people, for a team admin's engineer filter. */
  users(): Promise<AccountUser[]> {
    return this.api.invoke(listUsers);
  }
}
