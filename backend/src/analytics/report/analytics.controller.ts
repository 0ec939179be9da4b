import { Controller, Get, Param, Query, Req, Res, StreamableFile, Type } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import type { AuthUser } from '../../common/auth-user';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { RequiresScope } from '../../common/decorators/required-scope.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { CSV_TYPE, wantsCsv } from '../../common/http/wants-csv';
import { UuidParamPipe } from '../../common/pipes/uuid-param.pipe';
import { AnalyticsService } from './analytics.service';
import {
  AnalyticsQueryDto,
  FlowAnalyticsQueryDto,
  TeamAnalyticsQueryDto,
  type AnalyticsFormat,
} from './dto/analytics-query.dto';
import { FlowAnalyticsDto, MyAnalyticsDto, TeamAnalyticsDto } from './dto/analytics-response.dto';
import { CsvExport, flowCsv, myCsv, teamCsv } from './export/analytics-export';
import { TEAM_REPORT_ROLES } from './report-access';

/** 200 as JSON (the DTO) or as a CSV download, chosen by format=csv or Accept: text/csv. */
const JsonOrCsv = (dto: Type<unknown>) =>
  ApiOkResponse({
    description: 'JSON by default; a CSV file (time series and tables) with format=csv or Accept: text/csv',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(dto) } },
      [CSV_TYPE]: {
        schema: { type: 'string', description: 'RFC 4180 CSV, one table after another, each headed by its name' },
      },
    },
  });

@ApiTags('analytics')
@RequiresScope('analytics:read')
@ApiBearerAuth()
@ApiExtraModels(TeamAnalyticsDto, MyAnalyticsDto, FlowAnalyticsDto)
@ApiProduces('application/json', CSV_TYPE)
@ApiUnprocessableEntityResponse({ description: 'Bad period, from/to, tz or format; the message names the field' })
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('team')
  @Roles(...TEAM_REPORT_ROLES)
  @ApiOperation({ summary: 'Team analytics: summary with previous period, daily series, top flows and engineers' })
  @JsonOrCsv(TeamAnalyticsDto)
  @ApiForbiddenResponse({ description: 'Engineers; or account_id of another account from anyone but a super_admin' })
  @ApiNotFoundResponse({ description: 'engineer_id is not a user of the account, or account_id names no account' })
  async getTeamAnalytics(
    @CurrentUser() caller: AuthUser,
    @Query() query: TeamAnalyticsQueryDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<TeamAnalyticsDto | StreamableFile> {
    const report = await this.analytics.team(caller, query);
    return respond(req, res, query.format, report, teamCsv);
  }

  @Get('me')
  @ApiOperation({ summary: 'Your own analytics: summary with previous period, daily series, your top flows' })
  @JsonOrCsv(MyAnalyticsDto)
  async getMyAnalytics(
    @CurrentUser() caller: AuthUser,
    @Query() query: AnalyticsQueryDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<MyAnalyticsDto | StreamableFile> {
    const report = await this.analytics.me(caller, query);
    return respond(req, res, query.format, report, myCsv);
  }

  @Get('flows/:tree_id')
  @ApiOperation({ summary: 'One flow’s analytics: summary, CSAT, step feedback, drop-off, outcomes by node, comments' })
  @ApiParam({ name: 'tree_id', format: 'uuid', description: 'A flow of your account' })
  @JsonOrCsv(FlowAnalyticsDto)
  @ApiNotFoundResponse({ description: 'No such flow in your account (drafts: admins only)' })
  @ApiUnprocessableEntityResponse({
    description: 'Bad period, from/to, tz or format, or a version the flow never had; the message names the field',
  })
  async getFlowAnalytics(
    @CurrentUser() caller: AuthUser,
    @Param('tree_id', new UuidParamPipe('Flow')) treeId: string,
    @Query() query: FlowAnalyticsQueryDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<FlowAnalyticsDto | StreamableFile> {
    const report = await this.analytics.flow(caller, treeId, query);
    return respond(req, res, query.format, report, flowCsv);
  }
}

function respond<T>(
  req: FastifyRequest,
  res: FastifyReply,
  format: AnalyticsFormat | undefined,
  report: T,
  toCsv: (report: T) => CsvExport,
): T | StreamableFile {
  void res.header('Vary', 'Accept');
  if (!wantsCsv(format, req)) return report;
  const { filename, body } = toCsv(report);
  return new StreamableFile(Buffer.from(body, 'utf8'), {
    type: `${CSV_TYPE}; charset=utf-8`,
    disposition: `attachment; filename="${filename}"`,
  });
}
