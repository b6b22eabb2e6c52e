import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import type { Actor } from '../../common/http/request-context.js';
import { Idempotent } from '../../common/idempotency/idempotency.interceptor.js';
import {
  CreatePublicationDto,
  FeedbackQueryDto,
  HandleFeedbackDto,
  PublishPublicationDto,
  UpdatePublicationDto,
  WithdrawPublicationDto,
} from './dto/publication-write.dto.js';
import {
  FeedbackDto,
  FeedbackPageDto,
  FeedbackUnreadDto,
  PublicationDto,
  PublicationListDto,
} from './dto/publication.dto.js';
import { PublicationsService } from './publications.service.js';

@ApiTags('publications')
@ApiNotFoundResponse({ type: ErrorBodyDto })
@ApiForbiddenResponse({ type: ErrorBodyDto })
@Controller()
export class PublicationsController {
  constructor(private readonly publications: PublicationsService) {}

  @Roles('task_force_officer')
  @Idempotent()
  @Post('inspections/:id/publications')
  @ApiOperation({
    summary: '生成通报公开稿（草稿）',
    description:
      'The notice text generated from live data (as notice.txt), with person names (surname + 某) and the given terms masked; ' +
      'the originals are listed for the task force while it is a draft.',
  })
  @ApiCreatedResponse({ type: PublicationDto })
  createPublication(
    @Param('id', IdPipe) id: string,
    @Body() dto: CreatePublicationDto,
    @CurrentActor() actor: Actor,
  ): Promise<PublicationDto> {
    return this.publications.create(id, dto, actor);
  }

  @Roles('task_force_officer', 'supervisor')
  @Get('inspections/:id/publications')
  @ApiOperation({ summary: '通报公开记录', description: 'newest first, without the texts' })
  @ApiOkResponse({ type: PublicationListDto })
  getInspectionPublications(@Param('id', IdPipe) id: string): Promise<PublicationListDto> {
    return this.publications.list(id);
  }

  @Roles('task_force_officer', 'supervisor')
  @Get('publications/:id')
  @ApiOkResponse({ type: PublicationDto })
  getPublication(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<PublicationDto> {
    return this.publications.get(id, actor);
  }

  @Roles('task_force_officer')
  @Patch('publications/:id')
  @ApiOperation({ summary: '修改通报草稿' })
  @ApiOkResponse({ type: PublicationDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  updatePublication(
    @Param('id', IdPipe) id: string,
    @Body() dto: UpdatePublicationDto,
    @CurrentActor() actor: Actor,
  ): Promise<PublicationDto> {
    return this.publications.update(id, dto, actor);
  }

  @Roles('task_force_officer')
  @Post('publications/:id/publish')
  @HttpCode(200)
  @ApiOperation({
    summary: '发布通报',
    description: 'gives the notice its public slug; the masked originals are dropped',
  })
  @ApiOkResponse({ type: PublicationDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  publishPublication(
    @Param('id', IdPipe) id: string,
    @Body() dto: PublishPublicationDto,
    @CurrentActor() actor: Actor,
  ): Promise<PublicationDto> {
    return this.publications.publish(id, dto, actor);
  }

  @Roles('task_force_officer')
  @Post('publications/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: '撤回通报',
    description: 'a draft or a published notice; the public page answers 404 from then on',
  })
  @ApiOkResponse({ type: PublicationDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  withdrawPublication(
    @Param('id', IdPipe) id: string,
    @Body() dto: WithdrawPublicationDto,
    @CurrentActor() actor: Actor,
  ): Promise<PublicationDto> {
    return this.publications.withdraw(id, dto, actor);
  }

  @Roles('task_force_officer')
  @Get('publications/:id/feedback')
  @ApiOperation({ summary: '公众意见建议', description: 'newest first; unread=true for those not yet handled' })
  @ApiOkResponse({ type: FeedbackPageDto })
  getPublicationFeedback(@Param('id', IdPipe) id: string, @Query() query: FeedbackQueryDto): Promise<FeedbackPageDto> {
    return this.publications.feedback(id, query);
  }

  @Roles('task_force_officer')
  @Get('feedback/unread-count')
  @ApiOperation({ summary: '未处理的公众意见建议数', description: "for the officers' menu badge" })
  @ApiOkResponse({ type: FeedbackUnreadDto })
  getUnreadFeedbackCount(): Promise<FeedbackUnreadDto> {
    return this.publications.unreadFeedback();
  }

  @Roles('task_force_officer')
  @Post('feedback/:id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '标记意见建议已处理', description: 'with an optional note on how it was handled' })
  @ApiOkResponse({ type: FeedbackDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  markFeedbackRead(
    @Param('id', IdPipe) id: string,
    @Body() dto: HandleFeedbackDto,
    @CurrentActor() actor: Actor,
  ): Promise<FeedbackDto> {
    return this.publications.handleFeedback(id, dto, actor);
  }
}
