import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { CompleteSessionDto, DecisionDto, ListSessionsQueryDto, StartSessionDto } from './dto/session-body.dto';
import { SessionPageDto, SessionResponseDto } from './dto/session-response.dto';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post()
  @ApiCreatedResponse({ type: SessionResponseDto })
  startSession(@CurrentUser() caller: AuthUser, @Body() dto: StartSessionDto): Promise<SessionResponseDto> {
    return this.sessions.start(caller, dto.tree_id.toLowerCase());
  }

  @Get()
  @ApiOkResponse({ type: SessionPageDto, description: 'Your sessions; admins may list the account’s with all=true or user_id' })
  listSessions(@CurrentUser() caller: AuthUser, @Query() query: ListSessionsQueryDto): Promise<SessionPageDto> {
    return this.sessions.list(caller, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiForbiddenResponse({ description: 'Another engineer’s session' })
  getSession(@CurrentUser() caller: AuthUser, @Param('id', new UuidParamPipe('Session')) id: string): Promise<SessionResponseDto> {
    return this.sessions.get(caller, id);
  }

  @Post(':id/decisions')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiConflictResponse({ description: 'node_id is not the current node, or the session is completed' })
  decide(
    @CurrentUser() caller: AuthUser,
    @Param('id', new UuidParamPipe('Session')) id: string,
    @Body() dto: DecisionDto,
  ): Promise<SessionResponseDto> {
    return this.sessions.decide(caller, id, dto);
  }

  @Post(':id/back')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiConflictResponse({ description: 'Nothing to undo, or the session is completed' })
  goBack(@CurrentUser() caller: AuthUser, @Param('id', new UuidParamPipe('Session')) id: string): Promise<SessionResponseDto> {
    return this.sessions.back(caller, id);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiConflictResponse({ description: 'Already completed' })
  completeSession(
    @CurrentUser() caller: AuthUser,
    @Param('id', new UuidParamPipe('Session')) id: string,
    @Body() dto: CompleteSessionDto,
  ): Promise<SessionResponseDto> {
    return this.sessions.complete(caller, id, dto);
  }
}
