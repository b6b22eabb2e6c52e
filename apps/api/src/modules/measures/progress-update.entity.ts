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
import { UserAccountEntity } from '../auth/user-account.entity.js';
import { UnitEntity } from '../units/unit.entity.js';
import { MeasureEntity } from './measure.entity.js';

export interface ProgressFact {
  label: string;
  done?: number;
  total?: number;
  value?: number;
  unit?: string;
}

// A dated progress report (整改进展) of one unit on one measure.
@Entity('progress_update')
@Index('idx_progress_update_measure_date', ['measureId', 'reportedOn'])
export class ProgressUpdateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  measureId: string;

  @ManyToOne(() => MeasureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'measure_id' })
  measure: Relation<MeasureEntity>;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit: Relation<UnitEntity> | null;

  @Column({ type: 'date' })
  reportedOn: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  facts: ProgressFact[];

  @Index()
  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => UserAccountEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author: Relation<UserAccountEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
