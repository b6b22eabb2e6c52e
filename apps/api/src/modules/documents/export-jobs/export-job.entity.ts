import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// A background export of the 整改台账 (issue 28): who asked, what (inspection, filter, the scope they had when they
// asked), and how far it is. The file lives under UPLOAD_DIR/exports/<id>.xlsx; rows and files older than a day are
// purged by the job `documents.export-purge`.
@Entity('export_job')
@Index('idx_export_job_actor', ['actorId'])
@Index('idx_export_job_created', ['createdAt'])
export class ExportJobEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  actorId: string;

  @Column({ type: 'uuid' })
  inspectionId: string;

  // { status?, unitId?, light?, q? } as the direct export's query
  @Column({ type: 'jsonb' })
  filter: Record<string, unknown>;

  // the requester's AccessScope at request time: { all: true } or { all: false, unitIds }
  @Column({ type: 'jsonb' })
  scope: Record<string, unknown>;

  // queued | running | done | failed
  @Column({ type: 'varchar', length: 10 })
  status: string;

  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Column({ type: 'varchar', length: 300 })
  fileName: string;

  @Column({ type: 'bigint', nullable: true })
  fileSize: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  // the last change of status or progress: a running job whose row has not moved for long is taken as dead
  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
