import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { MeasureStatus } from '@zhenggai/domain';

export interface AttachmentRow {
  id: string;
  measureId: string;
  name: string;
  size: number;
  sha256: string;
  mimeType: string;
  kind: string;
  storageKey: string;
  unitId: string | null;
  unitName: string | null;
  uploadedById: string | null;
  uploadedByName: string | null;
  // the uploader account's own unit: a unit may delete what its accounts uploaded, not the task force's uploads
  uploaderUnitId: string | null;
  createdAt: Date;
}

export interface NewAttachment {
  measureId: string;
  unitId: string | null;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  storageKey: string;
  kind: string;
  uploadedById: string;
  createdAt: Date;
}

type Queryable = Pick<EntityManager, 'query'>;

const SELECT = `SELECT a.id, a.measure_id AS "measureId", a.name, a.size::float8 AS size, a.sha256,
  a.mime_type AS "mimeType", a.kind, a.storage_key AS "storageKey", a.unit_id AS "unitId", u.name AS "unitName",
  a.uploaded_by_id AS "uploadedById", ua.display_name AS "uploadedByName", ua.unit_id AS "uploaderUnitId",
  a.created_at AS "createdAt"
  FROM attachment a
  LEFT JOIN unit u ON u.id = a.unit_id
  LEFT JOIN user_account ua ON ua.id = a.uploaded_by_id`;

@Injectable()
export class AttachmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private db(manager?: Queryable): Queryable {
    return manager ?? this.dataSource;
  }

  /** The live (not deleted) attachment with this id. */
  async findLive(id: string, manager?: Queryable): Promise<AttachmentRow | null> {
    const rows = (await this.db(manager).query(`${SELECT} WHERE a.id = $1 AND a.deleted_at IS NULL`, [
      id,
    ])) as AttachmentRow[];
    return rows[0] ?? null;
  }

  /** Live attachments of a measure, newest first. */
  async findPageForMeasure(
    measureId: string,
    window: { offset: number; limit: number },
  ): Promise<{ rows: AttachmentRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `${SELECT} WHERE a.measure_id = $1 AND a.deleted_at IS NULL ORDER BY a.created_at DESC, a.id LIMIT $2 OFFSET $3`,
        [measureId, window.limit, window.offset],
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM attachment WHERE measure_id = $1 AND deleted_at IS NULL`,
        [measureId],
      ),
    ]);
    return { rows: rows as AttachmentRow[], total: (count as { total: number }[])[0].total };
  }

  async countLiveForMeasure(measureId: string, manager?: Queryable): Promise<number> {
    const rows = (await this.db(manager).query(
      `SELECT count(*)::int AS total FROM attachment WHERE measure_id = $1 AND deleted_at IS NULL`,
      [measureId],
    )) as { total: number }[];
    return rows[0].total;
  }

  /**
   * Locks the measure row for the rest of the transaction and returns its status (null when it is gone).
   * `exclusive` serialises uploads to one measure so that the count cap holds under concurrency.
   */
  async lockMeasure(measureId: string, exclusive: boolean, manager: Queryable): Promise<MeasureStatus | null> {
    const rows = (await manager.query(
      `SELECT status FROM measure WHERE id = $1 AND deleted_at IS NULL ${exclusive ? 'FOR NO KEY UPDATE' : 'FOR SHARE'}`,
      [measureId],
    )) as { status: MeasureStatus }[];
    return rows[0]?.status ?? null;
  }

  async insert(row: NewAttachment, manager: Queryable): Promise<string> {
    const rows = (await manager.query(
      `INSERT INTO attachment (measure_id, unit_id, name, mime_type, size, sha256, storage_key, kind, uploaded_by_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        row.measureId,
        row.unitId,
        row.name,
        row.mimeType,
        row.size,
        row.sha256,
        row.storageKey,
        row.kind,
        row.uploadedById,
        row.createdAt,
      ],
    )) as { id: string }[];
    return rows[0].id;
  }

  /** Marks the attachment deleted; false when it was deleted already. */
  async softDelete(id: string, at: Date, manager: Queryable): Promise<boolean> {
    const rows = (await manager.query(
      `UPDATE attachment SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
      [id, at],
    )) as unknown[];
    return rowsAffected(rows) > 0;
  }

  /** Ids among `ids` that are live attachments of the measure, share-locked until the caller's transaction ends. */
  async findLiveIdsOfMeasure(ids: string[], measureId: string, manager?: Queryable): Promise<string[]> {
    const rows = (await this.db(manager).query(
      `SELECT id FROM attachment WHERE id = ANY($1::uuid[]) AND measure_id = $2 AND deleted_at IS NULL FOR SHARE`,
      [ids, measureId],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }
}

// TypeORM's postgres driver answers an UPDATE … RETURNING with [rows, affectedCount]
function rowsAffected(result: unknown[]): number {
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return result.length;
}
