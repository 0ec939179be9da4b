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
import {
  FeedbackResultDto,
  NodeFeedbackDto,
  RateSessionDto,
  SessionRatingDto,
  SessionVoteDto,
} from './dto/feedback.dto';
import { SessionRatingsService } from './session-ratings.service';
import { StepVotesService } from './step-votes.service';

/** A session's feedback: its CSAT rating, and the votes on the steps it reached. */
@ApiTags('feedback')
@ApiBearerAuth()
@Controller('sessions/:session_id')
export class SessionFeedbackController {
  constructor(
    private readonly ratings: SessionRatingsService,
    private readonly votes: StepVotesService,
  ) {}

  @Post('rate')
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

  @Get('rating')
  @RequiresScope('sessions:read')
  @ApiOkResponse({ type: SessionRatingDto })
  @ApiNotFoundResponse({ description: 'Not rated yet, or no such session' })
  getSessionRating(
    @CurrentUser() caller: AuthUser,
    @Param('session_id', new UuidParamPipe('Session')) sessionId: string,
  ): Promise<SessionRatingDto> {
    return this.ratings.get(caller, sessionId);
  }

  @Get('feedback')
  @RequiresScope('sessions:read')
  @ApiOkResponse({ type: [SessionVoteDto], description: 'The step votes given in this session' })
  listSessionFeedback(
    @CurrentUser() caller: AuthUser,
    @Param('session_id', new UuidParamPipe('Session')) sessionId: string,
  ): Promise<SessionVoteDto[]> {
    return this.votes.listForSession(caller, sessionId);
  }

  @Put('nodes/:node_id/feedback')
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
    const result = await this.votes.voteOnNode(caller, sessionId, nodeId, dto.was_helpful);
    res.status(result.status === 'created' ? 201 : 200);
    return result;
  }

  @Delete('nodes/:node_id/feedback')
  @RequiresScope('feedback:write')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The vote is gone (or there was none)' })
  retractNodeFeedback(
    @CurrentUser() caller: AuthUser,
    @Param('session_id', new UuidParamPipe('Session')) sessionId: string,
    @Param('node_id', new UuidParamPipe('Node')) nodeId: string,
  ): Promise<void> {
    return this.votes.retract(caller, sessionId, nodeId);
  }
}
