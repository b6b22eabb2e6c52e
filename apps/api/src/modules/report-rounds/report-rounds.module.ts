import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { InspectionsModule } from '../inspections/inspections.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { MeasuresModule } from '../measures/measures.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { ReportRoundCompilationController } from './report-round-compilation.controller.js';
import { ReportRoundCompilationRepository } from './report-round-compilation.repository.js';
import { ReportRoundCompilationService } from './report-round-compilation.service.js';
import { ReportRoundsController } from './report-rounds.controller.js';
import { ReportRoundsRepository } from './report-rounds.repository.js';
import { ReportRoundsService } from './report-rounds.service.js';

// 报送轮次: periodic progress reports from every unit, frozen snapshots, returns, closing, the 汇总 and its exports.
@Module({
  imports: [DocumentsModule, InspectionsModule, JobsModule, MeasuresModule, NotificationsModule, WebhooksModule],
  // the compilation's controller first: its report-rounds/compare must come before report-rounds/:id
  controllers: [ReportRoundCompilationController, ReportRoundsController],
  providers: [
    ReportRoundsService,
    ReportRoundsRepository,
    ReportRoundCompilationService,
    ReportRoundCompilationRepository,
  ],
  exports: [ReportRoundsService],
})
export class ReportRoundsModule {}
