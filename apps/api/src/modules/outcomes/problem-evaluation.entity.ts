import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { EffectivenessRating } from '@zhenggai/domain';
import { UserAccountEntity } from '../auth/user-account.entity.js';
import { ProblemEntity } from '../problems/problem.entity.js';

// 成效评估 of a signed-off problem: one current evaluation per problem, versioned (a stale save is 409), every change
// audited (EFFECTIVENESS_EVALUATED with the before and after).
@Entity('problem_evaluation')
export class ProblemEvaluationEntity {
  @PrimaryColumn({ type: 'uuid' })
  problemId: string;

  @OneToOne(() => ProblemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'problem_id' })
  problem: Relation<ProblemEntity>;

  @Column({ type: 'varchar', length: 10 })
  rating: EffectivenessRating;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'uuid', nullable: true })
  evaluatedById: string | null;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'evaluated_by_id' })
  evaluatedBy: Relation<UserAccountEntity> | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  evaluatedByName: string | null;

  @Column({ type: 'timestamptz' })
  evaluatedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;
}
