import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser, isAdmin } from '../common/auth-user';
import { Session } from '../sessions/session.entity';

/**
 * Loads a session of the caller's account for feedback. Unknown and foreign sessions are
 * 404; `own` requires the caller to be its engineer (403), otherwise admins may read too.
 * `lock` serialises all feedback writes of one session, so read-then-write stays exact.
 */
export async function sessionForFeedback(
  manager: EntityManager,
  caller: AuthUser,
  sessionId: string,
  options: { own: boolean; lock?: boolean },
): Promise<Session> {
  const query = manager
    .getRepository(Session)
    .createQueryBuilder('session')
    .where('session.id = :sessionId AND session.accountId = :accountId', { sessionId, accountId: caller.accountId });
  if (options.lock) query.setLock('pessimistic_write');
  const session = await query.getOne();
  if (!session) throw new NotFoundException('Session not found');
  const allowed = session.userId === caller.id || (!options.own && isAdmin(caller));
  if (!allowed) throw new ForbiddenException('Only the session’s engineer can give feedback on it');
  return session;
}
