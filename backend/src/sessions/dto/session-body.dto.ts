import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { OUTCOMES, Outcome } from '../session.entity';

export class StartSessionDto {
  @ApiProperty({ format: 'uuid', description: 'A published flow of your account' })
  @IsUUID('all', { message: 'tree_id must be a UUID' })
  tree_id: string;
}

export class DecisionDto {
  @ApiProperty({ format: 'uuid', description: 'The node you answered: must be the current node' })
  @IsUUID('all', { message: 'node_id must be a UUID' })
  node_id: string;

  @ApiProperty({ format: 'uuid', description: 'One of that node’s options' })
  @IsUUID('all', { message: 'option_id must be a UUID' })
  option_id: string;
}

export class CompleteSessionDto {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES, { message: `outcome must be one of: ${OUTCOMES.join(', ')}` })
  outcome: Outcome;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;
}

export const SESSION_STATES = ['active', 'completed'] as const;

export class ListSessionsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Admins only: sessions of this engineer' })
  @IsOptional()
  @IsUUID('all', { message: 'user_id must be a UUID' })
  user_id?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'tree_id must be a UUID' })
  tree_id?: string;

  @ApiPropertyOptional({ enum: SESSION_STATES })
  @IsOptional()
  @IsIn(SESSION_STATES)
  status?: (typeof SESSION_STATES)[number];

  @ApiPropertyOptional({ description: 'Admins only: true lists every session of the account, not just your own' })
  @IsOptional()
  @IsIn(['true', 'false'])
  all?: 'true' | 'false';

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}
