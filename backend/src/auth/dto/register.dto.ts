import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

import { trimmed } from '../../common/dto/transforms';

export class RegisterDto {
  @ApiProperty({ example: 'Northwind IT', maxLength: 120 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'account_name must not be empty' })
  @MaxLength(120)
  account_name: string;

  @ApiProperty({ example: 'Ada Lovelace', maxLength: 120 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(120)
  name: string;

  @ApiProperty({ example: 'ada@northwind.example', maxLength: 254 })
  @Transform(trimmed)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 8, maxLength: 200 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password: string;
}
