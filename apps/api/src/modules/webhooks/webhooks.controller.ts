import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import type { Actor } from '../../common/http/request-context.js';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  WebhookDeliveryPageDto,
  WebhookDeliveryQueryDto,
  WebhookListDto,
} from './dto/webhook.dto.js';
import { WebhooksService } from './webhooks.service.js';

// The system admin's outbound webhooks (系统管理 › 外部推送).
@ApiTags('webhooks')
@ApiForbiddenResponse({ type: ErrorBodyDto })
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Roles('system_admin')
  @Get()
  @ApiOkResponse({ type: WebhookListDto })
  getWebhooks(): Promise<WebhookListDto> {
    return this.webhooks.list();
  }

  @Roles('system_admin')
  @Post()
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto })
  createWebhook(@Body() dto: CreateWebhookDto, @CurrentActor() actor: Actor): Promise<CreatedWebhookDto> {
    return this.webhooks.create(dto, actor);
  }

  @Roles('system_admin')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  deleteWebhook(@Param('id', IdPipe) id: string): Promise<void> {
    return this.webhooks.remove(id);
  }

  @Roles('system_admin')
  @Get(':id/deliveries')
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  getWebhookDeliveries(
    @Param('id', IdPipe) id: string,
    @Query() query: WebhookDeliveryQueryDto,
  ): Promise<WebhookDeliveryPageDto> {
    return this.webhooks.deliveries(id, query);
  }
}
