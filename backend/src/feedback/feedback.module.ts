import { Module } from '@nestjs/common';
import { SessionFeedbackController } from './session-feedback.controller';
import { SessionRatingsService } from './session-ratings.service';
import { StepFeedbackController } from './step-feedback.controller';
import { StepVotesService } from './step-votes.service';

@Module({
  controllers: [SessionFeedbackController, StepFeedbackController],
  providers: [SessionRatingsService, StepVotesService],
})
export class FeedbackModule {}
