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
import { NotificationEntity } from './notification.entity.js';

// One attempt to deliver a notification outside the app (today: one mail), kept for the system admin's delivery log:
// to whom, on which channel, whether it went out, the error if not, and which attempt it was.
@Entity('notification_delivery')
@Index('idx_notification_delivery_created', ['createdAt'])
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // null for a test mail sent from the channels page
  @Column({ type: 'uuid', nullable: true })
  notificationId: string | null;

  @ManyToOne(() => NotificationEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'notification_id' })
  notification: Relation<NotificationEntity> | null;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserAccountEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<UserAccountEntity> | null;

  // email
  @Column({ type: 'varchar', length: 20 })
  channel: string;

  // the address it went to
  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  // sent | failed
  @Column({ type: 'varchar', length: 10 })
  status: string;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  // 1 for the first attempt
  @Column({ type: 'int' })
  attempt: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
