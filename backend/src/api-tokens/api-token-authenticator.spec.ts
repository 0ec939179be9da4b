import { UnauthorizedException } from '@nestjs/common';

import { ApiTokenAuthenticator } from './api-token-authenticator';
import { newTokenSecret } from './api-token-secret';
import type { ApiTokensRepository, TokenCallerRow } from './api-tokens.repository';

const OWNER = {
  id: 'user-1',
  accountId: 'account-1',
  email: 'ada@example.test',
  name: 'Ada',
  role: 'team_admin' as const,
  active: true,
};

/** A repository that knows one token, counting what the authenticator asks of it. */
function fakeRepository(state: Partial<TokenCallerRow> = {}) {
  const calls = { lookUps: 0, reads: 0, touches: 0 };
  const row = (): TokenCallerRow => ({
    idx: 0,
    revoked: false,
    expired: false,
    expires_at: new Date('2030-01-01T00:00:00Z'),
    scopes: ['users:read'],
    ...OWNER,
    ...state,
  });
  const repository = {
    findByDigest: async () => {
      calls.lookUps++;
      return { id: 'token-1', account_id: 'account-1' };
    },
    readCallers: async (ids: string[]) => {
      calls.reads++;
      return ids.map((_, idx) => ({ ...row(), idx }));
    },
    touch: async () => {
      calls.touches++;
    },
  };
  return { repository: repository as unknown as ApiTokensRepository, calls, state };
}

describe('ApiTokenAuthenticator', () => {
  const { token } = newTokenSecret();
  let now = Date.parse('2026-05-01T10:00:10Z');
  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
  afterEach(() => jest.restoreAllMocks());

  it('acts as the owner, narrowed to the token’s scopes', async () => {
    const { repository } = fakeRepository();
    const user = await new ApiTokenAuthenticator(repository).authenticate(token);
    expect(user).toEqual({
      id: 'user-1',
      accountId: 'account-1',
      email: 'ada@example.test',
      name: 'Ada',
      role: 'team_admin',
      apiToken: { id: 'token-1', scopes: ['users:read'] },
    });
  });

  it('looks a token up by its digest once, then reads its state and owner on every request', async () => {
    const { repository, calls } = fakeRepository();
    const authenticator = new ApiTokenAuthenticator(repository);
    for (let i = 0; i < 5; i++) await authenticator.authenticate(token);
    expect(calls).toMatchObject({ lookUps: 1, reads: 5 });
  });

  it('writes last_used_at once per minute, not once per request', async () => {
    const { repository, calls } = fakeRepository();
    const authenticator = new ApiTokenAuthenticator(repository);
    for (let i = 0; i < 10; i++) await authenticator.authenticate(token);
    expect(calls.touches).toBe(1);
    now += 49_000; // 10:00:59
    await authenticator.authenticate(token);
    expect(calls.touches).toBe(1);
    now += 1_000; // 10:01:00, the next minute
    await authenticator.authenticate(token);
    await authenticator.authenticate(token);
    expect(calls.touches).toBe(2);
  });

  it.each([
    ['revoked', { revoked: true }, /revoked/],
    ['expired', { expired: true }, /expired on 2030-01-01T00:00:00.000Z/],
    ['owned by a deactivated user', { active: false }, /owner/],
    ['owned by a user who is gone', { id: null, active: null }, /owner/],
  ])('refuses a token %s with 401 saying so', async (_what, state, message) => {
    const { repository, calls } = fakeRepository(state as Partial<TokenCallerRow>);
    const attempt = new ApiTokenAuthenticator(repository).authenticate(token);
    await expect(attempt).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(attempt).rejects.toThrow(message);
    expect(calls.touches).toBe(0);
  });

  it('refuses a malformed or altered token without asking the database', async () => {
    const { repository, calls } = fakeRepository();
    const authenticator = new ApiTokenAuthenticator(repository);
    await expect(authenticator.authenticate(`${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`)).rejects.toThrow(
      'Invalid API token',
    );
    await expect(authenticator.authenticate('rf_pat_short')).rejects.toThrow('Invalid API token');
    expect(calls).toMatchObject({ lookUps: 0, reads: 0 });
  });
});
