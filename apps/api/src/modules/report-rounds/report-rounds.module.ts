import { Module } from '@nestjs/common';
import { InspectionsModule } from '../inspections/inspections.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { MeasuresModule } from '../measures/measures.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { ReportRoundsController } from './report-rounds.controller.js';
import { ReportRoundsRepository } from './report-rounds.repository.js';
import { ReportRoundsService } from './report-rounds.service.js';

// 报送轮次: periodic progress reports from every unit, frozen snapshots, returns, closing.
@Module({
  imports: [InspectionsModule, JobsModule, MeasuresModule, NotificationsModule, WebhooksModule],
  controllers: [ReportRoundsController],
  providers: [ReportRoundsService, ReportRoundsRepository],
  exports: [ReportRoundsService],
})
export class ReportRoundsModule {}
