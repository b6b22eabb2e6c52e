import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import { UnitEntity } from '../units/unit.entity.js';
import type { LoginDto } from './dto/login.dto.js';
import type { SessionUserDto } from './dto/session-user.dto.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { SessionsService } from './sessions.service.js';
import { UserAccountEntity } from './user-account.entity.js';

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // Unknown user, wrong password and disabled account answer the same way, after the same amount of work.
  async login(dto: LoginDto, meta: ClientMeta): Promise<{ token: string; user: SessionUserDto }> {
    const username = dto.username.trim().toLowerCase();
    const user = await this.dataSource.getRepository(UserAccountEntity).findOne({ where: { username } });
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), dto.password);
    if (!user || !valid || user.disabledAt) {
      await this.audit.record({
        action: 'LOGIN_FAILED',
        entityType: 'user_account',
        entityId: user?.id ?? null,
        result: 'failure',
        actor: null,
        username: username.slice(0, 64),
        detail: { reason: !user ? 'unknown_user' : user.disabledAt ? 'disabled' : 'wrong_password' },
      });
      throw new AppError('INVALID_CREDENTIALS');
    }
    const session = await this.sessions.create(user, meta);
    await this.dataSource.getRepository(UserAccountEntity).update(user.id, { lastLoginAt: this.clock.now(), failedLoginCount: 0 });
    await this.audit.record({
      action: 'LOGIN_SUCCEEDED',
      entityType: 'user_account',
      entityId: user.id,
      actor: user,
      detail: { sessionId: session.sessionId },
    });
    return { token: session.token, user: await this.describe(user.id, session.csrfToken) };
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId);
    await this.audit.record({ action: 'LOGOUT', entityType: 'user_session', entityId: sessionId });
  }

  async describe(userId: string, csrfToken: string): Promise<SessionUserDto> {
    const user = await this.dataSource.getRepository(UserAccountEntity).findOneOrFail({ where: { id: userId } });
    const unit = user.unitId ? await this.dataSource.getRepository(UnitEntity).findOne({ where: { id: user.unitId } }) : null;
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      unitIds: user.unitId ? [user.unitId] : [],
      unitName: unit?.name ?? null,
      mustChangePassword: user.mustChangePassword,
      csrfToken,
    };
  }
}
