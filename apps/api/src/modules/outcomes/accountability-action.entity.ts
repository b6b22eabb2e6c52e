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

// 问责: an accountability action taken for a problem. Count units differ (人 vs 人次), so the unit is stored.
@Entity('accountability_action')
export class AccountabilityActionEntity {
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

  // 问责/诫勉/政务处分/党纪处分/组织处理/批评教育/责令检查/提醒谈话/约谈/行政处罚
  @Column({ type: 'varchar', length: 30 })
  form: string;

  @Column({ type: 'int', nullable: true })
  count: number | null;

  // 人 / 人次 / 家
  @Column({ type: 'varchar', length: 10, nullable: true })
  countUnit: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text', nullable: true })
  rawText: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;
}
