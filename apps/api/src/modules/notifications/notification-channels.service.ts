import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import { requestContext } from '../../common/http/request-context.js';
import { pageWindow } from '../../common/http/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { MailService } from '../mail/mail.service.js';
import type {
  DeliveryPageDto,
  DeliveryQueryDto,
  NotificationChannelsDto,
  QueuedMailDto,
} from './dto/notification-channels.dto.js';
import { NotificationMailJob, TEST_MAIL_JOB, type TestMailJobData } from './notification-mail.job.js';
import { NotificationsRepository } from './notifications.repository.js';

@Injectable()
export class NotificationChannelsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly mail: MailService,
    private readonly mailJob: NotificationMailJob,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async overview(): Promise<NotificationChannelsDto> {
    const server = this.mail.describe();
    const reach = await this.repository.mailReach();
    return { email: { ...server, publicUrl: this.mailJob.publicUrl, ...reach } };
  }

  /** Queues a test mail (the job sends it and logs it like any other). */
  async sendTest(to: string): Promise<QueuedMailDto> {
    if (!this.mail.enabled) throw new AppError('MAIL_OFF');
    const actor = requestContext.get().actor;
    const data: TestMailJobData = {
      to,
      requestedBy: actor?.username ?? '',
      requestedAt: this.clock.now().toISOString(),
    };
    // a key per request: the queue keeps one queued job per key, and two test mails are two mails
    const id = await this.jobs.send(TEST_MAIL_JOB, data, { singletonKey: `test:${randomUUID()}` });
    if (!id) throw new AppError('JOB_ALREADY_QUEUED');
    await this.audit.record({ action: 'MAIL_TEST_REQUESTED', entityType: 'job', entityId: id, detail: { to } });
    return { id };
  }

  async deliveries(query: DeliveryQueryDto): Promise<DeliveryPageDto> {
    const { page, pageSize, offset } = pageWindow(query);
    const { rows, total } = await this.repository.deliveries(
      { channel: query.channel, status: query.status },
      { offset, limit: pageSize },
    );
    return {
      items: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
      total,
      page,
      pageSize,
    };
  }
}
