import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export type ExportJobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ExportJobRow {
  id: string;
  actorId: string;
  inspectionId: string;
  filter: Record<string, unknown>;
  scope: Record<string, unknown>;
  status: ExportJobStatus;
  progress: number;
  fileName: string;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

// TypeORM answers UPDATE/DELETE … RETURNING with [rows, affected]
const returned = <T>(result: unknown): T[] =>
  (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];

const COLUMNS = `id, actor_id AS "actorId", inspection_id AS "inspectionId", filter, scope, status, progress,
  file_name AS "fileName", error, created_at AS "createdAt", updated_at AS "updatedAt", finished_at AS "finishedAt"`;

// All SQL of the background ledger exports (export_job).
@Injectable()
export class ExportJobsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    row: Pick<ExportJobRow, 'id' | 'actorId' | 'inspectionId' | 'filter' | 'scope' | 'fileName' | 'createdAt'>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO export_job (id, actor_id, inspection_id, filter, scope, status, progress, file_name, created_at, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, 'queued', 0, $6, $7, $7)`,
      [
        row.id,
        row.actorId,
        row.inspectionId,
        JSON.stringify(row.filter),
        JSON.stringify(row.scope),
        row.fileName,
        row.createdAt,
      ],
    );
  }

  async find(id: string): Promise<ExportJobRow | null> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM export_job WHERE id = $1`, [
      id,
    ])) as ExportJobRow[];
    return rows[0] ?? null;
  }

  /** queued/running → running at 0 %; false when the job is already over (done or failed). */
  async start(id: string, now: Date): Promise<boolean> {
    const rows = returned(
      await this.dataSource.query(
        `UPDATE export_job SET status = 'running', progress = 0, error = NULL, updated_at = $2
       WHERE id = $1 AND status IN ('queued', 'running') RETURNING 1`,
        [id, now],
      ),
    );
    return rows.length > 0;
  }

  async progress(id: string, progress: number, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE export_job SET progress = GREATEST(progress, $2), updated_at = $3 WHERE id = $1 AND status = 'running'`,
      [id, progress, now],
    );
  }

  async finish(id: string, fileSize: number, now: Date): Promise<boolean> {
    const rows = returned(
      await this.dataSource.query(
        `UPDATE export_job SET status = 'done', progress = 100, file_size = $2, updated_at = $3, finished_at = $3
       WHERE id = $1 AND status = 'running' RETURNING 1`,
        [id, fileSize, now],
      ),
    );
    return rows.length > 0;
  }

  /** Ends the job as failed (unless it is already done); a retry to come puts it back to queued instead. */
  async fail(id: string, error: string, final: boolean, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE export_job SET status = $2, error = $3, updated_at = $4, finished_at = $5
       WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, final ? 'failed' : 'queued', error, now, final ? now : null],
    );
  }

  /** Jobs queued or running whose row has not moved since `before`: their worker died. Returns their ids. */
  async failStale(before: Date, error: string, now: Date): Promise<string[]> {
    const rows = returned<{ id: string }>(
      await this.dataSource.query(
        `UPDATE export_job SET status = 'failed', error = $2, updated_at = $3, finished_at = $3
       WHERE status IN ('queued', 'running') AND updated_at < $1 RETURNING id`,
        [before, error, now],
      ),
    );
    return rows.map((row) => row.id);
  }

  /** Deletes the jobs created before `before`; returns their ids (their files go next). */
  async deleteOlderThan(before: Date): Promise<string[]> {
    const rows = returned<{ id: string }>(
      await this.dataSource.query(`DELETE FROM export_job WHERE created_at < $1 RETURNING id`, [before]),
    );
    return rows.map((row) => row.id);
  }
}
