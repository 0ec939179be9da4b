import { Module } from '@nestjs/common';

import { SessionsModule } from '../sessions/sessions.module';
import { SessionFeedbackAccess } from './session-feedback-access';
import { SessionFeedbackController } from './session-feedback.controller';
import { SessionRatingsRepository } from './session-ratings.repository';
import { SessionRatingsService } from './session-ratings.service';
import { StepFeedbackController } from './step-feedback.controller';
import { StepVotesRepository } from './step-votes.repository';
import { StepVotesService } from './step-votes.service';

@Module({
  imports: [SessionsModule],
  controllers: [SessionFeedbackController, StepFeedbackController],
  providers: [
    SessionRatingsService,
    StepVotesService,
    SessionRatingsRepository,
    StepVotesRepository,
    SessionFeedbackAccess,
  ],
})
export class FeedbackModule {}
