import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../common/auth-user';
import { InputColumn } from '../database/write-coalescing/coalesced-input';
import { runCoalescedStatement } from '../database/write-coalescing/coalesced-statement';
import { WriteCoalescer } from '../database/write-coalescing/write-coalescer';
import { RateSessionDto, SessionRatingDto } from './dto/feedback.dto';
import { NOT_YOURS, sessionForFeedback } from './session-access';
import { SessionRating } from './session-rating.entity';

/** The session's checks, and the new rating if one was written (id null otherwise). */
type RateRow = Pick<SessionRating, 'sessionId' | 'rating' | 'comment' | 'createdAt'> & {
  idx: number;
  user_id: string;
  completed: boolean;
  id: string | null;
};

interface RateCall {
  caller: AuthUser;
  sessionId: string;
  rating: number;
  comment: string | null;
}

@Injectable()
export class SessionRatingsService {
  /** Concurrent ratings go to the database together; two of one session never share a statement. */
  private readonly batcher = new WriteCoalescer<RateCall, RateRow | undefined>((calls, accountId) => this.rateAll(calls, accountId), {
    tenant: (call) => call.caller.accountId,
    key: (call) => call.sessionId,
  });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Rates a finished session once; the unique index on session_id decides races (409, never 500). */
  async rate(caller: AuthUser, sessionId: string, dto: RateSessionDto): Promise<SessionRatingDto> {
    const row = await this.batcher.run({ caller, sessionId, rating: dto.rating, comment: dto.comment?.trim() || null });
    if (!row?.user_id) throw new NotFoundException('Session not found');
    if (row.user_id !== caller.id) throw new ForbiddenException(NOT_YOURS);
    if (!row.completed) throw new BadRequestException('Finish the session before rating it');
    if (!row.id) throw new ConflictException('This session has already been rated');
    return SessionRatingDto.from({ ...row, id: row.id });
  }

  /**
   * Ratings in one statement: each session's checks and its insert see one snapshot, and
   * INSERT … ON CONFLICT DO NOTHING lets exactly one concurrent rating of a session through.
   */
  private async rateAll(calls: RateCall[], accountId: string): Promise<(RateRow | undefined)[]> {
    const columns: Record<string, InputColumn<RateCall>> = {
      session_id: ['uuid', (c) => c.sessionId],
      user_id: ['uuid', (c) => c.caller.id],
      rating: ['int', (c) => c.rating],
      comment: ['text', (c) => c.comment],
    };
    return runCoalescedStatement<RateCall, RateRow>(this.dataSource, 'rf_rate', { calls, accountId, columns }, (input, account) =>
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
       )
       SELECT i.idx, t.user_id, t.completed, ins.*
         FROM input i LEFT JOIN target t USING (idx) LEFT JOIN inserted ins ON ins."sessionId" = t.id`,
    );
  }

  async get(caller: AuthUser, sessionId: string): Promise<SessionRatingDto> {
    await sessionForFeedback(this.dataSource.manager, caller, sessionId);
    const rating = await this.dataSource
      .getRepository(SessionRating)
      .findOneBy({ sessionId, accountId: caller.accountId });
    if (!rating) throw new NotFoundException('This session has not been rated');
    return SessionRatingDto.from(rating);
  }
}
