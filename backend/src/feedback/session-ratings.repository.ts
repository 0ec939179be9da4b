import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { InputColumn } from '../database/write-coalescing/coalesced-input';
import { runCoalescedStatement } from '../database/write-coalescing/coalesced-statement';
import { WriteCoalescer } from '../database/write-coalescing/write-coalescer';
import { outboxCte, queuedCount, WebhookOutbox } from '../webhooks/webhook-outbox';

/** Every statement about CSAT ratings (session_ratings), and the rows they return; the rules are SessionRatingsService's. */

/** A rating as the API shows it. */
export interface RatingRow {
  id: string;
  sessionId: string;
  rating: number;
  comment: string | null;
  createdAt: Date;
}

export interface RateCall {
  accountId: string;
  userId: string;
  sessionId: string;
  rating: number;
  comment: string | null;
}

/** The session's checks, and the new rating if one was written (id null otherwise). */
export type RateRow = Omit<RatingRow, 'id'> & {
  idx: number;
  user_id: string;
  completed: boolean;
  id: string | null;
};

@Injectable()
export class SessionRatingsRepository {
  /** Concurrent ratings go to the database together; two of one session never share a statement. */
  private readonly ratings = new WriteCoalescer<RateCall, RateRow | undefined>(
    (calls, accountId) => this.rateAll(calls, accountId),
    {
      tenant: (call) => call.accountId,
      key: (call) => call.sessionId,
    },
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: WebhookOutbox,
  ) {}

  /** Rates the session if it is the caller's and finished and not rated yet; the row says which check failed. */
  rate(call: RateCall): Promise<RateRow | undefined> {
    return this.ratings.run(call);
  }

  /**
   * Ratings in one statement: each session's checks and its insert see one snapshot, and
   * INSERT … ON CONFLICT DO NOTHING lets exactly one concurrent rating of a session through.
   * The session.rated deliveries are queued by the same statement, the rating as GET …/rating shows it.
   */
  private async rateAll(calls: RateCall[], accountId: string): Promise<(RateRow | undefined)[]> {
    const columns: Record<string, InputColumn<RateCall>> = {
      session_id: ['uuid', (c) => c.sessionId],
      user_id: ['uuid', (c) => c.userId],
      rating: ['int', (c) => c.rating],
      comment: ['text', (c) => c.comment],
    };
    const rows = await runCoalescedStatement<RateCall, RateRow>(
      this.dataSource,
      'rf_rate',
      { calls, accountId, columns },
      (input, account) =>
        `WITH input AS (${input}),
       target AS (
         SELECT i.idx, s.id, s.tree_id, s.user_id, s.completed_at IS NOT NULL AS completed
           FROM input i JOIN sessions s ON s.account_id = ${account} AND s.id = i.session_id
       ), inserted AS (
         INSERT INTO session_ratings (account_id, session_id, user_id, tree_id, rating, comment)
         SELECT ${account}, t.id, i.user_id, t.tree_id, i.rating, i.comment
           FROM input i JOIN target t USING (idx) WHERE t.user_id = i.user_id AND t.completed
          ORDER BY t.id
         ON CONFLICT (account_id, session_id) DO NOTHING
         RETURNING id, session_id AS "sessionId", rating, comment, created_at AS "createdAt"
       ),
       ${outboxCte(
         'queued',
         'session.rated',
         account,
         'inserted r',
         `jsonb_build_object('id', r.id, 'session_id', r."sessionId", 'rating', r.rating, 'comment', r.comment,
                             'created_at', to_char(r."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
       )}
       SELECT i.idx, t.user_id, t.completed, ins.*, ${queuedCount('queued')}
         FROM input i LEFT JOIN target t USING (idx) LEFT JOIN inserted ins ON ins."sessionId" = t.id`,
    );
    this.outbox.queued(rows);
    return rows;
  }

  /** The session's rating, if it has one. */
  async findBySession(accountId: string, sessionId: string): Promise<RatingRow | undefined> {
    const [row]: RatingRow[] = await this.dataSource.query(
      `SELECT id, session_id AS "sessionId", rating, comment, created_at AS "createdAt"
         FROM session_ratings WHERE account_id = $1 AND session_id = $2`,
      [accountId, sessionId],
    );
    return row;
  }
}
