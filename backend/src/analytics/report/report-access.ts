import { ForbiddenException, Logger, NotFoundException } from '@nestjs/common';

import { AuthUser, isAdmin } from '../../common/auth-user';
import { UserRole } from '../../users/user.entity';

/**
 * Who may read which analytics report: every rule in one place. The controller only declares
 * TEAM_REPORT_ROLES on its route (the roles guard refuses others before the query is even
 * validated, as on every route); the service asks these functions for everything else and
 * gives the statements what they decide (an account, an engineer, a flow, names or not).
 *
 * - Team report: team admins (and super admins) of the account; only a super admin may name
 *   another account. An engineer filter must name a user of the account.
 * - Personal report: anyone, about their own sessions and ratings only.
 * - Flow report: anyone of the account for a published or archived flow; drafts only for
 *   admins. Who wrote a comment is shown to admins only.
 * Anything of another account, or unknown, is 404, as everywhere.
 */

/** Reads across accounts (super_admin): one log line each, under this context. */
const AUDIT = new Logger('Audit');

/** Who may read the team report (a super admin passes every role check, see RolesGuard). */
export const TEAM_REPORT_ROLES: UserRole[] = ['team_admin'];

/**
 * The account whose team report the caller reads. Only a super_admin may name another account;
 * anyone else naming one gets 403 (naming their own is allowed and changes nothing).
 */
export function teamReportAccount(caller: AuthUser, requestedAccountId?: string): string {
  const requested = requestedAccountId?.toLowerCase();
  if (!requested || requested === caller.accountId) return caller.accountId;
  if (caller.role !== 'super_admin')
    throw new ForbiddenException('Only a super_admin may read another account’s analytics');
  // Every read across accounts leaves a line in the log, whoever reviews access later.
  AUDIT.log(`super_admin ${caller.id} (${caller.email}) read the team analytics of account ${requested}`);
  return requested;
}

/** The team report's account as the database found it, and whether it found the engineer filtered on: both must exist. */
export function checkTeamReportScope<Account extends { engineer_found: boolean }>(
  account: Account | undefined,
  engineerId?: string,
): asserts account is Account {
  if (!account) throw new NotFoundException('Account not found');
  if (engineerId && !account.engineer_found) throw new NotFoundException('Engineer not found');
}

/** A flow of the caller's account as the database found it: drafts only for admins, anything else missing is 404. */
export function checkFlowReport<Flow extends { status: string }>(
  caller: AuthUser,
  flow: Flow | undefined,
): asserts flow is Flow {
  if (!flow || (flow.status === 'draft' && !isAdmin(caller))) throw new NotFoundException('Flow not found');
}

/** Whether the flow report names who wrote each comment: for admins only. */
export const showsCommenters = (caller: AuthUser): boolean => isAdmin(caller);
