import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

import { SessionRating } from '../session-rating.entity';

export const COMMENT_MAX = 500;

export class RateSessionDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, description: '1 – Very poor … 5 – Excellent' })
  @IsInt({ message: 'rating must be a whole number from 1 to 5' })
  @Min(1, { message: 'rating must be a whole number from 1 to 5' })
  @Max(5, { message: 'rating must be a whole number from 1 to 5' })
  rating: number;

  @ApiPropertyOptional({ maxLength: COMMENT_MAX, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX, { message: `comment must be at most ${COMMENT_MAX} characters` })
  comment?: string | null;
}

export class SessionRatingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) session_id: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) rating: number;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;

  static from(rating: Pick<SessionRating, 'id' | 'sessionId' | 'rating' | 'comment' | 'createdAt'>): SessionRatingDto {
    return {
      id: rating.id,
      session_id: rating.sessionId,
      rating: rating.rating,
      comment: rating.comment,
      created_at: new Date(rating.createdAt).toISOString(),
    };
  }
}

export class StepFeedbackDto {
  @ApiProperty({ format: 'uuid', description: 'A session of yours whose flow uses this step' })
  @IsUUID('all', { message: 'session_id must be a UUID' })
  session_id: string;

  @ApiProperty({ description: 'true = thumbs up, false = thumbs down' })
  @IsBoolean({ message: 'was_helpful must be true or false' })
  was_helpful: boolean;
}

export class NodeFeedbackDto {
  @ApiProperty({ description: 'true = thumbs up, false = thumbs down' })
  @IsBoolean({ message: 'was_helpful must be true or false' })
  was_helpful: boolean;
}

export const FEEDBACK_STATUSES = ['created', 'updated'] as const;

export class FeedbackResultDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The library step, if the node uses one' })
  step_id: string | null;
  @ApiProperty({ format: 'uuid' }) node_id: string;
  @ApiProperty({ format: 'uuid' }) session_id: string;
  @ApiProperty() was_helpful: boolean;
  @ApiProperty({
    enum: FEEDBACK_STATUSES,
    description: 'created on the first vote (201), updated when it changed one (200)',
  })
  status: (typeof FEEDBACK_STATUSES)[number];
}

export class SessionVoteDto {
  @ApiProperty({ format: 'uuid' }) node_id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) step_id: string | null;
  @ApiProperty() was_helpful: boolean;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}
