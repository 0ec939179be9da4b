import { ApiProperty } from '@nestjs/swagger';

import { User, USER_ROLES, UserRole } from '../user.entity';

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) account_id: string;
  @ApiProperty({ example: 'ada@northwind.example' }) email: string;
  @ApiProperty({ example: 'Ada Lovelace' }) name: string;
  @ApiProperty({ enum: USER_ROLES }) role: UserRole;
  @ApiProperty() is_active: boolean;
  @ApiProperty({ format: 'date-time' }) created_at: string;

  static from(user: User): UserResponseDto {
    return {
      id: user.id,
      account_id: user.accountId,
      email: user.email,
      name: user.name,
      role: user.role,
      is_active: user.isActive,
      created_at: user.createdAt.toISOString(),
    };
  }
}
