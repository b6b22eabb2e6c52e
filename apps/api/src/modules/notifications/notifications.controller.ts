import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, SignedIn } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import type { Actor } from '../../common/http/request-context.js';
import {
  NotificationDto,
  NotificationPageDto,
  NotificationQueryDto,
  ReadAllResultDto,
} from './dto/notification.dto.js';
import { NotificationSettingsDto, UpdateNotificationSettingsDto } from './dto/notification-settings.dto.js';
import { NotificationSettingsService } from './notification-settings.service.js';
import { NotificationsService } from './notifications.service.js';

// The caller's own notifications: every account has a bell, whatever its roles.
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly settings: NotificationSettingsService,
  ) {}

  @SignedIn()
  @Get('settings')
  @ApiOkResponse({ type: NotificationSettingsDto })
  getNotificationSettings(@CurrentActor() actor: Actor): Promise<NotificationSettingsDto> {
    return this.settings.get(actor.id);
  }

  @SignedIn()
  @Put('settings')
  @ApiOkResponse({ type: NotificationSettingsDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  updateNotificationSettings(
    @Body() dto: UpdateNotificationSettingsDto,
    @CurrentActor() actor: Actor,
  ): Promise<NotificationSettingsDto> {
    return this.settings.update(actor.id, dto);
  }

  @SignedIn()
  @Get()
  @ApiOkResponse({ type: NotificationPageDto })
  getNotifications(@Query() query: NotificationQueryDto, @CurrentActor() actor: Actor): Promise<NotificationPageDto> {
    return this.notifications.list(actor.id, query);
  }

  @SignedIn()
  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadAllResultDto })
  readAllNotifications(@CurrentActor() actor: Actor): Promise<ReadAllResultDto> {
    return this.notifications.markAllRead(actor.id);
  }

  @SignedIn()
  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  readNotification(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<NotificationDto> {
    return this.notifications.markRead(actor.id, id);
  }
}
