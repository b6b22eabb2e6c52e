import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { MeasuresModule } from '../measures/measures.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { SupervisionOrdersController } from './supervision-orders.controller.js';
import { SupervisionOrdersRepository } from './supervision-orders.repository.js';
import { SupervisionOrdersService } from './supervision-orders.service.js';

// 督办单: formal, numbered orders to a unit about its measures, and the unit's reply.
@Module({
  imports: [MeasuresModule, NotificationsModule, WebhooksModule, DocumentsModule],
  controllers: [SupervisionOrdersController],
  providers: [SupervisionOrdersService, SupervisionOrdersRepository],
  exports: [SupervisionOrdersService],
})
export class SupervisionOrdersModule {}
