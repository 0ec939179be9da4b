import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequiresScope } from '../common/decorators/required-scope.decorator';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { FeedbackResultDto, NodeFeedbackDto, RateSessionDto, SessionRatingDto, SessionVoteDto, StepFeedbackDto } from './dto/rating.dto';
import { SessionRatingsService } from './session-ratings.service';
import { StepFeedbackService } from './step-feedback.service';

@ApiTags('feedback')
@ApiBearerAuth()
@Controller()
export class RatingsController {
  constructor(
    private readonly ratings: SessionRatingsService,
    private readonly feedback: StepFeedbackService,
  ) {}

  @Post('sessions/:session_id/rate')
  @RequiresScope('feedback:write')
  @ApiCreatedResponse({ type: SessionRatingDto })
  @ApiBadRequestResponse({ description: 'The session is not completed yet' })
  @ApiConflictResponse({ description: 'The session is already rated' })
  rateSession(
    @CurrentUser() caller: AuthUser,
    @Param('session_id', new UuidParamPipe('Session')) sessionId: string,
    @Body() dto: RateSessionDto,
  ): Promise<SessionRatingDto> {
    return this.ratings.rate(caller, sessionId, dto);
  }

  @Get('sessions/:session_id/rating')
  @RequiresScope('sessions:read')
  @ApiOkResponse({ type: SessionRatingDto })
  @ApiNotFoundResponse({ description: 'Not rated yet, or no such session' })
  getSessionRating(
    @CurrentUser() caller: AuthUser,
    @Param('session_id', new UuidParamPipe('Session')) sessionId: string,
  ): Promise<SessionRatingDto> {
    return this.ratings.get(caller, sessionId);
  }

  @Get('sessions/:session_id/feedback')
  @RequiresScope('sessions:read')
  @ApiOkResponse({ type: [SessionVoteDto], description: 'The step votes given in this session' })
  listSessionFeedback(
    @CurrentUser() caller: AuthUser,
    @Param('session_id', new UuidParamPipe('Session')) sessionId: string,
  ): Promise<SessionVoteDto[]> {
    return this.feedback.listForSession(caller, sessionId);
  }

  @Post('steps/:step_id/feedback')
  @RequiresScope('feedback:write')
  @ApiCreatedResponse({ type: FeedbackResultDto, description: 'First vote for this step in this session' })
  @ApiOkResponse({ type: FeedbackResultDto, description: 'An earlier vote was updated' })
  async giveStepFeedback(
    @CurrentUser() caller: AuthUser,
    @Param('step_id', new UuidParamPipe('Step')) stepId: string,
    @Body() dto: StepFeedbackDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<FeedbackResultDto> {
    const result = await this.feedback.voteOnLibraryStep(caller, stepId, dto.session_id.toLowerCase(), dto.was_helpful);
    res.status(result.status === 'created' ? 201 : 200);
    return result;
  }

  @Put('sessions/:session_id/nodes/:node_id/feedback')
  @RequiresScope('feedback:write')
  @ApiCreatedResponse({ type: FeedbackResultDto, description: 'First vote for this node in this session' })
  @ApiOkResponse({ type: FeedbackResultDto, description: 'An earlier vote was updated' })
  async giveNodeFeedback(
    @CurrentUser() caller: AuthUser,
    @Param('session_id', new UuidParamPipe('Session')) sessionId: string,
    @Param('node_id', new UuidParamPipe('Node')) nodeId: string,
    @Body() dto: NodeFeedbackDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<FeedbackResultDto> {
    const result = await this.feedback.voteOnNode(caller, sessionId, nodeId, dto.was_helpful);
    res.status(result.status === 'created' ? 201 : 200);
    return result;
  }

  @Delete('sessions/:session_id/nodes/:node_id/feedback')
  @RequiresScope('feedback:write')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The vote is gone (or there was none)' })
  retractNodeFeedback(
    @CurrentUser() caller: AuthUser,
    @Param('session_id', new UuidParamPipe('Session')) sessionId: string,
    @Param('node_id', new UuidParamPipe('Node')) nodeId: string,
  ): Promise<void> {
    return this.feedback.retract(caller, sessionId, nodeId);
  }
}
