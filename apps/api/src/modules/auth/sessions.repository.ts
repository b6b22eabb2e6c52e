import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { unitSubtree } from '../units/unit-tree.js';
import { UserSessionEntity } from './user-session.entity.js';

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores a new session; returns its id. */
  async insert(session: NewSession): Promise<string> {
    const saved = await this.dataSource.getRepository(UserSessionEntity).save(session);
    return saved.id;
  }

  /** The session with this token hash, with its account; null when there is none. */
  async findByTokenHash(tokenHash: string): Promise<UserSessionEntity | null> {
    return this.dataSource
      .getRepository(UserSessionEntity)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.tokenHash = :hash', { hash: tokenHash })
      .getOne();
  }

  async touch(sessionId: string, now: Date): Promise<void> {
    await this.dataSource.getRepository(UserSessionEntity).update(sessionId, { lastSeenAt: now });
  }

  /** The account's unit and all its live descendants (empty without a unit). */
  async unitSubtree(unitId: string | null): Promise<string[]> {
    return unitSubtree(this.dataSource, unitId);
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
