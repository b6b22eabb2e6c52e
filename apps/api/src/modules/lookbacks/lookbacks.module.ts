import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { InspectionsModule } from '../inspections/inspections.module.js';
import { MeasuresModule } from '../measures/measures.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { LookbacksController } from './lookbacks.controller.js';
import { LookbacksRepository } from './lookbacks.repository.js';
import { LookbacksService } from './lookbacks.service.js';

// 回头看: reproducible samples of signed-off measures, findings, rebounds that reopen measures.
@Module({
  imports: [DocumentsModule, InspectionsModule, MeasuresModule, NotificationsModule],
  controllers: [LookbacksController],
  providers: [LookbacksService, LookbacksRepository],
  exports: [LookbacksService],
})
export class LookbacksModule {}
