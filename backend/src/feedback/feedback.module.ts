import { Module } from '@nestjs/common';
import { RatingsController } from './feedback.controller';
import { SessionRatingsService } from './session-ratings.service';
import { StepFeedbackService } from './step-votes.service';

@Module({
  controllers: [RatingsController],
  providers: [SessionRatingsService, StepFeedbackService],
})
export class RatingsModule {}
