import { inject, Injectable } from '@angular/core';

import { Api } from '../../api/api';
import {
  getSessionRating,
  giveNodeFeedback,
  listSessionFeedback,
  rateSession,
  retractNodeFeedback,
} from '../../api/functions';
import type { SessionRating, StepVote } from '../api-types';
import { isHttpStatus } from '../http/api-error';

/** The engineer's feedback: thumbs on the steps of a session, and one CSAT rating per finished session. */
@Injectable({ providedIn: 'root' })
export class FeedbackService {
  private readonly api = inject(Api);

  /** The step votes already given in this session (server truth for the thumbs' initial state). */
  listVotes(sessionId: string): Promise<StepVote[]> {
    return this.api.invoke(listSessionFeedback, { session_id: sessionId });
  }

  /** Thumbs up (true) or down (false) on a step node; also moves the library step's counters server-side. */
  async vote(sessionId: string, nodeId: string, wasHelpful: boolean): Promise<void> {
    await this.api.invoke(giveNodeFeedback, {
      session_id: sessionId,
      node_id: nodeId,
      body: { was_helpful: wasHelpful },
    });
  }

  /** Takes a vote back (204 even when there was none). */
  async retract(sessionId: string, nodeId: string): Promise<void> {
    await this.api.invoke(retractNodeFeedback, { session_id: sessionId, node_id: nodeId });
  }

  /** The session's CSAT rating, or null when it has none yet (the API answers 404). */
  async rating(sessionId: string): Promise<SessionRating | null> {
    try {
      return await this.api.invoke(getSessionRating, { session_id: sessionId });
    } catch (error) {
      if (isHttpStatus(error, 404)) {
        return null;
      }
      throw error;
    }
  }

  /** Rates a finished session 1–5; the API answers 409 when it is already rated. */
  rate(sessionId: string, rating: number, comment: string | null): Promise<SessionRating> {
    const body = comment ? { rating, comment } : { rating };
    return this.api.invoke(rateSession, { session_id: sessionId, body });
  }
}
