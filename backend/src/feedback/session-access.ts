import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser, isAdmin } from '../common/auth-user';
import { Session } from '../sessions/session.entity';

export const NOT_YOURS = 'Only the session’s engineer can give feedback on it';

/**
 * A session of the caller's account whose feedback the caller may read: its engineer's or,
 * for admins, anyone's. Unknown and foreign sessions are 404, someone else's 403.
 */
export async function sessionForFeedback(manager: EntityManager, caller: AuthUser, sessionId: string): Promise<Session> {
  const session = await manager.getRepository(Session).findOneBy({ id: sessionId, accountId: caller.accountId });
  if (!session) throw new NotFoundException('Session not found');
  if (session.userId !== caller.id && !isAdmin(caller)) throw new ForbiddenException(NOT_YOURS);
  return session;
}
