import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface WebhookRow {
  id: string;
  name: string | null;
  url: string;
  format: string;
  events: string[];
  created_at: Date;
  created_by: string | null;
  last_delivery_at: Date | null;
  last_delivery_status: 'succeeded' | 'failed' | null;
}

export interface NewWebhook {
  id: string;
  name: string | null;
  url: string;
  // sealed (SecretBox), bound to this row's id
  secret: string;
  events: string[];
  format: string;
  createdById: string | null;
}

export interface SubscribedWebhook {
  id: string;
  format: string;
}

/** What a delivery attempt needs: the stored message and its webhook (secret included). */
export interface MessageToDeliver {
  id: string;
  webhook_id: string;
  event: string;
  body: string;
  url: string;
  // sealed (SecretBox)
  secret: string;
  deleted_at: Date | null;
}

export interface DeliveryAttempt {
  messageId: string;
  webhookId: string;
  event: string;
  status: 'succeeded' | 'failed';
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

export interface DeliveryRow {
  id: string;
  message_id: string;
  event: string;
  attempt: number;
  status: 'succeeded' | 'failed';
  http_status: number | null;
  error: string | null;
  duration_ms: number;
  created_at: Date;
}

// the secret is never selected for an answer
const LIST_COLUMNS = `w.id, w.name, w.url, w.format, w.events, w.created_at, u.display_name AS created_by,
  last.created_at AS last_delivery_at, last.status AS last_delivery_status`;

// All SQL of the outbound webhooks.
@Injectable()
export class WebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private select(where: string): string {
    return `SELECT ${LIST_COLUMNS} FROM webhook w
      LEFT JOIN user_account u ON u.id = w.created_by_id
      LEFT JOIN LATERAL (
        SELECT d.created_at, d.status FROM webhook_delivery d WHERE d.webhook_id = w.id
        ORDER BY d.created_at DESC, d.attempt DESC LIMIT 1
      ) last ON true
      WHERE ${where}`;
  }

  async listActive(): Promise<WebhookRow[]> {
    return this.dataSource.query(`${this.select('w.deleted_at IS NULL')} ORDER BY w.created_at DESC, w.id`);
  }

  async findActive(id: string): Promise<WebhookRow | null> {
    const [row] = await this.dataSource.query(`${this.select('w.id = $1 AND w.deleted_at IS NULL')}`, [id]);
    return row ?? null;
  }

  /** Any webhook, deleted ones included (their deliveries stay readable). */
  async exists(id: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM webhook WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  async insert(webhook: NewWebhook): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO webhook (id, name, url, secret, events, format, created_by_id)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7)`,
      [webhook.id, webhook.name, webhook.url, webhook.secret, webhook.events, webhook.format, webhook.createdById],
    );
  }

  /** Marks a webhook deleted; false when there is no such live webhook. */
  async softDelete(id: string, now: Date): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE webhook SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL`,
      [id, now],
    );
    return affected > 0;
  }

  async subscribedTo(event: string): Promise<SubscribedWebhook[]> {
    return this.dataSource.query(
      `SELECT id, format FROM webhook WHERE deleted_at IS NULL AND $1 = ANY(events) ORDER BY created_at, id`,
      [event],
    );
  }

  async insertMessage(webhookId: string, event: string, body: string): Promise<string> {
    const [row] = await this.dataSource.query(
      `INSERT INTO webhook_message (webhook_id, event, body) VALUES ($1, $2, $3) RETURNING id`,
      [webhookId, event, body],
    );
    return row.id;
  }

  async messageToDeliver(messageId: string): Promise<MessageToDeliver | null> {
    const [row] = await this.dataSource.query(
      `SELECT m.id, m.webhook_id, m.event, m.body, w.url, w.secret, w.deleted_at
       FROM webhook_message m JOIN webhook w ON w.id = m.webhook_id WHERE m.id = $1`,
      [messageId],
    );
    return row ?? null;
  }

  /** One row per attempt, numbered 1, 2, … per message (a message is delivered by one job at a time). */
  async recordAttempt(attempt: DeliveryAttempt): Promise<number> {
    const [row] = await this.dataSource.query(
      `INSERT INTO webhook_delivery (message_id, webhook_id, event, attempt, status, http_status, error, duration_ms)
       VALUES ($1, $2, $3, (SELECT count(*) + 1 FROM webhook_delivery WHERE message_id = $1), $4, $5, $6, $7)
       RETURNING attempt`,
      [
        attempt.messageId,
        attempt.webhookId,
        attempt.event,
        attempt.status,
        attempt.httpStatus,
        attempt.error,
        attempt.durationMs,
      ],
    );
    return row.attempt;
  }

  async deliveries(
    webhookId: string,
    window: { offset: number; limit: number },
  ): Promise<{ rows: DeliveryRow[]; total: number }> {
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM webhook_delivery WHERE webhook_id = $1`,
      [webhookId],
    );
    const rows = await this.dataSource.query(
      `SELECT id, message_id, event, attempt, status, http_status, error, duration_ms, created_at
       FROM webhook_delivery WHERE webhook_id = $1
       ORDER BY created_at DESC, attempt DESC, id LIMIT $2 OFFSET $3`,
      [webhookId, window.limit, window.offset],
    );
    return { rows, total };
  }
}
