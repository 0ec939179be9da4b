import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { trimmed } from '../../common/dto/transforms';
import { ASSIGNABLE_ROLES, AssignableRole } from './create-user.dto';

export class UpdateUserDto {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ enum: ASSIGNABLE_ROLES })
  @IsOptional()
  @IsIn(ASSIGNABLE_ROLES)
  role?: AssignableRole;

  @ApiPropertyOptional({ description: 'false deactivates the user: they can no longer log in or use a token.' })
  @IsOptional()
  @IsBoolean()
  is_active?: boolean;
}
