import { Module } from '@nestjs/common';
import { InspectionsModule } from '../inspections/inspections.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { MeasuresModule } from '../measures/measures.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { ReminderSweepService } from './reminder-sweep.service.js';
import { RemindersController } from './reminders.controller.js';
import { RemindersRepository } from './reminders.repository.js';
import { RemindersService } from './reminders.service.js';

// Reminders (催办提醒): the per-inspection policy of when reminders go out and whom an overdue measure escalates to,
// and the daily sweep (the job reminders.sweep) that sends them.
@Module({
  imports: [InspectionsModule, JobsModule, MeasuresModule, NotificationsModule, WebhooksModule],
  controllers: [RemindersController],
  providers: [RemindersService, RemindersRepository, ReminderSweepService],
  exports: [RemindersService, ReminderSweepService],
})
export class RemindersModule {}
