import { Column, CreateDateColumn, DeleteDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type InspectionKind = 'xunshi' | 'xuncha';

// One inspection round (巡视/巡察) of one target, from feedback to the published notice.
@Entity('inspection')
export class InspectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  // who rectifies and publishes, e.g. 中共武汉经开区党工委
  @Column({ type: 'varchar', length: 100, nullable: true })
  issuer: string | null;

  @Column({ type: 'varchar', length: 10 })
  kind: InspectionKind;

  // central / provincial / municipal / county / internal
  @Column({ type: 'varchar', length: 20, nullable: true })
  level: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  term: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  issuingCommittee: string | null;

  @Column({ type: 'int', nullable: true })
  round: number | null;

  // "group" is an SQL keyword: the column is inspection_group
  @Column({ name: 'inspection_group', type: 'varchar', length: 100, nullable: true })
  group: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  inspectionType: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  target: string | null;

  @Column({ type: 'date', nullable: true })
  onSiteFrom: string | null;

  @Column({ type: 'date', nullable: true })
  onSiteTo: string | null;

  @Column({ type: 'date', nullable: true })
  feedbackDate: string | null;

  @Column({ type: 'date', nullable: true })
  planDueDate: string | null;

  // end of the concentrated rectification period
  @Column({ type: 'date', nullable: true })
  rectificationEnd: string | null;

  @Column({ type: 'date', nullable: true })
  reportDue: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'date', nullable: true })
  publicityFrom: string | null;

  @Column({ type: 'date', nullable: true })
  publicityTo: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contactHours: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  contactAddress: string | null;

  // a measure is yellow when due within this many days
  @Column({ type: 'int', default: 7 })
  yellowDays: number;

  // the text the inspection was imported from, kept for the round trip
  @Column({ type: 'text', nullable: true })
  sourceText: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @DeleteDateColumn({ type: 'timestamptz' })
  deletedAt: Date | null;

  @Column({ type: 'int', default: 1 })
  version: number;
}
