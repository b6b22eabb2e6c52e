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
import { MeasureEntity } from './measure.entity.js';

// 长期坚持 measures have checkpoints instead of one deadline. A 视同完成 measure's checkpoint that comes due is put into
// the officers' review list by the daily sweep (review_status open → pending, once) and reviewed there (→ done:
// 达到阶段目标 or 未达到).
@Entity('measure_checkpoint')
@Index('uq_measure_checkpoint_measure_due', ['measureId', 'dueOn'], { unique: true })
@Index('idx_measure_checkpoint_review', ['reviewStatus', 'dueOn'])
export class MeasureCheckpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  measureId: string;

  @ManyToOne(() => MeasureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'measure_id' })
  measure: Relation<MeasureEntity>;

  @Index()
  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  @Column({ type: 'date', nullable: true })
  doneOn: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  // open | pending (in the review list) | done (reviewed)
  @Column({ type: 'varchar', length: 20, default: 'open' })
  reviewStatus: string;

  // the China day the sweep put it into the review list
  @Column({ type: 'date', nullable: true })
  queuedOn: string | null;

  // reached | missed
  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome: string | null;

  @Column({ type: 'text', nullable: true })
  opinion: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
