import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { Actor } from '../../common/http/request-context.js';
import { AppConfig } from '../../config/app-config.js';
import { UserAccountEntity } from './user-account.entity.js';
import { UserSessionEntity } from './user-session.entity.js';

export interface LiveSession {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
  mustChangePassword: boolean;
}

const TOUCH_INTERVAL_MS = 60_000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// Opaque server-side sessions: revocable at once, and the account's roles and unit are read on every request.
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async create(user: UserAccountEntity, meta: { ip: string | null; userAgent: string | null }) {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    const session = await this.dataSource.getRepository(UserSessionEntity).save({
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.SESSION_ABSOLUTE_HOURS * 3_600_000),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 255) ?? null,
    });
    return { token, csrfToken, sessionId: session.id };
  }

  async validate(token: string): Promise<LiveSession | null> {
    if (token.length > 100) return null;
    const now = this.clock.now();
    const session = await this.dataSource
      .getRepository(UserSessionEntity)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.tokenHash = :hash', { hash: hashToken(token) })
      .getOne();
    if (!session || session.revokedAt || session.user.disabledAt) return null;
    const idleLimit = session.lastSeenAt.getTime() + this.config.SESSION_IDLE_MINUTES * 60_000;
    if (session.expiresAt.getTime() <= now.getTime() || idleLimit <= now.getTime()) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.dataSource.getRepository(UserSessionEntity).update(session.id, { lastSeenAt: now });
    }
    const { user } = session;
    return {
      sessionId: session.id,
      csrfToken: session.csrfToken,
      mustChangePassword: user.mustChangePassword,
      actor: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, unitId: user.unitId },
    };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource
      .getRepository(UserSessionEntity)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }
}
