import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { appConfig } from '../config/app.config';
import { AnalyticsContextService } from './analytics-context.service';
import { ReportCache } from './analytics-report-cache';
import { ClosedDaysCache } from './rollup/closed-days';
import { AnalyticsVersionPruner } from './analytics-version-pruner';
import { RollupJournalFolder } from './rollup-journal-folder';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsService } from './analytics.service';

@Module({
  controllers: [AnalyticsController],
  providers: [
    AnalyticsContextService,
    AnalyticsService,
    AnalyticsVersionPruner,
    RollupJournalFolder,
    {
      provide: ReportCache,
      inject: [appConfig.KEY],
      useFactory: (config: ConfigType<typeof appConfig>) => new ReportCache(config.analyticsCacheEntries),
    },
    {
      provide: ClosedDaysCache,
      inject: [appConfig.KEY],
      useFactory: (config: ConfigType<typeof appConfig>) => new ClosedDaysCache(config.analyticsClosedDaysEntries),
    },
  ],
})
export class AnalyticsModule {}
