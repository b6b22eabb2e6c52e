import { Body, Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, READERS, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import type { Actor } from '../../common/http/request-context.js';
import { contentDisposition } from '../attachments/file-name.js';
import { DOCX_TYPE, XLSX_TYPE, type RenderedFile } from '../documents/index.js';
import {
  AddLookbackItemDto,
  CreateLookbackDto,
  FinishLookbackDto,
  LookbackDto,
  LookbackSummaryDto,
  RecordLookbackResultDto,
} from './dto/lookback.dto.js';
import { LookbacksService } from './lookbacks.service.js';

const download = ({ body, type, name }: RenderedFile) =>
  new StreamableFile(body, { type, disposition: contentDisposition(name), length: body.length });

@ApiTags('lookbacks')
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller()
export class LookbacksController {
  constructor(private readonly lookbacks: LookbacksService) {}

  @Roles('task_force_officer')
  @Post('inspections/:id/lookbacks')
  @ApiCreatedResponse({ type: LookbackDto, description: 'the sample drawn with the stored seed' })
  createLookback(
    @Param('id', IdPipe) id: string,
    @Body() dto: CreateLookbackDto,
    @CurrentActor() actor: Actor,
  ): Promise<LookbackDto> {
    return this.lookbacks.create(id, dto, actor);
  }

  @Roles(...READERS)
  @Get('inspections/:id/lookbacks')
  @ApiOkResponse({ type: [LookbackSummaryDto], description: 'newest first; a unit sees those holding its items' })
  getLookbacks(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<LookbackSummaryDto[]> {
    return this.lookbacks.list(id, actor);
  }

  @Roles(...READERS)
  @Get('lookbacks/:id')
  @ApiOkResponse({ type: LookbackDto, description: 'a unit sees only its own items' })
  getLookback(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<LookbackDto> {
    return this.lookbacks.get(id, actor);
  }

  @Roles('task_force_officer')
  @Post('lookbacks/:id/items')
  @ApiCreatedResponse({ type: LookbackDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'DUPLICATE, LOOKBACK_FINISHED' })
  addLookbackItem(
    @Param('id', IdPipe) id: string,
    @Body() dto: AddLookbackItemDto,
    @CurrentActor() actor: Actor,
  ): Promise<LookbackDto> {
    return this.lookbacks.addItem(id, dto, actor);
  }

  @Roles('task_force_officer')
  @Post('lookbacks/:id/items/:itemId/result')
  @HttpCode(200)
  @ApiOkResponse({ type: LookbackDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'LOOKBACK_ITEM_CHECKED, LOOKBACK_FINISHED, stale version' })
  recordLookbackResult(
    @Param('id', IdPipe) id: string,
    @Param('itemId', IdPipe) itemId: string,
    @Body() dto: RecordLookbackResultDto,
    @CurrentActor() actor: Actor,
  ): Promise<LookbackDto> {
    return this.lookbacks.recordResult(id, itemId, dto, actor);
  }

  @Roles('task_force_officer')
  @Post('lookbacks/:id/finish')
  @HttpCode(200)
  @ApiOkResponse({ type: LookbackDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'items without a finding, LOOKBACK_FINISHED' })
  finishLookback(
    @Param('id', IdPipe) id: string,
    @Body() dto: FinishLookbackDto,
    @CurrentActor() actor: Actor,
  ): Promise<LookbackDto> {
    return this.lookbacks.finish(id, dto, actor);
  }

  @Roles(...READERS)
  @Get('lookbacks/:id/exports/report.docx')
  @ApiProduces(DOCX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: '第N次回头看情况报告 (GB/T 9704)' })
  async exportLookbackDocument(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    return download(await this.lookbacks.exportDocument(id, actor));
  }

  @Roles(...READERS)
  @Get('lookbacks/:id/exports/report.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: '抽查清单 and 各单位反弹率 sheets' })
  async exportLookbackWorkbook(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    return download(await this.lookbacks.exportWorkbook(id, actor));
  }
}
