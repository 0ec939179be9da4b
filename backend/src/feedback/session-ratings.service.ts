import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';

import { AuthUser } from '../common/auth-user';
import { RateSessionDto, SessionRatingDto } from './dto/feedback.dto';
import { NOT_YOURS, SessionFeedbackAccess } from './session-feedback-access';
import { SessionRatingsRepository } from './session-ratings.repository';

/** The rules of CSAT ratings: a finished session is rated once, by its engineer; its statements are SessionRatingsRepository's. */
@Injectable()
export class SessionRatingsService {
  constructor(
    private readonly ratings: SessionRatingsRepository,
    private readonly access: SessionFeedbackAccess,
  ) {}

  /** Rates a finished session once; the unique index on session_id decides races (409, never 500). */
  async rate(caller: AuthUser, sessionId: string, dto: RateSessionDto): Promise<SessionRatingDto> {
    const row = await this.ratings.rate({
      accountId: caller.accountId,
      userId: caller.id,
      sessionId,
      rating: dto.rating,
      comment: dto.comment?.trim() || null,
    });
    if (!row?.user_id) throw new NotFoundException('Session not found');
    if (row.user_id !== caller.id) throw new ForbiddenException(NOT_YOURS);
    if (!row.completed) throw new BadRequestException('Finish the session before rating it');
    if (!row.id) throw new ConflictException('This session has already been rated');
    return SessionRatingDto.from({ ...row, id: row.id });
  }

  async get(caller: AuthUser, sessionId: string): Promise<SessionRatingDto> {
    await this.access.checkReadable(caller, sessionId);
    const rating = await this.ratings.findBySession(caller.accountId, sessionId);
    if (!rating) throw new NotFoundException('This session has not been rated');
    return SessionRatingDto.from(rating);
  }
}
