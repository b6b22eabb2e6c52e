import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../common/auth/access.decorators.js';
import { RateLimit } from '../../common/http/rate-limit.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditChainService } from './audit-chain.service.js';
import { AuditChainDto } from './dto/audit-chain.dto.js';
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

// The state of the audit trail's hash chain, verified afresh on every call (audit admin only).
@ApiTags('audit')
@Controller('audit')
export class AuditChainController {
  constructor(private readonly chain: AuditChainService) {}

  @Roles('audit_admin')
  @RateLimit('export')
  @Get('chain')
  @ApiOkResponse({ type: AuditChainDto })
  getAuditChain(): Promise<AuditChainDto> {
    return this.chain.verifyAsAuditAdmin();
  }
}
