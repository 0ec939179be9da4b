import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

import { trimmed } from '../../common/dto/transforms';

export class LoginDto {
  @ApiProperty({ example: 'engineer1@northwind.example' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'email must not be empty' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'demo1234' })
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(200)
  password: string;
}
