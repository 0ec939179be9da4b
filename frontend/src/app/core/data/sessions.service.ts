import { inject, Injectable } from '@angular/core';

import { Api } from '../../api/api';
import {
  completeSession,
  decide,
  getSession,
  goBack,
  listSessions,
  startSession,
  type ListSessions$Params,
} from '../../api/functions';
import type { Outcome, Session, SessionPage } from '../api-types';

/** The ticket a session belongs to, as a ticketing tool names it (both optional). */
export interface SessionTicket {
  external_ref?: string;
  external_url?: string;
}

/** An engineer's runs through flows: start, answer, step back, finish, list. */
@Injectable({ providedIn: 'root' })
export class SessionsService {
  private readonly api = inject(Api);

  start(flowId: string, ticket: SessionTicket = {}): Promise<Session> {
    return this.api.invoke(startSession, { body: { tree_id: flowId, ...ticket } });
  }

  get(sessionId: string): Promise<Session> {
    return this.api.invoke(getSession, { id: sessionId });
  }

  list(query: ListSessions$Params): Promise<SessionPage> {
    return this.api.invoke(listSessions, query);
  }

  /** Answers the current node; the server rejects it with 409 if the session moved on meanwhile. */
  decide(sessionId: string, nodeId: string, optionId: string): Promise<Session> {
    return this.api.invoke(decide, { id: sessionId, body: { node_id: nodeId, option_id: optionId } });
  }

  back(sessionId: string): Promise<Session> {
    return this.api.invoke(goBack, { id: sessionId });
  }

  complete(sessionId: string, outcome: Outcome, notes: string | null): Promise<Session> {
    const body = notes ? { outcome, notes } : { outcome };
    return this.api.invoke(completeSession, { id: sessionId, body });
  }
}
