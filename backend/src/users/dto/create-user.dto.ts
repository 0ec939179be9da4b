import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';

import { OptionalNotNull } from '../../common/dto/optional';
import { trimmed } from '../../common/dto/transforms';

export const ASSIGNABLE_ROLES = ['engineer', 'team_admin'] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export class CreateUserDto {
  @ApiProperty({ example: 'grace@northwind.example', maxLength: 254 })
  @Transform(trimmed)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Grace Hopper', maxLength: 120 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(120)
  name: string;

  @ApiProperty({ minLength: 8, maxLength: 200, description: 'Initial password; the user can change it later.' })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ enum: ASSIGNABLE_ROLES, default: 'engineer' })
  @OptionalNotNull()
  @IsIn(ASSIGNABLE_ROLES)
  role: AssignableRole = 'engineer';
}
