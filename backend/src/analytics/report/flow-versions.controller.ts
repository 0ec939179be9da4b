import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

import type { AuthUser } from '../../common/auth-user';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { RequiresScope } from '../../common/decorators/required-scope.decorator';
import { NoQueryPipe } from '../../common/pipes/no-query.pipe';
import { UuidParamPipe } from '../../common/pipes/uuid-param.pipe';
import { AnalyticsService } from './analytics.service';
import { FlowVersionsDto } from './dto/analytics-response.dto';

/** A flow's figures per version (JSON only, no window: AnalyticsController's CSV and window params do not apply). */
@ApiTags('analytics')
@RequiresScope('analytics:read')
@ApiBearerAuth()
@Controller('analytics')
export class FlowVersionsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('flows/:tree_id/versions')
  @ApiOperation({
    summary: 'One flow’s figures per version its sessions started on, all time: sessions, completion, duration, CSAT',
  })
  @ApiParam({ name: 'tree_id', format: 'uuid', description: 'A flow of your account' })
  @ApiOkResponse({ type: FlowVersionsDto })
  @ApiNotFoundResponse({ description: 'No such flow in your account (drafts: admins only)' })
  @ApiUnprocessableEntityResponse({ description: 'A query parameter: this report takes none (no window, JSON only)' })
  getFlowVersions(
    @CurrentUser() caller: AuthUser,
    @Param('tree_id', new UuidParamPipe('Flow')) treeId: string,
    @Query(NoQueryPipe) _query: Record<string, never>,
  ): Promise<FlowVersionsDto> {
    return this.analytics.versions(caller, treeId);
  }
}
