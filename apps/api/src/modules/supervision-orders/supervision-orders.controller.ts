import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
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
import { DOCX_TYPE } from '../documents/word/documents.service.js';
import {
  CreateSupervisionOrderDto,
  ReplySupervisionOrderDto,
  SupervisionOrderDto,
  SupervisionOrderPageDto,
  SupervisionOrderQueryDto,
} from './dto/supervision-order.dto.js';
import { SupervisionOrdersService } from './supervision-orders.service.js';

@ApiTags('supervision-orders')
@Controller('supervision-orders')
export class SupervisionOrdersController {
  constructor(private readonly orders: SupervisionOrdersService) {}

  @Roles(...READERS)
  @Get()
  @ApiOkResponse({ type: SupervisionOrderPageDto })
  getSupervisionOrders(
    @Query() query: SupervisionOrderQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<SupervisionOrderPageDto> {
    return this.orders.list(query, actor);
  }

  @Roles('task_force_officer')
  @Post()
  @ApiCreatedResponse({ type: SupervisionOrderDto })
  createSupervisionOrder(
    @Body() dto: CreateSupervisionOrderDto,
    @CurrentActor() actor: Actor,
  ): Promise<SupervisionOrderDto> {
    return this.orders.create(dto, actor);
  }

  @Roles(...READERS)
  @Get(':id')
  @ApiOkResponse({ type: SupervisionOrderDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  getSupervisionOrder(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<SupervisionOrderDto> {
    return this.orders.get(id, actor);
  }

  @Roles(...READERS)
  @Get(':id/document.docx')
  @ApiProduces(DOCX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async exportSupervisionOrder(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const { body, type, name } = await this.orders.document(id, actor);
    return new StreamableFile(body, { type, disposition: contentDisposition(name), length: body.length });
  }

  @Roles('unit_leader', 'unit_staff')
  @Post(':id/reply')
  @HttpCode(200)
  @ApiOkResponse({ type: SupervisionOrderDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  replySupervisionOrder(
    @Param('id', IdPipe) id: string,
    @Body() dto: ReplySupervisionOrderDto,
    @CurrentActor() actor: Actor,
  ): Promise<SupervisionOrderDto> {
    return this.orders.reply(id, dto, actor);
  }
}
