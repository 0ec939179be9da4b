import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequiresScope } from '../common/decorators/required-scope.decorator';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { FeedbackResultDto, StepFeedbackDto } from './dto/feedback.dto';
import { StepVotesService } from './step-votes.service';

/** A vote on a library step, for clients that know the step rather than the flow's node that uses it. */
@ApiTags('feedback')
@ApiBearerAuth()
@Controller('steps/:step_id')
export class StepFeedbackController {
  constructor(private readonly votes: StepVotesService) {}

  @Post('feedback')
  @RequiresScope('feedback:write')
  @ApiCreatedResponse({ type: FeedbackResultDto, description: 'First vote for this step in this session' })
  @ApiOkResponse({ type: FeedbackResultDto, description: 'An earlier vote was updated' })
  async giveStepFeedback(
    @CurrentUser() caller: AuthUser,
    @Param('step_id', new UuidParamPipe('Step')) stepId: string,
    @Body() dto: StepFeedbackDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<FeedbackResultDto> {
    const result = await this.votes.voteOnLibraryStep(caller, stepId, dto.session_id.toLowerCase(), dto.was_helpful);
    res.status(result.status === 'created' ? 201 : 200);
    return result;
  }
}
