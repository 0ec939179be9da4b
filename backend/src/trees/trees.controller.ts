import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

import { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequiresScope } from '../common/decorators/required-scope.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { TreeBodyDto } from './dto/tree-body.dto';
import { TreeResponseDto, TreeSummaryDto } from './dto/tree-response.dto';
import { TREE_STATUSES, TreeStatus } from './tree.entity';
import { TreesService } from './trees.service';

@ApiTags('flows')
@ApiBearerAuth()
@Controller('trees')
export class TreesController {
  constructor(private readonly trees: TreesService) {}

  @Post()
  @RequiresScope('flows:write')
  @Roles('team_admin')
  @ApiUnprocessableEntityResponse({ description: 'Invalid body or broken node links; the message names the field' })
  @ApiCreatedResponse({ type: TreeResponseDto })
  @ApiConflictResponse({ description: 'A node id is already used by another flow' })
  async createTree(@CurrentUser() caller: AuthUser, @Body() dto: TreeBodyDto): Promise<TreeResponseDto> {
    const { tree, nodes } = await this.trees.create(caller, dto);
    return TreeResponseDto.withNodes(tree, nodes);
  }

  @Get()
  @RequiresScope('flows:read')
  @ApiQuery({ name: 'status', required: false, enum: TREE_STATUSES })
  @ApiOkResponse({ type: [TreeSummaryDto] })
  async listTrees(@CurrentUser() caller: AuthUser, @Query('status') status?: string): Promise<TreeSummaryDto[]> {
    const wanted = TREE_STATUSES.includes(status as TreeStatus) ? (status as TreeStatus) : undefined;
    return (await this.trees.list(caller, wanted)).map(TreeSummaryDto.from);
  }

  @Get(':id')
  @RequiresScope('flows:read')
  @ApiOkResponse({ type: TreeResponseDto })
  async getTree(
    @CurrentUser() caller: AuthUser,
    @Param('id', new UuidParamPipe('Flow')) id: string,
  ): Promise<TreeResponseDto> {
    const { tree, nodes } = await this.trees.get(caller, id);
    return TreeResponseDto.withNodes(tree, nodes);
  }

  @Put(':id')
  @RequiresScope('flows:write')
  @Roles('team_admin')
  @ApiOkResponse({ type: TreeResponseDto })
  @ApiConflictResponse({ description: 'Stale version, or a node id used by another flow' })
  async updateTree(
    @CurrentUser() caller: AuthUser,
    @Param('id', new UuidParamPipe('Flow')) id: string,
    @Body() dto: TreeBodyDto,
  ): Promise<TreeResponseDto> {
    const { tree, nodes } = await this.trees.update(caller, id, dto);
    return TreeResponseDto.withNodes(tree, nodes);
  }

  @Delete(':id')
  @RequiresScope('flows:write')
  @Roles('team_admin')
  @ApiOkResponse({ type: TreeResponseDto, description: 'The flow, now archived; its sessions stay intact' })
  async archiveTree(
    @CurrentUser() caller: AuthUser,
    @Param('id', new UuidParamPipe('Flow')) id: string,
  ): Promise<TreeResponseDto> {
    const { tree, nodes } = await this.trees.archive(caller, id);
    return TreeResponseDto.withNodes(tree, nodes);
  }
}
