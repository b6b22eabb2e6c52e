import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, READERS, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import type { Actor } from '../../common/http/request-context.js';
import { contentDisposition } from '../attachments/file-name.js';
import {
  DocumentDateQueryDto,
  LedgerExportQueryDto,
  LedgerImportQueryDto,
  NoticeExportQueryDto,
  ReportExportQueryDto,
} from './dto/export-query.dto.js';
import { LedgerImportBodyDto, LedgerImportResultDto } from './dto/ledger-import.dto.js';
import { LedgerExportService, XLSX_TYPE } from './ledger/ledger-export.service.js';
import { LedgerImportService } from './ledger/ledger-import.service.js';
import { LEDGER_IMPORT_UPLOAD, LedgerImportUploadErrorsInterceptor } from './upload.js';
import { DOCX_TYPE, DocumentsService, type RenderedFile } from './word/documents.service.js';

const file = ({ body, type, name }: RenderedFile) =>
  new StreamableFile(body, { type, disposition: contentDisposition(name), length: body.length });

@ApiTags('documents')
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly ledgerExport: LedgerExportService,
    private readonly ledgerImport: LedgerImportService,
  ) {}

  @Roles(...READERS)
  @Get('inspections/:id/exports/ledger.xlsx')
  @ApiOperation({
    summary: '导出整改台账',
    description:
      'Sheets 整改台账, 问题清单, 任务清单, 责任清单; filters as the measure list; a unit account gets its own measures only.',
  })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async exportLedgerXlsx(
    @Param('id', IdPipe) id: string,
    @Query() query: LedgerExportQueryDto,
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    await this.ledgerExport.export(id, query, actor, response);
  }

  @Roles('task_force_officer')
  @Post('inspections/:id/imports/ledger.xlsx')
  @HttpCode(200)
  @UseInterceptors(LedgerImportUploadErrorsInterceptor, FileInterceptor('file', LEDGER_IMPORT_UPLOAD))
  @ApiOperation({
    summary: '导入整改台账',
    description:
      'Creates or updates measures by 问题编号 + 措施序号 (措施 text, units, leaders, 完成时限, 备注); statuses, progress and evidence are not read. ' +
      'dryRun (default true) answers the plan; dryRun=false applies it all or nothing (422 with the row errors otherwise).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: '.xlsx' },
        mapping: {
          type: 'string',
          description: 'JSON: column name → column letter, number or header text; "headerRow"',
        },
      },
    },
  })
  @ApiOkResponse({ type: LedgerImportResultDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto })
  importLedgerXlsx(
    @Param('id', IdPipe) id: string,
    @Query() query: LedgerImportQueryDto,
    @Body() body: LedgerImportBodyDto,
    @UploadedFile() upload: { originalname: string; buffer: Buffer } | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<LedgerImportResultDto> {
    return this.ledgerImport.import(id, upload, { dryRun: query.dryRun ?? true, mapping: body.mapping }, actor);
  }

  @Roles('task_force_officer', 'supervisor')
  @Get('inspections/:id/exports/report.docx')
  @ApiOperation({ summary: '导出整改进展情况报告', description: 'GB/T 9704-2012 layout, from live data' })
  @ApiProduces(DOCX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  async exportReportDocx(
    @Param('id', IdPipe) id: string,
    @Query() query: ReportExportQueryDto,
  ): Promise<StreamableFile> {
    return file(await this.documents.report(id, query));
  }

  @Roles('task_force_officer', 'supervisor')
  @Get('inspections/:id/exports/notice.docx')
  @ApiOperation({ summary: '导出整改进展情况通报', description: 'the public notice (通报), GB/T 9704-2012 layout' })
  @ApiProduces(DOCX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  async exportNoticeDocx(
    @Param('id', IdPipe) id: string,
    @Query() query: NoticeExportQueryDto,
  ): Promise<StreamableFile> {
    return file(await this.documents.notice(id, query, 'docx'));
  }

  @Roles('task_force_officer', 'supervisor')
  @Get('inspections/:id/exports/notice.txt')
  @ApiOperation({
    summary: '导出通报（纯文本）',
    description: 'the same notice as plain text, readable by the notice import',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  async exportNoticeText(
    @Param('id', IdPipe) id: string,
    @Query() query: NoticeExportQueryDto,
  ): Promise<StreamableFile> {
    return file(await this.documents.notice(id, query, 'txt'));
  }

  @Roles(...READERS)
  @Get('problems/:id/exports/signoff.docx')
  @ApiOperation({
    summary: '导出对账销号单',
    description: "a problem's measures with units, deadlines, status, evidence and reviews",
  })
  @ApiProduces(DOCX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async exportProblemSignoff(
    @Param('id', IdPipe) id: string,
    @Query() query: DocumentDateQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    return file(await this.documents.signoff(id, query, actor));
  }
}
