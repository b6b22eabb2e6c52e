import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { UserAccountEntity } from '../auth/user-account.entity.js';
import { MeasureEntity } from '../measures/measure.entity.js';
import { ProgressUpdateEntity } from '../measures/progress-update.entity.js';
import { UnitEntity } from '../units/unit.entity.js';

// Evidence (佐证材料). The bytes live in storage under a server-generated key; the name is metadata only.
@Entity('attachment')
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  measureId: string;

  @ManyToOne(() => MeasureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'measure_id' })
  measure: Relation<MeasureEntity>;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  progressUpdateId: string | null;

  @ManyToOne(() => ProgressUpdateEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'progress_update_id' })
  progressUpdate: Relation<ProgressUpdateEntity> | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit: Relation<UnitEntity> | null;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 100 })
  mimeType: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  storageKey: string;

  // document / minutes / photo / ledger / link / rule
  @Column({ type: 'varchar', length: 20, default: 'document' })
  kind: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  uploadedById: string | null;

  @ManyToOne(() => UserAccountEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy: Relation<UserAccountEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @DeleteDateColumn({ type: 'timestamptz' })
  deletedAt: Date | null;
}
