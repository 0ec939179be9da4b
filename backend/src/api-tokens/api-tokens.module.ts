import { Module } from '@nestjs/common';

import { ApiTokenAuthenticator } from './api-token-authenticator';
import { ApiTokensController } from './api-tokens.controller';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensService } from './api-tokens.service';

@Module({
  controllers: [ApiTokensController],
  providers: [ApiTokensRepository, ApiTokensService, ApiTokenAuthenticator],
  // For the global BearerAuthGuard.
  exports: [ApiTokenAuthenticator],
})
export class ApiTokensModule {}
