import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { Punctuality, RoundStatus, RoundUnitStatus } from '@zhenggai/domain';
import { UserAccountEntity } from '../auth/user-account.entity.js';
import { InspectionEntity } from '../inspections/inspection.entity.js';
import { MeasureEntity } from '../measures/measure.entity.js';
import { UnitEntity } from '../units/unit.entity.js';

// A reporting round (报送轮次): 第N期 of an inspection, numbered per inspection without gaps. A scheduled round carries
// the month it was opened for (`schedule_key`, YYYY-MM): unique per inspection, so two processes open it once.
@Entity('report_round')
@Index('uq_report_round_seq', ['inspectionId', 'seq'], { unique: true })
@Index('uq_report_round_schedule', ['inspectionId', 'scheduleKey'], { unique: true })
export class ReportRoundEntity {
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

  @Column({ type: 'date' })
  periodEnd: string;

  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status: RoundStatus;

  @Column({ type: 'varchar', length: 7, nullable: true })
  scheduleKey: string | null;

  @Column({ type: 'uuid', nullable: true })
  openedById: string | null;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'opened_by_id' })
  openedBy: Relation<UserAccountEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  openedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  closedById: string | null;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'closed_by_id' })
  closedBy: Relation<UserAccountEntity> | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'int', default: 1 })
  version: number;
}

// A unit in a round's scope: where it stands, its current submission, and (once the round is closed, or as soon as
// it reports) its punctuality, which 考核 reads.
@Entity('report_round_unit')
export class ReportRoundUnitEntity {
  @PrimaryColumn({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => ReportRoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round: Relation<ReportRoundEntity>;

  @Index()
  @PrimaryColumn({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit: Relation<UnitEntity>;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: RoundUnitStatus;

  @Column({ type: 'uuid', nullable: true })
  submissionId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  punctuality: Punctuality | null;
}

// One submission of a unit in a round (the first, or one after a return). Its snapshot items never change; a return
// fills the returned_* columns once.
@Entity('report_submission')
@Index('uq_report_submission_attempt', ['roundId', 'unitId', 'attempt'], { unique: true })
export class ReportSubmissionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => ReportRoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round: Relation<ReportRoundEntity>;

  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit: Relation<UnitEntity>;

  @Column({ type: 'int' })
  attempt: number;

  @Column({ type: 'uuid', nullable: true })
  submittedById: string | null;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'submitted_by_id' })
  submittedBy: Relation<UserAccountEntity> | null;

  @Column({ type: 'varchar', length: 50 })
  submittedByName: string;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  returnedById: string | null;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'returned_by_id' })
  returnedBy: Relation<UserAccountEntity> | null;

  @Column({ type: 'text', nullable: true })
  returnReason: string | null;
}

// The frozen state of one measure in a submission: what the unit reported and what the ledger said at that moment.
// Rows are never updated (a trigger refuses it); later edits of the measure change the ledger, not this.
@Entity('report_snapshot_item')
export class ReportSnapshotItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => ReportSubmissionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission: Relation<ReportSubmissionEntity>;

  @Index()
  @PrimaryColumn({ type: 'uuid' })
  measureId: string;

  @ManyToOne(() => MeasureEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'measure_id' })
  measure: Relation<MeasureEntity>;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'uuid' })
  problemId: string;

  @Column({ type: 'varchar', length: 40 })
  label: string;

  @Column({ type: 'text' })
  problemTitle: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 20 })
  status: string;

  @Column({ type: 'varchar', length: 20 })
  statusLabel: string;

  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Column({ type: 'varchar', length: 10 })
  light: string;

  /** this period's progress in the unit's words (empty for a measure already done) */
  @Column({ type: 'text' })
  progress: string;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  evidenceIds: string[];
}

// An inspection's schedule of rounds (定期报送): opened by the job queue on a day of each month.
@Entity('report_schedule')
export class ReportScheduleEntity {
  @PrimaryColumn({ type: 'uuid' })
  inspectionId: string;

  @OneToOne(() => InspectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection: Relation<InspectionEntity>;

  @Column({ type: 'boolean', default: false })
  enabled: boolean;

  @Column({ type: 'int' })
  dayOfMonth: number;

  @Column({ type: 'int' })
  dueAfterDays: number;

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
