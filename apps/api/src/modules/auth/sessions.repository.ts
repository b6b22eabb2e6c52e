import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { Role } from '@zhenggai/domain';
import { PgQuery } from '../../database/pg-query.js';
import { UserSessionEntity } from './user-session.entity.js';

/** What the session check needs, read (and touched) by one statement: no entity is hydrated. */
export interface SessionCheckRow {
  id: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string | null;
  disabledAt: Date | null;
  mustChangePassword: boolean;
  passwordChangedAt: Date | null;
  createdAt: Date;
  mfaEnabledAt: Date | null;
  /** the account's unit and its live descendants, the unit first (empty without a unit) */
  unitIds: string[];
}

export interface NewSession {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

// All SQL of the server-side sessions.
@Injectable()
export class SessionsRepository {
  private readonly pg: PgQuery;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.pg = new PgQuery(dataSource);
  }

  /** Stores a new session; returns its id. */
  async insert(session: NewSession): Promise<string> {
    const saved = await this.dataSource.getRepository(UserSessionEntity).save(session);
    return saved.id;
  }

  /**
   * The session check of every request in one statement: the session with this token hash and its account (the
   * columns the check needs, read fresh: roles, unit and disabling apply at the next request), the account's unit
   * subtree, and the touch of `last_seen_at` when the session is live and was last touched more than
   * `touchAfterMs` ago. The touch is a data-modifying CTE, so it commits with the statement; the row returned is
   * the one before the touch (the caller decides liveness on it, with the same clock). Runs on the pool directly as
   * a prepared statement (`PgQuery`): every request runs it.
   */
  async check(tokenHash: string, now: Date, idleMs: number, touchAfterMs: number): Promise<SessionCheckRow | null> {
    const rows = await this.pg.query<SessionCheckRow>(
      `WITH RECURSIVE s AS (
         SELECT s.id, s.csrf_token, s.last_seen_at, s.expires_at, s.revoked_at, u.id AS user_id, u.username,
                u.display_name, u.roles, u.unit_id, u.disabled_at, u.must_change_password, u.password_changed_at,
                u.created_at, u.mfa_enabled_at
         FROM user_session s JOIN user_account u ON u.id = s.user_id
         WHERE s.token_hash = $1
       ), touched AS (
         UPDATE user_session t SET last_seen_at = $2
         FROM s WHERE t.id = s.id AND s.revoked_at IS NULL AND s.disabled_at IS NULL AND s.expires_at > $2
           AND s.last_seen_at + $3 * interval '1 millisecond' > $2
           AND s.last_seen_at < $2::timestamptz - $4 * interval '1 millisecond'
         RETURNING t.id
       ), tree AS (
         SELECT unit.id, 0 AS depth FROM unit JOIN s ON unit.id = s.unit_id
         UNION ALL SELECT u.id, tree.depth + 1 FROM unit u JOIN tree ON u.parent_id = tree.id
         WHERE u.deleted_at IS NULL AND tree.depth < 20
       )
       SELECT s.id, s.csrf_token AS "csrfToken", s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt",
              s.revoked_at AS "revokedAt", s.user_id AS "userId", s.username, s.display_name AS "displayName",
              s.roles, s.unit_id AS "unitId", s.disabled_at AS "disabledAt",
              s.must_change_password AS "mustChangePassword", s.password_changed_at AS "passwordChangedAt",
              s.created_at AS "createdAt", s.mfa_enabled_at AS "mfaEnabledAt",
              COALESCE((SELECT array_agg(tree.id ORDER BY tree.depth) FROM tree), '{}')::text[] AS "unitIds",
              (SELECT count(*) FROM touched)::int AS touched
       FROM s`,
      [tokenHash, now, idleMs, touchAfterMs],
      { prepare: true },
    );
    return rows[0] ?? null;
  }

  async revoke(sessionId: string, now: Date): Promise<void> {
    await this.dataSource
      .getRepository(UserSessionEntity)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: now });
  }

  /** Ends every live session of the account but `except` (in the caller's transaction when given); returns how many. */
  async revokeAllForUser(
    userId: string,
    now: Date,
    except: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const result = (await manager.query(
      `UPDATE user_session SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid) RETURNING id`,
      [userId, now, except],
    )) as [unknown[], number];
    return result[1];
  }
}
