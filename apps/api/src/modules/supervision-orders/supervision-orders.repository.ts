import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AccessScope } from '../../common/auth/access-scope.js';
import { DONE_STATUSES_SQL, SqlParams } from '../../common/sql.js';

export interface OrderRow {
  id: string;
  year: number;
  seq: number;
  unitId: string;
  unitName: string;
  body: string;
  replyBy: string;
  issuedById: string | null;
  issuedByName: string | null;
  issuedAt: Date;
  replyBody: string | null;
  replyAttachmentIds: string[];
  replyAttachments: Array<{ id: string; measureId: string; name: string; size: number; mimeType: string }>;
  repliedById: string | null;
  repliedByName: string | null;
  repliedAt: Date | null;
  version: number;
  measures: Array<{ id: string; problemId: string; label: string; text: string; deadline: string | null }>;
}

export interface OrderFilter {
  id?: string;
  unitId?: string;
  /** open: 待回复 (not past reply_by); replied: 已回复; overdue: 逾期 (not answered, past reply_by) */
  status?: 'open' | 'replied' | 'overdue';
  today: string;
}

const SELECT = `SELECT o.id, o.year, o.seq, o.unit_id AS "unitId", u.name AS "unitName", o.body,
  to_char(o.reply_by, 'YYYY-MM-DD') AS "replyBy", o.issued_by_id AS "issuedById", ib.display_name AS "issuedByName",
  o.issued_at AS "issuedAt", o.reply_body AS "replyBody", o.reply_attachment_ids AS "replyAttachmentIds",
  o.replied_by_id AS "repliedById", rb.display_name AS "repliedByName", o.replied_at AS "repliedAt", o.version,
  coalesce((SELECT json_agg(json_build_object('id', m.id, 'problemId', m.problem_id, 'label', p.label || '(' || m.seq || ')',
                    'text', m.text, 'deadline', to_char(m.deadline, 'YYYY-MM-DD')) ORDER BY p.seq, m.seq)
            FROM supervision_order_measure om JOIN measure m ON m.id = om.measure_id JOIN problem p ON p.id = m.problem_id
            WHERE om.order_id = o.id), '[]') AS measures,
  coalesce((SELECT json_agg(json_build_object('id', a.id, 'measureId', a.measure_id, 'name', a.name, 'size', a.size,
                    'mimeType', a.mime_type) ORDER BY array_position(o.reply_attachment_ids, a.id))
            FROM attachment a WHERE a.id = ANY(o.reply_attachment_ids) AND a.deleted_at IS NULL), '[]') AS "replyAttachments"
  FROM supervision_order o JOIN unit u ON u.id = o.unit_id
  LEFT JOIN user_account ib ON ib.id = o.issued_by_id LEFT JOIN user_account rb ON rb.id = o.replied_by_id`;

// All SQL of the 督办单.
@Injectable()
export class SupervisionOrdersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Of these measures, the live, unfinished ones the unit is responsible for (lead or co-unit). */
  async measuresOfUnit(manager: EntityManager, unitId: string, measureIds: string[]): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT m.id FROM measure m JOIN measure_unit mu ON mu.measure_id = m.id AND mu.unit_id = $1
       WHERE m.id = ANY($2::uuid[]) AND m.deleted_at IS NULL AND m.status NOT IN ${DONE_STATUSES_SQL}`,
      [unitId, measureIds],
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  async unitName(unitId: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(`SELECT name FROM unit WHERE id = $1 AND deleted_at IS NULL`, [
      unitId,
    ])) as Array<{ name: string }>;
    return row?.name ?? null;
  }

  /** The next number of the year; the counter row stays locked until the caller's transaction ends. */
  async nextNumber(manager: EntityManager, year: number): Promise<number> {
    const [row] = (await manager.query(
      `INSERT INTO supervision_order_counter (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = supervision_order_counter.last + 1 RETURNING last`,
      [year],
    )) as Array<{ last: number }>;
    return row.last;
  }

  async insert(
    manager: EntityManager,
    order: { year: number; seq: number; unitId: string; body: string; replyBy: string; issuedById: string },
    measureIds: string[],
  ): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO supervision_order (year, seq, unit_id, body, reply_by, issued_by_id) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id`,
      [order.year, order.seq, order.unitId, order.body, order.replyBy, order.issuedById],
    )) as Array<{ id: string }>;
    await manager.query(`INSERT INTO supervision_order_measure (order_id, measure_id) SELECT $1, unnest($2::uuid[])`, [
      row.id,
      measureIds,
    ]);
    return row.id;
  }

  /** Locks an order for its reply; null when there is none. */
  async lock(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; unitId: string; repliedAt: Date | null; year: number; seq: number } | null> {
    const [row] = (await manager.query(
      `SELECT id, unit_id AS "unitId", replied_at AS "repliedAt", year, seq FROM supervision_order WHERE id = $1 FOR UPDATE`,
      [id],
    )) as Array<{ id: string; unitId: string; repliedAt: Date | null; year: number; seq: number }>;
    return row ?? null;
  }

  async saveReply(
    manager: EntityManager,
    id: string,
    reply: { body: string; attachmentIds: string[]; repliedById: string; repliedAt: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE supervision_order SET reply_body = $2, reply_attachment_ids = $3, replied_by_id = $4, replied_at = $5,
              version = version + 1
       WHERE id = $1`,
      [id, reply.body, reply.attachmentIds, reply.repliedById, reply.repliedAt],
    );
  }

  /** Which of these evidence files are live files of the order's measures. */
  async evidenceOfOrder(manager: EntityManager, orderId: string, attachmentIds: string[]): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT a.id FROM attachment a JOIN supervision_order_measure om ON om.measure_id = a.measure_id AND om.order_id = $1
       WHERE a.id = ANY($2::uuid[]) AND a.deleted_at IS NULL`,
      [orderId, attachmentIds],
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  /** Orders the scope sees (a unit sees its own), newest first, with the total. */
  async find(
    filter: OrderFilter,
    scope: AccessScope,
    window: { offset: number; limit: number },
  ): Promise<{ rows: OrderRow[]; total: number }> {
    const params = new SqlParams();
    const where = ['TRUE'];
    if (!scope.all) where.push(`o.unit_id = ANY(${params.add(scope.unitIds)})`);
    if (filter.id) where.push(`o.id = ${params.add(filter.id)}`);
    if (filter.unitId) where.push(`o.unit_id = ${params.add(filter.unitId)}`);
    if (filter.status === 'replied') where.push('o.replied_at IS NOT NULL');
    if (filter.status === 'open')
      where.push(`o.replied_at IS NULL AND o.reply_by >= ${params.add(filter.today)}::date`);
    if (filter.status === 'overdue')
      where.push(`o.replied_at IS NULL AND o.reply_by < ${params.add(filter.today)}::date`);
    const countParams = [...params.values];
    const limit = params.add(window.limit);
    const offset = params.add(window.offset);
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `${SELECT} WHERE ${where.join(' AND ')} ORDER BY o.year DESC, o.seq DESC LIMIT ${limit} OFFSET ${offset}`,
        params.values,
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM supervision_order o WHERE ${where.join(' AND ')}`,
        countParams,
      ),
    ]);
    return { rows: rows as OrderRow[], total };
  }
}
