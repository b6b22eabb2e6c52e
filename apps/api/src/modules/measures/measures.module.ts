import { Module, forwardRef } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { CheckpointReviewsController } from './checkpoint-reviews.controller.js';
import { CheckpointReviewsRepository } from './checkpoint-reviews.repository.js';
import { CheckpointReviewsService } from './checkpoint-reviews.service.js';
import { DeadlineExtensionsRepository } from './deadline-extensions.repository.js';
import { DeadlineExtensionsService } from './deadline-extensions.service.js';
import { ExtensionsController } from './extensions.controller.js';
import { MeasureEditingService } from './measure-editing.service.js';
import { MeasureUrgingService } from './measure-urging.service.js';
import { MeasureWorkflowService } from './measure-workflow.service.js';
import { MeasureWritesRepository } from './measure-writes.repository.js';
import { MeasuresController } from './measures.controller.js';
import { MeasuresRepository } from './measures.repository.js';
import { MeasuresService } from './measures.service.js';

@Module({
  imports: [NotificationsModule, WebhooksModule, forwardRef(() => AttachmentsModule)],
  controllers: [MeasuresController, ExtensionsController, CheckpointReviewsController],
  providers: [
    MeasuresService,
    MeasuresRepository,
    MeasureWritesRepository,
    MeasureEditingService,
    MeasureWorkflowService,
    DeadlineExtensionsService,
    DeadlineExtensionsRepository,
    MeasureUrgingService,
    CheckpointReviewsService,
    CheckpointReviewsRepository,
  ],
  exports: [MeasuresService, MeasureWritesRepository],
})
export class MeasuresModule {}
