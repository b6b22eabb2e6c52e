import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import { pageWindow } from '../../common/http/pagination.js';
import type {
  NotificationDto,
  NotificationPageDto,
  NotificationQueryDto,
  ReadAllResultDto,
} from './dto/notification.dto.js';
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

// In-app notifications (the bell): other modules notify users; each user reads and marks only their own.
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly clock: Clock,
  ) {}

  /** Notifies each user once (duplicates in `userIds` are dropped); pass the caller's transaction to commit with it. */
  notify(userIds: string[], message: NewNotification, manager?: EntityManager): Promise<number> {
    return this.repository.insert(userIds, message, manager);
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
