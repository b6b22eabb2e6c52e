import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { CurrentActor, READERS, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import { PageQueryDto } from '../../common/http/pagination.js';
import type { Actor } from '../../common/http/request-context.js';
import { AttachmentsService, type UploadedEvidence } from './attachments.service.js';
import { ATTACHMENT_KINDS, AttachmentDto, AttachmentPageDto, UploadAttachmentDto } from './dto/attachment.dto.js';
import { ALLOWED_KINDS_TEXT } from './evidence-type.js';
import { RateLimit } from '../../common/http/rate-limit.js';
import { UploadErrorsInterceptor } from './upload-errors.interceptor.js';

const UPLOAD_RULES =
  `涉密材料严禁上传。每次上传一个文件，仅支持 ${ALLOWED_KINDS_TEXT}；文件类型按内容识别，` +
  '大小和每项措施的文件数量有上限（UPLOAD_MAX_BYTES、UPLOAD_MAX_FILES_PER_MEASURE）。';

@ApiTags('attachments')
@Controller()
export class AttachmentsController {
  constructor(private readonly service: AttachmentsService) {}

  @Roles('unit_leader', 'unit_staff', 'task_force_officer')
  @RateLimit('upload')
  @Post('measures/:id/attachments')
  // fileSize comes from the configuration, through MulterModule in AttachmentsModule
  @UseInterceptors(
    UploadErrorsInterceptor,
    FileInterceptor('file', { limits: { files: 1, fields: 5, fieldSize: 1024, parts: 10 } }),
  )
  @ApiOperation({ summary: '上传佐证材料', description: UPLOAD_RULES })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: `one file: ${ALLOWED_KINDS_TEXT}. 涉密材料严禁上传` },
        kind: {
          type: 'string',
          enum: [...ATTACHMENT_KINDS],
          default: 'document',
          description: '文件材料 / 会议纪要 / 照片 / 台账 / 制度',
        },
      },
    },
  })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: 'no file, more than one file, per-measure cap reached, archive too large',
  })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'the measure is already 已完成' })
  @ApiPayloadTooLargeResponse({ type: ErrorBodyDto })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorBodyDto })
  uploadMeasureAttachment(
    @Param('id', IdPipe) id: string,
    @UploadedFile() file: UploadedEvidence | undefined,
    @Body() body: UploadAttachmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<AttachmentDto> {
    return this.service.upload(id, file, body.kind, actor);
  }

  @Roles(...READERS)
  @Get('measures/:id/attachments')
  @ApiOperation({ summary: '整改措施的佐证材料', description: 'newest first' })
  @ApiOkResponse({ type: AttachmentPageDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  getMeasureAttachments(
    @Param('id', IdPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<AttachmentPageDto> {
    return this.service.listForMeasure(id, query, actor);
  }

  @Roles(...READERS)
  @Get('attachments/:id/download')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'no-store')
  @Header('Content-Security-Policy', "default-src 'none'; sandbox")
  @ApiOperation({
    summary: '下载佐证材料',
    description: 'Content-Type is the type recognised at upload; always a download (Content-Disposition: attachment)',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  downloadAttachment(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    return this.service.download(id, actor);
  }

  @Roles('unit_leader', 'unit_staff', 'task_force_officer')
  @Delete('attachments/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: '删除佐证材料',
    description: 'by the uploading unit until the measure is signed off, or by the task force',
  })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'the measure is signed off' })
  deleteAttachment(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.service.remove(id, actor);
  }
}
