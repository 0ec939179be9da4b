import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';

import { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequiresScope } from '../common/decorators/required-scope.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { CreateStepDto, StepResponseDto, UpdateStepDto } from './dto/step.dto';
import { StepsService } from './steps.service';

@ApiTags('steps')
@ApiBearerAuth()
@Controller('steps')
export class StepsController {
  constructor(private readonly steps: StepsService) {}

  @Post()
  @RequiresScope('flows:write')
  @Roles('team_admin')
  @ApiCreatedResponse({ type: StepResponseDto })
  async createStep(@CurrentUser() caller: AuthUser, @Body() dto: CreateStepDto): Promise<StepResponseDto> {
    return StepResponseDto.from(await this.steps.create(caller, dto));
  }

  @Get()
  @RequiresScope('flows:read')
  @ApiQuery({ name: 'search', required: false, description: 'Matches title or instructions' })
  @ApiOkResponse({ type: [StepResponseDto] })
  async listSteps(@CurrentUser() caller: AuthUser, @Query('search') search?: string): Promise<StepResponseDto[]> {
    return (await this.steps.list(caller, typeof search === 'string' ? search : undefined)).map(StepResponseDto.from);
  }

  @Get(':id')
  @RequiresScope('flows:read')
  @ApiOkResponse({ type: StepResponseDto })
  async getStep(
    @CurrentUser() caller: AuthUser,
    @Param('id', new UuidParamPipe('Step')) id: string,
  ): Promise<StepResponseDto> {
    return StepResponseDto.from(await this.steps.get(caller, id));
  }

  @Patch(':id')
  @RequiresScope('flows:write')
  @Roles('team_admin')
  @ApiOkResponse({ type: StepResponseDto })
  async updateStep(
    @CurrentUser() caller: AuthUser,
    @Param('id', new UuidParamPipe('Step')) id: string,
    @Body() dto: UpdateStepDto,
  ): Promise<StepResponseDto> {
    return StepResponseDto.from(await this.steps.update(caller, id, dto));
  }

  @Delete(':id')
  @RequiresScope('flows:write')
  @Roles('team_admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'A draft or published flow still uses the step' })
  deleteStep(@CurrentUser() caller: AuthUser, @Param('id', new UuidParamPipe('Step')) id: string): Promise<void> {
    return this.steps.remove(caller, id);
  }
}
