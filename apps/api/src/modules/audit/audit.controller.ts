import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../common/auth/access.decorators.js';
import { RateLimit } from '../../common/http/rate-limit.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditEventPageDto, AuditQueryDto } from './dto/audit-event.dto.js';

// Only the audit admin reads the audit trail (三权分立); nobody can change it through the API.
@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly log: AuditLogService) {}

  @Roles('audit_admin')
  @Get()
  @ApiOkResponse({ type: AuditEventPageDto })
  getAuditEvents(@Query() query: AuditQueryDto): Promise<AuditEventPageDto> {
    return this.log.search(query);
  }

  @Roles('audit_admin')
  @RateLimit('export')
  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV (UTF-8 with BOM) of the matching events' })
  async exportAuditEvents(@Query() query: AuditQueryDto, @Res() response: Response): Promise<void> {
    await this.log.exportCsv(query, response);
  }
}
