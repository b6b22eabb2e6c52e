import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import { outsideQuietHours } from '@zhenggai/domain';
import { pageWindow } from '../../common/http/pagination.js';
import { JobsService } from '../jobs/jobs.service.js';
import { MailService } from '../mail/mail.service.js';
import type {
  NotificationDto,
  NotificationPageDto,
  NotificationQueryDto,
  ReadAllResultDto,
} from './dto/notification.dto.js';
import { MAIL_JOB, type MailJobData } from './notification-mail.job.js';
import { NotificationsRepository, type NewNotification, type NotificationRow } from './notifications.repository.js';

function toDto(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

// Notifications: other modules notify users; each user reads and marks only their own in the app (the bell), and
// those with an email address get a mail too when the mail channel is on (queued in the same transaction).
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
    private readonly mail: MailService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Notifies each user once (duplicates in `userIds` are dropped) and queues their mail; pass the caller's
   * transaction to commit with it. Returns how many were notified.
   */
  async notify(userIds: string[], message: NewNotification, manager?: EntityManager): Promise<number> {
    if (userIds.length === 0) return 0;
    const run = async (transaction: EntityManager) => {
      const { count, mailIds } = await this.repository.insert(userIds, message, transaction);
      if (this.mail.enabled) {
        await this.jobs.sendMany(
          MAIL_JOB,
          mailIds.map((notificationId) => ({
            data: { notificationId } satisfies MailJobData,
            singletonKey: `mail:${notificationId}`,
            // quiet hours (22:00–07:00 China time): the mail waits until the morning; the bell is immediate
            startAfter: outsideQuietHours(this.clock.now()),
          })),
          transaction,
        );
      }
      return count;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  async list(userId: string, query: NotificationQueryDto): Promise<NotificationPageDto> {
    const { page, pageSize, offset } = pageWindow(query);
    const { rows, total, unread } = await this.repository.page(userId, query.unread === true, {
      offset,
      limit: pageSize,
    });
    return { items: rows.map(toDto), total, unread, page, pageSize };
  }

  async markRead(userId: string, id: string): Promise<NotificationDto> {
    const row = await this.repository.markRead(userId, id, this.clock.now());
    if (!row) throw new AppError('NOT_FOUND');
    return toDto(row);
  }

  async markAllRead(userId: string): Promise<ReadAllResultDto> {
    return { updated: await this.repository.markAllRead(userId, this.clock.now()) };
  }
}
