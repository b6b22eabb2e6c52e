import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { UserAccountEntity } from '../auth/user-account.entity.js';
import { MeasureEntity } from '../measures/measure.entity.js';
import { UnitEntity } from '../units/unit.entity.js';

// A 督办单: the task force's formal order to one unit about one or more measures, numbered 督办〔YYYY〕N号 per year
// (no gaps, no duplicates), answered once by the unit before `reply_by`.
@Entity('supervision_order')
@Index('uq_supervision_order_number', ['year', 'seq'], { unique: true })
export class SupervisionOrderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  seq: number;

  @Index()
  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit: Relation<UnitEntity>;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'date' })
  replyBy: string;

  @Column({ type: 'uuid', nullable: true })
  issuedById: string | null;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'issued_by_id' })
  issuedBy: Relation<UserAccountEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  issuedAt: Date;

  @Column({ type: 'text', nullable: true })
  replyBody: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  replyAttachmentIds: string[];

  @Column({ type: 'uuid', nullable: true })
  repliedById: string | null;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'replied_by_id' })
  repliedBy: Relation<UserAccountEntity> | null;

  @Column({ type: 'timestamptz', nullable: true })
  repliedAt: Date | null;

  @Column({ type: 'int', default: 1 })
  version: number;
}

// The measures an order is about.
@Entity('supervision_order_measure')
export class SupervisionOrderMeasureEntity {
  @PrimaryColumn({ type: 'uuid' })
  orderId: string;

  @ManyToOne(() => SupervisionOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order: Relation<SupervisionOrderEntity>;

  @PrimaryColumn({ type: 'uuid' })
  measureId: string;

  @ManyToOne(() => MeasureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'measure_id' })
  measure: Relation<MeasureEntity>;
}

// The last number given out per year: the increment is a row lock, so concurrent orders take consecutive numbers,
// and a rolled-back order gives its number back.
@Entity('supervision_order_counter')
export class SupervisionOrderCounterEntity {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  last: number;
}
