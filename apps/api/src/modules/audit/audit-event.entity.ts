import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// Append-only record of every change and security event. Rows are never updated or deleted by the app.
// A hash chain makes it tamper-evident: seq, prev_hash and hash are filled in by the database when the inserting
// transaction commits (see docs/architecture.md, "Tamper-evident audit"); the app never writes them.
@Entity('audit_event')
@Index('uq_audit_event_seq', ['seq'], { unique: true })
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

  // position in the hash chain: gap-free and strictly increasing, in commit order
  @Column({ type: 'bigint', nullable: true })
  seq: string | null;

  // hash of the row at seq - 1 (64 zeros for seq 1)
  @Column({ type: 'varchar', length: 64, nullable: true })
  prevHash: string | null;

  // SHA-256 (hex) of the canonical serialisation of every other column (auditChainCanonical)
  @Column({ type: 'varchar', length: 64, nullable: true })
  hash: string | null;
}
