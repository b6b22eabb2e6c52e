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
import type { Role } from '@zhenggai/domain';
import { PersonEntity } from '../units/person.entity.js';
import { UnitEntity } from '../units/unit.entity.js';

@Entity('user_account')
export class UserAccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // stored lower-case; unique across all accounts
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 50 })
  displayName: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  // where mail notifications go (set by the admin or the user); none: the user gets them in the app only
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  // true: mail comes as one digest a day (07:30 China time) instead of one mail per notification
  @Column({ type: 'boolean', default: false })
  mailDigest: boolean;

  // the newest notification the last digest covered
  @Column({ type: 'timestamptz', nullable: true })
  digestSentUntil: Date | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: Role[];

  @Index()
  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit: Relation<UnitEntity> | null;

  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @ManyToOne(() => PersonEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'person_id' })
  person: Relation<PersonEntity> | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  // admin | dormant: why the account was disabled
  @Column({ type: 'varchar', length: 20, nullable: true })
  disabledReason: string | null;

  // when an admin last re-enabled the account: the dormancy clock restarts there
  @Column({ type: 'timestamptz', nullable: true })
  reactivatedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  failedLoginCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  // TOTP secret (base32) once enrolled, and the one being set up; never leaves the server after setup. Stored sealed
  // (SecretBox, `v1:…`, AAD user_account.<column>:<id>)
  @Column({ type: 'varchar', length: 200, nullable: true })
  mfaSecret: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  mfaPendingSecret: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  mfaEnabledAt: Date | null;

  // the last 30-second time step whose code was accepted: a code is usable once
  @Column({ type: 'int', nullable: true })
  mfaLastStep: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;
}
