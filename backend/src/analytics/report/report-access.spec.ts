import { ForbiddenException, NotFoundException } from '@nestjs/common';

import { AuthUser } from '../../common/auth-user';
import { checkFlowReport, checkTeamReportScope, showsCommenters, teamReportAccount } from './report-access';

const ACCOUNT = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const as = (role: AuthUser['role']): AuthUser => ({
  id: 'u',
  accountId: ACCOUNT,
  email: 'x@example.com',
  name: 'X',
  role,
});

describe('report access', () => {
  it('reads the caller’s own account’s team report, and another account’s only as a super admin', () => {
    expect(teamReportAccount(as('team_admin'))).toBe(ACCOUNT);
    expect(teamReportAccount(as('team_admin'), ACCOUNT.toUpperCase())).toBe(ACCOUNT);
    expect(() => teamReportAccount(as('team_admin'), OTHER)).toThrow(ForbiddenException);
    expect(teamReportAccount(as('super_admin'), OTHER)).toBe(OTHER);
  });

  it('answers 404 for an account or an engineer filter the database did not find', () => {
    expect(() => checkTeamReportScope(undefined)).toThrow(NotFoundException);
    expect(() => checkTeamReportScope({ engineer_found: false }, 'e')).toThrow('Engineer not found');
    expect(() => checkTeamReportScope({ engineer_found: false })).not.toThrow();
    expect(() => checkTeamReportScope({ engineer_found: true }, 'e')).not.toThrow();
  });

  it('shows drafts’ reports and who commented to admins only', () => {
    expect(() => checkFlowReport(as('engineer'), { status: 'draft' })).toThrow(NotFoundException);
    expect(() => checkFlowReport(as('engineer'), { status: 'archived' })).not.toThrow();
    expect(() => checkFlowReport(as('team_admin'), { status: 'draft' })).not.toThrow();
    expect(() => checkFlowReport(as('team_admin'), undefined)).toThrow(NotFoundException);
    expect(showsCommenters(as('engineer'))).toBe(false);
    expect(showsCommenters(as('super_admin'))).toBe(true);
  });
});
