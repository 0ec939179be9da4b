import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

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
