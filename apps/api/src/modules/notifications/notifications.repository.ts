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

export interface MailRow {
  id: string;
  userId: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  email: string | null;
  displayName: string;
  disabled: boolean;
}

export interface NewDelivery {
  notificationId: string | null;
  userId: string | null;
  channel: 'email';
  recipient: string;
  subject: string;
  status: 'sent' | 'failed';
  error: string | null;
  attempt: number;
}

export interface DeliveryRow {
  id: string;
  channel: string;
  recipient: string;
  subject: string;
  status: 'sent' | 'failed';
  error: string | null;
  attempt: number;
  createdAt: Date;
  notificationId: string | null;
  kind: string | null;
  userName: string | null;
}

const COLUMNS = 'id, kind, title, body, link, created_at, read_at';

// All SQL of the notifications and their delivery log. Every read and write names the recipient: a user sees only their own.
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One notification per recipient, in one statement (inside the caller's transaction when given). Returns how many
   * were made and the ones to mail: their recipient is active and has an email address.
   */
  async insert(
    userIds: string[],
    message: NewNotification,
    manager?: EntityManager,
  ): Promise<{ count: number; mailIds: string[] }> {
    if (userIds.length === 0) return { count: 0, mailIds: [] };
    const rows: { id: string; mail: boolean }[] = await (manager ?? this.dataSource.manager).query(
      `WITH made AS (
         INSERT INTO notification (user_id, kind, title, body, link)
         SELECT DISTINCT recipient, $2, $3, $4, $5 FROM unnest($1::uuid[]) AS recipient
         RETURNING id, user_id)
       SELECT made.id, (ua.email IS NOT NULL AND ua.disabled_at IS NULL AND NOT ua.mail_digest AND NOT EXISTS (
                SELECT 1 FROM notification_preference p
                WHERE p.user_id = made.user_id AND p.kind = $2 AND p.channel = 'email' AND NOT p.enabled)) AS mail
       FROM made JOIN user_account ua ON ua.id = made.user_id`,
      [userIds, message.kind, message.title, message.body, message.link],
    );
    return { count: rows.length, mailIds: rows.filter((row) => row.mail).map((row) => row.id) };
  }

  /** A notification with what its mail needs; null when it is gone. */
  async forMail(id: string): Promise<MailRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT n.id, n.user_id AS "userId", n.title, n.body, n.link, n.created_at AS "createdAt",
              ua.email, ua.display_name AS "displayName", ua.disabled_at IS NOT NULL AS disabled
       FROM notification n JOIN user_account ua ON ua.id = n.user_id WHERE n.id = $1`,
      [id],
    );
    return row ?? null;
  }

  async recordDelivery(delivery: NewDelivery): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification_delivery (notification_id, user_id, channel, recipient, subject, status, error, attempt)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        delivery.notificationId,
        delivery.userId,
        delivery.channel,
        delivery.recipient,
        delivery.subject.slice(0, 300),
        delivery.status,
        delivery.error?.slice(0, 2000) ?? null,
        delivery.attempt,
      ],
    );
  }

  /** The account's address, version and roles, with its mail choices (kinds turned off or on). */
  async settings(
    userId: string,
    manager?: EntityManager,
  ): Promise<{
    email: string | null;
    mail_digest: boolean;
    version: number;
    roles: string[];
    email_kinds: Record<string, boolean>;
  } | null> {
    const [row] = await (manager ?? this.dataSource.manager).query(
      `SELECT ua.email, ua.mail_digest, ua.version, ua.roles,
              coalesce(jsonb_object_agg(p.kind, p.enabled) FILTER (WHERE p.kind IS NOT NULL), '{}') AS email_kinds
       FROM user_account ua LEFT JOIN notification_preference p ON p.user_id = ua.id AND p.channel = 'email'
       WHERE ua.id = $1 GROUP BY ua.id`,
      [userId],
    );
    return row ?? null;
  }

  /** Writes the account's address (when given) and mail choices if its version is still `version`; false if not. */
  async saveSettings(
    manager: EntityManager,
    userId: string,
    version: number,
    email: string | null | undefined,
    kinds: { kind: string; email: boolean }[],
    mailDigest?: boolean,
  ): Promise<boolean> {
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE user_account SET email = CASE WHEN $3 THEN $4 ELSE email END, mail_digest = coalesce($5, mail_digest),
              -- turning the digest on: what was mailed one by one so far is not mailed again
              digest_sent_until = CASE WHEN $5 AND NOT mail_digest THEN now() ELSE digest_sent_until END,
              version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id`,
      [userId, version, email !== undefined, email ?? null, mailDigest ?? null],
    );
    if (rows.length === 0) return false;
    if (kinds.length > 0) {
      await manager.query(
        `INSERT INTO notification_preference (user_id, kind, channel, enabled)
         SELECT $1, k.kind, 'email', k.enabled FROM unnest($2::text[], $3::boolean[]) AS k(kind, enabled)
         ON CONFLICT (user_id, kind, channel) DO UPDATE SET enabled = excluded.enabled`,
        [userId, kinds.map((k) => k.kind), kinds.map((k) => k.email)],
      );
    }
    return true;
  }

  /**
   * The digests due now: for every active account with an address that chose the daily digest, its notifications
   * since the last digest (at most a day back the first time) of the kinds it has not turned off; marks them covered
   * in the same statement. One row per account.
   */
  async takeDigests(manager: EntityManager, now: Date): Promise<Array<{ userId: string; ids: string[]; until: Date }>> {
    return (await manager.query(
      `WITH due AS (
         SELECT ua.id AS user_id, array_agg(n.id ORDER BY n.created_at, n.id) AS ids, max(n.created_at) AS until
         FROM user_account ua JOIN notification n ON n.user_id = ua.id
         WHERE ua.mail_digest AND ua.email IS NOT NULL AND ua.disabled_at IS NULL
           AND n.created_at > coalesce(ua.digest_sent_until, $1::timestamptz - interval '1 day')
           AND n.created_at <= $1::timestamptz
           AND NOT EXISTS (SELECT 1 FROM notification_preference p
                           WHERE p.user_id = ua.id AND p.kind = n.kind AND p.channel = 'email' AND NOT p.enabled)
         GROUP BY ua.id
       ), marked AS (
         UPDATE user_account ua SET digest_sent_until = due.until FROM due WHERE ua.id = due.user_id RETURNING ua.id
       )
       SELECT due.user_id AS "userId", due.ids, due.until FROM due JOIN marked ON marked.id = due.user_id`,
      [now],
    )) as Array<{ userId: string; ids: string[]; until: Date }>;
  }

  /** A digest's notifications and its recipient, oldest first. */
  async forDigest(userId: string, ids: string[]): Promise<{ recipient: MailRow | null; items: MailRow[] }> {
    const rows = (await this.dataSource.query(
      `SELECT n.id, n.user_id AS "userId", n.title, n.body, n.link, n.created_at AS "createdAt",
              ua.email, ua.display_name AS "displayName", ua.disabled_at IS NOT NULL AS disabled
       FROM notification n JOIN user_account ua ON ua.id = n.user_id
       WHERE n.user_id = $1 AND n.id = ANY($2::uuid[]) ORDER BY n.created_at, n.id`,
      [userId, ids],
    )) as MailRow[];
    return { recipient: rows[0] ?? null, items: rows };
  }

  /** How many active accounts mail can reach. */
  async mailReach(): Promise<{ usersWithEmail: number; activeUsers: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE email IS NOT NULL)::int AS "usersWithEmail", count(*)::int AS "activeUsers"
       FROM user_account WHERE disabled_at IS NULL`,
    );
    return row;
  }

  /** The delivery log, newest first. */
  async deliveries(
    filter: { channel?: string; status?: string },
    window: { offset: number; limit: number },
  ): Promise<{ rows: DeliveryRow[]; total: number }> {
    const params = [filter.channel ?? null, filter.status ?? null];
    const where = `($1::text IS NULL OR d.channel = $1) AND ($2::text IS NULL OR d.status = $2)`;
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM notification_delivery d WHERE ${where}`,
      params,
    );
    const rows = await this.dataSource.query(
      `SELECT d.id, d.channel, d.recipient, d.subject, d.status, d.error, d.attempt, d.created_at AS "createdAt",
              d.notification_id AS "notificationId", n.kind, ua.display_name AS "userName"
       FROM notification_delivery d
       LEFT JOIN notification n ON n.id = d.notification_id
       LEFT JOIN user_account ua ON ua.id = d.user_id
       WHERE ${where} ORDER BY d.created_at DESC, d.id DESC LIMIT $3 OFFSET $4`,
      [...params, window.limit, window.offset],
    );
    return { rows, total };
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
