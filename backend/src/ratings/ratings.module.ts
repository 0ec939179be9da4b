import { Module } from '@nestjs/common';
import { RatingsController } from './ratings.controller';
import { SessionRatingsService } from './session-ratings.service';
import { StepFeedbackService } from './step-feedback.service';

@Module({
  controllers: [RatingsController],
  providers: [SessionRatingsService, StepFeedbackService],
})
export class RatingsModule {}
