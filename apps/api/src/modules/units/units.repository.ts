import { Injectable } from '@nestjs/common';
import { updateIfVersion, type ColumnValues } from '../../common/versioned-update.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PersonDto, UnitDto } from './dto/unit.dto.js';

export interface NewUnit {
  name: string;
  shortName: string | null;
  parentId: string | null;
  kind: string;
  sortOrder: number;
}

export interface NewPerson {
  name: string;
  title: string | null;
  unitId: string | null;
  isLeader: boolean;
}

export interface UnitUsage {
  children: number;
  accounts: number;
}

// All SQL of the units (a tree) and the persons.
@Injectable()
export class UnitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The live units (only the one with `id` when given) with how many live measures each carries. */
  async findUnits(id?: string): Promise<UnitDto[]> {
    return (await this.dataSource.query(
      `SELECT u.id, u.parent_id AS "parentId", u.name, u.short_name AS "shortName", u.kind, u.sort_order AS "sortOrder", u.version,
              (SELECT count(*)::int FROM measure_unit mu JOIN measure m ON m.id = mu.measure_id AND m.deleted_at IS NULL
               WHERE mu.unit_id = u.id) AS "measureCount"
       FROM unit u WHERE u.deleted_at IS NULL AND ($1::uuid IS NULL OR u.id = $1) ORDER BY u.sort_order, u.name`,
      [id ?? null],
    )) as UnitDto[];
  }

  /** The ids from the live unit `unitId` up to its root (empty when there is no such live unit). */
  async ancestorIds(manager: EntityManager, unitId: string): Promise<string[]> {
    const rows = (await manager.query(
      `WITH RECURSIVE up AS (SELECT id, parent_id FROM unit WHERE id = $1 AND deleted_at IS NULL
         UNION ALL SELECT u.id, u.parent_id FROM unit u JOIN up ON u.id = up.parent_id)
       SELECT id FROM up`,
      [unitId],
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  async insertUnit(manager: EntityManager, unit: NewUnit): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO unit (name, short_name, parent_id, kind, sort_order) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [unit.name, unit.shortName, unit.parentId, unit.kind, unit.sortOrder],
    )) as Array<{ id: string }>;
    return row.id;
  }

  /** How many live child units and enabled accounts the unit has. */
  async usage(manager: EntityManager, id: string): Promise<UnitUsage> {
    const [usage] = (await manager.query(
      `SELECT (SELECT count(*) FROM unit WHERE parent_id = $1 AND deleted_at IS NULL)::int AS children,
              (SELECT count(*) FROM user_account WHERE unit_id = $1 AND disabled_at IS NULL)::int AS accounts`,
      [id],
    )) as UnitUsage[];
    return usage;
  }

  async softDeleteUnit(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE unit SET deleted_at = now(), version = version + 1 WHERE id = $1`, [id]);
  }

  /** The live persons (of one unit, or only the one with `id`, when given), leaders first. */
  async findPersons(unitId?: string, id?: string): Promise<PersonDto[]> {
    return (await this.dataSource.query(
      `SELECT p.id, p.name, p.title, p.unit_id AS "unitId", u.name AS "unitName", p.is_leader AS "isLeader", p.version
       FROM person p LEFT JOIN unit u ON u.id = p.unit_id
       WHERE p.deleted_at IS NULL AND ($1::uuid IS NULL OR p.unit_id = $1) AND ($2::uuid IS NULL OR p.id = $2)
       ORDER BY p.is_leader DESC, u.sort_order NULLS LAST, p.name`,
      [unitId ?? null, id ?? null],
    )) as PersonDto[];
  }

  async insertPerson(manager: EntityManager, person: NewPerson): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO person (name, title, unit_id, is_leader) VALUES ($1, $2, $3, $4) RETURNING id`,
      [person.name, person.title, person.unitId, person.isLeader],
    )) as Array<{ id: string }>;
    return row.id;
  }

  async softDeletePerson(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE person SET deleted_at = now(), version = version + 1 WHERE id = $1`, [id]);
  }

  /** `UPDATE unit|person … WHERE version = $v`: false when the version is stale. */
  async updateIfVersion(
    manager: EntityManager,
    table: 'unit' | 'person',
    id: string,
    version: number,
    columns: ColumnValues,
  ): Promise<boolean> {
    return (await updateIfVersion(manager, table, id, version, columns)) !== null;
  }
}
