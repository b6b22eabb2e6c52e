import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// Append-only record of every change and security event. Rows are never updated or deleted by the app.
@Entity('audit_event')
@Index('idx_audit_event_entity', ['entityType', 'entityId', 'occurredAt'])
@Index('idx_audit_event_actor', ['actorId', 'occurredAt'])
@Index('idx_audit_event_action', ['action', 'occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorUsername: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  actorRoles: string[];

  @Column({ type: 'uuid', nullable: true })
  actorUnitId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  // e.g. LOGIN_SUCCEEDED, MEASURE_UPDATED, MEASURE_APPROVED
  @Column({ type: 'varchar', length: 50 })
  action: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  entityType: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  // success / failure / denied
  @Column({ type: 'varchar', length: 20, default: 'success' })
  result: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  detail: Record<string, unknown> | null;
}
