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
import { UserAccountEntity } from '../auth/user-account.entity.js';
import { InspectionEntity } from '../inspections/inspection.entity.js';

export type PublicationStatus = 'draft' | 'published' | 'withdrawn';

/** One masking rule that matched: the original is kept only while the publication is a draft. */
export interface MaskReplacement {
  kind: 'name' | 'term';
  original?: string;
  replacement: string;
  count: number;
}

// A public notice (通报) as published for its publicity period: the text generated from live data, masked, edited by
// the task force, then published under an unguessable slug. Contact details are copied from the inspection so that
// the public page does not change when the inspection is edited later.
@Entity('publication')
@Index('idx_publication_inspection_created', ['inspectionId', 'createdAt'])
export class PublicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  inspectionId: string;

  @ManyToOne(() => InspectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection: Relation<InspectionEntity>;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: PublicationStatus;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  replacements: MaskReplacement[];

  @Column({ type: 'int', default: 0 })
  maskedCount: number;

  @Column({ type: 'varchar', length: 100, nullable: true })
  issuer: string | null;

  @Column({ type: 'date' })
  publicityFrom: string;

  @Column({ type: 'date' })
  publicityTo: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contactHours: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contactEmail: string | null;

  // base64url of 16 random bytes, set on publishing: the only handle of the public page
  @Index('uq_publication_slug', { unique: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  slug: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedById: string | null;

  @ManyToOne(() => UserAccountEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_by_id' })
  publishedBy: Relation<UserAccountEntity> | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  withdrawnById: string | null;

  @ManyToOne(() => UserAccountEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'withdrawn_by_id' })
  withdrawnBy: Relation<UserAccountEntity> | null;

  @Column({ type: 'text', nullable: true })
  withdrawReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => UserAccountEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy: Relation<UserAccountEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;
}
