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
import { InspectionEntity } from './inspection.entity.js';

// 方面: a grouping of problems, e.g. （一）在“贯彻落实党中央决策部署”方面
@Entity('category')
@Index('uq_category_inspection_seq', ['inspectionId', 'seq'], { unique: true })
export class CategoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  inspectionId: string;

  @ManyToOne(() => InspectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection: Relation<InspectionEntity>;

  @Column({ type: 'int' })
  seq: number;

  // the ordinal as printed, e.g. （一）
  @Column({ type: 'varchar', length: 20, nullable: true })
  label: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  // taxonomy code such as POLICY / DISCIPLINE
  @Column({ type: 'varchar', length: 30, nullable: true })
  code: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;
}
