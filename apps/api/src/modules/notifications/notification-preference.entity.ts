import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { UserAccountEntity } from '../auth/user-account.entity.js';

// A user's choice for one kind of notification on one channel (账户设置 › 通知设置). No row: the default, on.
// In-app notifications are always on and have no row.
@Entity('notification_preference')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<UserAccountEntity>;

  // e.g. measure.urged
  @PrimaryColumn({ type: 'varchar', length: 50 })
  kind: string;

  // email
  @PrimaryColumn({ type: 'varchar', length: 20 })
  channel: string;

  @Column({ type: 'boolean' })
  enabled: boolean;
}
