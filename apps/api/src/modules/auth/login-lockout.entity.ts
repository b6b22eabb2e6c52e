import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { UserAccountEntity } from './user-account.entity.js';

// Consecutive failed sign-ins of one account from one client address, and that address's lock on the account.
// Failures from one address lock the account for that address only: nobody can lock another person out by typing
// wrong passwords from elsewhere. The account-wide counter on user_account (LOGIN_ACCOUNT_MAX_FAILURES, over every
// address) still stops a guess spread over many addresses.
@Entity('login_lockout')
export class LoginLockoutEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<UserAccountEntity>;

  // the client address as the app sees it (TRUST_PROXY_HOPS), or 'unknown'
  @PrimaryColumn({ type: 'varchar', length: 64 })
  ip: string;

  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
