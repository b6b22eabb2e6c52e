import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { UserAccountEntity } from '../auth/user-account.entity.js';

// An outbound webhook: where to POST (url), how to sign (secret, HMAC-SHA256), which events and in which body shape
// (json, or the WeCom/DingTalk group robots' markdown). Deleting one sets deleted_at: its deliveries stay readable.
@Entity('webhook')
export class WebhookEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  // needed in clear to sign each delivery, so sealed (SecretBox, `v1:…`, AAD webhook.secret:<id>), not hashed;
  // never answered after creation
  @Column({ type: 'varchar', length: 1000 })
  secret: string;

  @Column({ type: 'text', array: true })
  events: string[];

  // json | wecom | dingtalk
  @Column({ type: 'varchar', length: 20 })
  format: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => UserAccountEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy: Relation<UserAccountEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}

// One event for one webhook: the body built once when the event happened, so that every attempt sends the same
// bytes (and the same signature). Its id is the X-Zhenggai-Delivery header.
@Entity('webhook_message')
@Index('idx_webhook_message_webhook_created', ['webhookId', 'createdAt'])
export class WebhookMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  webhookId: string;

  @ManyToOne(() => WebhookEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id' })
  webhook: Relation<WebhookEntity>;

  @Column({ type: 'varchar', length: 50 })
  event: string;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

// One attempt to deliver a message: every attempt is a row, failed or succeeded.
@Entity('webhook_delivery')
@Index('idx_webhook_delivery_webhook_created', ['webhookId', 'createdAt'])
@Index('idx_webhook_delivery_message', ['messageId'])
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  messageId: string;

  @ManyToOne(() => WebhookMessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id' })
  message: Relation<WebhookMessageEntity>;

  @Column({ type: 'uuid' })
  webhookId: string;

  @ManyToOne(() => WebhookEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id' })
  webhook: Relation<WebhookEntity>;

  @Column({ type: 'varchar', length: 50 })
  event: string;

  @Column({ type: 'int' })
  attempt: number;

  // succeeded | failed
  @Column({ type: 'varchar', length: 20 })
  status: string;

  @Column({ type: 'int', nullable: true })
  httpStatus: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'int' })
  durationMs: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
