import { Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AccountsModule } from './accounts/accounts.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { ApiTokensModule } from './api-tokens/api-tokens.module';
import { AuthModule } from './auth/auth.module';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { BearerAuthGuard } from './common/guards/bearer-auth.guard';
import { RolesGuard } from './common/guards/roles.guard';
import { TokenScopeGuard } from './common/guards/token-scope.guard';
import { RetryAfterThrottlerGuard } from './common/throttling/retry-after-throttler.guard';
import { ThrottlingModule } from './common/throttling/throttling.module';
import { appConfig } from './config/app.config';
import { dataSourceOptions } from './database/data-source-options';
import { FeedbackModule } from './feedback/feedback.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { SessionsModule } from './sessions/sessions.module';
import { StepsModule } from './steps/steps.module';
import { TreesModule } from './trees/trees.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [appConfig] }),
    TypeOrmModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (config: ConfigType<typeof appConfig>) => dataSourceOptions(config.databaseUrl),
    }),
    LoggingModule,
    ThrottlingModule,
    AccountsModule,
    AuthModule,
    ApiTokensModule,
    UsersModule,
    StepsModule,
    TreesModule,
    SessionsModule,
    FeedbackModule,
    AnalyticsModule,
    HealthModule,
    WebhooksModule,
  ],
  providers: [
    // Order matters: shed abusive traffic before any token or database work.
    { provide: APP_GUARD, useClass: RetryAfterThrottlerGuard },
    { provide: APP_GUARD, useClass: BearerAuthGuard },
    // An API token is narrowed to its scopes first; its owner's role is checked after, as for anyone.
    { provide: APP_GUARD, useClass: TokenScopeGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class AppModule {}
