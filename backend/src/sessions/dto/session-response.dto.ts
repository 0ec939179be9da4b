import { ApiProperty } from '@nestjs/swagger';

import { NodeResponseDto } from '../../trees/dto/tree-response.dto';
import { Outcome, OUTCOMES } from '../session.entity';

export class PathEntryDto {
  @ApiProperty({ format: 'uuid' }) node_id: string;
  @ApiProperty({ format: 'uuid' }) option_id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'Title of the node when it was answered' }) node_title: string;
  @ApiProperty({ description: 'Label of the chosen option' }) option_label: string;
}

export class SessionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) tree_id: string;
  @ApiProperty() tree_name: string;
  @ApiProperty({ format: 'uuid' }) user_id: string;
  @ApiProperty() user_name: string;
  @ApiProperty({ format: 'date-time' }) started_at: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completed_at: string | null;
  @ApiProperty({ enum: OUTCOMES, nullable: true }) outcome: Outcome | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) current_node_id: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Minutes from start to completion, 1 decimal' })
  duration_minutes: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: 1,
    maximum: 5,
    description: 'The CSAT given for this session, if any',
  })
  rating: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'The ticket this session belongs to (given at start)' })
  external_ref: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uri', description: 'A link to that ticket (given at start)' })
  external_url: string | null;
}

export class SessionResponseDto extends SessionSummaryDto {
  @ApiProperty({ type: NodeResponseDto, nullable: true }) current_node: NodeResponseDto | null;
  @ApiProperty({ type: [PathEntryDto] }) path: PathEntryDto[];
}

/** The sessions list counts its matches up to this many (`total`); past it, `total_exact` is false. */
export const SESSION_COUNT_LIMIT = 1000;
const LIMIT_TEXT = SESSION_COUNT_LIMIT.toLocaleString('en-US');

export class SessionPageDto {
  @ApiProperty({ type: [SessionSummaryDto] }) items: SessionSummaryDto[];
  @ApiProperty({
    description: `Matching sessions, for paging, counted up to ${LIMIT_TEXT}: exact when total_exact is true; otherwise more than ${LIMIT_TEXT} sessions match and total is ${LIMIT_TEXT}`,
  })
  total: number;
  @ApiProperty({ description: 'False when more sessions match than were counted (total is then a lower bound)' })
  total_exact: boolean;
}
