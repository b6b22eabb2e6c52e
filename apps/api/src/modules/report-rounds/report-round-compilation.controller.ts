import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, READERS, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import type { Actor } from '../../common/http/request-context.js';
import { contentDisposition } from '../attachments/file-name.js';
import { DOCX_TYPE, XLSX_TYPE, type RenderedFile } from '../documents/word/documents.service.js';
import {
  CompareReportRoundsQueryDto,
  ReportRoundComparisonDto,
  ReportRoundCompilationDto,
} from './dto/report-round-compilation.dto.js';
import { ReportRoundCompilationService } from './report-round-compilation.service.js';

const download = ({ body, type, name }: RenderedFile) =>
  new StreamableFile(body, { type, disposition: contentDisposition(name), length: body.length });

// 汇总 and 对比 of reporting rounds; registered before ReportRoundsController, whose report-rounds/:id would take
// "compare" for an id.
@ApiTags('report-rounds')
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller('report-rounds')
export class ReportRoundCompilationController {
  constructor(private readonly compilation: ReportRoundCompilationService) {}

  @Roles(...READERS)
  @Get('compare')
  @ApiOkResponse({ type: ReportRoundComparisonDto, description: 'two rounds of one inspection side by side' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED, ROUNDS_NOT_COMPARABLE' })
  compareReportRounds(
    @Query() query: CompareReportRoundsQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReportRoundComparisonDto> {
    return this.compilation.compare(query.a, query.b, actor);
  }

  @Roles(...READERS)
  @Get(':id/summary')
  @ApiOkResponse({
    type: ReportRoundCompilationDto,
    description: '汇总: counts, units, changes since the round before',
  })
  getReportRoundCompilation(
    @Param('id', IdPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ReportRoundCompilationDto> {
    return this.compilation.summary(id, actor);
  }

  @Roles(...READERS)
  @Get(':id/exports/report.docx')
  @ApiProduces(DOCX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: '第N期整改进展情况 (GB/T 9704)' })
  async exportReportRoundDocument(
    @Param('id', IdPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    return download(await this.compilation.exportDocument(id, actor));
  }

  @Roles(...READERS)
  @Get(':id/exports/report.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: '报送情况 and 措施进展 sheets' })
  async exportReportRoundWorkbook(
    @Param('id', IdPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    return download(await this.compilation.exportWorkbook(id, actor));
  }
}
