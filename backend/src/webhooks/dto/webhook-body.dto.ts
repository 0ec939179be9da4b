import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import { IsHttpUrl } from '../../common/dto/is-http-url';
import { OptionalNotNull } from '../../common/dto/optional';
import { trimmed } from '../../common/dto/transforms';
import { DELIVERY_STATUSES, DeliveryStatus, WEBHOOK_EVENTS, WebhookEvent } from '../webhook-events';

const URL_DOC = {
  maxLength: 2048,
  format: 'uri',
  example: 'https://hooks.example.com/resolutionflow',
  description:
    'Where events are POSTed: http or https. Its host must resolve to public addresses only (loopback, private, link-local and unique-local addresses are refused unless the server allows private targets; 169.254.0.0/16 never).',
};
const EVENTS_DOC = {
  enum: WEBHOOK_EVENTS,
  isArray: true,
  example: ['session.completed', 'session.rated'],
  description: 'The events to send, at least one (docs/webhooks.md)',
};

export class CreateWebhookDto {
  @ApiProperty(URL_DOC)
  @Transform(trimmed)
  @IsString({ message: 'url must be text' })
  @MaxLength(2048, { message: 'url must be at most 2048 characters' })
  @IsHttpUrl({ message: 'url must be an http or https URL' })
  url: string;

  @ApiProperty(EVENTS_DOC)
  @IsArray({ message: 'events must be a list' })
  @ArrayNotEmpty({ message: 'events must name at least one event' })
  @ArrayMaxSize(WEBHOOK_EVENTS.length * 4, { message: 'events has too many entries' })
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `events must each be one of: ${WEBHOOK_EVENTS.join(', ')}` })
  events: WebhookEvent[];

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String, description: 'What the endpoint is for' })
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'description must be text' })
  @MaxLength(500, { message: 'description must be at most 500 characters' })
  description?: string | null;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional(URL_DOC)
  @OptionalNotNull()
  @Transform(trimmed)
  @IsString({ message: 'url must be text' })
  @MaxLength(2048, { message: 'url must be at most 2048 characters' })
  @IsHttpUrl({ message: 'url must be an http or https URL' })
  url?: string;

  @ApiPropertyOptional(EVENTS_DOC)
  @OptionalNotNull()
  @IsArray({ message: 'events must be a list' })
  @ArrayNotEmpty({ message: 'events must name at least one event' })
  @ArrayMaxSize(WEBHOOK_EVENTS.length * 4, { message: 'events has too many entries' })
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `events must each be one of: ${WEBHOOK_EVENTS.join(', ')}` })
  events?: WebhookEvent[];

  @ApiPropertyOptional({
    description: 'false stops deliveries; true re-enables an endpoint (also one disabled after failures)',
  })
  @OptionalNotNull()
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String, description: 'null clears it' })
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'description must be text' })
  @MaxLength(500, { message: 'description must be at most 500 characters' })
  description?: string | null;
}

export class ListDeliveriesQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, description: 'Only deliveries in this state' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `status must be one of: ${DELIVERY_STATUSES.join(', ')}` })
  status?: DeliveryStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50, description: 'Newest first, at most this many' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be between 1 and 200' })
  @Max(200, { message: 'limit must be between 1 and 200' })
  limit?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The next page: the deliveries after this one in the log (created before it; same order, newest first, ties by id). ' +
      'Pass the last id of the page you have. An id that is not a delivery of this endpoint (another endpoint’s, or one pruned after 30 days) answers an empty page.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'before must be a UUID' })
  before?: string;
}
