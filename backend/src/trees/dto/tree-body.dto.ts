import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { OptionalNotNull } from '../../common/dto/optional';
import { trimmed } from '../../common/dto/transforms';
import { NODE_TYPES, NodeType } from '../tree-node.entity';
import { TREE_KINDS, TREE_STATUSES, TreeKind, TreeStatus } from '../tree.entity';

export const MAX_NODES = 500;
export const MAX_OPTIONS = 20;

export class OptionBodyDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Kept when given; generated otherwise.' })
  @OptionalNotNull()
  @IsUUID('all', { message: 'option id must be a UUID' })
  id?: string;

  @ApiProperty({ example: 'Yes', maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'label must not be empty' })
  @MaxLength(200)
  label: string;

  @ApiProperty({ format: 'uuid', description: 'A node id of the same payload.' })
  @IsUUID('all', { message: 'next_node_id must be a UUID' })
  next_node_id: string;
}

export class NodeBodyDto {
  @ApiProperty({ format: 'uuid', description: 'Chosen by the client so options can link nodes of one payload.' })
  @IsUUID('all', { message: 'node id must be a UUID' })
  id: string;

  @ApiProperty({ enum: NODE_TYPES })
  @IsIn(NODE_TYPES)
  type: NodeType;

  @ApiProperty({ maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(10000)
  body?: string;

  @ApiPropertyOptional({ maxLength: 5000, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  help_text?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'A library step of the same account.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'step_id must be a UUID' })
  step_id?: string | null;

  @ApiPropertyOptional({ type: [OptionBodyDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_OPTIONS)
  // An array in place of an option would pass ValidateNested (it validates nested arrays' items).
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => OptionBodyDto)
  options?: OptionBodyDto[];
}

/** The body of POST /trees and PUT /trees/:id, and the JSON a flow is exported as. */
export class TreeBodyDto {
  @ApiProperty({ example: 'VPN will not connect', maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ enum: TREE_KINDS, default: 'decision' })
  @OptionalNotNull()
  @IsIn(TREE_KINDS)
  kind?: TreeKind;

  @ApiPropertyOptional({ enum: TREE_STATUSES, default: 'draft' })
  @OptionalNotNull()
  @IsIn(TREE_STATUSES)
  status?: TreeStatus;

  @ApiProperty({ format: 'uuid', description: 'A node id of the same payload.' })
  @IsUUID('all', { message: 'start_node_id must be a UUID' })
  start_node_id: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'PUT only: the version you edited; a newer one on the server answers 409.',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiProperty({ type: [NodeBodyDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'nodes must contain at least one node' })
  @ArrayMaxSize(MAX_NODES)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => NodeBodyDto)
  nodes: NodeBodyDto[];
}
