import { Module } from '@nestjs/common';

import { AnalyticsModule } from '../analytics/analytics.module';
import { CsvExportSlots } from './csv-export-slots';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

@Module({
  imports: [AnalyticsModule],
  controllers: [SessionsController],
  providers: [SessionsService, SessionsRepository, CsvExportSlots],
  exports: [SessionsService, SessionsRepository],
})
export class SessionsModule {}
