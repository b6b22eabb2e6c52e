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
import { numericTransformer } from '../../database/transformers.js';
import { InspectionEntity } from '../inspections/inspection.entity.js';
import { ProblemEntity } from '../problems/problem.entity.js';

// Funds recovered (追缴/清退/收回/挽回), in 万元.
@Entity('fund_recovery')
export class FundRecoveryEntity {
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

  @Column({ type: 'varchar', length: 20 })
  kind: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  amount: number;

  @Column({ type: 'varchar', length: 10, default: '万元' })
  unit: string;

  @Column({ type: 'text', nullable: true })
  rawText: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;
}
