import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// One fixed window of a rate limit: how many requests one key (an account or a client IP) made in one bucket since
// windowStart. Shared by every API process, so N replicas enforce one limit, not N.
@Entity('rate_limit_window')
@Index('idx_rate_limit_window_start', ['windowStart'])
export class RateLimitWindowEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  bucket: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @PrimaryColumn({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'int' })
  count: number;
}
