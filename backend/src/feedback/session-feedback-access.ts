import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';

import { AuthUser, isAdmin } from '../common/auth-user';
import { SessionsRepository } from '../sessions/sessions.repository';

export const NOT_YOURS = 'Only the session’s engineer can give feedback on it';

/** Who may read a session's feedback: its engineer or, for admins, anyone's. Votes and ratings are written by the engineer only (in their statements). */
@Injectable()
export class SessionFeedbackAccess {
  constructor(private readonly sessions: SessionsRepository) {}

  /** Unknown and foreign sessions are 404, someone else's 403 (to an engineer). */
  async checkReadable(caller: AuthUser, sessionId: string): Promise<void> {
    const owner = await this.sessions.findOwner(caller.accountId, sessionId);
    if (!owner) throw new NotFoundException('Session not found');
    if (owner !== caller.id && !isAdmin(caller)) throw new ForbiddenException(NOT_YOURS);
  }
}
