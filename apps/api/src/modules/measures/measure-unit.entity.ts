import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { MeasureStatus, UnitRole } from '@zhenggai/domain';
import { UnitEntity } from '../units/unit.entity.js';
import { MeasureEntity } from './measure.entity.js';

// A unit's share of a measure: one lead (牵头) and any number of co-units (配合), each with its own status.
@Entity('measure_unit')
@Index('uq_measure_unit_measure_unit', ['measureId', 'unitId'], { unique: true })
@Index('idx_measure_unit_unit_measure', ['unitId', 'measureId'])
export class MeasureUnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  measureId: string;

  @ManyToOne(() => MeasureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'measure_id' })
  measure: Relation<MeasureEntity>;

  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit: Relation<UnitEntity>;

  @Column({ type: 'varchar', length: 10 })
  role: UnitRole;

  @Column({ type: 'varchar', length: 20, default: 'not_started' })
  status: MeasureStatus;

  // 0–100, as reported by the unit
  @Column({ type: 'int', default: 0 })
  progress: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;
}
