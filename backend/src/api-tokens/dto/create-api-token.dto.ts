import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { trimmed } from '../../common/dto/transforms';
import { TOKEN_SCOPES, TokenScope } from '../token-scopes';

export const DEFAULT_EXPIRY_DAYS = 90;

export class CreateApiTokenDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 100,
    example: 'ServiceNow integration',
    description: 'What the token is for, to tell tokens apart',
  })
  @Transform(trimmed)
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  name: string;

  @ApiProperty({
    enum: TOKEN_SCOPES,
    isArray: true,
    example: ['sessions:write', 'sessions:read'],
    description: 'What the token may do, at least one',
  })
  @IsArray({ message: 'scopes must be a list' })
  @ArrayNotEmpty({ message: 'scopes must name at least one scope' })
  @ArrayMaxSize(TOKEN_SCOPES.length * 4, { message: 'scopes has too many entries' })
  @IsIn(TOKEN_SCOPES, { each: true, message: `scopes must each be one of: ${TOKEN_SCOPES.join(', ')}` })
  scopes: TokenScope[];

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 365,
    default: DEFAULT_EXPIRY_DAYS,
    description: 'Days until the token stops working',
  })
  @IsOptional()
  @IsInt({ message: 'expires_in_days must be a whole number of days' })
  @Min(1, { message: 'expires_in_days must be between 1 and 365' })
  @Max(365, { message: 'expires_in_days must be between 1 and 365' })
  expires_in_days?: number;
}

export class ListApiTokensQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Team admins: every token of the account, with its owner',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'all must be true or false' })
  all?: 'true' | 'false';
}
