import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';

import { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequiresScope } from '../common/decorators/required-scope.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { AuthAttempt } from '../common/throttling/throttling.module';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserResponseDto } from './dto/user-response.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('team_admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @RequiresScope('users:write')
  // A 409 tells whether an address is taken in any account: the same limits as /auth/register.
  @AuthAttempt()
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiConflictResponse({ description: 'The e-mail is taken' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this IP or for this e-mail; see Retry-After' })
  async createUser(@CurrentUser() caller: AuthUser, @Body() dto: CreateUserDto): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.create(caller, dto));
  }

  @Get()
  @RequiresScope('users:read')
  @ApiOkResponse({ type: [UserResponseDto] })
  async listUsers(@CurrentUser() caller: AuthUser): Promise<UserResponseDto[]> {
    return (await this.users.list(caller)).map(UserResponseDto.from);
  }

  @Get(':id')
  @RequiresScope('users:read')
  @ApiOkResponse({ type: UserResponseDto })
  async getUser(
    @CurrentUser() caller: AuthUser,
    @Param('id', new UuidParamPipe('User')) id: string,
  ): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.get(caller, id));
  }

  @Patch(':id')
  @RequiresScope('users:write')
  @ApiOkResponse({ type: UserResponseDto })
  @ApiConflictResponse({ description: 'Would leave the account without an active team_admin' })
  async updateUser(
    @CurrentUser() caller: AuthUser,
    @Param('id', new UuidParamPipe('User')) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.update(caller, id, dto));
  }
}
