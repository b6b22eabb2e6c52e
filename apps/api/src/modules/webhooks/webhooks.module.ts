import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module.js';
import { WebhookDeliveryJob } from './webhook-delivery.job.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { WebhooksService } from './webhooks.service.js';

// Outbound webhooks: a module that emits an event imports this one and calls WebhooksService.publish after its
// change committed. Delivery is the job `webhooks.deliver` (pg-boss), signed, retried, every attempt logged.
@Module({
  imports: [JobsModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhooksRepository, WebhookDeliveryJob],
  exports: [WebhooksService],
})
export class WebhooksModule {}
