import { Module } from '@nestjs/common';
import { AnalyticsContextService } from './analytics-context.service';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsService } from './analytics.service';

@Module({
  controllers: [AnalyticsController],
  providers: [AnalyticsContextService, AnalyticsService],
})
export class AnalyticsModule {}
