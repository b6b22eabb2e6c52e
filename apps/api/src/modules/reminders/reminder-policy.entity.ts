import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { EscalationStep, ReminderChannel } from '@zhenggai/domain';
import { UserAccountEntity } from '../auth/user-account.entity.js';
import { InspectionEntity } from '../inspections/inspection.entity.js';

// An inspection's reminder policy (催办提醒规则) once an officer has saved one; without a row the inspection follows
// DEFAULT_REMINDER_RULES (packages/domain). A saved row starts at version 2: the default counts as version 1.
@Entity('reminder_policy')
export class ReminderPolicyEntity {
  @PrimaryColumn({ type: 'uuid' })
  inspectionId: string;

  @OneToOne(() => InspectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection: Relation<InspectionEntity>;

  // days before a deadline, e.g. {7,3,1}
  @Column({ type: 'int', array: true })
  dueSoonDays: number[];

  // [{ afterOverdueDays, notify }], in increasing order of days
  @Column({ type: 'jsonb' })
  escalation: EscalationStep[];

  // in_app (always), email, webhook
  @Column({ type: 'text', array: true })
  channels: ReminderChannel[];

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'updated_by_id' })
  updatedBy: Relation<UserAccountEntity> | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'int', default: 2 })
  version: number;
}
