import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@zhenggai/domain';
import { UserAccountEntity } from './user-account.entity.js';

export interface DormantCandidate {
  id: string;
  username: string;
  roles: Role[];
  lastLoginAt: Date | null;
}

export interface LiveChallenge {
  id: string;
  userId: string;
}

// node-postgres through TypeORM answers UPDATE/DELETE … RETURNING with [rows, affected]
function returned<T>(result: unknown): T[] {
  const list = result as unknown[];
  return (Array.isArray(list[0]) ? list[0] : list) as T[];
}

// All SQL about an account's credentials and sign-in state: lockout counters, password history, second factor,
// sign-in challenges, dormancy. None of these writes bump the account's version: they are not admin-edited fields.
@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByUsername(username: string): Promise<UserAccountEntity | null> {
    return this.dataSource.getRepository(UserAccountEntity).findOne({ where: { username } });
  }

  findById(id: string): Promise<UserAccountEntity | null> {
    return this.dataSource.getRepository(UserAccountEntity).findOne({ where: { id } });
  }

  /** One more consecutive failure; at `maxFailures` the account is locked until `lockUntil` and the count restarts.
   * Failures while locked are not counted, so an attacker cannot keep an account locked forever by one lock. */
  async registerFailure(userId: string, maxFailures: number, lockUntil: Date, now: Date): Promise<{ locked: boolean }> {
    const rows = returned<{ failures: number; lockedUntil: Date | null }>(
      await this.dataSource.query(
        `UPDATE user_account SET
           failed_login_count = CASE WHEN failed_login_count + 1 >= $2 THEN 0 ELSE failed_login_count + 1 END,
           locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
         WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $4)
         RETURNING failed_login_count AS failures, locked_until AS "lockedUntil"`,
        [userId, maxFailures, lockUntil, now],
      ),
    );
    const row = rows[0];
    return { locked: !!row && row.failures === 0 && row.lockedUntil?.getTime() === lockUntil.getTime() };
  }

  /** The same for one client address: its consecutive failures, locking the account for that address only. */
  async registerSourceFailure(
    userId: string,
    ip: string,
    maxFailures: number,
    lockUntil: Date,
    now: Date,
  ): Promise<{ locked: boolean }> {
    const rows = (await this.dataSource.query(
      `INSERT INTO login_lockout AS l (user_id, ip, failures, locked_until, updated_at)
       VALUES ($1, $2, CASE WHEN $3 <= 1 THEN 0 ELSE 1 END, CASE WHEN $3 <= 1 THEN $4::timestamptz END, $5)
       ON CONFLICT (user_id, ip) DO UPDATE SET
         failures = CASE WHEN l.failures + 1 >= $3 THEN 0 ELSE l.failures + 1 END,
         locked_until = CASE WHEN l.failures + 1 >= $3 THEN $4::timestamptz ELSE l.locked_until END,
         updated_at = $5
       WHERE l.locked_until IS NULL OR l.locked_until <= $5
       RETURNING failures, locked_until AS "lockedUntil"`,
      [userId, ip, maxFailures, lockUntil, now],
    )) as Array<{ failures: number; lockedUntil: Date | null }>;
    const row = rows[0];
    return { locked: !!row && row.failures === 0 && row.lockedUntil?.getTime() === lockUntil.getTime() };
  }

  /** Whether the account is locked for this client address (by its own failures). */
  async isSourceLocked(userId: string, ip: string, now: Date): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM login_lockout WHERE user_id = $1 AND ip = $2 AND locked_until > $3`,
      [userId, ip, now],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Drops the address counters nobody has touched since `before` (the daily purge). */
  async purgeSourceCounters(before: Date): Promise<number> {
    const rows = (await this.dataSource.query(
      `DELETE FROM login_lockout WHERE updated_at < $1 AND (locked_until IS NULL OR locked_until < $1) RETURNING 1`,
      [before],
    )) as unknown[];
    return rows.length;
  }

  async recordSignIn(userId: string, now: Date, ip: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE user_account SET failed_login_count = 0, locked_until = NULL, last_login_at = $2 WHERE id = $1`,
      [userId, now],
    );
    await this.dataSource.query(`DELETE FROM login_lockout WHERE user_id = $1 AND ip = $2`, [userId, ip]);
  }

  async unlock(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE user_account SET failed_login_count = 0, locked_until = NULL WHERE id = $1`, [userId]);
    await manager.query(`DELETE FROM login_lockout WHERE user_id = $1`, [userId]);
  }

  async recentPasswordHashes(userId: string, count: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT password_hash AS hash FROM password_history WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
      [userId, count],
    )) as Array<{ hash: string }>;
    return rows.map((row) => row.hash);
  }

  /** Sets the password, remembers its hash and forgets all but the latest `keep` ones; also clears the lockout. */
  async storePassword(
    manager: EntityManager,
    userId: string,
    hash: string,
    options: { now: Date; mustChange: boolean; keep: number },
  ): Promise<void> {
    await manager.query(
      `UPDATE user_account SET password_hash = $2, password_changed_at = $3, must_change_password = $4,
              failed_login_count = 0, locked_until = NULL
        WHERE id = $1`,
      [userId, hash, options.now, options.mustChange],
    );
    await manager.query(`DELETE FROM login_lockout WHERE user_id = $1`, [userId]);
    await manager.query(`INSERT INTO password_history (user_id, password_hash) VALUES ($1, $2)`, [userId, hash]);
    await manager.query(
      `DELETE FROM password_history WHERE user_id = $1 AND id NOT IN
         (SELECT id FROM password_history WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2)`,
      [userId, options.keep],
    );
  }

  async setPendingMfaSecret(userId: string, secret: string): Promise<void> {
    await this.dataSource.query(`UPDATE user_account SET mfa_pending_secret = $2 WHERE id = $1`, [userId, secret]);
  }

  /**
   * Turns the pending secret into the active one (`secret.sealed`, sealed for mfa_secret) and replaces the recovery
   * codes; false when the pending secret is no longer the one checked (`secret.pending`, as stored).
   */
  async enableMfa(
    manager: EntityManager,
    userId: string,
    secret: { sealed: string; pending: string },
    step: number,
    now: Date,
    codeHashes: string[],
  ): Promise<boolean> {
    const rows = returned(
      await manager.query(
        `UPDATE user_account SET mfa_secret = $4, mfa_pending_secret = NULL, mfa_enabled_at = $2, mfa_last_step = $3
          WHERE id = $1 AND mfa_pending_secret = $5 AND mfa_enabled_at IS NULL RETURNING id`,
        [userId, now, step, secret.sealed, secret.pending],
      ),
    );
    if (rows.length === 0) return false;
    await manager.query(`DELETE FROM mfa_recovery_code WHERE user_id = $1`, [userId]);
    await manager.query(`INSERT INTO mfa_recovery_code (user_id, code_hash) SELECT $1, unnest($2::text[])`, [
      userId,
      codeHashes,
    ]);
    return true;
  }

  /** Records a TOTP time step as used; false when it (or a later one) was used already: a replay. */
  async useTotpStep(userId: string, step: number): Promise<boolean> {
    const rows = returned(
      await this.dataSource.query(
        `UPDATE user_account SET mfa_last_step = $2 WHERE id = $1 AND (mfa_last_step IS NULL OR mfa_last_step < $2) RETURNING id`,
        [userId, step],
      ),
    );
    return rows.length > 0;
  }

  async useRecoveryCode(userId: string, codeHash: string, now: Date): Promise<boolean> {
    const rows = returned(
      await this.dataSource.query(
        `UPDATE mfa_recovery_code SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
        [userId, codeHash, now],
      ),
    );
    return rows.length > 0;
  }

  async unusedRecoveryCodes(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM mfa_recovery_code WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    )) as Array<{ count: number }>;
    return row.count;
  }

  async clearMfa(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `UPDATE user_account SET mfa_secret = NULL, mfa_pending_secret = NULL, mfa_enabled_at = NULL, mfa_last_step = NULL WHERE id = $1`,
      [userId],
    );
    await manager.query(`DELETE FROM mfa_recovery_code WHERE user_id = $1`, [userId]);
  }

  async createChallenge(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.dataSource.query(`INSERT INTO mfa_challenge (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [
      userId,
      tokenHash,
      expiresAt,
    ]);
  }

  async findLiveChallenge(tokenHash: string, now: Date): Promise<LiveChallenge | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id, user_id AS "userId" FROM mfa_challenge WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2`,
      [tokenHash, now],
    )) as LiveChallenge[];
    return row ?? null;
  }

  /** Redeems the challenge; false when another request redeemed it first. */
  async consumeChallenge(id: string, now: Date): Promise<boolean> {
    const rows = returned(
      await this.dataSource.query(
        `UPDATE mfa_challenge SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id`,
        [id, now],
      ),
    );
    return rows.length > 0;
  }

  /** A wrong code against this challenge; after `maxAttempts` the challenge is spent. */
  async countChallengeAttempt(id: string, maxAttempts: number, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE mfa_challenge SET attempts = attempts + 1, used_at = CASE WHEN attempts + 1 >= $2 THEN $3::timestamptz ELSE used_at END
        WHERE id = $1`,
      [id, maxAttempts, now],
    );
  }

  async purgeChallenges(expiredBefore: Date): Promise<void> {
    await this.dataSource.query(`DELETE FROM mfa_challenge WHERE expires_at < $1`, [expiredBefore]);
  }

  /** Disables the account (bumping its version: an admin's stale edit must not re-enable it); false if it already was. */
  async disable(manager: EntityManager, userId: string, now: Date, reason: 'admin' | 'dormant'): Promise<boolean> {
    const rows = returned(
      await manager.query(
        `UPDATE user_account SET disabled_at = $2, disabled_reason = $3, version = version + 1, updated_at = now()
          WHERE id = $1 AND disabled_at IS NULL RETURNING id`,
        [userId, now, reason],
      ),
    );
    return rows.length > 0;
  }

  async findDormant(cutoff: Date): Promise<DormantCandidate[]> {
    return (await this.dataSource.query(
      `SELECT id, username, roles, last_login_at AS "lastLoginAt" FROM user_account
        WHERE disabled_at IS NULL AND GREATEST(last_login_at, reactivated_at, created_at) <= $1
        ORDER BY username`,
      [cutoff],
    )) as DormantCandidate[];
  }

  /** Enabled accounts holding the role, other than those listed. */
  async countEnabledHolders(role: Role, excluding: string[]): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM user_account WHERE disabled_at IS NULL AND $1 = ANY(roles) AND NOT (id = ANY($2::uuid[]))`,
      [role, excluding],
    )) as Array<{ count: number }>;
    return row.count;
  }
}
