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
import { InspectionEntity } from '../inspections/inspection.entity.js';
import { ProblemEntity } from '../problems/problem.entity.js';
import { UnitEntity } from '../units/unit.entity.js';

// 建章立制: a rule issued, revised or studied because of a problem; the title is the text inside 《》.
@Entity('rule_document')
export class RuleDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  inspectionId: string;

  @ManyToOne(() => InspectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection: Relation<InspectionEntity>;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  problemId: string | null;

  @ManyToOne(() => ProblemEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'problem_id' })
  problem: Relation<ProblemEntity> | null;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  // issued / revised / studied / mentioned
  @Column({ type: 'varchar', length: 20, default: 'issued' })
  role: string;

  @Column({ type: 'date', nullable: true })
  issuedOn: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'unit_id' })
  unit: Relation<UnitEntity> | null;

  @Column({ type: 'text', nullable: true })
  rawText: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;
}
