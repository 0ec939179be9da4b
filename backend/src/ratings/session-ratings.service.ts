import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../common/auth-user';
import { RateSessionDto, SessionRatingDto } from './dto/rating.dto';
import { NOT_YOURS, sessionForFeedback } from './session-access';
import { SessionRating } from './session-rating.entity';

/** The session's checks, and the new rating if one was written (id null otherwise). */
type RateRow = Pick<SessionRating, 'sessionId' | 'rating' | 'comment' | 'createdAt'> & { user_id: string; completed: boolean; id: string | null };

@Injectable()
export class SessionRatingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Rates a finished session once, in one statement: the session's checks and the insert see
   * one snapshot, and the unique index decides races (INSERT … ON CONFLICT DO NOTHING lets
   * exactly one concurrent request through; the rest see 409, never 500).
   */
  async rate(caller: AuthUser, sessionId: string, dto: RateSessionDto): Promise<SessionRatingDto> {
    const [row]: RateRow[] = await this.dataSource.query(
      `WITH target AS (
         SELECT id, tree_id, user_id, completed_at IS NOT NULL AS completed FROM sessions WHERE account_id = $1 AND id = $2
       ), inserted AS (
         INSERT INTO session_ratings (account_id, session_id, user_id, tree_id, rating, comment)
         SELECT $1, t.id, $3, t.tree_id, $4, $5 FROM target t WHERE t.user_id = $3 AND t.completed
         ON CONFLICT (session_id) DO NOTHING
         RETURNING id, session_id AS "sessionId", rating, comment, created_at AS "createdAt"
       )
       SELECT t.user_id, t.completed, i.* FROM target t LEFT JOIN inserted i ON true`,
      [caller.accountId, sessionId, caller.id, dto.rating, dto.comment?.trim() || null],
    );
    if (!row) throw new NotFoundException('Session not found');
    if (row.user_id !== caller.id) throw new ForbiddenException(NOT_YOURS);
    if (!row.completed) throw new BadRequestException('Finish the session before rating it');
    if (!row.id) throw new ConflictException('This session has already been rated');
    return SessionRatingDto.from({ ...row, id: row.id });
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
