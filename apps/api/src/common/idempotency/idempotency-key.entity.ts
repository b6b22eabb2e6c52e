import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

// A create request's answer, kept under the client's Idempotency-Key so that a retry gets the same answer.
@Entity('idempotency_key')
@Index('idx_idempotency_key_created', ['createdAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'varchar', length: 10 })
  method: string;

  @Column({ type: 'varchar', length: 300 })
  path: string;

  @Column({ type: 'char', length: 64 })
  requestHash: string;

  // null while the first request is still running
  @Column({ type: 'int', nullable: true })
  status: number | null;

  @Column({ type: 'jsonb', nullable: true })
  body: unknown;

  // set inside the first request's own write transaction, at its commit (IdempotencyCommitSubscriber): a pending key
  // with this set wrote its data even if its answer was never stored, so a retry must not write again
  @Column({ type: 'timestamptz', nullable: true })
  committedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
