import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequiresScope } from '../common/decorators/required-scope.decorator';
import { CSV_TYPE, wantsCsv } from '../common/http/wants-csv';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { CsvExportSlots } from './csv-export-slots';
import { ListSessionsQueryDto } from './dto/list-sessions-query.dto';
import { CompleteSessionDto, DecisionDto, StartSessionDto } from './dto/session-body.dto';
import { SessionPageDto, SessionResponseDto } from './dto/session-response.dto';
import { sessionsCsv } from './sessions-csv';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@ApiBearerAuth()
@ApiExtraModels(SessionPageDto)
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly exportSlots: CsvExportSlots,
  ) {}

  @Post()
  @RequiresScope('sessions:write')
  @ApiCreatedResponse({ type: SessionResponseDto })
  @ApiUnprocessableEntityResponse({
    description: 'Bad tree_id, external_ref or external_url; the message names the field',
  })
  startSession(@CurrentUser() caller: AuthUser, @Body() dto: StartSessionDto): Promise<SessionResponseDto> {
    return this.sessions.start(caller, dto.tree_id.toLowerCase(), {
      externalRef: dto.external_ref ?? null,
      externalUrl: dto.external_url ?? null,
    });
  }

  @Get()
  @RequiresScope('sessions:read')
  @ApiOkResponse({
    description:
      'Your sessions; admins may list the account’s with all=true or user_id. Filters narrow it, the window (period or from/to, days in tz) counting what the analytics figure of the same filter counts; total is the exact number of matches. JSON pages by default (next_cursor for the next one); with format=csv or Accept: text/csv, a CSV file of every match',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(SessionPageDto) } },
      [CSV_TYPE]: {
        schema: {
          type: 'string',
          description: 'RFC 4180 CSV: a header line, then one line per matching session in the list’s order',
        },
      },
    },
  })
  @ApiForbiddenResponse({ description: 'An engineer asking for all=true or another engineer’s user_id' })
  @ApiUnprocessableEntityResponse({ description: 'A bad filter, sort, cursor or page; the message names it' })
  @ApiTooManyRequestsResponse({
    description: 'A CSV export while the account already runs as many as allowed at once (SESSIONS_EXPORT_PER_ACCOUNT)',
  })
  async listSessions(
    @CurrentUser() caller: AuthUser,
    @Query() query: ListSessionsQueryDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<SessionPageDto | StreamableFile> {
    void res.header('Vary', 'Accept');
    if (!wantsCsv(query.format, req)) return this.sessions.list(caller, query);
    const giveBack = this.exportSlots.take(caller.accountId);
    const csv = sessionsCsv(this.sessions.listAll(caller, query), { idleMs: this.exportSlots.idleMs });
    csv.once('close', giveBack);
    return new StreamableFile(csv, {
      type: `${CSV_TYPE}; charset=utf-8`,
      disposition: 'attachment; filename="sessions.csv"',
    });
  }

  @Get(':id')
  @RequiresScope('sessions:read')
  @ApiOkResponse({
    type: SessionResponseDto,
    description:
      'A session with its path (node title, option label, when it was answered and seconds spent at each node), votes, rating and comment, notes and ticket. Team admins may read any session of the account.',
  })
  @ApiForbiddenResponse({ description: 'Another engineer’s session (engineers read their own only)' })
  getSession(
    @CurrentUser() caller: AuthUser,
    @Param('id', new UuidParamPipe('Session')) id: string,
  ): Promise<SessionResponseDto> {
    return this.sessions.get(caller, id);
  }

  @Post(':id/decisions')
  @RequiresScope('sessions:write')
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
  @RequiresScope('sessions:write')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiConflictResponse({ description: 'Nothing to undo, or the session is completed' })
  goBack(
    @CurrentUser() caller: AuthUser,
    @Param('id', new UuidParamPipe('Session')) id: string,
  ): Promise<SessionResponseDto> {
    return this.sessions.back(caller, id);
  }

  @Post(':id/complete')
  @RequiresScope('sessions:write')
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
