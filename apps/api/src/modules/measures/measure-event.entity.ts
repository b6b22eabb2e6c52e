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
import type { MeasureStatus } from '@zhenggai/domain';
import { UserAccountEntity } from '../auth/user-account.entity.js';
import { UnitEntity } from '../units/unit.entity.js';
import { MeasureEntity } from './measure.entity.js';

// One step in a measure's history: a transition, an assignment, a deadline change. Who, when, the opinion and the
// evidence it relied on. Never updated.
@Entity('measure_event')
@Index('idx_measure_event_measure_time', ['measureId', 'occurredAt'])
export class MeasureEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  measureId: string;

  @ManyToOne(() => MeasureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'measure_id' })
  measure: Relation<MeasureEntity>;

  // start / submit / approve / return / reopen / update / assign / progress / extension_*
  @Column({ type: 'varchar', length: 30 })
  action: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus: MeasureStatus | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  toStatus: MeasureStatus | null;

  // the unit that acted or was acted upon
  @Index()
  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'unit_id' })
  unit: Relation<UnitEntity> | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserAccountEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor: Relation<UserAccountEntity> | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  actorName: string | null;

  @Column({ type: 'text', nullable: true })
  opinion: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  attachmentIds: string[];

  @Column({ type: 'jsonb', nullable: true })
  detail: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;
}
