import { Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';

import { AuthUser } from '../common/auth-user';
import { appConfig } from '../config/app.config';
import { CreateWebhookDto, ListDeliveriesQueryDto, UpdateWebhookDto } from './dto/webhook-body.dto';
import {
  CreatedWebhookDto,
  QueuedDeliveryDto,
  WebhookAttemptDto,
  WebhookDeliveryDetailDto,
  WebhookDeliveryDto,
  WebhookDto,
  WebhookSecretDto,
} from './dto/webhook-response.dto';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { WebhookOutbox } from './webhook-outbox';
import { newWebhookSecret } from './webhook-signature';
import { RefusedTargetError, resolveTarget } from './webhook-target';

const NOT_FOUND = 'Webhook not found';

/** The rules of webhook endpoints and their delivery log, for a team admin of the account (the controller's roles). */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly outbox: WebhookOutbox,
    @Inject(appConfig.KEY) private readonly config: ConfigType<typeof appConfig>,
  ) {}

  async create(caller: AuthUser, dto: CreateWebhookDto): Promise<CreatedWebhookDto> {
    await this.checkTarget(dto.url);
    const secret = newWebhookSecret();
    const row = await this.endpoints.insert(caller.accountId, {
      url: dto.url,
      events: [...new Set(dto.events)],
      description: dto.description || null,
      secret,
    });
    return { ...WebhookDto.from(row), secret };
  }

  async list(caller: AuthUser): Promise<WebhookDto[]> {
    return (await this.endpoints.list(caller.accountId)).map(WebhookDto.from);
  }

  async get(caller: AuthUser, id: string): Promise<WebhookDto> {
    const row = await this.endpoints.find(caller.accountId, id);
    if (!row) throw new NotFoundException(NOT_FOUND);
    return WebhookDto.from(row);
  }

  async update(caller: AuthUser, id: string, dto: UpdateWebhookDto): Promise<WebhookDto> {
    if (dto.url !== undefined) await this.checkTarget(dto.url);
    const row = await this.endpoints.update(caller.accountId, id, {
      url: dto.url,
      events: dto.events && [...new Set(dto.events)],
      description: dto.description === undefined ? undefined : dto.description || null,
      enabled: dto.enabled,
    });
    if (!row) throw new NotFoundException(NOT_FOUND);
    // Re-enabled: what waited for it is due now.
    if (dto.enabled) this.outbox.wake();
    return WebhookDto.from(row);
  }

  async remove(caller: AuthUser, id: string): Promise<void> {
    if (!(await this.endpoints.remove(caller.accountId, id))) throw new NotFoundException(NOT_FOUND);
  }

  async rotate(caller: AuthUser, id: string): Promise<WebhookSecretDto> {
    const secret = newWebhookSecret();
    if (!(await this.endpoints.rotate(caller.accountId, id, secret))) throw new NotFoundException(NOT_FOUND);
    return { secret };
  }

  async test(caller: AuthUser, id: string): Promise<QueuedDeliveryDto> {
    const deliveryId = await this.deliveries.queueTest(caller.accountId, id);
    if (!deliveryId) throw new NotFoundException(NOT_FOUND);
    this.outbox.wake();
    return { delivery_id: deliveryId };
  }

  async listDeliveries(caller: AuthUser, id: string, query: ListDeliveriesQueryDto): Promise<WebhookDeliveryDto[]> {
    await this.get(caller, id);
    const rows = await this.deliveries.list(caller.accountId, id, query.status, query.limit ?? 50, query.before);
    return rows.map(WebhookDeliveryDto.from);
  }

  async getDelivery(caller: AuthUser, id: string, deliveryId: string): Promise<WebhookDeliveryDetailDto> {
    const row = await this.deliveries.find(caller.accountId, id, deliveryId);
    if (!row) throw new NotFoundException('Delivery not found');
    return { ...WebhookDeliveryDto.from(row), attempt_log: row.attempt_list.map(WebhookAttemptDto.from) };
  }

  /** A redelivery is the same delivery sent again, so the id answered is the one asked for. */
  async redeliver(caller: AuthUser, id: string, deliveryId: string): Promise<QueuedDeliveryDto> {
    if (!(await this.deliveries.redeliver(caller.accountId, id, deliveryId)))
      throw new NotFoundException('Delivery not found');
    this.outbox.wake();
    return { delivery_id: deliveryId };
  }

  /** 422 naming url when its host resolves to an address webhooks may not reach (webhook-target.ts). */
  private async checkTarget(url: string): Promise<void> {
    // Credentials in the URL would be sent as Basic auth and shown to every team admin in the list.
    const { username, password } = new URL(url);
    if (username || password)
      throw new UnprocessableEntityException([
        'url must not contain a user name or password (put credentials in the receiver, or a secret path)',
      ]);
    try {
      await resolveTarget(new URL(url).hostname, this.config.webhooks.allowPrivateTargets);
    } catch (error) {
      if (error instanceof RefusedTargetError)
        throw new UnprocessableEntityException([`url is not an allowed webhook target: ${error.message}`]);
      throw error;
    }
  }
}
