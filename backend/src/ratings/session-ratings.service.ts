import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../common/auth-user';
import { RateSessionDto, SessionRatingDto } from './dto/rating.dto';
import { sessionForFeedback } from './session-access';
import { SessionRating } from './session-rating.entity';

@Injectable()
export class SessionRatingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Rates a finished session once. The unique index decides races: INSERT … ON CONFLICT DO
   * NOTHING lets exactly one concurrent request through and the rest see 409, never 500.
   */
  async rate(caller: AuthUser, sessionId: string, dto: RateSessionDto): Promise<SessionRatingDto> {
    const session = await sessionForFeedback(this.dataSource.manager, caller, sessionId, { own: true });
    if (!session.completedAt) throw new BadRequestException('Finish the session before rating it');

    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(SessionRating)
      .values({
        accountId: caller.accountId,
        sessionId: session.id,
        userId: caller.id,
        treeId: session.treeId,
        rating: dto.rating,
        comment: dto.comment?.trim() || null,
      })
      .orIgnore()
      .returning('*')
      .execute();
    const row = result.raw[0];
    if (!row) throw new ConflictException('This session has already been rated');
    return {
      id: row.id,
      session_id: row.session_id,
      rating: row.rating,
      comment: row.comment,
      created_at: new Date(row.created_at).toISOString(),
    };
  }

  async get(caller: AuthUser, sessionId: string): Promise<SessionRatingDto> {
    await sessionForFeedback(this.dataSource.manager, caller, sessionId, { own: false });
    const rating = await this.dataSource
      .getRepository(SessionRating)
      .findOneBy({ sessionId, accountId: caller.accountId });
    if (!rating) throw new NotFoundException('This session has not been rated');
    return SessionRatingDto.from(rating);
  }
}
