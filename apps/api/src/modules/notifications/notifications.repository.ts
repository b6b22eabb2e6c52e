import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

export interface NewNotification {
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

const COLUMNS = 'id, kind, title, body, link, created_at, read_at';

// All SQL of the in-app notifications. Every read and write names the recipient: a user sees only their own.
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One notification per recipient, in one statement (inside the caller's transaction when given). */
  async insert(userIds: string[], message: NewNotification, manager?: EntityManager): Promise<number> {
    if (userIds.length === 0) return 0;
    const rows = await (manager ?? this.dataSource.manager).query(
      `INSERT INTO notification (user_id, kind, title, body, link)
       SELECT DISTINCT recipient, $2, $3, $4, $5 FROM unnest($1::uuid[]) AS recipient
       RETURNING id`,
      [userIds, message.kind, message.title, message.body, message.link],
    );
    return rows.length;
  }

  async page(
    userId: string,
    unreadOnly: boolean,
    window: { offset: number; limit: number },
  ): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
    const [counts] = await this.dataSource.query(
      `SELECT count(*)::int AS all, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
       FROM notification WHERE user_id = $1`,
      [userId],
    );
    const rows = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notification
       WHERE user_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)
       ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4`,
      [userId, unreadOnly, window.limit, window.offset],
    );
    return { rows, total: unreadOnly ? counts.unread : counts.all, unread: counts.unread };
  }

  /** Marks one of the user's notifications read (kept as first read); null when it is not theirs. */
  async markRead(userId: string, id: string, now: Date): Promise<NotificationRow | null> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected]
    const [rows]: [NotificationRow[], number] = await this.dataSource.query(
      `UPDATE notification SET read_at = coalesce(read_at, $3) WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
      [id, userId, now],
    );
    return rows[0] ?? null;
  }

  async markAllRead(userId: string, now: Date): Promise<number> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE notification SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL`,
      [userId, now],
    );
    return affected;
  }
}
