import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { ScoringWeights } from '@zhenggai/domain';
import { UserAccountEntity } from '../auth/user-account.entity.js';
import { InspectionEntity } from '../inspections/inspection.entity.js';

// An inspection's scoring weights (考核权重) once an officer has saved them; without a row the inspection follows
// DEFAULT_SCORING_WEIGHTS (packages/domain). A saved row starts at version 2: the default counts as version 1.
@Entity('scoring_policy')
export class ScoringPolicyEntity {
  @PrimaryColumn({ type: 'uuid' })
  inspectionId: string;

  @OneToOne(() => InspectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection: Relation<InspectionEntity>;

  // { completion, onTime, punctuality, returned, rebound, urged }, checked by checkScoringWeights
  @Column({ type: 'jsonb' })
  weights: ScoringWeights;

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
