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
import type { MeasureTerm, ProblemStatus } from '@zhenggai/domain';
import { CategoryEntity } from '../inspections/category.entity.js';
import { InspectionEntity } from '../inspections/inspection.entity.js';
import { PersonEntity } from '../units/person.entity.js';
import { UnitEntity } from '../units/unit.entity.js';

// A feedback problem (问题), numbered in the official order of the inspection.
@Entity('problem')
@Index('uq_problem_inspection_seq', ['inspectionId', 'seq'], { unique: true })
@Index('idx_problem_inspection_status', ['inspectionId', 'status'])
// the whole measure list's official order (问题编号, 措施序号) across inspections: p.seq from this index, then an
// incremental sort of each problem number's measures (docs/performance.md, "Measure lists")
@Index('idx_problem_seq', ['seq', 'id'], { where: 'deleted_at IS NULL' })
// trigram index for Chinese substring search, created by the TextSearch migration (TypeORM cannot declare GIN opclasses)
@Index('idx_problem_title_trgm', { synchronize: false })
@Index('idx_problem_description_trgm', { synchronize: false })
export class ProblemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  inspectionId: string;

  @ManyToOne(() => InspectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection: Relation<InspectionEntity>;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  categoryId: string | null;

  @ManyToOne(() => CategoryEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'category_id' })
  category: Relation<CategoryEntity> | null;

  // a sub-problem such as (1) under a problem
  @Index()
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => ProblemEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent: Relation<ProblemEntity> | null;

  @Column({ type: 'int' })
  seq: number;

  // the official number as printed: "1." / "（一）" / "(1)"
  @Column({ type: 'varchar', length: 20 })
  label: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  // the 整改情况 overview sentence before the enumerated measures
  @Column({ type: 'text', nullable: true })
  overview: string | null;

  @Column({ type: 'text', nullable: true })
  goal: string | null;

  @Column({ type: 'text', nullable: true })
  rootCause: string | null;

  @Column({ type: 'varchar', length: 20, default: 'concentrated' })
  term: MeasureTerm;

  // feedback / transferred / look_back / self_found
  @Column({ type: 'varchar', length: 20, default: 'feedback' })
  source: string;

  // derived from the measures (packages/domain deriveProblemStatus), stored for filtering and counting
  @Column({ type: 'varchar', length: 20, default: 'in_progress' })
  status: ProblemStatus;

  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  leadLeaderId: string | null;

  @ManyToOne(() => PersonEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'lead_leader_id' })
  leadLeader: Relation<PersonEntity> | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  leadUnitId: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_unit_id' })
  leadUnit: Relation<UnitEntity> | null;

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
