import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MeasureStatus } from '@zhenggai/domain';
import type { AccessScope } from '../../common/auth/access-scope.js';
import { assignedToSql, SqlParams } from '../../common/sql.js';
import type { CheckpointReviewListStatus } from './dto/checkpoint-review.dto.js';

export interface CheckpointReviewRow {
  checkpointId: string;
  title: string | null;
  dueOn: string;
  daysOverdue: number;
  status: 'pending' | 'done';
  measureId: string;
  problemId: string;
  inspectionId: string;
  measureLabel: string;
  measureText: string;
  measureStatus: MeasureStatus;
  measureVersion: number;
  units: Array<{ id: string; name: string }>;
  outcome: 'reached' | 'missed' | null;
  opinion: string | null;
  reviewedAt: Date | null;
  reviewedById: string | null;
  reviewedByName: string | null;
}

// The reads of the officers' review list of checkpoints (检查节点评估). Writes go through MeasureWritesRepository.
@Injectable()
export class CheckpointReviewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The checkpoints put into the review list (pending: waiting, of measures still 视同完成, the longest overdue
   * first) or reviewed (done: the latest review first), of live measures the scope may see.
   */
  async findPage(
    filter: { inspectionId?: string; status: CheckpointReviewListStatus },
    scope: AccessScope,
    today: string,
    window: { offset: number; limit: number },
  ): Promise<{ rows: CheckpointReviewRow[]; total: number }> {
    const params = new SqlParams();
    const where = ['m.deleted_at IS NULL'];
    if (filter.status === 'pending') where.push(`c.review_status = 'pending'`, `m.status = 'deemed_completed'`);
    else where.push(`c.review_status = 'done'`);
    if (!scope.all) where.push(assignedToSql('m', params.add(scope.unitIds)));
    if (filter.inspectionId) where.push(`m.inspection_id = ${params.add(filter.inspectionId)}`);
    const joins = `FROM measure_checkpoint c JOIN measure m ON m.id = c.measure_id
      JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL
      JOIN inspection i ON i.id = m.inspection_id AND i.deleted_at IS NULL`;
    const condition = `WHERE ${where.join(' AND ')}`;
    const countParams = [...params.values];
    const day = params.add(today);
    const limit = params.add(window.limit);
    const offset = params.add(window.offset);
    const order = filter.status === 'pending' ? 'c.due_on, p.seq, m.seq, c.id' : 'c.reviewed_at DESC, c.id';
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT c.id AS "checkpointId", c.title, to_char(c.due_on, 'YYYY-MM-DD') AS "dueOn",
                greatest(0, coalesce((c.reviewed_at AT TIME ZONE 'Asia/Shanghai')::date, ${day}::date) - c.due_on) AS "daysOverdue",
                c.review_status AS status, m.id AS "measureId", m.problem_id AS "problemId",
                m.inspection_id AS "inspectionId", p.label || '(' || m.seq || ')' AS "measureLabel",
                m.text AS "measureText", m.status AS "measureStatus", m.version AS "measureVersion",
                coalesce((SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY mu.role DESC, mu.created_at)
                          FROM measure_unit mu JOIN unit u ON u.id = mu.unit_id WHERE mu.measure_id = m.id), '[]') AS units,
                c.outcome, c.opinion, c.reviewed_at AS "reviewedAt", c.reviewed_by_id AS "reviewedById",
                ua.display_name AS "reviewedByName"
         ${joins} LEFT JOIN user_account ua ON ua.id = c.reviewed_by_id ${condition}
         ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
        params.values,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total ${joins} ${condition}`, countParams),
    ]);
    return { rows: rows as CheckpointReviewRow[], total: (count as Array<{ total: number }>)[0].total };
  }
}
