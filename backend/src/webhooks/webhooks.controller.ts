import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
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
import { RequiresScope } from '../common/decorators/required-scope.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { CreateWebhookDto, ListDeliveriesQueryDto, UpdateWebhookDto } from './dto/webhook-body.dto';
import {
  CreatedWebhookDto,
  QueuedDeliveryDto,
  WebhookDeliveryDetailDto,
  WebhookDeliveryDto,
  WebhookDto,
  WebhookSecretDto,
} from './dto/webhook-response.dto';
import { WebhooksService } from './webhooks.service';

const webhookId = () => new UuidParamPipe('Webhook');
const deliveryId = () => new UuidParamPipe('Delivery');

/** Webhook endpoints of the account and their delivery log: team admins only (docs/webhooks.md). */
@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('team_admin')
@RequiresScope('webhooks:manage')
@ApiForbiddenResponse({ description: 'Not a team admin, or an API token without `webhooks:manage`' })
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({ summary: 'Add an endpoint; the answer is the only time its signing secret is shown' })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiUnprocessableEntityResponse({
    description: 'Bad url (or one resolving to a refused address), events or description; the message names the field',
  })
  createWebhook(@CurrentUser() caller: AuthUser, @Body() dto: CreateWebhookDto): Promise<CreatedWebhookDto> {
    return this.webhooks.create(caller, dto);
  }

  @Get()
  @ApiOperation({ summary: 'The account’s endpoints (never their secrets)' })
  @ApiOkResponse({ type: [WebhookDto] })
  listWebhooks(@CurrentUser() caller: AuthUser): Promise<WebhookDto[]> {
    return this.webhooks.list(caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One endpoint (never its secret)' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiNotFoundResponse({ description: 'No such endpoint in your account' })
  getWebhook(@CurrentUser() caller: AuthUser, @Param('id', webhookId()) id: string): Promise<WebhookDto> {
    return this.webhooks.get(caller, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an endpoint; `enabled: true` re-enables one disabled after failures' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiNotFoundResponse({ description: 'No such endpoint in your account' })
  @ApiUnprocessableEntityResponse({ description: 'A bad field; the message names it' })
  updateWebhook(
    @CurrentUser() caller: AuthUser,
    @Param('id', webhookId()) id: string,
    @Body() dto: UpdateWebhookDto,
  ): Promise<WebhookDto> {
    return this.webhooks.update(caller, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an endpoint and its delivery log; nothing more is sent to it' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'No such endpoint in your account' })
  deleteWebhook(@CurrentUser() caller: AuthUser, @Param('id', webhookId()) id: string): Promise<void> {
    return this.webhooks.remove(caller, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new signing secret; the old one keeps signing beside it (two signatures) for 24 hours',
  })
  @ApiOkResponse({ type: WebhookSecretDto })
  @ApiNotFoundResponse({ description: 'No such endpoint in your account' })
  rotateWebhookSecret(
    @CurrentUser() caller: AuthUser,
    @Param('id', webhookId()) id: string,
  ): Promise<WebhookSecretDto> {
    return this.webhooks.rotate(caller, id);
  }

  @Post(':id/test')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a `webhook.test` event to this endpoint, whatever it subscribes to' })
  @ApiAcceptedResponse({ type: QueuedDeliveryDto, description: 'Queued; follow it at the delivery_id answered' })
  @ApiNotFoundResponse({ description: 'No such endpoint in your account' })
  testWebhook(@CurrentUser() caller: AuthUser, @Param('id', webhookId()) id: string): Promise<QueuedDeliveryDto> {
    return this.webhooks.test(caller, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The endpoint’s deliveries, newest first (kept 30 days)' })
  @ApiOkResponse({ type: [WebhookDeliveryDto] })
  @ApiNotFoundResponse({ description: 'No such endpoint in your account' })
  listWebhookDeliveries(
    @CurrentUser() caller: AuthUser,
    @Param('id', webhookId()) id: string,
    @Query() query: ListDeliveriesQueryDto,
  ): Promise<WebhookDeliveryDto[]> {
    return this.webhooks.listDeliveries(caller, id, query);
  }

  @Get(':id/deliveries/:delivery_id')
  @ApiOperation({ summary: 'One delivery with every attempt (attempt_log)' })
  @ApiOkResponse({ type: WebhookDeliveryDetailDto })
  @ApiNotFoundResponse({ description: 'No such delivery of this endpoint in your account' })
  getWebhookDelivery(
    @CurrentUser() caller: AuthUser,
    @Param('id', webhookId()) id: string,
    @Param('delivery_id', deliveryId()) delivery: string,
  ): Promise<WebhookDeliveryDetailDto> {
    return this.webhooks.getDelivery(caller, id, delivery);
  }

  @Post(':id/deliveries/:delivery_id/redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a delivery again now (same webhook-id), with a fresh 24 h of retries' })
  @ApiAcceptedResponse({ type: QueuedDeliveryDto, description: 'Queued; the delivery keeps its id' })
  @ApiNotFoundResponse({ description: 'No such delivery of this endpoint in your account' })
  redeliverWebhookDelivery(
    @CurrentUser() caller: AuthUser,
    @Param('id', webhookId()) id: string,
    @Param('delivery_id', deliveryId()) delivery: string,
  ): Promise<QueuedDeliveryDto> {
    return this.webhooks.redeliver(caller, id, delivery);
  }
}
