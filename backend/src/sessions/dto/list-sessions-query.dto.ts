import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

import { MAX_RANGE_DAYS, type Period } from '../../analytics/report/analytics-window';
import { WindowFrom, WindowPeriod, WindowTimeZone, WindowTo } from '../../analytics/report/dto/analytics-query.dto';
import { trimmed } from '../../common/dto/transforms';
import { OUTCOMES } from '../session.entity';
import { EXTERNAL_REF_MAX } from './session-body.dto';

/** `active` is today's name; `in_progress` the issue's: both mean not completed. */
export const SESSION_STATES = ['active', 'in_progress', 'completed'] as const;
export const SESSION_LIST_FORMATS = ['json', 'csv'] as const;
export const SESSION_SORTS = ['started_at', '-started_at', 'duration', '-duration', 'rating', '-rating'] as const;
export type SessionSort = (typeof SESSION_SORTS)[number];
export const VOTES = ['helpful', 'unhelpful'] as const;

@ValidatorConstraint({ name: 'outcomeList' })
class OutcomeListConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return (
      typeof value === 'string' &&
      value.split(',').every((outcome) => (OUTCOMES as readonly string[]).includes(outcome.trim()))
    );
  }
  defaultMessage(): string {
    return `outcome must be one or a comma list of: ${OUTCOMES.join(', ')}`;
  }
}

/** rating_max ≥ rating_min when both are given. */
@ValidatorConstraint({ name: 'ratingRange' })
class RatingRangeConstraint implements ValidatorConstraintInterface {
  validate(max: unknown, args: ValidationArguments): boolean {
    const { rating_min: min } = args.object as { rating_min?: unknown };
    return typeof min !== 'number' || typeof max !== 'number' || max >= min;
  }
  defaultMessage(): string {
    return 'rating_max must not be below rating_min';
  }
}

const nodeId = (name: string, description: string) => [
  ApiPropertyOptional({ format: 'uuid', description }),
  IsOptional(),
  IsUUID('all', { message: `${name} must be a UUID` }),
];
const score = (name: string, description: string) => [
  ApiPropertyOptional({ minimum: 1, maximum: 5, description }),
  IsOptional(),
  Type(() => Number),
  IsInt({ message: `${name} must be a whole number from 1 to 5` }),
  Min(1, { message: `${name} must be a whole number from 1 to 5` }),
  Max(5, { message: `${name} must be a whole number from 1 to 5` }),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((decorator) => decorator(target, key));

/**
 * The sessions list's filters (GET /sessions). Every filter narrows; the window (period or
 * from/to, days in tz) has analytics' meaning, so a list drilled from a figure counts what the
 * figure counts: see docs/api.md "Sessions list".
 */
export class ListSessionsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Admins only: sessions of this engineer' })
  @IsOptional()
  @IsUUID('all', { message: 'user_id must be a UUID' })
  user_id?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'tree_id must be a UUID' })
  tree_id?: string;

  @ApiPropertyOptional({ enum: SESSION_STATES, description: 'in_progress and active both mean not completed' })
  @IsOptional()
  @IsIn(SESSION_STATES)
  status?: (typeof SESSION_STATES)[number];

  @ApiPropertyOptional({
    example: 'escalated,unresolved',
    description: `One outcome or a comma list (${OUTCOMES.join(', ')}): completed sessions with any of them`,
  })
  @IsOptional()
  @Validate(OutcomeListConstraint)
  outcome?: string;

  @WindowPeriod(
    'Sessions of the last 7, 30 or 90 days (today in tz included), as analytics count them. Ignored when from and to are given. No window: all time.',
  )
  period?: Period;

  @WindowFrom(`Window instead of period: first local day (in tz), included. Needs to; at most ${MAX_RANGE_DAYS} days.`)
  from?: string;

  @WindowTo('Window instead of period: last local day (in tz), included. Needs from.')
  to?: string;

  @WindowTimeZone('IANA time zone the window’s days are counted in; defaults to the account’s time zone')
  tz?: string;

  @apply(nodeId('stopped_at_node_id', 'Unfinished sessions now at this node (the drop-off figure)'))
  stopped_at_node_id?: string;

  @apply(nodeId('ended_at_node_id', 'Completed sessions that ended at this node (outcomes by node)'))
  ended_at_node_id?: string;

  @apply(nodeId('visited_node_id', 'Sessions that reached this node: answered it on their path, or stand at it'))
  visited_node_id?: string;

  @apply(
    nodeId(
      'vote_node_id',
      'Sessions with a step vote on this node (with a window: a vote given in the window, as step feedback counts)',
    ),
  )
  vote_node_id?: string;

  @ApiPropertyOptional({ enum: VOTES, description: 'Sessions with a vote of this kind (on vote_node_id if given)' })
  @IsOptional()
  @IsIn(VOTES, { message: `vote must be one of: ${VOTES.join(', ')}` })
  vote?: (typeof VOTES)[number];

  @apply(score('rating', 'Sessions rated exactly this (with a window: rated in the window, as CSAT counts)'))
  rating?: number;

  @apply(score('rating_min', 'Sessions rated at least this'))
  rating_min?: number;

  @apply(score('rating_max', 'Sessions rated at most this'))
  @Validate(RatingRangeConstraint)
  rating_max?: number;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: rated with a comment; false: without one' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'has_comment must be true or false' })
  has_comment?: 'true' | 'false';

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

  @ApiPropertyOptional({ minimum: 1, description: 'Sessions started on this version of their flow' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'tree_version must be a whole number of at least 1' })
  @Min(1, { message: 'tree_version must be a whole number of at least 1' })
  @Max(2_147_483_647, { message: 'tree_version must be a whole number of at least 1' })
  tree_version?: number;

  @ApiPropertyOptional({
    enum: SESSION_SORTS,
    default: '-started_at',
    description: 'Order of the list; a leading - is descending. Sessions without a duration or rating come last.',
  })
  @IsOptional()
  @IsIn(SESSION_SORTS, { message: `sort must be one of: ${SESSION_SORTS.join(', ')}` })
  sort?: SessionSort;

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

  @ApiPropertyOptional({
    description: 'The next_cursor of the page before: the page after it, with the same filters and sort',
  })
  @IsOptional()
  @IsString({ message: 'cursor must be a next_cursor of this list' })
  @MaxLength(1000, { message: 'cursor must be a next_cursor of this list' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'Older paging: skip this many (not with cursor)' })
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
