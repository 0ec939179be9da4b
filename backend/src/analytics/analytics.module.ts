import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';

import { appConfig } from '../config/app.config';
import { AnalyticsContextService } from './report/analytics-context.service';
import { AnalyticsController } from './report/analytics.controller';
import { AnalyticsService } from './report/analytics.service';
import { ClosedDaysCache } from './report/closed-days';
import { FlowVersionsController } from './report/flow-versions.controller';
import { ReportCache } from './report/report-cache';
import { ReportSnapshot } from './report/report-snapshot';
import { SessionCountsService } from './report/session-counts.service';
import { AnalyticsVersionPruner } from './rollup/analytics-version-pruner';
import { RollupJournalFolder } from './rollup/rollup-journal-folder';

@Module({
  controllers: [AnalyticsController, FlowVersionsController],
  providers: [
    AnalyticsContextService,
    AnalyticsService,
    SessionCountsService,
    ReportSnapshot,
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
  // The sessions list reads windows and counts as analytics do (sessions/sessions.service.ts).
  exports: [AnalyticsContextService, SessionCountsService],
})
export class AnalyticsModule {}
