import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { StaleVersionError, requireVersion, withConflictState } from '../../common/versioned-update.js';
import { AuditService } from '../audit/audit.service.js';
import type {
  CreatePersonDto,
  CreateUnitDto,
  PersonDto,
  UnitDto,
  UpdatePersonDto,
  UpdateUnitDto,
} from './dto/unit.dto.js';
import { UnitsRepository } from './units.repository.js';

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
    private readonly units: UnitsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(id?: string): Promise<UnitDto[]> {
    return this.units.findUnits(id);
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
    const ancestors = await this.units.ancestorIds(manager, parentId);
    if (ancestors.length === 0)
      throw new AppError('VALIDATION_FAILED', '上级单位不存在', { errors: { parentId: ['上级单位不存在'] } });
    if (id && ancestors.includes(id))
      throw new AppError('VALIDATION_FAILED', '上级单位不能是本单位或其下级', { errors: { parentId: ['会形成循环'] } });
  }

  async create(dto: CreateUnitDto): Promise<UnitDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertParent(manager, null, dto.parentId);
      const unitId = await this.units.insertUnit(manager, {
        name: dto.name.trim(),
        shortName: dto.shortName ?? null,
        parentId: dto.parentId ?? null,
        kind: dto.kind ?? '部门',
        sortOrder: dto.sortOrder ?? 0,
      });
      await this.audit.record(
        { action: 'UNIT_CREATED', entityType: 'unit', entityId: unitId, after: { ...dto } },
        manager,
      );
      return unitId;
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
          if (!(await this.units.updateIfVersion(manager, 'unit', id, version, columns))) throw new StaleVersionError();
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
      const usage = await this.units.usage(manager, id);
      if (unit.measureCount > 0 || usage.children > 0 || usage.accounts > 0) {
        throw new AppError('REFERENCE_CONFLICT', '该单位仍承担整改措施、有下级单位或账号，不能删除');
      }
      await this.units.softDeleteUnit(manager, id);
      await this.audit.record(
        { action: 'UNIT_DELETED', entityType: 'unit', entityId: id, before: { ...unit } },
        manager,
      );
    });
  }

  async persons(unitId?: string, id?: string): Promise<PersonDto[]> {
    return this.units.findPersons(unitId, id);
  }

  async person(id: string): Promise<PersonDto> {
    const [person] = await this.persons(undefined, id);
    if (!person) throw new AppError('NOT_FOUND', '人员不存在');
    return person;
  }

  async createPerson(dto: CreatePersonDto): Promise<PersonDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const personId = await this.units.insertPerson(manager, {
        name: dto.name.trim(),
        title: dto.title ?? null,
        unitId: dto.unitId ?? null,
        isLeader: dto.isLeader ?? false,
      });
      await this.audit.record(
        { action: 'PERSON_CREATED', entityType: 'person', entityId: personId, after: { ...dto } },
        manager,
      );
      return personId;
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
          if (!(await this.units.updateIfVersion(manager, 'person', id, version, columns)))
            throw new StaleVersionError();
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
      await this.units.softDeletePerson(manager, id);
      await this.audit.record(
        { action: 'PERSON_DELETED', entityType: 'person', entityId: id, before: { ...person } },
        manager,
      );
    });
  }
}
