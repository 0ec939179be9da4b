import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

import { IsHttpUrl } from '../../common/dto/is-http-url';
import { trimmed } from '../../common/dto/transforms';
import { Outcome, OUTCOMES } from '../session.entity';

export const EXTERNAL_REF_MAX = 200;
export const EXTERNAL_URL_MAX = 2000;

export class StartSessionDto {
  @ApiProperty({ format: 'uuid', description: 'A published flow of your account' })
  @IsUUID('all', { message: 'tree_id must be a UUID' })
  tree_id: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: EXTERNAL_REF_MAX,
    example: 'INC0012345',
    description:
      'The ticket this session belongs to, in your ticketing tool; find its sessions again with GET /sessions?external_ref=',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'external_ref must be text' })
  @MinLength(1, { message: 'external_ref must not be empty' })
  @MaxLength(EXTERNAL_REF_MAX, { message: `external_ref must be at most ${EXTERNAL_REF_MAX} characters` })
  external_ref?: string | null;

  @ApiPropertyOptional({
    format: 'uri',
    maxLength: EXTERNAL_URL_MAX,
    example: 'https://acme.service-now.com/incident.do?sys_id=9d385017c611228701d22104cc95c371',
    description: 'A link to that ticket (http or https)',
  })
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(EXTERNAL_URL_MAX, { message: `external_url must be at most ${EXTERNAL_URL_MAX} characters` })
  @IsHttpUrl({ message: 'external_url must be an http or https URL' })
  external_url?: string | null;
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
export const SESSION_LIST_FORMATS = ['json', 'csv'] as const;

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

  @ApiPropertyOptional({
    maxLength: EXTERNAL_REF_MAX,
    description:
      'Sessions of this ticket (exact match, trimmed as at start), among all you may see: for admins, the whole account',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'external_ref must be text' })
  @MinLength(1, { message: 'external_ref must not be empty' })
  @MaxLength(EXTERNAL_REF_MAX, { message: `external_ref must be at most ${EXTERNAL_REF_MAX} characters` })
  external_ref?: string;

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

  @ApiPropertyOptional({
    enum: SESSION_LIST_FORMATS,
    description: 'csv answers a CSV download of every matching session (not a page); so does Accept: text/csv',
  })
  @IsOptional()
  @IsIn(SESSION_LIST_FORMATS, { message: 'format must be json or csv' })
  format?: (typeof SESSION_LIST_FORMATS)[number];
}
