import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

import { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { PersonOnly } from '../common/decorators/required-scope.decorator';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { ApiTokensService } from './api-tokens.service';
import { ApiTokenDto, CreatedApiTokenDto } from './dto/api-token-response.dto';
import { CreateApiTokenDto, ListApiTokensQueryDto } from './dto/create-api-token.dto';

@ApiTags('tokens')
@ApiBearerAuth()
@PersonOnly()
@ApiForbiddenResponse({ description: 'Called with an API token: only a signed-in person manages tokens' })
@Controller('tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @ApiOperation({ summary: 'Create a personal API token; the answer is the only time its secret is shown' })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  @ApiUnprocessableEntityResponse({ description: 'Bad name, unknown scope or bad expiry; the message names the field' })
  createToken(@CurrentUser() caller: AuthUser, @Body() dto: CreateApiTokenDto): Promise<CreatedApiTokenDto> {
    return this.tokens.create(caller, dto);
  }

  @Get()
  @ApiOperation({
    summary: 'Your live API tokens (never their secrets); team admins: every token of the account with all=true',
  })
  @ApiOkResponse({ type: [ApiTokenDto] })
  listTokens(@CurrentUser() caller: AuthUser, @Query() query: ListApiTokensQueryDto): Promise<ApiTokenDto[]> {
    return this.tokens.list(caller, query.all === 'true');
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a token: it stops working on the next request' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotFoundResponse({ description: 'No live token with this id that you may revoke' })
  revokeToken(@CurrentUser() caller: AuthUser, @Param('id', new UuidParamPipe('API token')) id: string): Promise<void> {
    return this.tokens.revoke(caller, id);
  }
}
