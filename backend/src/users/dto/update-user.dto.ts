import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, MaxLength, MinLength } from 'class-validator';

import { OptionalNotNull } from '../../common/dto/optional';
import { trimmed } from '../../common/dto/transforms';
import { ASSIGNABLE_ROLES, AssignableRole } from './create-user.dto';

export class UpdateUserDto {
  @ApiPropertyOptional({ maxLength: 120 })
  @OptionalNotNull()
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ enum: ASSIGNABLE_ROLES })
  @OptionalNotNull()
  @IsIn(ASSIGNABLE_ROLES)
  role?: AssignableRole;

  @ApiPropertyOptional({ description: 'false deactivates the user: they can no longer log in or use a token.' })
  @OptionalNotNull()
  @IsBoolean()
  is_active?: boolean;
}
