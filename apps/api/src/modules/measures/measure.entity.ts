import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { MeasureStatus, MeasureTerm } from '@zhenggai/domain';
import { InspectionEntity } from '../inspections/inspection.entity.js';
import { ProblemEntity } from '../problems/problem.entity.js';
import { PersonEntity } from '../units/person.entity.js';
import { UnitEntity } from '../units/unit.entity.js';

// A rectification measure (整改措施, "一是…"): the unit of assignment, deadline and sign-off.
@Entity('measure')
@Index('uq_measure_problem_seq', ['problemId', 'seq'], { unique: true })
@Index('idx_measure_deadline', ['deadline', 'id'])
@Index('idx_measure_status_deadline', ['status', 'deadline', 'id'])
@Index('idx_measure_lead_unit_status_deadline', ['leadUnitId', 'status', 'deadline', 'id'])
@Index('idx_measure_inspection_status', ['inspectionId', 'status'])
// trigram index for Chinese substring search, created by the TextSearch migration (TypeORM cannot declare GIN opclasses)
@Index('idx_measure_text_trgm', { synchronize: false })
export class MeasureEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  problemId: string;

  @ManyToOne(() => ProblemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'problem_id' })
  problem: Relation<ProblemEntity>;

  // copied from the problem so that lists filter by inspection without a join
  @Column({ type: 'uuid' })
  inspectionId: string;

  @ManyToOne(() => InspectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection: Relation<InspectionEntity>;

  // 一是 → 1
  @Column({ type: 'int' })
  seq: number;

  // short lead sentence, e.g. 强化主动监督
  @Column({ type: 'varchar', length: 200, nullable: true })
  lead: string | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 20, default: 'concentrated' })
  term: MeasureTerm;

  @Column({ type: 'varchar', length: 20, default: 'not_started' })
  status: MeasureStatus;

  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  // the lead unit (牵头单位), mirrored from measure_unit for fast per-unit lists
  @Column({ type: 'uuid', nullable: true })
  leadUnitId: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_unit_id' })
  leadUnit: Relation<UnitEntity> | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  responsibleLeaderId: string | null;

  @ManyToOne(() => PersonEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'responsible_leader_id' })
  responsibleLeader: Relation<PersonEntity> | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  responsiblePersonId: string | null;

  @ManyToOne(() => PersonEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'responsible_person_id' })
  responsiblePerson: Relation<PersonEntity> | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  // 视同完成 requires the stage outcome, the long-term mechanism and the next checkpoint
  @Column({ type: 'text', nullable: true })
  stageOutcome: string | null;

  @Column({ type: 'text', nullable: true })
  longTermMechanism: string | null;

  @Column({ type: 'date', nullable: true })
  nextCheckpoint: string | null;

  @Column({ type: 'text', nullable: true })
  remarks: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @DeleteDateColumn({ type: 'timestamptz' })
  deletedAt: Date | null;

  @Column({ type: 'int', default: 1 })
  version: number;
}
