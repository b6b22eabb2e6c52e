import { Injectable } from '@nestjs/common';
import { updateIfVersion, type ColumnValues } from '../../common/versioned-update.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { SqlParams } from '../../common/sql.js';
import type { CategoryDto } from './dto/inspection-write.dto.js';

export interface NewCategory {
  seq: number;
  label: string | null;
  title: string;
  code: string | null;
}

// Column names a category update may write (never from a request).
export type CategoryColumns = Partial<{ title: string; label: string; code: string }>;

// All SQL of the inspections' and categories' writes (the inspections' reads are in InspectionsRepository).
@Injectable()
export class InspectionsWriteRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts an inspection with the given columns (fixed column names → values); returns its id. */
  async insertInspection(manager: EntityManager, columns: Record<string, unknown>): Promise<string> {
    const params = new SqlParams();
    const names = Object.keys(columns);
    const values = names.map((name) => params.add(columns[name]));
    const [row] = (await manager.query(
      `INSERT INTO inspection (${names.map((name) => `"${name}"`).join(', ')}) VALUES (${values.join(', ')}) RETURNING id`,
      params.values,
    )) as Array<{ id: string }>;
    return row.id;
  }

  /** Soft-deletes the live inspection at this version; false when the version is stale (or it is already deleted). */
  async softDeleteInspectionIfVersion(manager: EntityManager, id: string, version: number): Promise<boolean> {
    const rows = (await manager.query(
      `UPDATE inspection SET deleted_at = now(), version = version + 1 WHERE id = $1 AND version = $2 AND deleted_at IS NULL RETURNING id`,
      [id, version],
    )) as [unknown[], number];
    return rows[0].length > 0;
  }

  /** Brings a deleted inspection back; false when it is not deleted. */
  async restoreInspection(manager: EntityManager, id: string): Promise<boolean> {
    const rows = (await manager.query(
      `UPDATE inspection SET deleted_at = NULL, version = version + 1 WHERE id = $1 AND deleted_at IS NOT NULL RETURNING id`,
      [id],
    )) as [unknown[], number];
    return rows[0].length > 0;
  }

  /** The inspection's categories in order, each with its number of live problems. */
  async findCategories(inspectionId: string): Promise<CategoryDto[]> {
    return (await this.dataSource.query(
      `SELECT c.id, c.inspection_id AS "inspectionId", c.seq, c.label, c.title, c.code, c.version,
              (SELECT count(*)::int FROM problem p WHERE p.category_id = c.id AND p.deleted_at IS NULL) AS "problemCount"
       FROM category c WHERE c.inspection_id = $1 ORDER BY c.seq`,
      [inspectionId],
    )) as CategoryDto[];
  }

  /** Locks the inspection row for the rest of the transaction. */
  async lockInspection(manager: EntityManager, inspectionId: string): Promise<void> {
    await manager.query(`SELECT id FROM inspection WHERE id = $1 FOR UPDATE`, [inspectionId]);
  }

  /** The sequence number after the highest of the inspection's categories. */
  async nextCategorySeq(manager: EntityManager, inspectionId: string): Promise<number> {
    const [{ next }] = (await manager.query(
      `SELECT coalesce(max(seq), 0) + 1 AS next FROM category WHERE inspection_id = $1`,
      [inspectionId],
    )) as Array<{ next: number }>;
    return next;
  }

  async insertCategory(manager: EntityManager, inspectionId: string, category: NewCategory): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO category (inspection_id, seq, label, title, code) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [inspectionId, category.seq, category.label, category.title, category.code],
    )) as Array<{ id: string }>;
    return row.id;
  }

  /** `UPDATE category … WHERE id = $1 AND version = $2`: false when the version is stale. */
  async updateCategoryIfVersion(
    manager: EntityManager,
    id: string,
    version: number,
    columns: CategoryColumns,
  ): Promise<boolean> {
    const rows = (await manager.query(
      `UPDATE category SET ${Object.keys(columns)
        .map((column, i) => `"${column}" = $${i + 3}`)
        .join(', ')}, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id`,
      [id, version, ...Object.values(columns)],
    )) as [unknown[], number];
    return rows[0].length > 0;
  }

  /** How many live problems the category holds. */
  async countCategoryProblems(manager: EntityManager, id: string): Promise<number> {
    const [{ used }] = (await manager.query(
      `SELECT count(*)::int AS used FROM problem WHERE category_id = $1 AND deleted_at IS NULL`,
      [id],
    )) as Array<{ used: number }>;
    return used;
  }

  async deleteCategory(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM category WHERE id = $1`, [id]);
  }

  /** The inspection of a category; null when there is no such category. */
  async categoryInspectionId(id: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(`SELECT inspection_id AS "inspectionId" FROM category WHERE id = $1`, [
      id,
    ])) as Array<{ inspectionId: string }>;
    return row?.inspectionId ?? null;
  }

  /** Inserts the categories; returns their ids by seq. */
  async insertCategories(
    manager: EntityManager,
    inspectionId: string,
    categories: Array<{ seq: number; label: string | null; title: string }>,
  ): Promise<Map<number, string>> {
    if (categories.length === 0) return new Map();
    const rows = (await manager.query(
      `INSERT INTO category (inspection_id, seq, label, title)
       SELECT $1, c.seq, c.label, c.title FROM unnest($2::int[], $3::varchar[], $4::varchar[]) AS c(seq, label, title)
       RETURNING id, seq`,
      [inspectionId, categories.map((c) => c.seq), categories.map((c) => c.label), categories.map((c) => c.title)],
    )) as Array<{ id: string; seq: number }>;
    return new Map(rows.map((row) => [row.seq, row.id]));
  }

  /** `UPDATE inspection … WHERE version = $v`: the new row, or null when the version is stale. */
  updateInspectionIfVersion(
    manager: EntityManager,
    id: string,
    version: number,
    columns: ColumnValues,
  ): Promise<Record<string, unknown> | null> {
    return updateIfVersion(manager, 'inspection', id, version, columns);
  }
}
