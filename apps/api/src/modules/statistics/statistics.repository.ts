import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../../common/auth/access-scope.js';
import type { FiguresRow } from './statistics.mapper.js';
import { inspectionFiguresSql, inspectionLookupSql, type FiguresInput } from './statistics.sql.js';

export interface StatisticsInspectionRow {
  id: string;
  yellowDays: number;
  startDate: string;
}

@Injectable()
export class StatisticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findVisibleInspection(inspectionId: string, scope: AccessScope): Promise<StatisticsInspectionRow | null> {
    const { text, values } = inspectionLookupSql(inspectionId, scope);
    const rows = (await this.dataSource.query(text, values)) as StatisticsInspectionRow[];
    return rows[0] ?? null;
  }

  /** Every figure of one inspection within the scope, aggregated by PostgreSQL in one statement. */
  async aggregateFigures(input: FiguresInput): Promise<FiguresRow> {
    const { text, values } = inspectionFiguresSql(input);
    const rows = (await this.dataSource.query(text, values)) as FiguresRow[];
    return rows[0];
  }
}
