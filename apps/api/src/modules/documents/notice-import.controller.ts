import { Body, Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { Idempotent } from '../../common/idempotency/idempotency.interceptor.js';
import type { Actor } from '../../common/http/request-context.js';
import { CommitNoticeDto, NoticeImportResultDto, NoticePreviewDto, NoticeTextDto } from './dto/notice-preview.dto.js';
import { NoticeImportService } from './notice/notice-import.service.js';
import { NOTICE_FILE_KINDS_TEXT, type UploadedFile as NoticeFile } from './notice/text-extraction.js';
import { IMPORT_UPLOAD, ImportUploadErrorsInterceptor } from './upload.js';

@ApiTags('imports')
@Controller('imports/notice')
export class NoticeImportController {
  constructor(private readonly service: NoticeImportService) {}

  @Roles('task_force_officer')
  @Post()
  @HttpCode(200)
  @UseInterceptors(ImportUploadErrorsInterceptor, FileInterceptor('file', IMPORT_UPLOAD))
  @ApiOperation({
    summary: '识别通报（预览）',
    description: `JSON { text } (at most 1 MB), or multipart field file: ${NOTICE_FILE_KINDS_TEXT}. Writes nothing; statuses are never read from the text.`,
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        text: { type: 'string', description: 'the notice text' },
        file: { type: 'string', format: 'binary', description: NOTICE_FILE_KINDS_TEXT },
      },
    },
  })
  @ApiOkResponse({ type: NoticePreviewDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiPayloadTooLargeResponse({ type: ErrorBodyDto })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorBodyDto })
  previewNoticeImport(
    @Body() body: NoticeTextDto,
    @UploadedFile() file: NoticeFile | undefined,
  ): Promise<NoticePreviewDto> {
    return this.service.preview(body.text, file);
  }

  @Roles('task_force_officer')
  @Idempotent()
  @Post('commit')
  @ApiOperation({
    summary: '导入通报',
    description:
      'The reviewed preview: creates the inspection, categories, problems (未完成), measures (未启动; lead unit defaultLeadUnitId, else unassigned) ' +
      'and outcomes in one transaction. Month-only dates are stored as no date.',
  })
  @ApiCreatedResponse({ type: NoticeImportResultDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  commitNoticeImport(@Body() dto: CommitNoticeDto, @CurrentActor() actor: Actor): Promise<NoticeImportResultDto> {
    return this.service.commit(dto, actor);
  }
}
