import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ADMIN_ROLES, UNIT_ROLES_SCOPED, roleConflict, type Role } from '@zhenggai/domain';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import { pageWindow } from '../../common/http/pagination.js';
import type { Actor } from '../../common/http/request-context.js';
import { StaleVersionError, requireVersion, withConflictState } from '../../common/versioned-update.js';
import { AppConfig } from '../../config/app-config.js';
import { AccountSecurityService } from '../auth/account-security.service.js';
import { generateTemporaryPassword, hashPassword } from '../auth/passwords.js';
import { SessionsService } from '../auth/sessions.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreatedUserDto, PasswordResetDto, UserDto, UserPageDto, UserQueryDto } from './dto/user.dto.js';
import type { CreateUserDto, SetRolesDto, UpdateUserDto } from './dto/user-write.dto.js';
import { auditSnapshot, mapUser } from './users.mapper.js';
import { UsersRepository, type AdminColumns } from './users.repository.js';

// Names that invite guessing or suggest a shared account (等保: no default or shared accounts).
const RESERVED_USERNAMES = new Set([
  'admin',
  'administrator',
  'root',
  'system',
  'sa',
  'guest',
  'test',
  'user',
  'superuser',
  'anonymous',
  'null',
]);

// User administration, split by 三权分立: the system admin creates and maintains accounts (business roles only at
// creation); the security admin grants roles, resets passwords and second factors, and unlocks. Nobody changes
// their own roles, disables or resets themselves. Every change is audited without secrets; changes of roles, unit,
// password, second factor or status end the account's sessions.
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly security: AccountSecurityService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async list(query: UserQueryDto): Promise<UserPageDto> {
    const { page, pageSize, offset } = pageWindow(query);
    const { rows, total } = await this.users.findPage(
      { q: query.q?.trim() || undefined, role: query.role, unitId: query.unitId, disabled: query.disabled },
      { offset, limit: pageSize },
    );
    const now = this.clock.now();
    return { items: rows.map((row) => mapUser(row, now, this.config.PASSWORD_MAX_AGE_DAYS)), total, page, pageSize };
  }

  async get(id: string, manager?: EntityManager): Promise<UserDto> {
    const row = await this.users.findById(id, manager);
    if (!row) throw new AppError('NOT_FOUND');
    return mapUser(row, this.clock.now(), this.config.PASSWORD_MAX_AGE_DAYS);
  }

  async create(dto: CreateUserDto): Promise<CreatedUserDto> {
    const username = dto.username.trim().toLowerCase();
    if (RESERVED_USERNAMES.has(username)) {
      throw new AppError('VALIDATION_FAILED', '该用户名为保留名称', {
        errors: { username: ['保留名称（如 admin、root）不能用作用户名'] },
      });
    }
    const roles = this.uniqueRoles(dto.roles);
    if (roles.some((role) => ADMIN_ROLES.includes(role))) throw new AppError('ROLE_ASSIGNMENT_FORBIDDEN');
    this.assertRoles(roles);
    const unitId = dto.unitId ?? null;
    await this.assertUnit(roles, unitId);
    if (await this.users.usernameTaken(username)) throw new AppError('DUPLICATE', '用户名已存在');
    if (dto.password !== undefined) this.security.assertPasswordPolicy(dto.password, username, 'password');
    const initialPassword = dto.password === undefined ? generateTemporaryPassword(username) : null;
    const passwordHash = await hashPassword(dto.password ?? initialPassword!);
    const user = await this.dataSource.transaction(async (manager) => {
      const id = await this.users.insert(manager, {
        username,
        displayName: dto.displayName.trim(),
        email: dto.email ?? null,
        roles,
        unitId,
        passwordHash,
        now: this.clock.now(),
      });
      await this.security.storePassword(manager, id, passwordHash, true);
      const created = await this.get(id, manager);
      await this.audit.record(
        {
          action: 'USER_CREATED',
          entityType: 'user_account',
          entityId: id,
          after: auditSnapshot(created),
          detail: { passwordGenerated: initialPassword !== null },
        },
        manager,
      );
      return created;
    });
    return { user, initialPassword };
  }

  async update(id: string, dto: UpdateUserDto, actor: Actor): Promise<UserDto> {
    const version = requireVersion(dto.version);
    const current = await this.get(id);
    const columns: AdminColumns = {};
    const changed: string[] = [];
    if (dto.displayName !== undefined && dto.displayName.trim() !== current.displayName) {
      columns.display_name = dto.displayName.trim();
      changed.push('displayName');
    }
    if (dto.email !== undefined && dto.email !== current.email) {
      columns.email = dto.email;
      changed.push('email');
    }
    if (dto.unitId !== undefined && dto.unitId !== current.unitId) {
      await this.assertUnit(current.roles, dto.unitId);
      columns.unit_id = dto.unitId;
      changed.push('unitId');
    }
    const disabling = dto.disabled === true && !current.disabled;
    const enabling = dto.disabled === false && current.disabled;
    if (disabling && id === actor.id) throw new AppError('SELF_MODIFICATION_FORBIDDEN', '不能停用自己的账号');
    const now = this.clock.now();
    if (disabling) Object.assign(columns, { disabled_at: now, disabled_reason: 'admin' });
    // re-enabled: the dormancy clock restarts, or the daily job would disable the account again at once
    if (enabling) Object.assign(columns, { disabled_at: null, disabled_reason: null, reactivated_at: now });
    if (Object.keys(columns).length === 0) throw new AppError('VALIDATION_FAILED', '没有要修改的内容');

    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          if (!(await this.users.updateIfVersion(manager, id, version, columns))) throw new StaleVersionError();
          const after = await this.get(id, manager);
          // a new unit changes what the account may see; a disabled account must not keep a session
          const revokedSessions =
            disabling || changed.includes('unitId') ? await this.sessions.revokeAllForUser(id, {}, manager) : 0;
          if (changed.length > 0) {
            await this.audit.record(
              {
                action: 'USER_UPDATED',
                entityType: 'user_account',
                entityId: id,
                before: pick(current, changed),
                after: pick(after, changed),
                detail: { revokedSessions },
              },
              manager,
            );
          }
          if (disabling || enabling) {
            await this.audit.record(
              {
                action: disabling ? 'ACCOUNT_DISABLED' : 'ACCOUNT_ENABLED',
                entityType: 'user_account',
                entityId: id,
                before: { disabled: current.disabled },
                after: { disabled: after.disabled },
                detail: { reason: 'admin', username: current.username, revokedSessions },
              },
              manager,
            );
          }
        }),
      () => this.get(id),
    );
    return this.get(id);
  }

  async setRoles(id: string, dto: SetRolesDto, actor: Actor): Promise<UserDto> {
    const version = requireVersion(dto.version);
    if (id === actor.id) throw new AppError('SELF_MODIFICATION_FORBIDDEN', '不能修改自己的角色');
    const current = await this.get(id);
    const roles = this.uniqueRoles(dto.roles);
    this.assertRoles(roles);
    await this.assertUnit(roles, current.unitId, 'roles');
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          if (!(await this.users.updateIfVersion(manager, id, version, { roles }))) throw new StaleVersionError();
          const revokedSessions = await this.sessions.revokeAllForUser(id, {}, manager);
          await this.audit.record(
            {
              action: 'ROLES_CHANGED',
              entityType: 'user_account',
              entityId: id,
              before: { roles: current.roles },
              after: { roles },
              detail: { username: current.username, revokedSessions },
            },
            manager,
          );
        }),
      () => this.get(id),
    );
    return this.get(id);
  }

  async resetPassword(id: string, actor: Actor): Promise<PasswordResetDto> {
    if (id === actor.id) throw new AppError('SELF_MODIFICATION_FORBIDDEN', '请通过“修改密码”更改自己的密码');
    const current = await this.get(id);
    const temporaryPassword = generateTemporaryPassword(current.username);
    const hash = await hashPassword(temporaryPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.security.storePassword(manager, id, hash, true);
      const revokedSessions = await this.sessions.revokeAllForUser(id, {}, manager);
      await this.audit.record(
        {
          action: 'PASSWORD_RESET',
          entityType: 'user_account',
          entityId: id,
          before: { mustChangePassword: current.mustChangePassword, locked: current.locked },
          after: { mustChangePassword: true, locked: false },
          detail: { username: current.username, revokedSessions },
        },
        manager,
      );
    });
    return { user: await this.get(id), temporaryPassword };
  }

  async unlock(id: string): Promise<UserDto> {
    const current = await this.get(id);
    await this.dataSource.transaction(async (manager) => {
      await this.security.unlock(manager, id);
      await this.audit.record(
        {
          action: 'ACCOUNT_UNLOCKED',
          entityType: 'user_account',
          entityId: id,
          before: {
            locked: current.locked,
            lockedUntil: current.lockedUntil,
            failedLoginCount: current.failedLoginCount,
          },
          after: { locked: false, lockedUntil: null, failedLoginCount: 0 },
          detail: { username: current.username },
        },
        manager,
      );
    });
    return this.get(id);
  }

  /** For a lost authenticator: the account enrols again at its next sign-in (when a second factor is required). */
  async resetMfa(id: string, actor: Actor): Promise<UserDto> {
    if (id === actor.id) throw new AppError('SELF_MODIFICATION_FORBIDDEN', '请通过个人设置解绑自己的动态验证码');
    const current = await this.get(id);
    if (!current.mfaEnabled) throw new AppError('MFA_NOT_ENABLED');
    await this.dataSource.transaction(async (manager) => {
      await this.security.clearMfa(manager, id);
      const revokedSessions = await this.sessions.revokeAllForUser(id, {}, manager);
      await this.audit.record(
        {
          action: 'MFA_RESET',
          entityType: 'user_account',
          entityId: id,
          before: { mfaEnabled: true },
          after: { mfaEnabled: false },
          detail: { username: current.username, revokedSessions },
        },
        manager,
      );
    });
    return this.get(id);
  }

  private uniqueRoles(roles: Role[]): Role[] {
    return [...new Set(roles)];
  }

  private assertRoles(roles: Role[]): void {
    const conflict = roleConflict(roles);
    if (conflict) throw new AppError('ROLE_CONFLICT', conflict, { errors: { roles: [conflict] } });
  }

  // unit roles work on their unit's items: without a unit they would see nothing, or worse, be misread as global
  private async assertUnit(roles: Role[], unitId: string | null, field = 'unitId'): Promise<void> {
    if (unitId && !(await this.users.unitExists(unitId))) {
      throw new AppError('VALIDATION_FAILED', '单位不存在', { errors: { unitId: ['单位不存在或已删除'] } });
    }
    if (!unitId && roles.some((role) => UNIT_ROLES_SCOPED.includes(role))) {
      const message = '单位负责人、单位经办人必须指定所属单位';
      throw new AppError('VALIDATION_FAILED', message, { errors: { [field]: [message] } });
    }
  }
}

function pick(user: UserDto, fields: string[]): Record<string, unknown> {
  const record = user as unknown as Record<string, unknown>;
  return Object.fromEntries(fields.map((field) => [field, record[field] ?? null]));
}
