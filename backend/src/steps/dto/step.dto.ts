import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

import { OptionalNotNull } from '../../common/dto/optional';
import { trimmed } from '../../common/dto/transforms';
import { LibraryStep } from '../library-step.entity';

export class CreateStepDto {
  @ApiProperty({ example: 'Restart the print spooler', maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ example: 'Open services.msc, find "Print Spooler", choose Restart.', maxLength: 10000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(10000)
  instructions?: string;
}

export class UpdateStepDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(10000)
  instructions?: string;
}

export class StepResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() instructions: string;
  @ApiProperty({ description: 'Thumbs-up votes from step feedback' }) helpful_yes: number;
  @ApiProperty({ description: 'Thumbs-down votes from step feedback' }) helpful_no: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) created_by: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;

  static from(step: LibraryStep): StepResponseDto {
    return {
      id: step.id,
      title: step.title,
      instructions: step.instructions,
      helpful_yes: step.helpfulYes,
      helpful_no: step.helpfulNo,
      created_by: step.createdBy,
      created_at: step.createdAt.toISOString(),
      updated_at: step.updatedAt.toISOString(),
    };
  }
}
