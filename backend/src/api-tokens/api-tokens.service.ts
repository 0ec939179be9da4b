import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';

import { AuthUser, isAdmin } from '../common/auth-user';
import { newTokenSecret } from './api-token-secret';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokenDto, CreatedApiTokenDto } from './dto/api-token-response.dto';
import { CreateApiTokenDto, DEFAULT_EXPIRY_DAYS } from './dto/create-api-token.dto';
import { TOKEN_SCOPES } from './token-scopes';

/** Personal API tokens: made, listed and revoked by signed-in people (never by a token). */
@Injectable()
export class ApiTokensService {
  constructor(private readonly tokens: ApiTokensRepository) {}

  async create(caller: AuthUser, dto: CreateApiTokenDto): Promise<CreatedApiTokenDto> {
    const secret = newTokenSecret();
    const row = await this.tokens.insert({
      accountId: caller.accountId,
      userId: caller.id,
      name: dto.name,
      prefix: secret.prefix,
      digest: secret.digest,
      // Each scope once, in the list's order, so equal tokens read alike.
      scopes: TOKEN_SCOPES.filter((scope) => dto.scopes.includes(scope)),
      expiresInDays: dto.expires_in_days ?? DEFAULT_EXPIRY_DAYS,
    });
    return { ...ApiTokenDto.from(row), token: secret.token };
  }

  /** The caller's tokens; with `all`, a team admin's view of every token of the account. */
  async list(caller: AuthUser, all: boolean): Promise<ApiTokenDto[]> {
    if (all && !isAdmin(caller)) throw new ForbiddenException('Only team admins can list every token of the account');
    return (await this.tokens.list(caller.accountId, all ? null : caller.id)).map(ApiTokenDto.from);
  }

  /** The owner may revoke a token, and so may the account's admins; anyone else's attempt looks like a missing token. */
  async revoke(caller: AuthUser, id: string): Promise<void> {
    const revoked = await this.tokens.revoke(caller.accountId, id, isAdmin(caller) ? null : caller.id);
    if (!revoked) throw new NotFoundException('API token not found');
  }
}
