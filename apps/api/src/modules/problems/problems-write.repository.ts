import { Injectable } from '@nestjs/common';
import { updateIfVersion, type ColumnValues } from '../../common/versioned-update.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface NewProblem {
  inspectionId: string;
  categoryId: string | null;
  seq: number;
  label: string;
  title: string;
  description: string | null;
  goal: string | null;
  rootCause: string | null;
  term: string;
  source: string;
  leadLeaderId: string | null;
  leadUnitId: string | null;
  remarks: string | null;
}

/** A problem as an import brings it: its place (seq, parent), text and category by number. */
export interface ImportedProblem {
  seq: number;
  label: string;
  title: string;
  overview: string | null;
  categorySeq: number | null;
  parentSeq: number | null;
}

// All SQL of the problems' writes (the reads are in ProblemsRepository); importers write problems through it too.
@Injectable()
export class ProblemsWriteRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Locks the live inspection for the rest of the transaction; false when there is none. */
  async lockLiveInspection(manager: EntityManager, inspectionId: string): Promise<boolean> {
    const rows = (await manager.query(`SELECT id FROM inspection WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [
      inspectionId,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** The sequence number after the highest of the inspection's problems (deleted ones included). */
  async nextSeq(manager: EntityManager, inspectionId: string): Promise<number> {
    const [{ next }] = (await manager.query(
      `SELECT coalesce(max(seq), 0) + 1 AS next FROM problem WHERE inspection_id = $1`,
      [inspectionId],
    )) as Array<{ next: number }>;
    return next;
  }

  async seqTaken(manager: EntityManager, inspectionId: string, seq: number): Promise<boolean> {
    const rows = (await manager.query(`SELECT 1 FROM problem WHERE inspection_id = $1 AND seq = $2`, [
      inspectionId,
      seq,
    ])) as unknown[];
    return rows.length > 0;
  }

  async insert(manager: EntityManager, problem: NewProblem): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO problem (inspection_id, category_id, seq, label, title, description, goal, root_cause, term, source, lead_leader_id, lead_unit_id, remarks)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        problem.inspectionId,
        problem.categoryId,
        problem.seq,
        problem.label,
        problem.title,
        problem.description,
        problem.goal,
        problem.rootCause,
        problem.term,
        problem.source,
        problem.leadLeaderId,
        problem.leadUnitId,
        problem.remarks,
      ],
    )) as Array<{ id: string }>;
    return row.id;
  }

  /** Soft-deletes the live problem at this version; false when the version is stale (or it is already deleted). */
  async softDeleteIfVersion(manager: EntityManager, id: string, version: number): Promise<boolean> {
    const rows = (await manager.query(
      `UPDATE problem SET deleted_at = now(), version = version + 1 WHERE id = $1 AND version = $2 AND deleted_at IS NULL RETURNING id`,
      [id, version],
    )) as [unknown[], number];
    return rows[0].length > 0;
  }

  /** Brings a deleted problem back; false when it is not deleted. */
  async restore(manager: EntityManager, id: string): Promise<boolean> {
    const rows = (await manager.query(
      `UPDATE problem SET deleted_at = NULL, version = version + 1 WHERE id = $1 AND deleted_at IS NOT NULL RETURNING id`,
      [id],
    )) as [unknown[], number];
    return rows[0].length > 0;
  }

  async categoryBelongsTo(categoryId: string, inspectionId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM category WHERE id = $1 AND inspection_id = $2`, [
      categoryId,
      inspectionId,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** Inserts the problems (status 未完成), then links sub-problems to their parents; returns ids by seq. */
  async insertProblems(
    manager: EntityManager,
    inspectionId: string,
    problems: ImportedProblem[],
    categoryIds: Map<number, string>,
    leadUnitId: string | null,
  ): Promise<Map<number, string>> {
    if (problems.length === 0) return new Map();
    const rows = (await manager.query(
      `INSERT INTO problem (inspection_id, seq, label, title, overview, category_id, status, lead_unit_id)
       SELECT $1, p.seq, p.label, p.title, p.overview, p.category_id, 'in_progress', $7
       FROM unnest($2::int[], $3::varchar[], $4::varchar[], $5::text[], $6::uuid[]) AS p(seq, label, title, overview, category_id)
       RETURNING id, seq`,
      [
        inspectionId,
        problems.map((p) => p.seq),
        problems.map((p) => p.label),
        problems.map((p) => p.title),
        problems.map((p) => p.overview),
        problems.map((p) => (p.categorySeq ? (categoryIds.get(p.categorySeq) ?? null) : null)),
        leadUnitId,
      ],
    )) as Array<{ id: string; seq: number }>;
    const ids = new Map(rows.map((row) => [row.seq, row.id]));
    const children = problems.filter((p) => p.parentSeq !== null);
    if (children.length > 0) {
      await manager.query(
        `UPDATE problem p SET parent_id = l.parent_id FROM unnest($1::uuid[], $2::uuid[]) AS l(id, parent_id) WHERE p.id = l.id`,
        [children.map((p) => ids.get(p.seq)), children.map((p) => ids.get(p.parentSeq!))],
      );
    }
    return ids;
  }

  /** `UPDATE problem … WHERE version = $v`: false when the version is stale. */
  async updateIfVersion(manager: EntityManager, id: string, version: number, columns: ColumnValues): Promise<boolean> {
    return (await updateIfVersion(manager, 'problem', id, version, columns)) !== null;
  }
}
