import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@zhenggai/domain';
import { likePattern } from '../../common/http/pagination.js';
import { SqlParams } from '../../common/sql.js';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  unitId: string | null;
  unitName: string | null;
  disabledAt: Date | null;
  disabledReason: string | null;
  lockedUntil: Date | null;
  failedLoginCount: number;
  mustChangePassword: boolean;
  passwordChangedAt: Date | null;
  mfaEnabledAt: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  version: number;
}

export interface UserFilter {
  q?: string;
  role?: Role;
  unitId?: string;
  disabled?: boolean;
}

// The columns an administrator may see: credentials and second-factor secrets are never selected.
const USER_COLUMNS = `ua.id, ua.username, ua.display_name AS "displayName", ua.email, ua.roles, ua.unit_id AS "unitId", un.name AS "unitName",
  ua.disabled_at AS "disabledAt", ua.disabled_reason AS "disabledReason", GREATEST(ua.locked_until, (SELECT max(l.locked_until) FROM login_lockout l WHERE l.user_id = ua.id)) AS "lockedUntil",
  ua.failed_login_count AS "failedLoginCount", ua.must_change_password AS "mustChangePassword",
  ua.password_changed_at AS "passwordChangedAt", ua.mfa_enabled_at AS "mfaEnabledAt", ua.last_login_at AS "lastLoginAt",
  ua.created_at AS "createdAt", ua.version`;
const FROM = `FROM user_account ua LEFT JOIN unit un ON un.id = ua.unit_id`;

// Column names an admin update may write (never from a request).
export type AdminColumns = Partial<{
  display_name: string;
  email: string | null;
  unit_id: string | null;
  roles: Role[];
  disabled_at: Date | null;
  disabled_reason: string | null;
  reactivated_at: Date;
}>;

function returned<T>(result: unknown): T[] {
  const list = result as unknown[];
  return (Array.isArray(list[0]) ? list[0] : list) as T[];
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findPage(
    filter: UserFilter,
    window: { offset: number; limit: number },
  ): Promise<{ rows: UserRow[]; total: number }> {
    const params = new SqlParams();
    const where = ['TRUE'];
    if (filter.q) {
      const pattern = params.add(likePattern(filter.q));
      where.push(`(ua.username ILIKE ${pattern} OR ua.display_name ILIKE ${pattern})`);
    }
    if (filter.role) where.push(`${params.add(filter.role)} = ANY(ua.roles)`);
    if (filter.unitId) where.push(`ua.unit_id = ${params.add(filter.unitId)}`);
    if (filter.disabled !== undefined)
      where.push(filter.disabled ? 'ua.disabled_at IS NOT NULL' : 'ua.disabled_at IS NULL');
    const condition = where.join(' AND ');
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total ${FROM} WHERE ${condition}`,
      params.values,
    )) as Array<{
      total: number;
    }>;
    const limit = params.add(window.limit);
    const offset = params.add(window.offset);
    const rows = (await this.dataSource.query(
      `SELECT ${USER_COLUMNS} ${FROM} WHERE ${condition} ORDER BY ua.username LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    )) as UserRow[];
    return { rows, total };
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserRow | null> {
    const [row] = (await manager.query(`SELECT ${USER_COLUMNS} ${FROM} WHERE ua.id = $1`, [id])) as UserRow[];
    return row ?? null;
  }

  async usernameTaken(username: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM user_account WHERE username = $1`, [
      username,
    ])) as unknown[];
    return rows.length > 0;
  }

  async unitExists(unitId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM unit WHERE id = $1 AND deleted_at IS NULL`, [
      unitId,
    ])) as unknown[];
    return rows.length > 0;
  }

  async insert(
    manager: EntityManager,
    values: {
      username: string;
      displayName: string;
      email: string | null;
      roles: Role[];
      unitId: string | null;
      passwordHash: string;
      now: Date;
    },
  ): Promise<string> {
    // created_at comes from the Clock: dormancy is counted from it
    const [row] = (await manager.query(
      `INSERT INTO user_account (username, display_name, password_hash, roles, unit_id, must_change_password, password_changed_at, created_at, email)
       VALUES ($1, $2, $3, $4, $5, true, $6, $6, $7) RETURNING id`,
      [values.username, values.displayName, values.passwordHash, values.roles, values.unitId, values.now, values.email],
    )) as Array<{ id: string }>;
    return row.id;
  }

  /** `UPDATE … WHERE id = $1 AND version = $2`: false when the version is stale. */
  async updateIfVersion(manager: EntityManager, id: string, version: number, columns: AdminColumns): Promise<boolean> {
    const params = new SqlParams();
    const idParam = params.add(id);
    const versionParam = params.add(version);
    const sets = Object.entries(columns).map(([column, value]) => `"${column}" = ${params.add(value)}`);
    sets.push('version = version + 1', 'updated_at = now()');
    const rows = returned(
      await manager.query(
        `UPDATE user_account SET ${sets.join(', ')} WHERE id = ${idParam} AND version = ${versionParam} RETURNING id`,
        params.values,
      ),
    );
    return rows.length > 0;
  }
}
