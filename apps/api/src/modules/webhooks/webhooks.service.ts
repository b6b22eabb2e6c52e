import { outsideQuietHours } from '@zhenggai/domain';
import { Injectable, Logger } from '@nestjs/common';
import type { WebhookEvent, WebhookFormat } from '@zhenggai/domain';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock.js';
import { SecretBox } from '../../common/crypto/secret-box.js';
import { secretAad, WEBHOOK_SECRET } from '../../common/crypto/sealed-secrets.js';
import { AppError } from '../../common/errors/app-error.js';
import { pageWindow } from '../../common/http/pagination.js';
import type { Actor } from '../../common/http/request-context.js';
import { AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import type {
  CreatedWebhookDto,
  CreateWebhookDto,
  WebhookDeliveryPageDto,
  WebhookDeliveryQueryDto,
  WebhookDto,
  WebhookListDto,
} from './dto/webhook.dto.js';
import { WEBHOOK_DELIVER_JOB, WebhookDeliveryJob, type DeliverJobData } from './webhook-delivery.job.js';
import { renderWebhookBody, type WebhookPayload } from './webhook-formats.js';
import { checkWebhookUrl, parseAllowedHosts } from './url-guard.js';
import { WebhooksRepository, type WebhookRow } from './webhooks.repository.js';

function mapWebhook(row: WebhookRow): WebhookDto {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    format: row.format as WebhookFormat,
    events: row.events as WebhookEvent[],
    secretSet: true,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    lastDeliveryAt: row.last_delivery_at?.toISOString() ?? null,
    lastDeliveryStatus: row.last_delivery_status,
  };
}

// Outbound webhooks (系统管理 › 外部推送): the system admin's list, create and delete; `publish` for the modules
// that emit events. Each subscribed webhook gets its body built and stored once, and one job to deliver it.
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger('Webhooks');
  private readonly allowedHosts: string[];

  constructor(
    private readonly repository: WebhooksRepository,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly delivery: WebhookDeliveryJob,
    private readonly box: SecretBox,
    config: AppConfig,
  ) {
    this.allowedHosts = parseAllowedHosts(config.WEBHOOK_ALLOWED_HOSTS);
  }

  async list(): Promise<WebhookListDto> {
    return { items: (await this.repository.listActive()).map(mapWebhook) };
  }

  async create(dto: CreateWebhookDto, actor: Actor): Promise<CreatedWebhookDto> {
    const url = await checkWebhookUrl(dto.url, this.allowedHosts, this.delivery.lookup);
    // the id is chosen here: the sealed secret is bound to its row
    const id = randomUUID();
    await this.repository.insert({
      id,
      name: dto.name || null,
      url: url.href,
      secret: this.box.seal(dto.secret, secretAad(WEBHOOK_SECRET, id)),
      events: dto.events,
      format: dto.format,
      createdById: actor.id,
    });
    // the secret never enters the audit trail
    await this.audit.record({
      action: 'WEBHOOK_CREATED',
      entityType: 'webhook',
      entityId: id,
      after: { name: dto.name || null, url: url.href, events: dto.events, format: dto.format },
    });
    const row = await this.repository.findActive(id);
    return { ...mapWebhook(row!), secret: dto.secret };
  }

  async remove(id: string): Promise<void> {
    const row = await this.repository.findActive(id);
    if (!row || !(await this.repository.softDelete(id, this.clock.now())))
      throw new AppError('NOT_FOUND', '外部推送不存在或已删除');
    await this.audit.record({
      action: 'WEBHOOK_DELETED',
      entityType: 'webhook',
      entityId: id,
      before: { name: row.name, url: row.url, events: row.events, format: row.format },
    });
  }

  async deliveries(id: string, query: WebhookDeliveryQueryDto): Promise<WebhookDeliveryPageDto> {
    if (!(await this.repository.exists(id))) throw new AppError('NOT_FOUND', '外部推送不存在');
    const { page, pageSize, offset } = pageWindow(query);
    const { rows, total } = await this.repository.deliveries(id, { offset, limit: pageSize });
    return {
      items: rows.map((row) => ({
        id: row.id,
        messageId: row.message_id,
        event: row.event,
        attempt: row.attempt,
        status: row.status,
        httpStatus: row.http_status,
        error: row.error,
        durationMs: row.duration_ms,
        createdAt: row.created_at.toISOString(),
      })),
      total,
      page,
      pageSize,
    };
  }

  /**
   * Queues the event for every live webhook subscribed to it: the body is built and stored now, one job per webhook
   * delivers it. Called after the change committed; a failure here is logged and never undoes or fails the change.
   */
  async publish(event: WebhookEvent, payload: Omit<WebhookPayload, 'event'>): Promise<number> {
    try {
      const webhooks = await this.repository.subscribedTo(event);
      for (const webhook of webhooks) {
        const body = renderWebhookBody(webhook.format as WebhookFormat, { ...payload, event });
        const messageId = await this.repository.insertMessage(webhook.id, event, body);
        const data: DeliverJobData = { messageId, webhookId: webhook.id, event };
        // every queue has the `short` policy (one queued job per singleton key): one key per message
        // quiet hours (22:00–07:00 China time): the delivery waits until the morning
        const jobId = await this.jobs.send(WEBHOOK_DELIVER_JOB, data, {
          singletonKey: messageId,
          startAfter: outsideQuietHours(this.clock.now()),
        });
        if (!jobId) this.logger.error(`delivery ${messageId} of ${event} was not queued`);
      }
      return webhooks.length;
    } catch (error) {
      this.logger.error(`publishing ${event} failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
