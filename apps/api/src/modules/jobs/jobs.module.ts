import { Module } from '@nestjs/common';
import { JobRunsService } from './job-runs.service.js';
import { JobsController } from './jobs.controller.js';
import { JobsRepository } from './jobs.repository.js';
import { JobsService } from './jobs.service.js';
import { RateLimitPurgeJob } from './rate-limit-purge.job.js';

// The background jobs (pg-boss): a module that defines or queues a job imports this one. The controller is the
// system admin's jobs page (it audits through the global AuditModule, which itself defines a job).
@Module({
  controllers: [JobsController],
  providers: [JobsService, JobsRepository, JobRunsService, RateLimitPurgeJob],
  exports: [JobsService],
})
export class JobsModule {}
