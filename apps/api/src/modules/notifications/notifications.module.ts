import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module.js';
import { MailModule } from '../mail/mail.module.js';
import { NotificationChannelsController } from './notification-channels.controller.js';
import { NotificationChannelsService } from './notification-channels.service.js';
import { NotificationMailJob } from './notification-mail.job.js';
import { NotificationSettingsService } from './notification-settings.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

// Notifications: a module that notifies users imports this one and calls NotificationsService.notify; the app shows
// them (the bell) and the mail channel sends them by email from a background job. The channels controller is the
// system admin's page of channels and the delivery log.
@Module({
  imports: [JobsModule, MailModule],
  controllers: [NotificationsController, NotificationChannelsController],
  providers: [
    NotificationsService,
    NotificationsRepository,
    NotificationMailJob,
    NotificationChannelsService,
    NotificationSettingsService,
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
