import { Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, READERS, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import { Idempotent } from '../../common/idempotency/idempotency.interceptor.js';
import type { Actor } from '../../common/http/request-context.js';
import { contentDisposition } from '../attachments/file-name.js';
import { ExportJobDto } from './dto/export-job.dto.js';
import { LedgerExportQueryDto } from './dto/export-query.dto.js';
import { ExportJobsService } from './export-jobs/export-jobs.service.js';
import { XLSX_TYPE } from './ledger/ledger-export.service.js';

@ApiTags('documents')
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller()
export class ExportJobsController {
  constructor(private readonly exportJobs: ExportJobsService) {}

  @Roles(...READERS)
  @Idempotent()
  @Post('inspections/:id/exports/ledger-jobs')
  @HttpCode(202)
  @ApiOperation({
    summary: '后台导出整改台账',
    description:
      'The same workbook, filters and scope as GET …/exports/ledger.xlsx, written by a background job: poll GET /api/export-jobs/{id}, then download …/file.',
  })
  @ApiAcceptedResponse({ type: ExportJobDto })
  createLedgerExportJob(
    @Param('id', IdPipe) id: string,
    @Query() query: LedgerExportQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<ExportJobDto> {
    return this.exportJobs.create(id, query, actor);
  }

  @Roles(...READERS)
  @Get('export-jobs/:id')
  @ApiOperation({ summary: '后台导出的状态与进度', description: "only the requester's own jobs (404 otherwise)" })
  @ApiOkResponse({ type: ExportJobDto })
  getExportJob(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<ExportJobDto> {
    return this.exportJobs.get(id, actor);
  }

  @Roles(...READERS)
  @Get('export-jobs/:id/file')
  @ApiOperation({
    summary: '下载后台导出的文件',
    description: '409 EXPORT_JOB_NOT_READY while it is being written, 409 EXPORT_JOB_FAILED when it failed',
  })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiConflictResponse({ type: ErrorBodyDto })
  async getExportJobFile(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const { name, size, stream } = await this.exportJobs.file(id, actor);
    return new StreamableFile(stream, { type: XLSX_TYPE, disposition: contentDisposition(name), length: size });
  }
}
