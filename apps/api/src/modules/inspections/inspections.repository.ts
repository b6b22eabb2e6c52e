import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../../common/auth/access-scope.js';
import { likePattern } from '../../common/http/pagination.js';
import { problemVisibleSql, SqlParams } from '../../common/sql.js';
import type { InspectionEntity } from './inspection.entity.js';

export type InspectionRow = InspectionEntity & { problemCount: number };

const COLUMNS = `i.id, i.title, i.issuer, i.kind, i.level, i.term, i.issuing_committee AS "issuingCommittee", i.round,
  i.inspection_group AS "group", i.inspection_type AS "inspectionType", i.target,
  i.on_site_from AS "onSiteFrom", i.on_site_to AS "onSiteTo", i.feedback_date AS "feedbackDate",
  i.plan_due_date AS "planDueDate", i.rectification_end AS "rectificationEnd", i.report_due AS "reportDue",
  i.published_at AS "publishedAt", i.publicity_from AS "publicityFrom", i.publicity_to AS "publicityTo",
  i.contact_phone AS "contactPhone", i.contact_hours AS "contactHours", i.contact_email AS "contactEmail",
  i.contact_address AS "contactAddress", i.yellow_days AS "yellowDays", i.version,
  i.created_at AS "createdAt", i.updated_at AS "updatedAt"`;

@Injectable()
export class InspectionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findPage(
    filter: { kind?: string; q?: string; id?: string },
    scope: AccessScope,
    window: { offset: number; limit: number },
  ): Promise<{ rows: InspectionRow[]; total: number }> {
    const params = new SqlParams();
    const where = ['i.deleted_at IS NULL'];
    if (filter.id) where.push(`i.id = ${params.add(filter.id)}`);
    if (filter.kind) where.push(`i.kind = ${params.add(filter.kind)}`);
    if (filter.q) {
      const q = params.add(likePattern(filter.q));
      where.push(`(i.title ILIKE ${q} OR i.inspection_group ILIKE ${q} OR i.target ILIKE ${q})`);
    }
    const visible = problemVisibleSql('p', scope, params);
    const counted = `(SELECT count(*)::int FROM problem p WHERE p.inspection_id = i.id AND p.deleted_at IS NULL AND ${visible})`;
    // a unit account sees only the inspections in which it has something to do
    if (!scope.all) where.push(`${counted} > 0`);
    const whereSql = where.join(' AND ');
    const countParams = [...params.values];
    const limit = params.add(window.limit);
    const offset = params.add(window.offset);
    const [rows, countRows] = await Promise.all([
      this.dataSource.query(
        `SELECT ${COLUMNS}, ${counted} AS "problemCount" FROM inspection i WHERE ${whereSql}
         ORDER BY i.feedback_date DESC NULLS LAST, i.created_at DESC, i.id LIMIT ${limit} OFFSET ${offset}`,
        params.values,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM inspection i WHERE ${whereSql}`, countParams),
    ]);
    return { rows: rows as InspectionRow[], total: (countRows as { total: number }[])[0].total };
  }
}
