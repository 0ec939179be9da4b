import { Module } from '@nestjs/common';

import { AnalyticsContextService } from '../analytics/report/analytics-context.service';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController],
  providers: [SessionsService, SessionsRepository, AnalyticsContextService],
  exports: [SessionsService, SessionsRepository],
})
export class SessionsModule {}
