import { ApiProperty } from '@nestjs/swagger';

import { NodeResponseDto } from '../../trees/dto/tree-response.dto';
import { Outcome, OUTCOMES } from '../session.entity';

export class PathEntryDto {
  @ApiProperty({ format: 'uuid' }) node_id: string;
  @ApiProperty({ format: 'uuid' }) option_id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'Title of the node as it was in the session’s version of the flow' }) node_title: string;
  @ApiProperty({ description: 'Label of the chosen option, as it was in the session’s version' }) option_label: string;
  @ApiProperty({
    description:
      'Seconds spent at this node: from reaching it (the previous answer, or the start for the first) to answering it',
  })
  seconds: number;
}

export class SessionDetailVoteDto {
  @ApiProperty({ format: 'uuid' }) node_id: string;
  @ApiProperty({ description: 'Title of the node voted on, as it was in the session’s version' }) node_title: string;
  @ApiProperty({ enum: ['helpful', 'unhelpful'] }) vote: 'helpful' | 'unhelpful';
  @ApiProperty({ format: 'date-time', description: 'When the vote was last given' }) at: string;
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
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The flow version the session started on; null for sessions older than this record',
  })
  tree_version: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Seconds from start to completion (null while running)' })
  duration_seconds: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'Title of current_node_id: as it is now while the session runs, as it was in the session’s version once it ended (removed nodes keep theirs)',
  })
  current_node_title: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The node a completed session ended at (null while running)',
  })
  ended_at_node_id: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Title of ended_at_node_id, as it was in the session’s version',
  })
  ended_at_node_title: string | null;
  @ApiProperty({ description: 'Answers on the session’s path' }) steps_answered: number;
  @ApiProperty({ nullable: true, type: String, description: 'The comment given with the rating, if any' })
  comment: string | null;
}

export class SessionResponseDto extends SessionSummaryDto {
  @ApiProperty({ type: NodeResponseDto, nullable: true }) current_node: NodeResponseDto | null;
  @ApiProperty({ type: [PathEntryDto] }) path: PathEntryDto[];
  @ApiProperty({ type: [SessionDetailVoteDto], description: 'The step votes given in this session, in path order' })
  votes: SessionDetailVoteDto[];
}

export class SessionPageDto {
  @ApiProperty({ type: [SessionSummaryDto] }) items: SessionSummaryDto[];
  @ApiProperty({ description: 'How many sessions match the filters in all (exact)' })
  total: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as cursor for the next page (same filters and sort); null on the last page',
  })
  next_cursor: string | null;
}
