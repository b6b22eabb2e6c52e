import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import {
  StaleVersionError,
  requireVersion,
  updateIfVersion,
  withConflictState,
} from '../../common/versioned-update.js';
import { AuditService } from '../audit/audit.service.js';
import type {
  CreatePersonDto,
  CreateUnitDto,
  PersonDto,
  UnitDto,
  UpdatePersonDto,
  UpdateUnitDto,
} from './dto/unit.dto.js';

const UNIT_COLUMNS = {
  name: 'name',
  shortName: 'short_name',
  parentId: 'parent_id',
  kind: 'kind',
  sortOrder: 'sort_order',
} as const;
const PERSON_COLUMNS = { name: 'name', title: 'title', unitId: 'unit_id', isLeader: 'is_leader' } as const;

function pick<T extends object>(dto: T, columns: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(columns)
      .filter(([field]) => (dto as Record<string, unknown>)[field] !== undefined)
      .map(([field, column]) => [column, (dto as Record<string, unknown>)[field]]),
  );
}

// Units (a tree) and persons: the reference data of assignments. Unit names are unique among live units.
@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(id?: string): Promise<UnitDto[]> {
    return (await this.dataSource.query(
      `SELECT u.id, u.parent_id AS "parentId", u.name, u.short_name AS "shortName", u.kind, u.sort_order AS "sortOrder", u.version,
              (SELECT count(*)::int FROM measure_unit mu JOIN measure m ON m.id = mu.measure_id AND m.deleted_at IS NULL
               WHERE mu.unit_id = u.id) AS "measureCount"
       FROM unit u WHERE u.deleted_at IS NULL AND ($1::uuid IS NULL OR u.id = $1) ORDER BY u.sort_order, u.name`,
      [id ?? null],
    )) as UnitDto[];
  }

  async get(id: string): Promise<UnitDto> {
    const [unit] = await this.list(id);
    if (!unit) throw new AppError('NOT_FOUND', '单位不存在');
    return unit;
  }

  private async assertParent(
    manager: EntityManager,
    id: string | null,
    parentId: string | null | undefined,
  ): Promise<void> {
    if (!parentId) return;
    // walking up from the new parent must never reach the unit itself
    const rows = (await manager.query(
      `WITH RECURSIVE up AS (SELECT id, parent_id FROM unit WHERE id = $1 AND deleted_at IS NULL
         UNION ALL SELECT u.id, u.parent_id FROM unit u JOIN up ON u.id = up.parent_id)
       SELECT id FROM up`,
      [parentId],
    )) as Array<{ id: string }>;
    if (rows.length === 0)
      throw new AppError('VALIDATION_FAILED', '上级单位不存在', { errors: { parentId: ['上级单位不存在'] } });
    if (id && rows.some((row) => row.id === id))
      throw new AppError('VALIDATION_FAILED', '上级单位不能是本单位或其下级', { errors: { parentId: ['会形成循环'] } });
  }

  async create(dto: CreateUnitDto): Promise<UnitDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertParent(manager, null, dto.parentId);
      const [row] = (await manager.query(
        `INSERT INTO unit (name, short_name, parent_id, kind, sort_order) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [dto.name.trim(), dto.shortName ?? null, dto.parentId ?? null, dto.kind ?? '部门', dto.sortOrder ?? 0],
      )) as Array<{ id: string }>;
      await this.audit.record(
        { action: 'UNIT_CREATED', entityType: 'unit', entityId: row.id, after: { ...dto } },
        manager,
      );
      return row.id;
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdateUnitDto): Promise<UnitDto> {
    const version = requireVersion(dto.version);
    const columns = pick(dto, UNIT_COLUMNS);
    if (Object.keys(columns).length === 0) throw new AppError('VALIDATION_FAILED', '没有要修改的内容');
    const before = await this.get(id);
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          await this.assertParent(manager, id, dto.parentId);
          if (!(await updateIfVersion(manager, 'unit', id, version, columns))) throw new StaleVersionError();
          await this.audit.record(
            { action: 'UNIT_UPDATED', entityType: 'unit', entityId: id, before: { ...before }, after: columns },
            manager,
          );
        }),
      () => this.get(id),
    );
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const unit = await this.get(id);
    await this.dataSource.transaction(async (manager) => {
      const [usage] = (await manager.query(
        `SELECT (SELECT count(*) FROM unit WHERE parent_id = $1 AND deleted_at IS NULL)::int AS children,
                (SELECT count(*) FROM user_account WHERE unit_id = $1 AND disabled_at IS NULL)::int AS accounts`,
        [id],
      )) as Array<{ children: number; accounts: number }>;
      if (unit.measureCount > 0 || usage.children > 0 || usage.accounts > 0) {
        throw new AppError('REFERENCE_CONFLICT', '该单位仍承担整改措施、有下级单位或账号，不能删除');
      }
      await manager.query(`UPDATE unit SET deleted_at = now(), version = version + 1 WHERE id = $1`, [id]);
      await this.audit.record(
        { action: 'UNIT_DELETED', entityType: 'unit', entityId: id, before: { ...unit } },
        manager,
      );
    });
  }

  async persons(unitId?: string, id?: string): Promise<PersonDto[]> {
    return (await this.dataSource.query(
      `SELECT p.id, p.name, p.title, p.unit_id AS "unitId", u.name AS "unitName", p.is_leader AS "isLeader", p.version
       FROM person p LEFT JOIN unit u ON u.id = p.unit_id
       WHERE p.deleted_at IS NULL AND ($1::uuid IS NULL OR p.unit_id = $1) AND ($2::uuid IS NULL OR p.id = $2)
       ORDER BY p.is_leader DESC, u.sort_order NULLS LAST, p.name`,
      [unitId ?? null, id ?? null],
    )) as PersonDto[];
  }

  async person(id: string): Promise<PersonDto> {
    const [person] = await this.persons(undefined, id);
    if (!person) throw new AppError('NOT_FOUND', '人员不存在');
    return person;
  }

  async createPerson(dto: CreatePersonDto): Promise<PersonDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO person (name, title, unit_id, is_leader) VALUES ($1, $2, $3, $4) RETURNING id`,
        [dto.name.trim(), dto.title ?? null, dto.unitId ?? null, dto.isLeader ?? false],
      )) as Array<{ id: string }>;
      await this.audit.record(
        { action: 'PERSON_CREATED', entityType: 'person', entityId: row.id, after: { ...dto } },
        manager,
      );
      return row.id;
    });
    return this.person(id);
  }

  async updatePerson(id: string, dto: UpdatePersonDto): Promise<PersonDto> {
    const version = requireVersion(dto.version);
    const columns = pick(dto, PERSON_COLUMNS);
    if (Object.keys(columns).length === 0) throw new AppError('VALIDATION_FAILED', '没有要修改的内容');
    const before = await this.person(id);
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          if (!(await updateIfVersion(manager, 'person', id, version, columns))) throw new StaleVersionError();
          await this.audit.record(
            { action: 'PERSON_UPDATED', entityType: 'person', entityId: id, before: { ...before }, after: columns },
            manager,
          );
        }),
      () => this.person(id),
    );
    return this.person(id);
  }

  async removePerson(id: string): Promise<void> {
    const person = await this.person(id);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE person SET deleted_at = now(), version = version + 1 WHERE id = $1`, [id]);
      await this.audit.record(
        { action: 'PERSON_DELETED', entityType: 'person', entityId: id, before: { ...person } },
        manager,
      );
    });
  }
}
