import {
  Body,
  Controller,
  Get,
  HttpCode,
  Injectable,
  Param,
  Post,
  Req,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../common/auth/access.decorators.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { RateLimit } from '../../common/http/rate-limit.js';
import { SubmitFeedbackDto } from './dto/publication-write.dto.js';
import { FeedbackReceivedDto, PublicNoticeDto } from './dto/publication.dto.js';
import { PublicNoticesService } from './public-notices.service.js';

// The public POST carries no session and no CSRF token. A JSON body is what keeps it from being a cross-site form
// target: a foreign page can send JSON only after a CORS preflight, which this API never grants.
@Injectable()
class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.is('application/json')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 JSON 格式提交');
    return true;
  }
}

@ApiTags('public')
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller('public/notices')
export class PublicNoticesController {
  constructor(private readonly notices: PublicNoticesService) {}

  @Public()
  @Get(':slug')
  @ApiOperation({
    summary: '公开的整改通报',
    description: 'no session; 404 for an unknown, draft or withdrawn notice',
    security: [],
  })
  @ApiOkResponse({ type: PublicNoticeDto })
  getPublicNotice(@Param('slug') slug: string): Promise<PublicNoticeDto> {
    return this.notices.notice(slug);
  }

  @Public()
  @RateLimit('feedback')
  @UseGuards(JsonBodyGuard)
  @Post(':slug/feedback')
  @HttpCode(201)
  @ApiOperation({
    summary: '提交意见建议',
    description: 'no session; accepted within the publicity period (China calendar date), limited per client IP',
    security: [],
  })
  @ApiCreatedResponse({ type: FeedbackReceivedDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'FEEDBACK_CLOSED outside the publicity period' })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto })
  submitNoticeFeedback(
    @Param('slug') slug: string,
    @Body() dto: SubmitFeedbackDto,
    @Req() request: Request,
  ): Promise<FeedbackReceivedDto> {
    return this.notices.submitFeedback(slug, dto, {
      ip: request.ip ?? null,
      userAgent: request.header('user-agent') ?? null,
    });
  }
}
