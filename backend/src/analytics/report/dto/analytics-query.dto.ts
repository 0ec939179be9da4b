import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  Validate,
  ValidateIf,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

import {
  dayCount,
  FIRST_DATE,
  isIsoDate,
  isKnownTimeZone,
  LAST_DATE,
  MAX_RANGE_DAYS,
  PERIODS,
  type Period,
} from '../analytics-window';

export const ANALYTICS_FORMATS = ['json', 'csv'] as const;
export type AnalyticsFormat = (typeof ANALYTICS_FORMATS)[number];

@ValidatorConstraint({ name: 'isoDate' })
export class IsoDateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isIsoDate(value);
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a date as YYYY-MM-DD, from ${FIRST_DATE} to ${LAST_DATE}`;
  }
}

/** to ≥ from, and at most MAX_RANGE_DAYS days from `from` to `to`, both included. */
@ValidatorConstraint({ name: 'dateRange' })
export class DateRangeConstraint implements ValidatorConstraintInterface {
  validate(to: unknown, args: ValidationArguments): boolean {
    const { from } = args.object as { from?: unknown };
    if (!isIsoDate(from) || !isIsoDate(to)) return true; // the date checks report those
    const days = dayCount(from, to);
    return days >= 1 && days <= MAX_RANGE_DAYS;
  }
  defaultMessage(args: ValidationArguments): string {
    const { from } = args.object as { from: string };
    return dayCount(from, args.value) < 1
      ? 'to must not be before from'
      : `to must be at most ${MAX_RANGE_DAYS - 1} days after from: a range covers at most ${MAX_RANGE_DAYS} days`;
  }
}

@ValidatorConstraint({ name: 'timeZone' })
export class TimeZoneConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isKnownTimeZone(value);
  }
  defaultMessage(): string {
    return 'tz must be an IANA time zone name such as Europe/Berlin';
  }
}

const customRange = (o: { from?: unknown; to?: unknown }) => o.from !== undefined || o.to !== undefined;

/**
 * The window's query fields, checked one way wherever a window is taken (analytics, the sessions
 * list), each endpoint describing them in its own words. applyDecorators applies them in the order
 * listed, so they are listed as stacked decorators apply (bottom up): the messages keep their order.
 */
export const WindowPeriod = (description: string, defaultPeriod?: Period) =>
  applyDecorators(
    IsIn(PERIODS, { message: `period must be one of: ${PERIODS.join(', ')}` }),
    IsOptional(),
    ApiPropertyOptional({ enum: PERIODS, default: defaultPeriod, description }),
  );
export const WindowFrom = (description: string) =>
  applyDecorators(
    Validate(IsoDateConstraint),
    IsDefined({ message: 'from is required when to is given' }),
    ValidateIf(customRange),
    ApiPropertyOptional({ format: 'date', example: '2026-10-26', description }),
  );
export const WindowTo = (description: string) =>
  applyDecorators(
    Validate(DateRangeConstraint),
    Validate(IsoDateConstraint),
    IsDefined({ message: 'to is required when from is given' }),
    ValidateIf(customRange),
    ApiPropertyOptional({ format: 'date', example: '2026-11-24', description }),
  );
export const WindowTimeZone = (description: string) =>
  applyDecorators(
    Validate(TimeZoneConstraint),
    IsOptional(),
    ApiPropertyOptional({ example: 'Europe/Berlin', description }),
  );

/** The window and format of an analytics request; shared by every analytics endpoint. */
export class AnalyticsQueryDto {
  @WindowPeriod('The last 7, 30 or 90 days, today (in tz) included. Ignored when from and to are given.', '30d')
  period?: Period;

  @WindowFrom(
    `Custom range instead of period: first day (local date in tz), included. Needs to; at most ${MAX_RANGE_DAYS} days.`,
  )
  from?: string;

  @WindowTo('Custom range instead of period: last day (local date in tz), included. Needs from; not before it.')
  to?: string;

  @WindowTimeZone('IANA time zone the days are counted in; defaults to the account’s time zone')
  tz?: string;

  @ApiPropertyOptional({
    enum: ANALYTICS_FORMATS,
    default: 'json',
    description: 'csv answers a CSV download of the time series and tables; so does Accept: text/csv',
  })
  @IsOptional()
  @IsIn(ANALYTICS_FORMATS, { message: `format must be one of: ${ANALYTICS_FORMATS.join(', ')}` })
  format?: AnalyticsFormat;
}

export class TeamAnalyticsQueryDto extends AnalyticsQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only this engineer’s sessions and ratings; must be a user of the account',
  })
  @IsOptional()
  @IsUUID('all', { message: 'engineer_id must be a UUID' })
  engineer_id?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'super_admin only: report on this account instead of your own (403 for anyone else naming another account)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'account_id must be a UUID' })
  account_id?: string;
}

export class FlowAnalyticsQueryDto extends AnalyticsQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description:
      'Only sessions started on this version of the flow, and their ratings and votes; one of the flow’s versions (1 to its current version). Such reports are aggregated live (the rollups are not kept per version).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be at least 1' })
  @Max(2147483647, { message: 'version must be one of the flow’s versions' })
  version?: number;
}
