import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Account } from '../accounts/account.entity';
import { UserResponseDto } from '../users/dto/user-response.dto';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AuthResponseDto } from './dto/auth-response.dto';
import { LoginDto } from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';
import { JwtPayload } from './jwt.strategy';
import { PasswordService } from './password.service';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly jwt: JwtService,
  ) {}

  /** A new account and its first team_admin, created together or not at all. */
  async register(dto: RegisterDto): Promise<AuthResponseDto> {
    const user = await this.dataSource.transaction(async (manager) => {
      const account = await manager.getRepository(Account).save({ name: dto.account_name });
      return this.users.insert(manager, {
        accountId: account.id,
        email: dto.email,
        name: dto.name,
        password: dto.password,
        role: 'team_admin',
      });
    });
    return this.issue(user);
  }

  /** One answer for unknown e-mail, wrong password and disabled user, in the same time. */
  async login(dto: LoginDto): Promise<AuthResponseDto> {
    const user = await this.users.findByEmailWithHash(dto.email);
    const valid = await this.passwords.verify(user?.passwordHash, dto.password);
    if (!user || !valid || !user.isActive) throw new UnauthorizedException('Invalid e-mail or password');
    return this.issue(user);
  }

  private async issue(user: User): Promise<AuthResponseDto> {
    const payload: JwtPayload = { sub: user.id, account_id: user.accountId };
    return { access_token: await this.jwt.signAsync(payload), user: UserResponseDto.from(user) };
  }
}
