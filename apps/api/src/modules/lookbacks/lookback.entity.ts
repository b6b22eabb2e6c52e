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
import type { LookbackResult, LookbackStatus } from '@zhenggai/domain';
import { UserAccountEntity } from '../auth/user-account.entity.js';
import { InspectionEntity } from '../inspections/inspection.entity.js';
import { MeasureEntity } from '../measures/measure.entity.js';
import { UnitEntity } from '../units/unit.entity.js';

// A look-back (回头看): a reproducible sample of an inspection's signed-off measures (drawn by `drawSample` in
// packages/domain with the stored seed and rate), numbered per inspection (第N次回头看).
@Entity('lookback')
@Index('uq_lookback_seq', ['inspectionId', 'seq'], { unique: true })
export class LookbackEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  inspectionId: string;

  @ManyToOne(() => InspectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection: Relation<InspectionEntity>;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'int' })
  sampleRatePct: number;

  @Column({ type: 'varchar', length: 32 })
  seed: string;

  /** signed-off measures the sample was drawn from */
  @Column({ type: 'int' })
  population: number;

  /** fingerprint of the drawn measure ids (sampleFingerprint), to compare a redraw with */
  @Column({ type: 'varchar', length: 8 })
  fingerprint: string;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status: LookbackStatus;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_id' })
  createdBy: Relation<UserAccountEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'int', default: 1 })
  version: number;
}

// One measure of a look-back: drawn (for its lead unit) or added by hand, then found 巩固 or 反弹 once.
@Entity('lookback_item')
@Index('uq_lookback_item_measure', ['lookbackId', 'measureId'], { unique: true })
export class LookbackItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  lookbackId: string;

  @ManyToOne(() => LookbackEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lookback_id' })
  lookback: Relation<LookbackEntity>;

  @Index()
  @Column({ type: 'uuid' })
  measureId: string;

  @ManyToOne(() => MeasureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'measure_id' })
  measure: Relation<MeasureEntity>;

  /** the unit it was drawn for (the measure's lead unit); null when the measure has none */
  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'unit_id' })
  unit: Relation<UnitEntity> | null;

  @Column({ type: 'int' })
  position: number;

  /** added by an officer by hand, not drawn */
  @Column({ type: 'boolean', default: false })
  manual: boolean;

  /** the measure's status when it entered the look-back */
  @Column({ type: 'varchar', length: 20 })
  statusAtDraw: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  result: LookbackResult | null;

  @Column({ type: 'text', nullable: true })
  finding: string | null;

  /** a rebound's new deadline */
  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  evidenceIds: string[];

  @Column({ type: 'uuid', nullable: true })
  checkedById: string | null;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'checked_by_id' })
  checkedBy: Relation<UserAccountEntity> | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  checkedByName: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  checkedAt: Date | null;
}
