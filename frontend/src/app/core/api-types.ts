import type { Observable } from 'rxjs';

import type {
  getMe,
  getSession,
  getSessionRating,
  listSessionFeedback,
  listSessions,
  listTrees,
} from '../api/functions';
import type { StrictHttpResponse } from '../api/strict-http-response';

/**
 * The body an operation of the generated client resolves to. Names below are taken from the
 * generated functions (not from hand-written interfaces), so they follow backend/openapi.json.
 */
export type ApiBody<Fn> = Fn extends (...args: never[]) => Observable<StrictHttpResponse<infer Body>> ? Body : never;

export type User = ApiBody<typeof getMe>;
export type Role = User['role'];

export type FlowSummary = ApiBody<typeof listTrees>[number];

export type Session = ApiBody<typeof getSession>;
export type SessionNode = NonNullable<Session['current_node']>;
export type NodeOption = SessionNode['options'][number];
export type PathEntry = Session['path'][number];
export type Outcome = NonNullable<Session['outcome']>;

export type SessionPage = ApiBody<typeof listSessions>;
export type SessionListItem = SessionPage['items'][number];

export type SessionRating = ApiBody<typeof getSessionRating>;
export type StepVote = ApiBody<typeof listSessionFeedback>[number];
