import { Injectable } from '@nestjs/common';
import { scopeOf } from '../../common/auth/access-scope.js';
import { AppError } from '../../common/errors/app-error.js';
import { pageWindow, type Page } from '../../common/http/pagination.js';
import type { Actor } from '../../common/http/request-context.js';
import type { InspectionDto, InspectionQueryDto } from './dto/inspection.dto.js';
import { mapInspection } from './inspections.mapper.js';
import { InspectionsRepository } from './inspections.repository.js';

@Injectable()
export class InspectionsService {
  constructor(private readonly inspections: InspectionsRepository) {}

  async list(query: InspectionQueryDto, actor: Actor): Promise<Page<InspectionDto>> {
    const { page, pageSize, offset } = pageWindow(query);
    const { rows, total } = await this.inspections.findPage(query, scopeOf(actor), { offset, limit: pageSize });
    return { items: rows.map(mapInspection), total, page, pageSize };
  }

  async get(id: string, actor: Actor): Promise<InspectionDto> {
    const { rows } = await this.inspections.findPage({ id }, scopeOf(actor), { offset: 0, limit: 1 });
    if (rows.length === 0) throw new AppError('NOT_FOUND', '巡视（巡察）不存在或无权查看');
    return mapInspection(rows[0]);
  }
}
