import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import {
  DeliveryPageDto,
  DeliveryQueryDto,
  NotificationChannelsDto,
  QueuedMailDto,
  TestMailDto,
} from './dto/notification-channels.dto.js';
import { NotificationChannelsService } from './notification-channels.service.js';

// The system admin's page of notification channels (系统管理 › 通知渠道): whether mail is on, a test mail, and the
// delivery log of every mail sent or failed.
@ApiTags('notifications')
@ApiForbiddenResponse({ type: ErrorBodyDto })
@Controller()
export class NotificationChannelsController {
  constructor(private readonly channels: NotificationChannelsService) {}

  @Roles('system_admin')
  @Get('notification-channels')
  @ApiOkResponse({ type: NotificationChannelsDto })
  getNotificationChannels(): Promise<NotificationChannelsDto> {
    return this.channels.overview();
  }

  @Roles('system_admin')
  @Post('notification-channels/email/test')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: QueuedMailDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'MAIL_OFF' })
  sendTestMail(@Body() dto: TestMailDto): Promise<QueuedMailDto> {
    return this.channels.sendTest(dto.to);
  }

  @Roles('system_admin')
  @Get('notification-deliveries')
  @ApiOkResponse({ type: DeliveryPageDto })
  getNotificationDeliveries(@Query() query: DeliveryQueryDto): Promise<DeliveryPageDto> {
    return this.channels.deliveries(query);
  }
}
